"""Typed events an `InterviewSession` yields to front ends (the plain CLI, the Textual app)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class QuestionEvent:
    text: str
    source: str
    question_id: str
    index: int
    total: int
    follow_up: bool = False
    repeat: bool = False


@dataclass(frozen=True)
class HintEvent:
    text: str
    question_id: str


@dataclass(frozen=True)
class ScoreEvent:
    question_id: str
    grade: dict[str, Any]
    grounded: bool = True


@dataclass(frozen=True)
class NoticeEvent:
    text: str


@dataclass(frozen=True)
class ReportEvent:
    report: dict[str, Any] = field(default_factory=dict)


Event = QuestionEvent | HintEvent | ScoreEvent | NoticeEvent | ReportEvent


def event_for(turn: dict[str, Any]) -> Event | None:
    """The event a new transcript turn means to a front end; candidate turns mean none."""
    kind, data = turn.get("kind"), turn.get("data", {})
    if kind in ("question", "follow_up", "repeat"):
        return QuestionEvent(
            turn["text"],
            data.get("source", ""),
            turn.get("question_id") or "",
            data.get("index", 0),
            data.get("total", 0),
            follow_up=kind == "follow_up",
            repeat=kind == "repeat",
        )
    if kind == "hint":
        return HintEvent(turn["text"], turn.get("question_id") or "")
    if kind == "score":
        return ScoreEvent(turn.get("question_id") or "", data["grade"], data.get("grounded", True))
    if kind == "notice":
        return NoticeEvent(turn["text"])
    if kind == "report":
        return ReportEvent(data["report"])
    return None
