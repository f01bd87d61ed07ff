"""Behavioural answers read as STAR stories: situation, task, action, result, measurable outcome.

`star_parts` scores each part 0-1 from spoken cues ("when I was at", "my job was", "I built",
"as a result", "from four hours to 50 minutes"), deterministic and instant. Team actions ("we
moved the tables") count for little on purpose: the interviewer wants what *you* did.

How the scorer should use it (the behavioural rubric's criteria are these five names):
    parts = star_parts(answer)
    level[name] = 1 + 4 * parts[name]            # 0 -> level 1, 1 -> level 5, for each part
    score = rubric.weighted(level)               # weights in rubrics/behavioural.yaml
and, when a golden story exists, cap "result" and "measurable_outcome" at correctness + 1 as
the default scorer caps depth, so a confident story about something else does not pay. A part
under `PRESENT` is missing: `missing_star_parts` orders them for `star_follow_up`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from retrieval.question_bank import Question

STAR_PARTS = ("situation", "task", "action", "result", "measurable_outcome")
STAR_TARGET = "star:"
"""Prefix of a follow-up target that is a missing STAR part, not a key point."""
PRESENT = 0.5
"""A part scored at or above this is in the story."""
ASK_ORDER = ("action", "result", "measurable_outcome", "task", "situation")
"""What an interviewer asks for first: the candidate's own part, then what came of it."""


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


_SITUATION = _rx(
    r"\bwhen I was (at|working|on|in)\b",
    r"\b(at|in) my (last|previous|old|current|first) (company|job|role|team|position)\b",
    r"\b(our|my) (team|company|client|squad)\b",
    r"\bwe had\b",
    r"\bthere was\b",
    r"\b(a few|two|three|some) (years|months) ago\b",
    r"\b(last|that) (year|quarter)\b",
    r"\bback (in|when)\b",
    r"\bthe (team|company|client|business) was\b",
)
_TASK = _rx(
    r"\bI was (responsible|in charge|asked|tasked|brought in)\b",
    r"\bmy (job|role|task|goal|responsibility) was\b",
    r"\b(it|this) was (on me|my job)\b",
    r"\bI (had|needed|was supposed) to\b",
    r"\bI owned\b",
    r"\bthe (goal|challenge|problem|ask) was\b",
)
_ACTION_VERBS = (
    r"(decided|built|set up|setup|wrote|rewrote|proposed|talked|spoke|introduced|led|"
    r"refactored|designed|migrated|added|created|organi[sz]ed|pushed|suggested|reached out|"
    r"spent|profiled|found|fixed|implemented|automated|ran|started|changed|moved|analy[sz]ed|"
    r"investigated|convinced|made|took|put|reviewed|paired|documented|presented|escalated|"
    r"prototyped|benchmarked|tested|deployed|replaced|split|chose|traced|wrote up|sat down|got|"
    r"brought|negotiated|mentored|trained)"
)
_I_ACTION = re.compile(rf"\bI\s+(?:\w+ly\s+|then\s+|also\s+)?{_ACTION_VERBS}\b")
# "I rewrote the job and added a checkpoint": the verbs after "and" are the candidate's too.
_AND_ACTION = re.compile(rf"\band\s+(?:then\s+|also\s+)?{_ACTION_VERBS}\b")
_WE_ACTION = re.compile(
    r"\bwe\s+(?:\w+ly\s+|then\s+|also\s+)?(planned|moved|ran|built|wrote|migrated|added|"
    r"set up|decided|fixed|created|designed|implemented|introduced|changed|split|replaced)\b",
    re.IGNORECASE,
)
_RESULT = _rx(
    r"\bas a result\b",
    r"\bin the end\b",
    r"\bthe (result|outcome|upshot|impact) was\b",
    r"\b(which|that) meant\b",
    r"\bsince then\b",
    r"\b(after that|afterwards)\b",
    r"\binstead of (about |around )?\w+ (hours|minutes|days|seconds)\b",
    r"\bended up\b",
    r"\b(we|it|this|that|I) (reduced|cut|saved|improved|increased|halved|doubled|dropped|"
    r"brought|sped)\b",
    r"\bwent (from|down|up)\b",
    r"\bgot (a lot |much )?(quieter|faster|better|cheaper|simpler)\b",
    r"\bhaven'?t .{1,40} since\b",
    r"\bno longer\b",
    r"\b(shipped|launched|delivered|adopted)\b",
)
_NUMBER = (
    r"(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
    r"forty|fifty|hundred|a hundred|a thousand|half)"
)
_MEASURED = re.compile(
    rf"{_NUMBER}\s*(%|percent\b|x\b|times\b|hours?\b|hrs?\b|minutes?\b|mins?\b|seconds?\b|"
    r"secs?\b|ms\b|days?\b|weeks?\b|months?\b|k\b|gb\b|tb\b|pb\b|people\b|engineers\b|"
    r"incidents\b|tickets\b)|[£$€]\s?\d+",
    re.IGNORECASE,
)
_ROUGH_MEASURE = _rx(r"\b(halved|doubled|tripled|by half|ten-?fold)\b")
_FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "situation": (
        "Can you set the scene first? Where were you, and what was going on?",
        "What was the context — which team, which system, what was at stake?",
    ),
    "task": (
        "What was your role in this, specifically?",
        "What were you on the hook for?",
    ),
    "action": (
        "What did you personally do?",
        'You said "we" a lot. Which parts were yours?',
        "Walk me through the steps you took yourself.",
    ),
    "result": (
        "How did it turn out?",
        "What was the outcome, in the end?",
    ),
    "measurable_outcome": (
        "What was the measurable result?",
        "How did you know it worked? Any numbers?",
        "Can you put a number on the impact?",
    ),
}


def _share(hits: int, per_hit: float) -> float:
    return round(min(1.0, hits * per_hit), 3)


def star_parts(answer: str) -> dict[str, float]:
    """Each STAR part 0-1: how strongly the answer's wording shows it."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", answer.strip()) if s]
    opening = " ".join(sentences[:2])
    situation = len(_SITUATION.findall(answer)) * 0.5 + (0.2 if _SITUATION.search(opening) else 0)
    own = sum(
        len(_I_ACTION.findall(s)) + len(_AND_ACTION.findall(s))
        for s in sentences
        if _I_ACTION.search(s)
    )
    team = len(_WE_ACTION.findall(answer))
    action = min(1.0, own * 0.35) + min(0.4, team * 0.15)
    result_hits = len(_RESULT.findall(answer))
    closing = sentences[-1] if sentences else ""
    result = result_hits * 0.5 + (0.2 if result_hits and _RESULT.search(closing) else 0)
    # Only a number in or after the outcome measures it: "get it under two hours" in the task
    # is the goal, and "40 TB a day" in the situation is scale, not impact.
    start = next((i for i, s in enumerate(sentences) if _RESULT.search(s)), None)
    outcome = " ".join(sentences[start:]) if start is not None else ""
    measured = 1.0 if _MEASURED.search(outcome) else 0.6 if _ROUGH_MEASURE.search(outcome) else 0.0
    if not measured and _MEASURED.search(answer):
        measured = 0.3
    return {
        "situation": _share(1, min(1.0, situation)),
        "task": _share(len(_TASK.findall(answer)), 0.6),
        "action": round(min(1.0, action), 3),
        "result": _share(1, min(1.0, result)),
        "measurable_outcome": round(measured, 3),
    }


def missing_star_parts(parts: dict[str, float]) -> list[str]:
    """Parts under `PRESENT`, in the order an interviewer would ask for them."""
    return [p for p in ASK_ORDER if parts.get(p, 0.0) < PRESENT]


def star_follow_up(
    missing_part: str, question: Question, asked: Sequence[str] = (), answer: str = ""
) -> str:
    """A probe for one missing STAR part; a stable choice among a few, skipping any asked.
    `answer` lets it say "You said we a lot" only when the candidate did."""
    options = _FOLLOW_UPS.get(missing_part, _FOLLOW_UPS["result"])
    if len(re.findall(r"\bwe\b", answer, re.IGNORECASE)) < 2:
        options = tuple(o for o in options if '"we"' not in o)
    start = zlib.crc32(f"{question.id}\x00{missing_part}".encode()) % len(options)
    rotated = [*options[start:], *options[:start]]
    seen = {a.strip().lower() for a in asked}
    return next((t for t in rotated if t.lower() not in seen), rotated[0])


_BEHAVIOURAL_WORDING = _rx(
    r"\btell me about a time\b",
    r"\b(describe|give me an example of|talk me through) a (time|situation|moment|project|"
    r"conflict|challenge|challenging|mistake|failure|disagreement)\b",
    r"\bhave you ever\b",
    r"\bwhat would you do if (a|your) (colleague|manager|stakeholder|teammate)\b",
    r"\bhow did you (handle|deal with|resolve)\b",
    r"\b(most challenging|proudest|biggest mistake|a conflict)\b",
)
# Not "leadership": a "Team Leadership & Technical Strategy" section asks about standards and
# code review, which are not stories.
_BEHAVIOURAL_TAGS = _rx(r"behaviou?ral", r"\bSTAR\b", r"soft skills", r"\bstories\b")


def is_behavioural(question: Question) -> bool:
    """A tell-me-about-a-time question, or one filed under a behavioural/STAR heading or tag."""
    if _BEHAVIOURAL_WORDING.search(question.question):
        return True
    return any(_BEHAVIOURAL_TAGS.search(t) for t in [*question.topics, *question.heading_path])
