"""The interview: transcript on the left, answer editor below, sources and scores on the right.

Every call into the session runs in one exclusive thread worker, which posts `TurnDone` or
`TurnFailed`; the UI never waits on a model.
"""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea

from agent.events import HintEvent, NoticeEvent, QuestionEvent, ReportEvent, ScoreEvent
from tui.messages import TokenReceived, TurnDone, TurnFailed
from tui.widgets.score_panel import ScorePanel
from tui.widgets.turn import StreamingTurn, Turn

HELP = (
    "Write your answer in the box (Enter is a new line). ctrl+s submits. ctrl+t asks for a "
    "hint, ctrl+k skips the question, ctrl+r repeats it, ctrl+e ends the interview with a "
    "report. Everything is saved as you go: quit any time and resume from the start screen."
)


class InterviewScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit", priority=True),
        Binding("ctrl+t", "hint", "Hint", priority=True),
        Binding("ctrl+k", "skip", "Skip", priority=True),
        Binding("ctrl+r", "repeat", "Repeat", priority=True),
        Binding("ctrl+e", "end", "End", priority=True),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, session: Any, clock: Any = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        """Injected so snapshot tests can freeze the timers."""
        self.session = session
        self.busy = False
        self.started = self.clock()
        self.asked_at = self.clock()
        self.progress = (0, 0)
        self._stream: StreamingTurn | None = None
        session.on_token = self._token_from_worker

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="interview-body"):
            with Vertical(id="conversation"):
                yield VerticalScroll(id="transcript")
                yield TextArea(
                    id="answer",
                    soft_wrap=True,
                    tab_behavior="indent",
                    placeholder="Your answer… (ctrl+s to submit)",
                )
            yield ScorePanel(id="panel")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Rehearse · session {self.session.session_id}"
        self.set_interval(1.0, self._tick)
        self.call_session("start")

    # -- worker --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="turn")
    def call_session(self, action: str, *args: Any) -> None:
        try:
            events = getattr(self.session, action)(*args)
        except Exception as exc:  # shown as a notice; the interview stays open
            self.app.call_from_thread(self.post_message, TurnFailed(str(exc)))
            return
        self.app.call_from_thread(self.post_message, TurnDone(events))

    def _token_from_worker(self, token: str) -> None:
        self.app.call_from_thread(self.post_message, TokenReceived(token))

    # -- actions -------------------------------------------------------------------------

    def _act(self, action: str, *args: Any) -> None:
        if self.busy:
            self.notify("One moment: the last turn is still being scored.")
            return
        self.busy = True
        self._tick()
        self.call_session(action, *args)

    def action_submit(self) -> None:
        editor = self.query_one("#answer", TextArea)
        text = editor.text
        if not text.strip():
            self.notify("Write an answer first, or ctrl+k to skip.", severity="warning")
            return
        if self.busy:
            self.notify("One moment: the last turn is still being scored.")
            return
        late = self._answer_overdue()
        self._add(Turn("You" + (" (over time)" if late else ""), text, "candidate"))
        editor.clear()
        self._act("answer", text)

    def action_hint(self) -> None:
        self._act("hint")

    def action_skip(self) -> None:
        self._add(Turn("You", "(skipped)", "candidate"))
        self._act("skip")

    def action_repeat(self) -> None:
        self._act("repeat")

    def action_end(self) -> None:
        self._act("end")

    def action_help(self) -> None:
        self.notify(HELP, timeout=12)

    # -- rendering -----------------------------------------------------------------------

    def _add(self, widget: Any) -> None:
        transcript = self.query_one("#transcript", VerticalScroll)
        transcript.mount(widget)
        transcript.scroll_end(animate=False)

    def on_token_received(self, message: TokenReceived) -> None:
        if self._stream is None:
            self._stream = StreamingTurn()
            self._add(self._stream)
        self._stream.add(message.text)

    def on_turn_failed(self, message: TurnFailed) -> None:
        self.busy = False
        self._add(Turn("Notice", f"Something went wrong: {message.error}", "system"))

    def on_turn_done(self, message: TurnDone) -> None:
        self.busy = False
        if self._stream is not None:
            self._stream.remove()
            self._stream = None
        conceal = any(isinstance(e, QuestionEvent) and e.follow_up for e in message.events)
        panel = self.query_one(ScorePanel)
        for event in message.events:
            if isinstance(event, QuestionEvent):
                label = (
                    "Follow-up" if event.follow_up else f"Question {event.index} of {event.total}"
                )
                self._add(Turn(f"Interviewer · {label}", event.text, "interviewer", markdown=True))
                panel.show_source(event.source)
                self.progress = (event.index, event.total)
                if not event.repeat:
                    self.asked_at = self.clock()
            elif isinstance(event, HintEvent):
                self._add(Turn("Hint", event.text, "system"))
            elif isinstance(event, NoticeEvent):
                self._add(Turn("Notice", event.text, "system"))
            elif isinstance(event, ScoreEvent):
                panel.show_grade(event.grade, event.grounded, conceal)
                self._add(Turn("Score", f"{event.grade['score']:.1f}/5", "system"))
            elif isinstance(event, ReportEvent):
                self.app.open_report(self.session, event.report)  # type: ignore[attr-defined]
                return
        self._tick()
        self.query_one("#answer", TextArea).focus()

    def _answer_overdue(self) -> bool:
        limit = self._answer_limit()
        return bool(limit) and self.clock() - self.asked_at > limit

    def _answer_limit(self) -> float | None:
        try:
            return (self.session.config or {}).get("answer_time_limit_s")
        except AttributeError:
            return None

    def _tick(self) -> None:
        elapsed = int(self.clock() - self.started)
        index, total = self.progress
        parts = [
            f"Question {index} of {total}" if total else "Starting…",
            f"elapsed {elapsed // 60:02d}:{elapsed % 60:02d}",
        ]
        limit = self._answer_limit()
        if limit:
            left = int(limit - (self.clock() - self.asked_at))
            parts.append(
                f"answer time left {max(left, 0) // 60:02d}:{max(left, 0) % 60:02d}"
                + (" (over)" if left < 0 else "")
            )
        if self.busy:
            parts.append("scoring…")
        self.query_one("#status", Static).update(Text("  ·  ".join(parts)))
