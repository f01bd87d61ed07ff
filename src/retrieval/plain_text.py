"""Markdown source lines to plain sentences, and the test for "is this a question?".

Questions, answers and key points are shown to candidates and compared with their answers, so
they must read as plain text: no `**`, list markers, numbering, emoji or arrows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.inline_text import inline_plain
from retrieval.question_marks import difficulty_mark, strip_question_label

_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s*")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[A-Z]\.|\(\d+\)|#\d+[.:)]?)\s+")
# Emoji, pictographs, check marks and variation selectors that decorate headings.
_DECORATION = re.compile(
    "[\u2600-\u27bf\u2b50\u2b55\U0001f000-\U0001faff\ufe0f\u200d\u2705\u2714\u2716\u274c]+"
)
_SPACES = re.compile(r"\s+")
_LABEL = re.compile(r"^(?:Q|A|Question|Answer|Answers)\s*:\s*", re.IGNORECASE)
_ARROW = re.compile(r"^\s*(?:→|->|=>)\s*")

_QUESTION_WORDS = frozenset(
    "what why how when where which who whom whose is are do does did can could should would "
    "will have has was were".split()
)
# Interview prompts that are not worded as questions: "Explain X", "Walk me through Y".
# A word boundary matters: "Explained: how Discord stores messages" is a blog title.
_PROMPT = re.compile(
    r"^(?:explain|describe|tell (?:me|us)|walk (?:me|us)|talk (?:me|us)|compare|contrast|"
    r"give (?:me |us )?(?:an? )?examples?|show me|define|design (?:a|an|the|your)|"
    r"differences? between|types of|kinds of|implement|write (?:a|an)|discuss|"
    r"how would you|what happens (?:when|if))\b",
    re.IGNORECASE,
)
# "CAP theorem: explain", "Precision vs recall — compare": the prompt comes last.
_TRAILING_PROMPT = re.compile(
    r"\S.*[:—–-]\s*(?:explain|describe|compare|discuss|define)\b[^.?!]*$", re.IGNORECASE
)
_URL = re.compile(r"https?://\S+|www\.\S+")
# "Do we need a second cluster?", "Should we move the docs?": a team asking itself.
_TEAM_QUESTION = re.compile(r"^(?:do|should|shall|can|could|did|will|would|are|must) we\b")
_NOT_QUESTIONS = ("how to ", "what to ", "what you'll", "what you will", "what we", "what they")


@lru_cache(maxsize=16384)  # the same lines are cleaned by several forms' tests
def clean_inline(text: str) -> str:
    """One line or paragraph of Markdown as plain text on one line."""
    text = inline_plain(text)
    text = _DECORATION.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _LIST_MARKER.sub("", text)
    text = _CHECKBOX.sub("", text)
    return text.strip()


def strip_label(text: str) -> str:
    """Drop a leading `Q:`/`A:`/`Question:`/`Answer:` label and a leading arrow."""
    text = _ARROW.sub("", text)
    return _LABEL.sub("", text).strip()


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text).strip()


def unquote(text: str) -> str:
    text = text.strip()
    pairs = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"))
    for left, right in pairs:
        if len(text) > 2 and text.startswith(left) and text.endswith(right):
            return text[1:-1].strip()
    return text


def is_quoted(text: str) -> bool:
    text = text.strip()
    return len(text) > 2 and text[0] in '"“' and text.rstrip(".")[-1] in '"”'


def looks_like_question(text: str, *, strict: bool = False, prompts: bool = True) -> bool:
    """True for interview questions: "What is X?", "Explain how ...", "Walk me through ...".

    `strict` is for headings, where "How to Prepare" or "What to Expect" are titles, not
    questions: there a question needs a question mark or "What is/are". `prompts=False` is for
    ordinary bullets, where "Explain the strategy confidently" is a goal, not a question.
    """
    text = _URL.sub("", question_text(text)).strip()
    lower = text.lower()
    if len(lower) < 8 or lower.startswith(_NOT_QUESTIONS) or _TEAM_QUESTION.match(lower):
        return False
    if prompts and is_prompt(text):
        return True
    if strict:
        if _IF_ASKED.match(text):
            return True
        return "?" in text or lower.startswith(("what is ", "what are ", "what's the difference"))
    return text.rstrip().endswith("?") or ("?" in text and starts_with_question_word(text))


def starts_with_question_word(text: str) -> bool:
    lower = strip_numbering(unquote(clean_inline(text))).lower()
    first = re.split(r"[\s,'’]", lower, maxsplit=1)[0]
    return first in _QUESTION_WORDS or bool(_PROMPT.match(lower))


def is_prompt(text: str) -> bool:
    """An interview prompt without a question mark: "Explain X", "CAP theorem: explain"."""
    text = text.strip()
    return bool(_PROMPT.match(text) or _TRAILING_PROMPT.match(text))


_ANNOTATION = re.compile(
    r"\?\s*[(\[](?:follow[- ]?up|asked\b[^()\[\]?]{0,30}|bonus|optional|repeat\w*|"
    r"again|x\d+|\d+x|twice|important|must know|!+)[)\]]$",
    re.IGNORECASE,
)
_IF_ASKED = re.compile(r"^if (?:you are |you're )?asked about\s+(.+)$", re.IGNORECASE)


def question_text(text: str) -> str:
    """The question as a candidate should read it: no markup, label, numbering or mark."""
    text = difficulty_mark(text)[0]
    text = strip_label(clean_inline(text))
    text = unquote(strip_numbering(strip_question_label(text))).strip()
    text = re.sub(r"\?\s*:$", "?", text)  # "**What is a VPN?:**"
    # "What is an error budget? (follow-up)": a note about the question, not part of it.
    # "(Identity and Access Management)" or "(Linear? Sub-linear?)" after one stays.
    text = _ANNOTATION.sub("?", text)
    asked = _IF_ASKED.match(text)
    if asked:  # a talking-point heading "If Asked About Enhancements"
        return f"What would you say about {asked.group(1).strip().lower()}?"
    return text


def plain_lines(source: str) -> list[str]:
    """Source lines of an answer as plain lines, with blank and rule-only lines dropped."""
    out = []
    for line in source.splitlines():
        if re.fullmatch(r"\s*[-=_*]{3,}\s*", line) or not line.strip():
            continue
        cleaned = strip_label(clean_inline(line))
        if cleaned:
            out.append(cleaned)
    return out
