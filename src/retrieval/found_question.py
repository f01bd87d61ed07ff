"""A question as a form function finds it, before it becomes a `Question` in the bank."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.question_bank import Difficulty
from retrieval.sections import Section


@dataclass
class Found:
    question: str
    answer: str | None
    section: Section
    line: int
    """0-based first line of the question."""
    end_line: int
    """0-based line after the question's answer."""
    form: str
    difficulty: Difficulty | None = None
    """A difficulty the notes mark on the question (emoji, "[easy]", stars), if any."""
    follows: str | None = None
    """The question this one follows up ("How do you prevent it?" under "What is X?")."""
