"""What mining found in one file, and a reason when a file that asks questions yielded none.

A new user's notes in a shape the miner does not know used to give zero questions in silence.
Counting the lines that look like questions to a person (they end with "?", or open with
"Q:" or a prompt such as "Explain") lets ingest say which file came back empty, and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.markdown_blocks import ParsedDocument
from retrieval.question_bank import Question
from retrieval.sections import Section

_QUESTION_LIKE = re.compile(
    r"\?\s*(?:\*\*|__|\*|_)?\s*$|^\s*(?:[-*+#>]+\s*)?(?:\*\*|__)?\s*(?:Q\d*|Question\s*\d*)\s*[:.)]",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|<[^>]+>")
# A handful of "?" lines in prose is normal; below this a file with none mined is no surprise.
WARN_AT = 3


@dataclass(frozen=True)
class Findings:
    questions: int
    answered: int
    to_ask: int
    question_like_lines: int
    warning: str | None = None


# Headings under which questions are the team's own, never an interviewer's.
TEAM_QUESTIONS = re.compile(r"open questions|unresolved|questions for (?:the )?team", re.I)


def findings_for(
    parsed: ParsedDocument, sections: list[Section], questions: list[Question]
) -> Findings:
    interview = [q for q in questions if q.kind == "interview"]
    answered = sum(1 for q in interview if q.golden_answer)
    to_ask = len(questions) - len(interview)
    in_code = _code_lines(parsed)
    likes = [
        i
        for i, line in enumerate(parsed.lines)
        if _QUESTION_LIKE.search(_URL.sub("", line)) and len(line.split()) >= 2
    ]
    in_prose = [i for i in likes if i not in in_code]
    team = [
        i
        for i in in_prose
        for s in sections
        if s.start_line <= i < s.end_line and TEAM_QUESTIONS.search(s.title)
    ]
    warning = None
    if not interview and len(likes) >= WARN_AT:
        warning = _why_none(len(likes), len(in_prose), to_ask, len(team))
    return Findings(len(interview), answered, to_ask, len(likes), warning)


def _why_none(likes: int, in_prose: int, to_ask: int, team: int) -> str:
    if to_ask:
        return (
            f"{likes} question-like lines, but all {to_ask} questions mined are ones to ask "
            "the interviewer"
        )
    if not in_prose:
        return f"{likes} question-like lines, all inside code blocks"
    if team == in_prose:
        return (
            f"{likes} question-like lines, all under headings such as 'Open questions', which "
            "hold a team's own questions, not an interviewer's"
        )
    return (
        f"{likes} question-like lines but no interview question mined: none is a question "
        "heading, list item, bold or labelled question line, or table row the miner knows"
    )


def _code_lines(parsed: ParsedDocument) -> set[int]:
    return {
        line
        for block in parsed.blocks
        if block.kind == "code"
        for line in range(block.start_line, block.end_line)
    }
