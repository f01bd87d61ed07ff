"""`InterviewSession`: the one object front ends talk to.

It owns a compiled graph and a thread id. Each call (start, answer, skip, hint, repeat, retry,
end) resumes the graph until it waits for the candidate again, and returns typed events for the
new transcript turns. Every step is checkpointed, so a killed process resumes at the exact
prompt with `InterviewSession.resume`. Two rules live here and nowhere else: which missed points
a front end may show (none by name while a follow-up probes them), and the report, built once
when the interview ends and stored once in the session index.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from langgraph.types import Command

from agent.actions import Action
from agent.deps import Deps
from agent.events import (
    ClarifyEvent,
    Event,
    HintEvent,
    ModelAnswerEvent,
    NoticeEvent,
    QuestionEvent,
    ReportEvent,
    ScoreEvent,
)
from agent.grade import Grade
from agent.report import Report, build_report
from agent.session_store import SessionStore
from agent.state import InterviewConfig, Turn

TokenSink = Callable[[str], None]


class SessionNotFound(LookupError):
    pass


class InterviewSession:
    def __init__(
        self,
        graph: Any,
        store: SessionStore,
        deps: Deps,
        session_id: str,
        mode: str,
        on_token: TokenSink | None = None,
    ) -> None:
        self._graph = graph
        self._store = store
        self._deps = deps
        self.session_id = session_id
        self.mode = mode
        self._config = {"configurable": {"thread_id": session_id}}
        self.on_token = on_token
        values = self._values()
        self._seen = len(values.get("transcript", []))
        self._ended = bool(values.get("ended"))
        """Cached: every action asks, and the graph state is only re-read after a step."""

    @classmethod
    def create(
        cls,
        graph: Any,
        store: SessionStore,
        deps: Deps,
        config: InterviewConfig,
        mode: str,
        on_token: TokenSink | None = None,
    ) -> InterviewSession:
        session_id = secrets.token_hex(4)
        store.create(session_id, mode, dict(config))
        return cls(graph, store, deps, session_id, mode, on_token)

    @classmethod
    def resume(
        cls,
        graph: Any,
        store: SessionStore,
        deps: Deps,
        session_id: str,
        on_token: TokenSink | None = None,
    ) -> InterviewSession:
        row = store.get(session_id)
        if row is None:
            known = ", ".join(r.id for r in store.list(5)) or "none yet"
            raise SessionNotFound(
                f"No session {session_id!r}. Recent sessions: {known} (see `rehearse sessions "
                "list`)."
            )
        return cls(graph, store, deps, session_id, row.mode, on_token)

    # -- state ---------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        return dict(self._graph.get_state(self._config).values or {})

    @property
    def finished(self) -> bool:
        return self._ended

    @property
    def transcript(self) -> list[Turn]:
        return list(self._values().get("transcript", []))

    @property
    def config(self) -> InterviewConfig:
        """The interview's settings; before `start` they are only in the session index, and
        front ends read them as soon as they have the session (the app's answer timer)."""
        values = self._values()
        if values.get("config"):
            return dict(values["config"])  # type: ignore[return-value]
        row = self._store.get(self.session_id)
        return dict(row.config if row else {})  # type: ignore[return-value]

    @property
    def report(self) -> Report | None:
        return self._store.report(self.session_id)

    # -- actions -------------------------------------------------------------------------

    def start(self, config: InterviewConfig | None = None) -> list[Event]:
        """Begin a new interview, or (after `resume`) replay what is on screen: the prompt
        being waited on, or the report of a finished interview."""
        values = self._values()
        if values:
            return self._replay(values)
        row = self._store.get(self.session_id)
        initial = {"config": dict(config or (row.config if row else {})), "transcript": []}
        events = self._run(initial)
        self._store.update(
            self.session_id, config={**initial["config"], "plan": self._values().get("plan", [])}
        )
        return events

    def answer(self, text: str, timed_out: bool = False) -> list[Event]:
        """`timed_out`: the app submitted it because the answer time ran out; the transcript
        says so."""
        return self._act("answer", text, timed_out)

    def skip(self) -> list[Event]:
        return self._act("skip")

    def hint(self) -> list[Event]:
        return self._act("hint")

    def repeat(self) -> list[Event]:
        return self._act("repeat")

    def retry(self) -> list[Event]:
        """Answer the last graded question again; the report keeps both attempts."""
        return self._act("retry")

    def end(self) -> list[Event]:
        return self._act("end")

    def model_answer(self) -> list[Event]:
        """The prepared answer for the last graded question, beside the candidate's answer.
        It does not change the interview, so it is not a graph step."""
        values = self._values()
        question_id = _last_graded(values)
        if question_id is None:
            prompt = values.get("prompt") or {}
            if prompt.get("kind") == "follow_up":
                return [
                    NoticeEvent(
                        "Answer or skip the follow-up first: the model answer would give it away."
                    )
                ]
            return [NoticeEvent("The model answer opens once an answer has been scored.")]
        record = values["records"][question_id]
        grade = Grade.model_validate(record["grade"])
        return [
            ModelAnswerEvent(
                question_id=question_id,
                question=record["question"],
                model_answer=self._deps.model_answer(question_id),
                answer="\n\n".join(a for a in record["answers"] if a.strip()),
                covered=list(grade.covered),
                evidence=dict(grade.evidence),
            )
        ]

    def _act(self, action: Action, text: str = "", timed_out: bool = False) -> list[Event]:
        if self.finished:
            return []
        payload = {"action": action, "text": text, "timed_out": timed_out}
        return self._run(Command(resume=payload))

    def _run(self, graph_input: Any) -> list[Event]:
        for mode, chunk in self._graph.stream(
            graph_input, self._config, stream_mode=["custom", "updates"]
        ):
            if mode == "custom" and self.on_token and "token" in chunk:
                self.on_token(chunk["token"])
        values = self._values()
        self._ended = bool(values.get("ended"))
        turns = values.get("transcript", [])
        new, self._seen = turns[self._seen :], len(turns)
        events = _events(new, values)
        if values.get("ended") and self._store.report(self.session_id) is None:
            events.append(ReportEvent(self._finish(values)))
        return events

    def _finish(self, values: dict[str, Any]) -> Report:
        """Build the report once, store it once: it is what history and trends read later."""
        report = build_report(
            values,  # type: ignore[arg-type]
            self._store.reports(exclude=self.session_id),
            self._deps.clock(),
            self.mode,
            self.session_id,
            {qid: self._deps.model_answer(qid) for qid in values.get("records", {})},
        )
        self._store.finish(self.session_id, report)
        return report

    def _replay(self, values: dict[str, Any]) -> list[Event]:
        if values.get("ended"):
            report = self.report or self._finish(values)
            return [ReportEvent(report)]
        turns = values.get("transcript", [])
        last = next(
            (t for t in reversed(turns) if t.get("kind") in ("question", "follow_up")), None
        )
        return _events([last], values) if last else []


def _last_graded(values: dict[str, Any]) -> str | None:
    """The most recent question with a grade whose follow-ups are over (a follow-up in
    progress would be answered by the model answer)."""
    prompt = values.get("prompt") or {}
    records = values.get("records", {})
    plan = values.get("plan", [])
    upto = plan[: values.get("index", 0) + 1]
    for question_id in reversed(upto):
        if prompt.get("kind") == "follow_up" and prompt.get("question_id") == question_id:
            continue
        if (records.get(question_id) or {}).get("grade"):
            return question_id
    return None


def _event(turn: Turn, values: dict[str, Any]) -> Event | None:
    kind, data = turn.get("kind"), turn.get("data", {})
    question_id = turn.get("question_id") or ""
    if kind in ("question", "follow_up", "repeat"):
        return QuestionEvent(
            turn["text"],
            data.get("source", ""),
            question_id,
            data.get("index", 0),
            data.get("total", 0),
            follow_up=kind == "follow_up",
            repeat=kind == "repeat",
            target_point=data.get("target_point"),
        )
    if kind == "hint":
        return HintEvent(turn["text"], question_id, data.get("level", 1))
    if kind == "clarification":
        return ClarifyEvent(turn["text"], question_id)
    if kind == "notice":
        return NoticeEvent(turn["text"])
    if kind == "skip" and (values["records"].get(question_id) or {}).get("grade"):
        # A skipped follow-up ends the question: the final grade, missed points and all.
        kind = "score"
    if kind == "score":
        record = values["records"][question_id]
        return ScoreEvent(
            question_id,
            Grade.model_validate(record["grade"]),
            data.get("grounded", True),
            after_follow_up=list(record.get("after_follow_up", [])),
        )
    return None


def _events(turns: list[Turn], values: dict[str, Any]) -> list[Event]:
    events = [e for e in (_event(t, values) for t in turns) if e is not None]
    follow_up_next = any(isinstance(e, QuestionEvent) and e.follow_up for e in events)
    if not follow_up_next:
        return events
    return [
        ScoreEvent(e.question_id, e.grade, e.grounded, True, e.after_follow_up)
        if isinstance(e, ScoreEvent)
        else e
        for e in events
    ]
