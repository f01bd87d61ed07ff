"""Offline hints in three levels that get more specific, and never the same one twice.

Level 1 names the area (the subject and the angle: "Think about what can go wrong with
consumer groups."), level 2 the idea (one word from the point that carries it), level 3 gives
a partial sentence with a blank ("A consumer group ______ the partitions among its members.").
A question with no prepared answer takes its area from the heading and its idea and sentence
from the reference passages. `given` holds the hints already shown for the question; a hint
in it is never shown again, and when there is nothing new left the interviewer says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.probing.passages import sentences
from agent.probing.point_kinds import PointKind, PointReading, read_point
from agent.probing.subjects import as_written, question_subjects
from agent.probing.words import STOP, VERBS, content_stems, parts, stem, tokens
from retrieval.question_bank import Question

BLANK = "______"
MAX_BLANKED_WORDS = 22
OUT_OF_HINTS = (
    "That's all the hints I have for this one — give it your best shot.",
    "I've nothing more to add on this one — answer with what you have, or skip it.",
    "Still no more hints here, I'm afraid — take your best guess.",
)
# No template needs a verb to agree with {s}: subjects come singular and plural.
_AREA: dict[PointKind, str] = {
    "outcome": "Think about how you measured the result.",
    "own_action": "Think about what else you did yourself.",
    "scenario": "Think about what can go wrong with {s}.",
    "definition": "Start from a one-line definition of {s}.",
    "comparison": "Think about {s} next to the alternatives.",
    "trade_off": "Think about the cost of {s}.",
    "limit": "Think about the numbers behind {s}.",
    "step": "Think about the steps involved, in order.",
    "failure": "Think about what can go wrong with {s}.",
    "example": "Think of a concrete example of {s}.",
    "use_case": "Think about real workloads for {s}.",
    "reason": "Think about the reason for {s}.",
    "tool": "Think about which tool does that job.",
    "item": "There's more on the list for {s}.",
    "detail": "Think about {s} a little more.",
}
_NO_SUBJECT_AREA = "Think about what a complete answer would have to cover."


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _cue_words(text: str, avoid: str, strict: bool = True) -> list[str]:
    """Words of `text` that carry its idea, best first: not stop words, verbs, numbers or the
    words of `avoid` (the subject and the question); compounds, acronyms and long words
    first, and words later in the point (its predicate) before earlier ones."""
    seen = content_stems(avoid)
    words = tokens(text)
    out: dict[str, float] = {}
    for position, word in enumerate(words):
        word = re.sub(r"['’]s$", "", word)
        low = word.lower()
        pieces = {stem(p) for p in parts(low)}
        if low in STOP or low in VERBS or len(low) < 3 or pieces <= seen:
            continue
        if strict and (any(c.isdigit() for c in low) or low.endswith("ly")):
            continue  # a number or an adverb is a detail, not the idea
        score = min(len(low), 12) / 10 + (0.8 if "-" in low else 0.0)
        score += 0.3 * position / max(len(words), 1) - (0.6 if low.endswith("ed") else 0.0)
        out.setdefault(word, score)
    return sorted(out, key=lambda w: out[w], reverse=True)


def _blanked(sentence: str, cue: str) -> str:
    """`sentence` with its first `cue` replaced by a blank, cut to a readable length."""
    words = sentence.split()
    if len(words) > MAX_BLANKED_WORDS:
        sentence = " ".join(words[:MAX_BLANKED_WORDS]) + " …"
    pattern = re.compile(rf"(?<![\w/-]){re.escape(cue)}(?![\w/-])")
    blanked = pattern.sub(BLANK, sentence, count=1)
    if BLANK not in blanked or len(blanked.split()) < 3:  # "______" alone is no hint
        return ""
    return blanked


def _subject(reading: PointReading, question: str, heading_path: list[str]) -> str:
    context = " ".join([reading.point, question, *heading_path])
    return as_written(reading.subject, context) if reading.subject else ""


def _area(reading: PointReading, subject: str) -> str:
    """Level 1: where to look, from what the point is about and its kind."""
    if reading.condition:
        return f"Think about what happens when {reading.condition}."
    if reading.action:
        return f"Think about which tool you'd use to {reading.action} it."
    if reading.alternative:
        return f"Think about what goes wrong with {reading.alternative}."
    template = _AREA.get(reading.kind, _AREA["detail"])
    if "{s}" not in template:
        return template
    return template.replace("{s}", subject) if subject else _NO_SUBJECT_AREA


def _ladder_for_point(point: str, question: str, heading_path: list[str]) -> list[list[str]]:
    reading = read_point(point, question, heading_path)
    area = _area(reading, _subject(reading, question, heading_path))
    cues = _cue_words(reading.body, " ".join([reading.allowed, question]))
    cues = cues or _cue_words(reading.body, reading.allowed, strict=False)
    ideas = [f"One word to build on: “{c}”." for c in cues[:2]]
    blanks = [b for b in (_blanked(reading.body, c) for c in cues[:2]) if b]
    sentences = [f"Fill the blank: “{b}”" for b in blanks]
    return [[area], ideas, sentences]


def _passage_sentences(passages: Sequence[str], question: str) -> list[str]:
    """Passage sentences that share a word with the question, most shared first."""
    asked = content_stems(question)
    shared = [s for s in sentences(passages) if asked & content_stems(s)]
    return sorted(shared, key=lambda s: -len(asked & content_stems(s)))


def _ladder_without_answer(
    question: str, heading_path: list[str], passages: Sequence[str]
) -> list[list[str]]:
    """No prepared answer: where the notes cover it, then words and blanks from the passages
    that share the most with the question."""
    where = heading_path[-1] if heading_path else ""
    topic = (question_subjects(question) or [""])[0]
    area = []
    if where and where.strip().lower() != question.strip().lower():
        area.append(f"Your notes cover this under “{where}”.")
    if topic:
        area.append(f"Think about {topic}: what it is, why it matters, and one trade-off.")
    area = area or ["Structure it: what it is, why it matters, and one trade-off."]
    sentences = _passage_sentences(passages, question)[:2]
    cues = [c for s in sentences for c in _cue_words(s, question)[:1]]
    ideas = [f"One word to build on: “{c}”." for c in cues]
    blanks = [_blanked(s, c) for s, c in zip(sentences, cues, strict=False)]
    return [area, ideas, [f"Fill the blank: “{b}”" for b in blanks if b]]


def hint(
    question: Question,
    target_point: str | None,
    level: int,
    given: Sequence[str] = (),
    passages: Sequence[str] | None = None,
) -> str:
    """A hint at `level` (1 area, 2 idea, 3 partial sentence) towards `target_point`.

    With no target (a hint before any answer) the question's first key point is used; with no
    key points either, `passages` (the notes around the question; by default its reference
    passages) stand in. A hint in `given` is never repeated: the next more specific one is
    used, and when none is left, an honest "that's all I have".
    """
    path = list(question.heading_path)
    point = target_point or (question.key_points[0] if question.key_points else None)
    if point:
        ladder = _ladder_for_point(point, question.question, path)
    else:
        texts = [p.text for p in question.references] if passages is None else list(passages)
        ladder = _ladder_without_answer(question.question, path, texts)
    shown = {_norm(g) for g in given}
    # Past level 3 each level moves one hint further along, so a caller that counts levels
    # but does not pass `given` still never sees a hint twice.
    rung = min(max(level, 1), len(ladder)) - 1
    flat = [text for r in ladder[rung:] for text in r] + list(OUT_OF_HINTS)
    extra = max(level - len(ladder), 0)
    for text in flat[extra:]:
        if _norm(text) not in shown:
            return text
    # Past the last stock reply the count keeps even this one from repeating.
    asks = max(len(given), level) + 1
    return f"No more hints for this one, I'm afraid (that's {asks} asks)."
