"""What is wrong with a follow-up, as a list of short reasons: the gate the interview eval uses.

The old offline follow-ups filled a template with a cue word and read like it: "You covered
Pub/Sub but. Where does Notification Service come in?", "Where does adds come in?". Each check
here names one such failure so an eval can count them (target: none) and the engine can throw a
phrasing away before the candidate sees it. The checks read only the text, the missed point,
the covered points and the question, so they judge any interviewer's follow-ups, not just ours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from agent.probing.point_kinds import read_point
from agent.probing.words import PRONOUNS, STOP, TEMPLATE_WORDS, VERBS, content_stems, stem, tokens

_DANGLING = re.compile(
    r"\b(but|and|or|because|the|a|an|of|to|with|for|than|so|about|like)\s*[.?!,;:]",
    re.IGNORECASE,
)
_VAGUE_SLOT = re.compile(
    r"\b(?:where|how)\s+(?:does|do|did)\s+(?P<slot>.+?)\s+(?:come|fit)\s+in\b", re.IGNORECASE
)
_SHORT_SLOT = re.compile(r"\b(?:about|of|for|with|on|is|are)\s+(?P<slot>[\w'-]+)\s*\?")
# Verbs that are just as often plural nouns: a slot holding one of these may be fine.
_NOUNS_TOO = frozenset(
    "processes uses needs changes joins orders filters partitions loads runs tracks stores "
    "costs points blocks caches streams queues retries alerts commits scales checks tests "
    "builds moves writes reads results limits designs structures schedules records groups "
    "events messages queries logs jobs tasks returns trades shares holds".split()
)
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s+)([a-z])")


@lru_cache(maxsize=4096)
def _template_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in TEMPLATE_WORDS)


def _slot_defect(slot: str) -> str | None:
    words = tokens(slot)
    if not words:
        return "empty slot"
    edges = {words[0].lower(), words[-1].lower()}
    if edges & (STOP | PRONOUNS):
        return f"slot starts or ends with a stop word: {slot!r}"
    if words[0].lower() in VERBS or (len(words) == 1 and words[0].lower().endswith("ed")):
        return f"slot is a verb: {slot!r}"
    if " / " in slot and any(w.islower() for w in words):
        return f"slot is a list of fragments: {slot!r}"
    return None


def _form_defects(text: str) -> list[str]:
    found: list[str] = []
    if "  " in text:
        found.append("double space")
    if re.search(r"\s[.?!,;:]", text):
        found.append("fragment: space before punctuation")
    if re.search(r"[{}]|<[a-z_]+>|\bNone\b", text):
        found.append("unfilled slot")
    dangling = _DANGLING.search(text)
    if dangling:
        found.append(f"fragment: dangling {dangling.group(1)!r}")
    if _SENTENCE_START.search(text):
        found.append("sentence starts lowercase")
    if not text.rstrip().endswith(("?", ".", "!")):
        found.append("no closing punctuation")
    if re.search(r"\b(\w+) \1\b", text, re.IGNORECASE):
        found.append("repeated word")
    for match in [*_VAGUE_SLOT.finditer(text), *_SHORT_SLOT.finditer(text)]:
        slot = match.group("slot")
        if match.re is _SHORT_SLOT and slot.lower() not in (STOP | VERBS) - _NOUNS_TOO:
            continue
        problem = _slot_defect(slot)
        if problem:
            found.append(problem)
    return found


def _specific_stems(text: str, question: str) -> set[str]:
    """The words a follow-up adds beyond the question and the interviewer's own phrasing."""
    return content_stems(text) - content_stems(question) - _template_stems()


def leaked_words(text: str, point: str, question: str) -> list[str]:
    """Words of `point` that say what it says (not its subject, not the question's own words)
    and appear in `text`."""
    reading = read_point(point, question)
    if reading.body.rstrip().endswith("?"):
        return []  # a point that is a question gives nothing away by being asked
    distinctive = (
        content_stems(reading.body)
        - content_stems(reading.allowed)
        - content_stems(question)
        - _template_stems()
    )
    said = content_stems(text)
    return sorted(distinctive & said)


def repeats_question(text: str, question: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(w.lower() for w in tokens(s))

    if norm(text) == norm(question):
        return True
    own = content_stems(text) - _template_stems()
    asked = content_stems(question)
    vague = bool(_VAGUE_SLOT.search(text))
    return bool(asked) and bool(own) and own <= asked and vague


def asks_covered(text: str, point: str, covered: Sequence[str], question: str) -> str | None:
    """The covered point a follow-up asks about instead of the missed one, if any."""
    specific = _specific_stems(text, question)
    if not specific or specific <= content_stems(point):
        return None
    return next((c for c in covered if specific <= content_stems(c)), None)


DefectGroup = Literal["form", "leak", "repeat", "covered"]


def defect_group(reason: str) -> DefectGroup:
    """Which gate a reason from `follow_up_defects` counts against: "form" (a fragment or an
    empty slot), "leak", "repeat" (of the question) or "covered" (asks a covered point)."""
    if reason.startswith("leaks"):
        return "leak"
    if reason.startswith("repeats"):
        return "repeat"
    if reason.startswith("asks about a covered"):
        return "covered"
    return "form"


def follow_up_defects(text: str, point: str, covered: Sequence[str], question: str) -> list[str]:
    """Reasons `text` is not a follow-up an interviewer would ask about the missed `point`;
    an empty list when there are none."""
    if not text.strip():
        return ["empty"]
    found = _form_defects(text)
    leaked = leaked_words(text, point, question)
    if leaked:
        found.append(f"leaks the point: {', '.join(leaked)}")
    if repeats_question(text, question):
        found.append("repeats the question")
    hit = asks_covered(text, point, covered, question)
    if hit:
        found.append(f"asks about a covered point: {hit!r}")
    return found
