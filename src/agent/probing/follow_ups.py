"""Offline follow-ups: a probe for a missed key point, phrased the way an interviewer would.

The point is read for its kind and subject (`point_kinds`); the kind picks the angle ("What
can go wrong with X?", "How would you compare X with Y?", "What happens if <condition>?",
"Why not just <the alternative>?") from `templates`, and the subject fills it, so the question
names what the point is about and never what it says. Before that, the notes' own questions
win: a point that is itself a question, then a question the same notes ask about the point
(`SubQuestions`). Every phrasing passes `follow_up_defects` before it is used, so a bad
subject falls through to a plainer question rather than reaching the candidate.

Pure and deterministic: the same inputs give the same follow-up; the variant is chosen by a
stable hash of the question and the point, and phrasings in `asked` are skipped.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from agent.probing.defects import follow_up_defects
from agent.probing.point_kinds import PointKind, PointReading, read_point, split_label
from agent.probing.sub_questions import SubQuestions, tidy_question
from agent.probing.subjects import as_written, is_plural
from agent.probing.templates import (
    AGAINST_ALTERNATIVE,
    COMPARISON_ALONE,
    DEFINITION_OF_TOPIC,
    EXPERIENCE_NO_SUBJECT,
    NO_SUBJECT,
    STEP_WITHOUT_SUBJECT,
    TEMPLATES,
    TOOL_FOR_JOB,
    WHY_QUESTION_REASON,
)
from agent.probing.words import capitalise, content_stems
from retrieval.question_bank import Question

# Kinds whose templates all read well with "it"/"them"/"they" for the subject; a definition
# ("sum up it") or a step ("what happens with it") does not.
_PRONOUN_OK: frozenset[PointKind] = frozenset(
    {"comparison", "trade_off", "limit", "failure", "reason"}
)
_WHY = re.compile(r"^\s*why\b", re.IGNORECASE)
_EXPERIENCE = re.compile(
    r"\b(have you|did you|you('ve)? (built|used|worked|designed|led|implemented)|your "
    r"(experience|background|career|project|role))\b",
    re.IGNORECASE,
)


def _variant(key: str, options: Sequence[str]) -> list[str]:
    """`options` rotated to start at a stable, key-dependent place: variety without chance."""
    start = zlib.crc32(key.encode("utf-8")) % len(options)
    return [*options[start:], *options[:start]]


def _is_topic(subject: str, question: str) -> bool:
    own = content_stems(subject)
    return bool(own) and own <= content_stems(question)


def _templates(reading: PointReading, question: str) -> tuple[str, ...]:
    if reading.alternative:
        return AGAINST_ALTERNATIVE
    if reading.action:
        return TOOL_FOR_JOB
    if reading.kind == "scenario" and not reading.condition:
        return TEMPLATES["failure"]
    if reading.kind in ("reason", "failure", "detail") and _WHY.match(question):
        if _is_topic(reading.subject, question):
            return WHY_QUESTION_REASON
    if reading.kind == "step" and reading.source in ("question", "heading", "none"):
        return STEP_WITHOUT_SUBJECT
    if reading.kind == "comparison" and not reading.others:
        return COMPARISON_ALONE
    if reading.kind == "definition" and _is_topic(reading.subject, question):
        return DEFINITION_OF_TOPIC  # "What is X?" was asked; "what is X" again is no probe
    return TEMPLATES[reading.kind]


def _covered_subject(subject: str, covered: Sequence[str], question: str) -> bool:
    """The subject is what a covered point is about, and not simply the question's topic."""
    own = content_stems(subject) - content_stems(question)
    return bool(own) and any(own <= content_stems(split_label(c)[1]) for c in covered)


def _condition(condition: str, context: str, common: frozenset[str]) -> str:
    """A scenario's condition mid-sentence, in the interviewer's voice: "a broker drops out of
    the ISR"; "you" stays "you", "we" becomes "you"."""
    text = re.sub(r"\bwe\b", "you", condition.strip().rstrip(".,"), flags=re.IGNORECASE)
    text = re.sub(r"\bour\b", "your", text, flags=re.IGNORECASE)
    return as_written(text, context, common) if text else ""


_SUBJECT_SLOT = re.compile(r"\b(?:do|does|is|are)\s+$", re.IGNORECASE)


def _with_pronoun(text: str, subject: str, plural: bool) -> str:
    """`text` with `subject` as a pronoun: "they" where it is the subject of a verb ("What do
    they buy you?"), "them" where it is an object ("the downside of them")."""
    before, _, after = text.partition(subject)
    if _SUBJECT_SLOT.search(before):
        return before + ("they" if plural else "it") + after
    return before + ("them" if plural else "it") + after


def _phrasings(
    reading: PointReading, question: Question, answer: str, common: frozenset[str]
) -> list[str]:
    context = " ".join([reading.point, question.question, *question.heading_path])
    subject = as_written(reading.subject, context, common)
    plural = is_plural(subject)
    slots = {
        "{s}": subject,
        "{o}": as_written(reading.others[0], context, common) if reading.others else "",
        "{c}": _condition(reading.condition, context, common),
        "{alt}": reading.alternative,
        "{act}": reading.action,
        "{is}": "are" if plural else "is",
        "{does}": "do" if plural else "does",
    }
    texts = []
    for template in _templates(reading, question.question):
        if "{s}" in template and not subject:
            continue
        for slot, value in slots.items():
            template = template.replace(slot, value)
        texts.append(template)
    texts = _variant(f"{question.id}\x00{reading.point}", texts)
    mentioned = (
        bool(subject)
        and reading.source != "question"
        and content_stems(subject) <= content_stems(answer)
    )
    if mentioned and reading.kind in _PRONOUN_OK:
        lead = f"You mentioned {subject}. "
        texts = [
            lead + capitalise(_with_pronoun(t, subject, plural)) for t in texts if subject in t
        ] + texts
    return texts


# Kinds whose questions need no subject: the condition, the job or the measure carries them.
_SUBJECT_FREE: frozenset[PointKind] = frozenset({"outcome", "scenario", "step"})


def _readings(point: str, question: Question, covered: Sequence[str]) -> list[PointReading]:
    """The point's own reading, then the same kind about the question's subject, then none."""
    first = read_point(point, question.question, question.heading_path)
    out = []
    subject_free = first.kind in _SUBJECT_FREE or first.action or first.alternative
    if subject_free or (
        first.subject and not _covered_subject(first.subject, covered, question.question)
    ):
        out.append(first)
    fallback = read_point("", question.question, question.heading_path)
    if fallback.subject:
        kind = first.kind if first.kind not in ("definition", "comparison") else "detail"
        out.append(PointReading(point, kind, fallback.subject, fallback.source, first.body))
    return out


def _point_as_question(point: str, question: Question, seen: set[str]) -> str | None:
    """A key point that is itself a question ("Why is Spark popular?") is the notes' own
    follow-up: ask it, if it reads well and is not the question already asked."""
    body = split_label(point)[1]
    text = tidy_question(body) if len(body.split()) >= 3 else ""
    if not text or text.lower() in seen:
        return None
    problems = follow_up_defects(text, "", [], question.question)
    return None if problems else text


def follow_up(
    question: Question,
    target: str,
    covered: Sequence[str] = (),
    answer: str = "",
    *,
    sub_questions: SubQuestions | None = None,
    asked: Sequence[str] = (),
) -> str:
    """A follow-up about the missed key point `target`.

    `covered`: the key points the answers so far covered (never asked about again). `answer`:
    the candidate's answers so far, to say "You mentioned X" when they named the subject.
    `sub_questions`: the bank's questions, to ask the notes' own sub-question when one fits.
    `asked`: follow-ups already asked for this question, never repeated.
    """
    seen = {a.strip().lower() for a in asked}
    common = sub_questions.common_words if sub_questions is not None else frozenset()

    def usable(text: str) -> bool:
        return text.strip().lower() not in seen and not follow_up_defects(
            text, target, list(covered), question.question
        )

    own = _point_as_question(target, question, seen)
    if own:
        return own
    if sub_questions is not None:
        mined = sub_questions.find(question, target, covered)
        if mined and usable(mined):
            return mined
    for reading in _readings(target, question, covered):
        for text in _phrasings(reading, question, answer, common):
            if usable(text):
                return text
    plain = EXPERIENCE_NO_SUBJECT if _EXPERIENCE.search(question.question) else NO_SUBJECT
    options = _variant(f"{question.id}\x00{target}", plain)
    fresh = [t for t in options if t.strip().lower() not in seen] or options
    return next((t for t in fresh if usable(t)), fresh[0])
