"""A scripted launcher and session for the Textual app's tests: no model, no store."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent.events import HintEvent, ModelAnswerEvent, QuestionEvent, ReportEvent, ScoreEvent
from agent.grade import Grade
from agent.launcher import Catalogue
from agent.report import PractiseItem, QuestionResult, Report, TopicTrend

HOSTILE = "[bold]not bold[/] [link=http://x]no link[/link] [red"


def _grade(score: float, covered: list[str], missing: list[str]) -> Grade:
    return Grade(
        id="q1",
        score=score,
        criteria={"correctness": 3, "depth": 2, "specificity": 2, "structure": 4},
        covered=covered,
        missing=missing,
        scorer="offline-keypoint-v1",
        confidence=0.7,
        evidence={"Kafka is a log": "Kafka is an append-only log."},
    )


REPORT = Report(
    session_id="fake0001",
    started_at=0,
    ended_at=1,
    mode="offline",
    asked=2,
    answered=1,
    skipped=1,
    not_answered=0,
    follow_ups=1,
    overall=3.2,
    criteria={"correctness": 3.0, "depth": 2.0},
    questions=[
        QuestionResult(
            question_id="q1",
            question=f"What is Kafka? {HOSTILE}",
            source="qa > Kafka",
            topic="Kafka",
            status="answered",
            answers=["Kafka is an append-only log.", f"Groups share partitions {HOSTILE}"],
            grade=_grade(3.2, ["Kafka is a log"], ["Consumer groups split partitions"]),
            follow_ups=1,
            model_answer="- Kafka is a log\n- Consumer groups split partitions",
            reread=["qa > Kafka (line 3)"],
        ),
        QuestionResult(
            question_id="q2",
            question="What is Spark?",
            source="qa > Spark (line 9)",
            topic="Spark",
            status="skipped",
            reread=["qa > Spark (line 9)"],
        ),
    ],
    topics={"Kafka": 3.2},
    trend=[TopicTrend(topic="Kafka", before=2.5, now=3.2, sessions=1)],
    practise=[
        PractiseItem(
            question="What is Spark?",
            status="skipped",
            score=None,
            missing=[],
            source="qa > Spark (line 9)",
        ),
        PractiseItem(
            question=f"What is Kafka? {HOSTILE}",
            status="answered",
            score=3.2,
            missing=["Consumer groups split partitions"],
            source="qa > Kafka (line 3)",
        ),
    ],
)


@dataclass
class FakeSession:
    session_id: str = "fake0001"
    calls: list[str] = field(default_factory=list)
    finished: bool = False
    on_token: Any = None
    config: dict[str, Any] = field(default_factory=lambda: {"answer_time_limit_s": 120})
    transcript: list[dict[str, Any]] = field(default_factory=list)
    report: Report | None = None
    gate: threading.Event | None = None
    answers: list[str] = field(default_factory=list)

    def _q(self, text: str, index: int, follow_up: bool = False) -> QuestionEvent:
        return QuestionEvent(text, "qa > Kafka (line 3)", f"q{index}", index, 2, follow_up)

    def start(self, config: Any = None) -> list[Any]:
        self.calls.append("start")
        return [self._q(f"What is Kafka? {HOSTILE}", 1)]

    def answer(self, text: str, timed_out: bool = False) -> list[Any]:
        self.calls.append(f"answer:{text}" + (" (timed out)" if timed_out else ""))
        self.answers.append(text)
        if self.gate:
            self.gate.wait(5)
        self.transcript.append({"role": "candidate", "kind": "answer", "text": text})
        if len([c for c in self.calls if c.startswith("answer")]) == 1:
            return [
                ScoreEvent(
                    "q1",
                    _grade(2.5, ["Kafka is a log"], ["Consumer groups split partitions"]),
                    missing_hidden=True,  # the session hides what the follow-up probes
                ),
                self._q("You covered the log. Where do consumer groups come in?", 1, True),
            ]
        return [ScoreEvent("q1", _grade(3.2, ["Kafka is a log"], [])), self._q("What is Spark?", 2)]

    def hint(self) -> list[Any]:
        self.calls.append("hint")
        return [HintEvent("Think about: partitions.", "q1", 1)]

    def skip(self) -> list[Any]:
        self.calls.append("skip")
        return [self._q("What is Spark?", 2)]

    def repeat(self) -> list[Any]:
        self.calls.append("repeat")
        return [QuestionEvent("What is Spark?", "qa > Spark", "q2", 2, 2, repeat=True)]

    def retry(self) -> list[Any]:
        self.calls.append("retry")
        return [self._q(f"What is Kafka? {HOSTILE}", 1)]

    def model_answer(self) -> list[Any]:
        self.calls.append("model_answer")
        return [
            ModelAnswerEvent(
                "q1",
                "What is Kafka?",
                "- Kafka is a log\n- Consumer groups split partitions",
                "Kafka is an append-only log.",
                ["Kafka is a log"],
                {"Kafka is a log": "Kafka is an append-only log."},
            )
        ]

    def end(self) -> list[Any]:
        self.calls.append("end")
        self.finished = True
        self.report = REPORT
        return [ReportEvent(REPORT)]


class FakeLauncher:
    mode = "offline"
    modes = ["offline", "openai:tiny @ http://127.0.0.1:8080/v1"]
    rubrics = ["behavioural", "default", "system_design"]
    layout: Any = None

    def __init__(
        self,
        session: FakeSession | None = None,
        defaults: dict[str, Any] | None = None,
        start_now: bool = False,
        exports_dir: Path | None = None,
    ) -> None:
        self.session = session or FakeSession()
        self.configs: list[dict[str, Any]] = []
        self.defaults: dict[str, Any] = dict(defaults or {})
        self.start_now = start_now
        self.exports_dir = exports_dir or Path("/nonexistent-exports")

    def prepare_index(self, progress: Any) -> list[str]:
        progress("Indexing your notes", 1, 2)
        return ["broken.md: binary file"]

    def load_model(self) -> None:
        return None

    def catalogue(self) -> Catalogue:
        return Catalogue(["qa-bank", "talking-points"], ["Kafka", "Spark"], 12)

    def count(self, config: dict[str, Any]) -> int:
        return 0 if config.get("topics") == ["nothing"] else 5

    def recent(self, limit: int = 10) -> list[Any]:
        return []

    def history(self) -> list[dict[str, Any]]:
        return [{"overall": 2.0}, {"overall": 2.6}]

    def new(self, config: dict[str, Any]) -> FakeSession:
        self.configs.append(config)
        return self.session

    def resume(self, session_id: str) -> FakeSession:
        return self.session
