"""What the graph's nodes need besides state: the bank, the providers, the rubric, a clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from agent.providers.base import Grader, Interviewer
from agent.rubric import Rubric
from retrieval.chunker import Chunk
from retrieval.question_bank import Question, QuestionBank


@dataclass(frozen=True)
class Grading:
    """A grader, the offline grader that stands in when it fails, and their rubric."""

    grader: Grader
    fallback: Grader
    rubric: Rubric


@dataclass
class Deps:
    bank: QuestionBank
    interviewer: Interviewer
    fallback_interviewer: Interviewer
    """The offline interviewer, which speaks when `interviewer` fails (and is `interviewer`
    in offline mode). Made once: it indexes the bank's sub-questions."""
    grader: Grader
    fallback_grader: Grader
    """The offline grader, used when `grader` fails (and as `grader` in offline mode)."""
    rubric: Rubric
    chunks: dict[str, Chunk] = field(default_factory=dict)
    """Catalog chunks by id, for passages to re-read; empty is fine."""
    behavioural: Grading | None = None
    """How behavioural questions are graded when no rubric was chosen: as STAR stories."""
    clock: Callable[[], float] = time.time

    def question(self, question_id: str) -> Question:
        found = self.bank.by_id(question_id)
        if found is None:
            raise KeyError(f"question {question_id} is no longer in the question bank")
        return found

    def grading_for(self, question: Question) -> Grading:
        from agent.probing.star import is_behavioural

        if self.behavioural is not None and is_behavioural(question):
            return self.behavioural
        return Grading(self.grader, self.fallback_grader, self.rubric)

    def model_answer(self, question_id: str) -> str | None:
        """The notes' prepared answer, or None (also for a question gone from the bank)."""
        found = self.bank.by_id(question_id)
        return found.golden_answer if found else None
