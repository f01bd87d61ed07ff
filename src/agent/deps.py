"""What the graph's nodes need besides state: the bank, the providers, a clock, the history."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agent.providers.base import Grader, Interviewer
from agent.rubric import Rubric
from retrieval.chunker import Chunk
from retrieval.question_bank import Question, QuestionBank


@dataclass
class Deps:
    bank: QuestionBank
    interviewer: Interviewer
    grader: Grader
    fallback_grader: Grader
    """The offline grader, used when `grader` fails (and as `grader` in offline mode)."""
    rubric: Rubric
    chunks: dict[str, Chunk] = field(default_factory=dict)
    """Catalog chunks by id, for passages to re-read; empty is fine."""
    history: Callable[[], list[dict[str, Any]]] = list
    """Reports of the candidate's earlier sessions, newest first."""
    clock: Callable[[], float] = time.time

    def question(self, question_id: str) -> Question:
        found = self.bank.by_id(question_id)
        if found is None:
            raise KeyError(f"question {question_id} is no longer in the question bank")
        return found
