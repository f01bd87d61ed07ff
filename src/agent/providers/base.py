"""The two small protocols the graph is built with.

An `Interviewer` phrases what the candidate reads: questions, follow-ups and hints. A `Grader`
turns an answer into a `Grade`. The offline pair needs no generative model; the OpenAI-compatible
pair needs an endpoint and falls back to the offline pair when a call fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from agent.grade import Grade, GradeRequest
from retrieval.question_bank import Passage, Question

TokenSink = Callable[[str], None]


class ProviderError(RuntimeError):
    """A model call failed after its retries; the caller falls back and says so."""


class Interviewer(Protocol):
    name: str

    def question(self, question: Question, passages: list[Passage]) -> Iterator[str]:
        """The question as the candidate should read it, streamed in pieces."""
        ...

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
        """A probe for `target`, a key point the answers so far missed; `asked` holds the
        follow-ups already asked for this question."""
        ...

    def hint(
        self,
        question: Question,
        target: str | None,
        level: int,
        *,
        given: Sequence[str] = (),
        passages: Sequence[str] | None = None,
    ) -> str:
        """A nudge towards `target` that does not give the answer away; `level` counts the
        hints already given (0 first), `given` holds their texts so none repeats."""
        ...

    def clarify(
        self, question: Question, candidate_question: str, passages: Sequence[str]
    ) -> Iterator[str]:
        """An answer to the candidate's clarifying question, from the notes' context only."""
        ...


class Grader(Protocol):
    name: str

    def grade(self, request: GradeRequest, grounded: bool = True) -> Grade: ...
