"""`InterviewSession`: the one object front ends talk to.

It owns a compiled graph and a thread id. Each call (start, answer, skip, hint, repeat, end)
resumes the graph until it waits for the candidate again, and returns the events that the new
transcript turns mean. Every step is checkpointed by the graph's saver, so a killed process
resumes at the exact prompt with `InterviewSession.resume`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from langgraph.types import Command

from agent.events import Event, event_for
from agent.session_store import SessionStore
from agent.state import InterviewConfig

TokenSink = Callable[[str], None]


class SessionNotFound(LookupError):
    pass


class InterviewSession:
    def __init__(
        self,
        graph: Any,
        store: SessionStore,
        session_id: str,
        on_token: TokenSink | None = None,
    ) -> None:
        self._graph = graph
        self._store = store
        self.session_id = session_id
        self._config = {"configurable": {"thread_id": session_id}}
        self.on_token = on_token
        values = self._values()
        self._seen = len(values.get("transcript", []))
        self._done = bool(values.get("report"))

    @classmethod
    def create(
        cls,
        graph: Any,
        store: SessionStore,
        config: InterviewConfig,
        mode: str,
        on_token: TokenSink | None = None,
    ) -> InterviewSession:
        session_id = secrets.token_hex(4)
        store.create(session_id, mode, dict(config))
        return cls(graph, store, session_id, on_token)

    @classmethod
    def resume(
        cls, graph: Any, store: SessionStore, session_id: str, on_token: TokenSink | None = None
    ) -> InterviewSession:
        if store.get(session_id) is None:
            known = ", ".join(r.id for r in store.list(5)) or "none yet"
            raise SessionNotFound(
                f"No session {session_id!r}. Recent sessions: {known} (see `rehearse sessions "
                "list`)."
            )
        return cls(graph, store, session_id, on_token)

    # -- state ---------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        return dict(self._graph.get_state(self._config).values or {})

    @property
    def finished(self) -> bool:
        return bool(self._values().get("report"))

    @property
    def transcript(self) -> list[dict[str, Any]]:
        return list(self._values().get("transcript", []))

    @property
    def prompt(self) -> dict[str, Any] | None:
        return self._values().get("prompt")

    @property
    def config(self) -> dict[str, Any]:
        return dict(self._values().get("config", {}))

    @property
    def report(self) -> dict[str, Any] | None:
        return self._values().get("report")

    # -- actions -------------------------------------------------------------------------

    def start(self, config: InterviewConfig | None = None) -> list[Event]:
        """Begin a new interview, or (after `resume`) replay the prompt being waited on."""
        values = self._values()
        if values:
            turns = values.get("transcript", [])
            last_prompt = next(
                (t for t in reversed(turns) if t.get("kind") in ("question", "follow_up")), None
            )
            replay = [event_for(last_prompt)] if last_prompt and not self.finished else []
            if self.finished:
                replay = [event_for(turns[-1])]
            return [e for e in replay if e is not None]
        row = self._store.get(self.session_id)
        initial = {"config": dict(config or (row.config if row else {})), "transcript": []}
        events = self._run(initial)
        self._store.update(
            self.session_id, config={**initial["config"], "plan": self._values().get("plan", [])}
        )
        return events

    def answer(self, text: str) -> list[Event]:
        return self._act("answer", text)

    def skip(self) -> list[Event]:
        return self._act("skip")

    def hint(self) -> list[Event]:
        return self._act("hint")

    def repeat(self) -> list[Event]:
        return self._act("repeat")

    def end(self) -> list[Event]:
        return self._act("end")

    def _act(self, action: str, text: str = "") -> list[Event]:
        if self._done:
            return []
        return self._run(Command(resume={"action": action, "text": text}))

    def _run(self, graph_input: Any) -> list[Event]:
        for mode, chunk in self._graph.stream(
            graph_input, self._config, stream_mode=["custom", "updates"]
        ):
            if mode == "custom" and self.on_token and "token" in chunk:
                self.on_token(chunk["token"])
        values = self._values()
        turns = values.get("transcript", [])
        new, self._seen = turns[self._seen :], len(turns)
        report = values.get("report")
        if report and not self._done:  # the index row changes once: when the report exists
            self._done = True
            self._store.update(self.session_id, status="finished", report=report)
        return [e for e in (event_for(t) for t in new) if e is not None]
