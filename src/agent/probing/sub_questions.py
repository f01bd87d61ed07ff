"""The notes' own questions about a missed point: the best follow-up there is, when one exists.

Notes often ask a question about a detail of another answer: "Why heavy smoothing?" has the
point "Rolling median removes outliers, rolling mean smooths the result", and the same notes
ask "Why rolling median THEN rolling mean?". Matching is lexical (shared content-word stems),
which is cheap enough for the follow-up path: no embedding model, well under a millisecond.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from agent.probing.words import capitalise, content_stems, overlap
from retrieval.question_bank import Question

MIN_SHARED = 2
"""Content words a sub-question shares with the point: one shared word is coincidence."""
MIN_OVERLAP = 0.6
"""Share of the sub-question's own words (beyond the asked question's) found in the point."""
MIN_POINT_SHARE = 0.3
"""Share of the point's words the sub-question asks about: a long point that merely mentions
"Cloud Storage" is not what "What is cloud storage?" asks about."""
# "What is X?" in the middle of another question is a change of topic, not a probe.
_DEFINITIONAL = re.compile(r"^\s*(?:what|who)(?:'s|\s+(?:is|are))\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Entry:
    question: Question
    stems: frozenset[str]


def tidy_question(text: str) -> str:
    """A mined question as an interviewer would say it: capitalised, no space before "?"."""
    text = re.sub(r"\s+([?.,])", r"\1", text.strip().strip('"“”'))
    text = re.sub(r"\s+", " ", text)
    return capitalise(text) if text.endswith("?") else ""


class SubQuestions:
    """The bank's interview questions by document, with their content stems ready."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self._by_doc: dict[str, list[_Entry]] = {}
        self.common_words: frozenset[str] = _lower_case_words(questions)
        """Words the notes write in lower case mid-sentence: common words, not names, so a
        subject that opens a point with a capital ("Consumers ...") loses it mid-question."""
        for q in questions:
            if q.kind != "interview":
                continue
            entry = _Entry(q, frozenset(content_stems(q.question)))
            self._by_doc.setdefault(q.doc_id, []).append(entry)

    def find(self, question: Question, point: str, covered: Sequence[str] = ()) -> str | None:
        """The same document's question that best asks about `point`, or None.

        It must share at least `MIN_SHARED` words with the point, have most of its own words
        in it, and fit the point better than any covered point, so it probes what was missed.
        """
        asked = content_stems(question.question)
        target = content_stems(point)
        covered_stems = [content_stems(c) for c in covered]
        best: tuple[float, str] | None = None
        for entry in self._by_doc.get(question.doc_id, []):
            other = entry.question
            if other.id == question.id or other.question.strip() == question.question.strip():
                continue
            own = set(entry.stems) - asked
            shared = own & target
            if len(shared) < MIN_SHARED or overlap(own, target) < MIN_OVERLAP:
                continue
            if overlap(target, own) < MIN_POINT_SHARE or _DEFINITIONAL.match(other.question):
                continue
            score = overlap(own, target) + 0.1 * _heading_affinity(question, other)
            if any(overlap(own, c) >= overlap(own, target) for c in covered_stems):
                continue
            text = tidy_question(other.question)
            if text and (best is None or score > best[0]):
                best = (score, text)
        return best[1] if best else None


def _lower_case_words(questions: Sequence[Question]) -> frozenset[str]:
    """Words the bank writes in lower case mid-sentence more often than capitalised."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for q in questions:
        for text in [q.question, *q.key_points]:
            for word in re.findall(r"(?<=[a-z,] )[A-Za-z][a-z-]+", text):
                (capital if word[0].isupper() else lower)[word.lower()] += 1
    return frozenset(w for w, n in lower.items() if n > capital[w])


def _heading_affinity(a: Question, b: Question) -> int:
    """How many leading headings two questions share: neighbours in the notes go together."""
    shared = 0
    for x, y in zip(a.heading_path, b.heading_path, strict=False):
        if x != y:
            break
        shared += 1
    return shared
