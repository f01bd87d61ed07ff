"""The embedded interviewer: no generative model, deterministic, instant.

Questions are asked verbatim from the bank. Follow-ups and hints come from the offline phrasing
engine (`agent.probing`): a follow-up asks about what a missed key point is about, in the way
its kind calls for, or asks the notes' own sub-question about it; a hint gets more specific
with each level and is never repeated. Neither quotes the prepared answer back before the
candidate has had their say.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from agent.probing.clarifying import clarify
from agent.probing.follow_ups import follow_up
from agent.probing.hints import hint
from agent.probing.sub_questions import SubQuestions
from retrieval.question_bank import Passage, Question, QuestionBank

NAME = "offline"


class OfflineInterviewer:
    name = NAME

    def __init__(self, bank: QuestionBank) -> None:
        self._sub_questions = SubQuestions(bank.questions)

    def question(self, question: Question, passages: list[Passage]) -> Iterator[str]:
        yield question.question

    def follow_up(
        self,
        question: Question,
        covered: list[str],
        target: str,
        passage: Passage | None,
        *,
        answer: str = "",
        asked: Sequence[str] = (),
    ) -> Iterator[str]:
        """`answer`: the candidate's answers so far ("You mentioned X..."); `asked`: follow-ups
        already asked for this question, never asked again."""
        yield follow_up(
            question,
            target,
            covered,
            answer,
            sub_questions=self._sub_questions,
            asked=asked,
        )

    def hint(
        self,
        question: Question,
        target: str | None,
        level: int,
        *,
        given: Sequence[str] = (),
        passages: Sequence[str] | None = None,
    ) -> str:
        """`level` counts the hints already given for this question (0 for the first), as the
        graph passes it; `given` holds their texts so none is shown twice."""
        return hint(question, target, level + 1, given, passages)

    def clarify(
        self, question: Question, candidate_question: str, passages: Sequence[str]
    ) -> Iterator[str]:
        yield clarify(question, candidate_question, passages)


class OfflineGrader:
    """The offline key-point scorer behind the `Grader` protocol."""

    name = NAME

    def __init__(self, scorer) -> None:  # type: ignore[no-untyped-def]
        self._scorer = scorer

    def grade(self, request, grounded: bool = True):  # type: ignore[no-untyped-def]
        return self._scorer.score(request, grounded)
