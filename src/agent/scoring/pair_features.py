"""Features of a (key point, answer) pair: what the pair model reads to decide whether the answer
covers the point, contradicts it, or misses it.

Similarity alone cannot tell "a view is a virtual table" from "a view is a physical copy of a
table": both share the topic's words. So next to the similarities (sentence cosine, lexical
overlap, a word-level soft alignment in the spirit of BERTScore) come the signals a person reads
for a contradiction: a negation on one side only, an antonym in place of the point's word, a
different number, and a swap (the point's claim made about another point's subject).

Word vectors are the scorer's own embedder applied to single words, cached like any text, so the
features work with any `Embedder` (the real MiniLM or a test's fake) and cost one embedding per
distinct word of a batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from agent.scoring.antonyms import ANTONYMS, NEGATIONS, negated_form

FEATURES = (
    "cos_best",
    "cos_whole",
    "lex_best",
    "lex_whole",
    "soft_recall",
    "soft_precision",
    "negation_mismatch",
    "antonym",
    "number_mismatch",
    "swap",
    "point_words",
)
"""Feature names, in the order of `PairFeatures.vector()`; the pair model's weights follow it."""

_STOP = frozenset(
    "a an the and or of to in on for with by is are was were be been it its this that these those "
    "as at from into your you i we they he she them our us my me do does did can could should "
    "would will what which who there their then than so if also about has have had".split()
)
_WORD = re.compile(r"[a-z0-9][a-z0-9_']*")
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
_CODE_LIKE = re.compile(r"\b[A-Za-z]+_[A-Za-z_]+\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b[A-Z]{2,}\w*\b")


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes and underscores kept ("isn't", "row_number")."""
    return _WORD.findall(text.lower())


def stem(word: str) -> str:
    """A crude stem: the first six letters, enough to match retried/retries/retry."""
    return word[:6] if len(word) > 6 else word.rstrip("s") or word


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOP and w not in NEGATIONS and len(w) > 1]


def mentions(text: str, name: str) -> bool:
    """Whether `text` names `name` as a whole ("rank" is not named by "dense_rank")."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text.lower()) is not None


def key_words(point: str) -> list[str]:
    """The words of a key point that are aligned with the answer's (all its words if it is
    made of stop words only)."""
    return content_words(point) or words(point) or [point.lower()]


def negations(text: str) -> int:
    return sum(1 for w in words(text) if w in NEGATIONS or w.endswith("n't"))


CLAIM_MARGIN = 0.15
"""How much worse than the best sentence a sentence naming the point's subject may match the
point and still be read as the claim about it."""

_HEAD = re.compile(r"^(.{2,40}?)(?::\s|\s=\s|\s?->|\s—\s|\s\()")


_LABEL = re.compile(r"^([^:]{2,60}?):\s+(\S.*)$")


def shared_label_bodies(points: Sequence[str]) -> list[str | None]:
    """Per key point, its text without a leading "Label:" that other points of the same
    answer share, else None. Notes list items under one label ("IAM controls: Users",
    "IAM controls: Roles", "Examples: INSERT"); an answer that says the label and one item
    matches every item through the label, so each item must also be matched on its own."""
    bodies: list[str | None] = [None] * len(points)
    texts = list(points)
    for _ in range(3):  # nested labels: "Grouping: Uses: GROUP BY"
        found = [_LABEL.match(t.strip()) for t in texts]
        labels = [m.group(1).strip().lower() if m else None for m in found]
        shared = {label for label in labels if label and labels.count(label) > 1}
        if not shared:
            break
        for i, (m, label) in enumerate(zip(found, labels, strict=True)):
            if m and label in shared:
                texts[i] = bodies[i] = m.group(2).strip()
    return bodies


def subject(point: str) -> str | None:
    """The thing a key point is about: a short head before ":", "=", "->" or "(" (a notes
    line "Write-through: write cache + DB"), else its first code-like name (ROW_NUMBER,
    DataFrame, SQL), else its first content word."""
    head = _HEAD.match(point.strip())
    if head and len(head.group(1).split()) <= 3:
        return head.group(1).strip(" *").lower()
    code = _CODE_LIKE.search(point)
    if code:
        return code.group(0).lower()
    first = content_words(point)
    return first[0] if first else None


@dataclass(frozen=True)
class PairFeatures:
    values: tuple[float, ...]
    best_sentence: int
    """Index of the answer sentence that matches the point best."""
    conflict: str | None
    """What the answer says against the point, if anything: the sentence with the negation,
    antonym, number or swapped subject."""

    def vector(self) -> np.ndarray:
        return np.asarray(self.values, dtype=np.float32)


WordVectors = Callable[[Sequence[str]], np.ndarray]


@dataclass
class AnswerView:
    """An answer prepared once for all its key points."""

    sentences: list[str]
    sentence_vectors: np.ndarray
    whole_vector: np.ndarray
    sentence_words: list[list[str]]
    sentence_stems: list[set[str]]
    all_words: list[str]
    all_stems: set[str]
    word_matrix: np.ndarray
    """Unit vectors of `all_words`, one row each (may be empty)."""
    word_stems: np.ndarray
    """The stem of each of `all_words`."""


def answer_view(
    sentences: list[str], sentence_vectors: np.ndarray, whole: np.ndarray, vectors: WordVectors
) -> AnswerView:
    sentence_words = [content_words(s) for s in sentences]
    all_words = list(dict.fromkeys(w for ws in sentence_words for w in ws))
    return AnswerView(
        sentences=sentences,
        sentence_vectors=sentence_vectors,
        whole_vector=whole,
        sentence_words=sentence_words,
        sentence_stems=[{stem(w) for w in ws} for ws in sentence_words],
        all_words=all_words,
        all_stems={stem(w) for w in all_words},
        word_matrix=vectors(all_words) if all_words else np.zeros((0, 1), np.float32),
        word_stems=np.array([stem(w) for w in all_words]),
    )


def pair_features(
    point: str,
    point_vector: np.ndarray,
    answer: AnswerView,
    vectors: WordVectors,
    other_subjects: Sequence[str] = (),
) -> PairFeatures:
    """Features of one key point against one answer; `other_subjects` are the subjects of the
    reference's other key points (for swaps)."""
    point_words = key_words(point)
    point_stems = {stem(w) for w in point_words}
    cosines = answer.sentence_vectors @ point_vector
    lexical = np.array([len(point_stems & s) / len(point_stems) for s in answer.sentence_stems])
    blended = 0.5 * cosines + 0.5 * lexical
    best = int(np.argmax(blended))
    # Conflicts are read in the best sentence that names the point's subject, if one does, and
    # first in those that open with it: "RANK skips after ties" answers the RANK point, not
    # "DENSE_RANK leaves no gaps after the same rank".
    own = subject(point)
    naming = [i for i, s in enumerate(answer.sentences) if own and mentions(s[:40], own)]
    naming = naming or [i for i, s in enumerate(answer.sentences) if own and mentions(s, own)]
    # A sentence that only names the subject in passing ("a build with no GIL") is not the
    # claim about it: it must match the point nearly as well as the best sentence does.
    naming = [i for i in naming if blended[i] >= blended[best] - CLAIM_MARGIN]
    claim = max(naming, key=lambda i: blended[i]) if naming else best
    sentence = answer.sentences[claim]
    soft_recall, soft_precision = _soft_alignment(point_words, answer, best, vectors)
    negation = _negation_mismatch(point, sentence, point_stems)
    antonym = _antonym(point_words, answer.sentence_words[claim], answer.all_stems)
    number = _number_mismatch(point, sentence)
    swap = _swap(point, answer.sentences, other_subjects)
    values = (
        float(cosines[best]),
        float(answer.whole_vector @ point_vector),
        float(lexical[best]),
        len(point_stems & answer.all_stems) / len(point_stems),
        soft_recall,
        soft_precision,
        negation,
        antonym,
        number,
        swap,
        min(1.0, len(point_words) / 12),
    )
    conflicting = negation or antonym or number or swap
    return PairFeatures(values, best, sentence if conflicting else None)


def _soft_alignment(
    point_words: list[str], answer: AnswerView, best: int, vectors: WordVectors
) -> tuple[float, float]:
    """Recall: how well each of the point's words is matched by some word of the answer;
    precision: how much of the best sentence is about the point. A shared stem counts as 1."""
    if not answer.all_words:
        return 0.0, 0.0
    point_matrix = vectors(point_words)
    similarity = point_matrix @ answer.word_matrix.T  # point words x answer words
    point_stems = np.array([stem(w) for w in point_words])
    similarity[point_stems[:, None] == answer.word_stems[None, :]] = 1.0
    recall = float(np.clip(similarity.max(axis=1), 0, 1).mean())
    in_best = np.isin(answer.all_words, answer.sentence_words[best])
    if not in_best.any():
        return recall, 0.0
    precision = float(np.clip(similarity[:, in_best].max(axis=0), 0, 1).mean())
    return recall, precision


def _negated_stems(text: str, wanted: set[str]) -> set[str]:
    """Stems of `wanted` that a negation governs: within three words after "not", "no",
    "never", "-n't" and the like."""
    tokens = words(text)
    out: set[str] = set()
    for i, token in enumerate(tokens):
        if token in NEGATIONS or token.endswith("n't"):
            out.update(s for s in (stem(t) for t in tokens[i + 1 : i + 4]) if s in wanted)
    return out


def _negation_mismatch(point: str, sentence: str, point_stems: set[str]) -> float:
    """1 when a word the point and the sentence share is negated on one side only ("are not
    connected" against "are connected"); a "not" elsewhere in a long sentence does not count."""
    shared = point_stems & {stem(w) for w in words(sentence)}
    if not shared or negations(point) % 2 == negations(sentence) % 2:
        return 0.0
    return float(bool(_negated_stems(point, shared) ^ _negated_stems(sentence, shared)))


def _antonym(point_words: list[str], sentence_words: list[str], answer_stems: set[str]) -> float:
    """1 when the sentence uses the opposite of one of the point's words and the answer never
    uses the point's word itself ("physical" where the point says "virtual")."""
    sentence = set(sentence_words)
    own = set(point_words)
    for word in point_words:
        if stem(word) in answer_stems:
            continue
        opposites = ANTONYMS.get(word, frozenset()) | {negated_form(word)}
        if opposites & own:  # "precision up, recall down": both sides are the point's own
            continue
        if sentence & opposites:
            return 1.0
    for word in sentence_words:  # the point says "asynchronous", the answer "synchronous"
        if word not in own and negated_form(word) in own:
            return 1.0
    return 0.0


_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
    # "one" is mostly not a count: "one thread at a time", "the one that", "one of them".
    if w != "one"
}


def _numbers(text: str) -> set[str]:
    found = set(_NUMBER.findall(text))
    return found | {_NUMBER_WORDS[w] for w in words(text) if w in _NUMBER_WORDS}


def _number_mismatch(point: str, sentence: str) -> float:
    """1 when the point's numbers are not in the sentence that matches it best but other
    numbers are ("cut false positives by 22 percent" against "by 30%")."""
    wanted = _numbers(point)
    said = _numbers(sentence)
    return float(bool(wanted and said and not wanted & said))


_CLAUSE = re.compile(r"[;,:]|\s[—–-]\s|\bwhile\b|\bwhereas\b")


def _swap(point: str, sentences: Sequence[str], other_subjects: Sequence[str]) -> float:
    """1 when the clause that says what the point says names another point's subject but not
    this point's, though the answer names this one elsewhere: the claim is made about the
    wrong thing ("write-through is where you write only to the cache ... asynchronously")."""
    own = subject(point)
    others = [o for o in other_subjects if o and o != own]
    if not own or not others or not any(mentions(s, own) for s in sentences):
        return 0.0
    predicate = {stem(w) for w in content_words(point)}
    clauses = [c for s in sentences for c in _CLAUSE.split(s) if c.strip()]
    overlaps = [len(predicate & {stem(w) for w in content_words(c)}) for c in clauses]
    best = int(np.argmax(overlaps))
    if overlaps[best] < 2:
        return 0.0
    clause = clauses[best]
    return float(not mentions(clause, own) and any(mentions(clause, o) for o in others))


def feature_names() -> tuple[str, ...]:
    return FEATURES
