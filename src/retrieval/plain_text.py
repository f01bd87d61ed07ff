"""Markdown source lines to plain sentences, and the test for "is this a question?".

Questions, answers and key points are shown to candidates and compared with their answers, so
they must read as plain text: no `**`, list markers, numbering, emoji or arrows.
"""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"\*\*|\*(?=\S)|(?<=\S)\*|`|(?<!\w)__?(?=\S)|(?<=\S)__?(?!\w)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s*")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")
# Emoji, pictographs, check marks and variation selectors that decorate headings.
_DECORATION = re.compile(
    "[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d\u2705\u2714\u2716\u274c]+"
)
_SPACES = re.compile(r"\s+")
_LABEL = re.compile(r"^(?:Q|A|Question|Answer|Answers)\s*:\s*", re.IGNORECASE)
_ARROW = re.compile(r"^\s*(?:→|->|=>)\s*")

_QUESTION_WORDS = frozenset(
    "what why how when where which who whom whose is are do does did can could should would "
    "will have has was were".split()
)
_PROMPTS = (
    "explain",
    "describe",
    "tell me",
    "walk me",
    "walk us",
    "talk me",
    "talk us",
    "compare",
    "give me an example",
    "give an example",
    "show me",
    "define",
)
_NOT_QUESTIONS = ("how to ", "what to ", "what you'll", "what you will", "what we", "what they")


def clean_inline(text: str) -> str:
    """One line or paragraph of Markdown as plain text on one line."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
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
    text = strip_numbering(unquote(strip_label(clean_inline(text)))).strip()
    lower = text.lower()
    if len(lower) < 8 or lower.startswith(_NOT_QUESTIONS):
        return False
    if prompts and lower.startswith(_PROMPTS):
        return True
    if strict:
        if _IF_ASKED.match(text):
            return True
        return "?" in text or lower.startswith(("what is ", "what are ", "what's the difference"))
    return text.rstrip().endswith("?") or ("?" in text and starts_with_question_word(text))


def starts_with_question_word(text: str) -> bool:
    lower = strip_numbering(unquote(clean_inline(text))).lower()
    first = re.split(r"[\s,'’]", lower, maxsplit=1)[0]
    return first in _QUESTION_WORDS or lower.startswith(_PROMPTS)


_IF_ASKED = re.compile(r"^if (?:you are |you're )?asked about\s+(.+)$", re.IGNORECASE)


def question_text(text: str) -> str:
    """The question as a candidate should read it."""
    text = unquote(strip_numbering(strip_label(clean_inline(text)))).strip()
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
