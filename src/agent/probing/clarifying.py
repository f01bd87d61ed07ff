"""Clarifying questions: telling one from an answer, and answering it from the notes.

A candidate who asks "Do you mean batch or streaming?" is doing what interviewers want, and
should get an answer, not a grade. A rhetorical question inside an answer ("Why does this
matter? Because...") is still an answer. `clarify` answers from the context around the
question in the notes (scenario, scale, constraints), never from the prepared answer, and
says so plainly when the notes do not pin the thing down.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.probing.passages import sentences
from agent.probing.words import content_stems, overlap
from retrieval.question_bank import Question

NOTHING_IN_NOTES = "The notes don't pin that down — state your assumption and go on."
MAX_WORDS = 40
"""A clarifying question is short; a long turn ending in "?" is an answer thinking aloud."""
_OPENERS = re.compile(
    r"^(?:(?:sorry|ok(?:ay)?|so|right|just to (?:clarify|check|confirm)|quick question)[,:\s-]*)*"
    r"(?P<head>do|does|did|can|could|should|would|will|is|are|am|may|what|what's|whats|how|"
    r"which|where|when|who|shall)\b",
    re.IGNORECASE,
)
_ASKING_PHRASES = re.compile(
    r"\b(do you mean|did you mean|can I assume|should I assume|may I assume|is it ok(ay)? (if|to)|"
    r"are we allowed|am I allowed|just to clarify|to clarify|are we talking about|"
    r"what do you mean)\b",
    re.IGNORECASE,
)
# What a clarifying question is after, and what a sentence that answers it looks like. The
# first match wins: "How many people are on the team?" is about resources, not scale.
_INTENTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(asked, re.IGNORECASE), re.compile(found, re.IGNORECASE))
    for asked, found in (
        (  # resources: team, budget, cost
            r"\b(budget|cost|team|people|engineers|headcount|resources|money)\b",
            r"\b(budget|cost|engineers|team of|people|headcount)\b",
        ),
        (  # freshness: a time limit
            r"\b(fresh|latency|real[- ]time|delay|sla|how (fast|quickly|soon)|stale)\b",
            r"\b(within|under|less than|at most)\s+\d+\s*(ms|milliseconds?|seconds?|minutes?|"
            r"hours?)|\bsla\b|\breal[- ]time\b",
        ),
        (  # scale: a number with a unit of volume or load
            r"\b(scale|volume|how (many|much|big)|size|load|traffic|throughput|users|events|"
            r"memory)\b",
            r"\d[\d,.]*\s*(k|m|million|billion|thousand)?\s*(bets|events|rows|records|users|"
            r"customers|requests|messages|gb|tb|pb|per (second|day|hour)|a (day|second|month))",
        ),
    )
)
# Words every data-engineering note shares: matching on them alone is matching on nothing.
_EVERYWHERE = content_stems("data system pipeline service platform table job team engineer")
_GENERIC = content_stems(
    "mean assume expected expect clarify allowed okay ok talking need needs important focus "
    "sorry quick question right check confirm"
)


def is_clarifying_question(text: str) -> bool:
    """Whether the candidate's turn is a question to the interviewer rather than an answer."""
    text = text.strip()
    if not text or len(text.split()) > MAX_WORDS:
        return False
    if "?" in text:
        after = text.rsplit("?", 1)[1]
        if len(after.split()) >= 2:  # the question is answered in the same breath
            return False
        last = re.split(r"(?<=[.!])\s+", text.rsplit("?", 1)[0])[-1]
        return bool(_OPENERS.match(last) or _ASKING_PHRASES.search(last))
    return bool(_ASKING_PHRASES.search(text)) or bool(
        _OPENERS.match(text) and len(text.split()) <= 15 and not re.search(r"[.!]\s", text)
    )


def _gives_away(sentence: str, question: Question) -> bool:
    """A sentence from the prepared answer: answering with it would answer the question."""
    golden = [question.golden_answer or "", *question.key_points]
    own = content_stems(sentence)
    return any(overlap(own, content_stems(g)) >= 0.5 for g in golden if g)


def clarify(question: Question, candidate_question: str, passages: Sequence[str]) -> str:
    """The interviewer's answer to a clarifying question, from the notes around `question`."""
    asked = content_stems(candidate_question) - _GENERIC - content_stems(question.question)
    intents = [found for want, found in _INTENTS if want.search(candidate_question)][:1]
    best: tuple[float, str] | None = None
    for sentence in sentences(passages):
        if _gives_away(sentence, question):
            continue
        shared = asked & content_stems(sentence) - _EVERYWHERE
        matched = sum(1.0 for found in intents if found.search(sentence))
        score = overlap(asked, content_stems(sentence)) + matched
        if (matched or len(shared) >= 2) and (best is None or score > best[0]):
            best = (score, sentence)
    if best is None:
        return NOTHING_IN_NOTES
    sentence = best[1].rstrip()
    return f"From the brief: {sentence}" + ("" if sentence.endswith((".", "!")) else ".")
