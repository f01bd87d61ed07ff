"""What notes put around a question that is not the question: numbering, labels, difficulty.

"Question 12:", "Q.", "Q12)", "12.", "#12" must never be read out to a candidate; a difficulty
mark ("👶", "[easy]", "★★☆") is information, so it comes off the text and becomes the
question's difficulty.
"""

from __future__ import annotations

import re

from retrieval.question_bank import Difficulty

# "Q:" / "**Question**:" and "A:" / "Ans:" / "A -" / "**Answer:**" at the start of a line.
Q_LABEL = re.compile(r"^\s*(?:\*\*|__)?\s*(?:Q|Question)\s*(?:\*\*|__)?\s*:", re.IGNORECASE)
A_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:A|Ans|Answer|Me|Candidate)\s*\d*\s*(?:\*\*|__)?\s*"
    r"(?::|\.(?=\s)|\s*[-–—](?=\s|$))",
    re.IGNORECASE,
)
_QUESTION_LABEL = re.compile(
    r"^(?:(?:interview\s+)?(?:Q|Qn|Ques|Question)\s*[-#]?\s*\d*\s*(?::|[.)\]](?=\s)|\s[-–—]\s)"
    r"|follow[- ]?up(?:\s+questions?)?\s*:"
    r"|(?:interviewer|recruiter|hiring\s+manager|panel(?:ist)?)\s*:"  # a mock's transcript
    r"|#\d+\s*[:.)]?(?=\s)|\(\d+\)(?=\s)|\d+\)(?=\s))\s*",
    re.IGNORECASE,
)
_WORD_MARK = re.compile(
    r"\s*(?:\[(easy|medium|hard|beginner|intermediate|advanced)\]"
    r"|\((easy|medium|hard|beginner|intermediate|advanced)\)"
    r"|[-–—|]?\s*difficulty\s*:\s*(easy|medium|hard))\s*",
    re.IGNORECASE,
)
_STARS = re.compile(r"\s*([★⭐]+)[☆✩\s]*(?:\ufe0f)?\s*")
_EMOJI: dict[str, Difficulty] = {
    "👶": "easy",
    "🐣": "easy",
    "🍼": "easy",
    "🟢": "easy",
    "🧑": "medium",
    "👨": "medium",
    "👩": "medium",
    "🟡": "medium",
    "🟠": "medium",
    "🧓": "hard",
    "👴": "hard",
    "👵": "hard",
    "🔴": "hard",
    "💀": "hard",
}
_WORDS: dict[str, Difficulty] = {
    "easy": "easy",
    "beginner": "easy",
    "medium": "medium",
    "intermediate": "medium",
    "hard": "hard",
    "advanced": "hard",
}


def strip_question_label(text: str) -> str:
    return _QUESTION_LABEL.sub("", text, count=1).strip()


def has_question_label(text: str) -> bool:
    return bool(_QUESTION_LABEL.match(text.strip()))


def difficulty_mark(raw: str) -> tuple[str, Difficulty | None]:
    """The text without its difficulty mark, and the difficulty the mark stands for."""
    found: Difficulty | None = None
    words = _WORD_MARK.search(raw)
    if words:
        found = _WORDS[next(g for g in words.groups() if g).lower()]
        raw = _WORD_MARK.sub(" ", raw, count=1)
    stars = _STARS.search(raw)
    if stars:
        count = sum(1 for c in stars.group(1) if c in "★⭐")
        found = found or ("easy", "medium", "hard")[min(count, 3) - 1]
        raw = _STARS.sub(" ", raw, count=1)
    for emoji, level in _EMOJI.items():
        if emoji in raw:
            found = found or level
            break
    return raw.strip(), found


_DIFFICULTY_LINE = re.compile(
    r"^\s*(?:\*\*|__)?(?:difficulty|level)\s*:?\s*(?:\*\*|__)?\s*:?\s*"
    r"(easy|medium|hard|beginner|intermediate|advanced)\b[^\n]*\n?",
    re.IGNORECASE | re.MULTILINE,
)


def difficulty_line(body: str) -> tuple[str, Difficulty | None]:
    """An answer without its "**Difficulty:** Easy" line, and the difficulty it gave."""
    match = _DIFFICULTY_LINE.search(body)
    if not match:
        return body, None
    return body[: match.start()] + body[match.end() :], _WORDS[match.group(1).lower()]
