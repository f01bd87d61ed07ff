"""The embedded interviewer: no generative model, deterministic, instant.

Questions are asked verbatim from the bank. A follow-up names what the answer covered and asks
where the missed idea comes in, using that idea's cue words, never its text: the prepared answer
is not quoted back before the candidate has had their say.
"""

from __future__ import annotations

from collections.abc import Iterator

from agent.providers.cue_words import CueWords, cue_phrase
from retrieval.question_bank import Passage, Question, QuestionBank

NAME = "offline"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


class OfflineInterviewer:
    name = NAME

    def __init__(self, bank: QuestionBank) -> None:
        self._cues = CueWords(
            [q.question for q in bank.questions]
            + [kp for q in bank.questions for kp in q.key_points],
            topic_texts=[q.question for q in bank.questions]
            + [h for q in bank.questions for h in q.heading_path],
        )

    def question(self, question: Question, passages: list[Passage]) -> Iterator[str]:
        yield question.question

    def follow_up(
        self, question: Question, covered: list[str], target: str, passage: Passage | None
    ) -> Iterator[str]:
        cue = cue_phrase(self._cues, target, exclude=question.question) or "the rest of it"
        if covered:
            got = _join(list(dict.fromkeys(cue_phrase(self._cues, c) or c for c in covered[:2])))
            yield f"You covered {got}. Where does {cue} come in?"
        else:
            yield f"Let's narrow it down: where does {cue} fit in?"

    def hint(self, question: Question, target: str | None, level: int) -> str:
        if target is None:
            if question.references:
                source = question.references[0]
                cues = self._cues.cues(source.text, k=2 + level, exclude=question.question)
                return f"Think about: {_join(cues)} (your notes: {source.source})."
            return "No prepared answer for this one: structure it as what, why, trade-offs."
        cues = self._cues.cues(target, k=1 + level, exclude=question.question)
        return f"Think about: {_join(cues)}." if cues else "Think about the why, not just the what."


class OfflineGrader:
    """The offline key-point scorer behind the `Grader` protocol."""

    name = NAME

    def __init__(self, scorer) -> None:  # type: ignore[no-untyped-def]
        self._scorer = scorer

    def grade(self, request, grounded: bool = True):  # type: ignore[no-untyped-def]
        return self._scorer.score(request, grounded)
