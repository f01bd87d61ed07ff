"""Questions that stand on their own: "Why this partitioning?" asked with its subject.

Questions lifted from headings lean on the heading above them ("Silver layer > Why this
partitioning?"). Asked alone they lose their subject, so a short question that points outside
itself ("this", "it", "these four") takes the nearest heading that names a topic:
"Silver layer: why this partitioning?".
"""

from __future__ import annotations

import re

_POINTS_OUTSIDE = re.compile(
    r"\b(?:this|these|those|it|its|they|them|their|such|the above|said)\b", re.IGNORECASE
)
# Headings that organise notes rather than name a subject.
_GENERIC = re.compile(
    r"\b(?:questions?|answers?|interview|q\s*&\s*a|faqs?|notes?|prep(?:aration)?|practice|"
    r"talking points|follow[- ]ups?|misc\w*|general|overview|round|top \d+|part \d+|"
    r"section \d+|common|likely|contents)\b",
    re.IGNORECASE,
)
MAX_WORDS = 9
"""Longer questions usually name their subject even when they say "this"."""
SHORT_WHY = 4
""""Why Parquet?", "How do you deduplicate?": a design question this short is about the
section it sits in (the silver layer), so it is asked with that section's name."""
_WHY_HOW = re.compile(r"^(?:why|how)\b", re.IGNORECASE)
# "What about substitute players?", "And for late data?": a continuation of the section's topic.
_CONTINUES = re.compile(r"^(?:what about|how about|and (?:what|how|for|if)|what else)\b", re.I)
SHORT_CONTINUATION = 6


def standalone(
    question: str, heading_path: list[str], doc_id: str, follows: str | None = None
) -> str:
    """The question as it should be asked; unchanged unless it leans on its heading, or, for
    a follow-up ("How do you prevent it?"), on the question it follows."""
    words = len(question.split())
    if follows and _POINTS_OUTSIDE.search(question) and words <= MAX_WORDS:
        subject = _subject_of(follows)
        if subject:
            return f"{subject}: {question[0].lower()}{question[1:]}"
        return f"{follows} {question}"
    if _POINTS_OUTSIDE.search(question) and words <= MAX_WORDS:
        subject = _subject(question, heading_path, doc_id)
    elif (_WHY_HOW.match(question) and words <= SHORT_WHY) or (
        _CONTINUES.match(question) and words <= SHORT_CONTINUATION
    ):
        subject = _subject(question, heading_path[1:], doc_id)  # not the document's title
    else:
        return question
    if not subject:
        return question
    first = question.split()[0]
    keep_case = first.isupper() or first == "I"
    return f"{subject}: {question if keep_case else question[0].lower() + question[1:]}"


_DEFINITION = re.compile(r"^what(?: is|'s| are) (?:an? |the )?(.+?)\s*\?$", re.IGNORECASE)


def _subject_of(question: str) -> str:
    """ "What is a cache stampede?" is about "Cache stampede"."""
    match = _DEFINITION.match(re.sub(r"\s+\?$", "?", question.strip()))
    if not match or len(match.group(1).split()) > 5:
        return ""
    subject = match.group(1)
    return subject[0].upper() + subject[1:]


def _subject(question: str, heading_path: list[str], doc_id: str) -> str:
    asked = set(_words(question))
    for heading in reversed(heading_path):
        title = _topic(heading)
        if title.endswith("?"):  # under "What is Apache Kafka?", the subject is Apache Kafka
            title = _subject_of(title)
        if not title or heading == doc_id or _GENERIC.search(title):
            continue
        if set(_words(title)) <= asked:
            return ""  # the question already names it
        return title
    return ""


def _topic(heading: str) -> str:
    text = re.sub(r"^(?:section|block|part|step)\s+[\d.]+\s*[—:.-]\s*", "", heading, flags=re.I)
    text = re.sub(r"^\d+(?:\.\d+)*[.)]?\s+", "", text)
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip(" :—-")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
