"""Typed events an `InterviewSession` gives front ends (the plain CLI, the Textual app, evals).

A grade travels as a `Grade` and a report as a `Report`, from where they are made to whoever
renders them; no front end reads either by string keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agent.grade import Grade
from agent.report import Report


@dataclass(frozen=True)
class QuestionEvent:
    text: str
    source: str
    question_id: str
    index: int
    total: int
    follow_up: bool = False
    repeat: bool = False
    target_point: str | None = None
    """For a follow-up, the missed key point it probes: for evals and tests, never shown."""


@dataclass(frozen=True)
class HintEvent:
    text: str
    question_id: str
    level: int = 1


@dataclass(frozen=True)
class ScoreEvent:
    question_id: str
    grade: Grade
    grounded: bool = True
    missing_hidden: bool = False
    """A follow-up is about to probe the missed points: show how many, not which (naming them
    would answer the follow-up). Decided by the session, obeyed by every front end."""
    after_follow_up: list[str] = field(default_factory=list)
    """Covered points that were first given in answer to a follow-up."""

    @property
    def visible_missing(self) -> list[str]:
        return [] if self.missing_hidden else list(self.grade.missing)


@dataclass(frozen=True)
class NoticeEvent:
    text: str


@dataclass(frozen=True)
class ClarifyEvent:
    """The interviewer's reply to a clarifying question; the question still waits."""

    text: str
    question_id: str


@dataclass(frozen=True)
class ModelAnswerEvent:
    """The prepared answer beside the candidate's, with the covered points marked in both."""

    question_id: str
    question: str
    model_answer: str | None
    answer: str
    covered: list[str]
    evidence: dict[str, str]
    """Covered point -> the sentence of the candidate's answer that covered it."""


@dataclass(frozen=True)
class ReportEvent:
    report: Report


Event = (
    QuestionEvent
    | HintEvent
    | ScoreEvent
    | NoticeEvent
    | ClarifyEvent
    | ModelAnswerEvent
    | ReportEvent
)
