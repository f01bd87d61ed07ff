"""The interview: transcript on the left, answer box below, sources and scores on the right.

Every call into the session runs in one exclusive thread worker, which posts `TurnDone` or
`TurnFailed`; the UI never waits on a model. Keys come from `agent.actions`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from agent.actions import ACTIONS, app_help
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
from agent.interfaces import Session
from tui.answer_timer import AnswerTimer
from tui.messages import TokenReceived, TurnDone, TurnFailed
from tui.navigator import Navigator
from tui.widgets.answer_area import AnswerArea
from tui.widgets.model_answer import ModelAnswerTurn
from tui.widgets.score_panel import ScorePanel
from tui.widgets.turn import StreamingTurn, Turn

# Submit is bound on the answer box itself (see AnswerArea); the rest act at once, whatever
# has focus, because none of them reads the box. The footer shows what fits at 80 columns;
# F1 lists every key, and the score line names the model-answer and retry keys.
_IN_FOOTER = {"hint", "skip", "end"}
_BINDINGS = [
    Binding(a.key, a.name, a.label, priority=True, show=a.name in _IN_FOOTER)
    for a in ACTIONS
    if a.name != "answer"
]


class InterviewScreen(Screen):
    BINDINGS = [
        *_BINDINGS,
        Binding("f1", "help", "Keys"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        """Injected so snapshot tests can freeze the timers."""
        self.session = session
        self.busy = False
        self.started = self.clock()
        self.progress = (0, 0)
        self._stream: StreamingTurn | None = None
        self.timer = AnswerTimer(session.config, clock)
        session.on_token = self._token_from_worker

    @property
    def rehearse(self) -> Navigator:
        return cast(Navigator, self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="interview-body"):
            with Vertical(id="conversation"):
                yield VerticalScroll(id="transcript")
                yield AnswerArea(id="answer", placeholder="Your answer… (ctrl+s to submit)")
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
        self.query_one(AnswerArea).locked = True
        self._tick()
        self.call_session(action, *args)

    def on_answer_area_submitted(self, message: AnswerArea.Submitted) -> None:
        late = " (time up: submitted for you)" if message.timed_out else ""
        if not late and self.timer.overdue():
            late = " (over time)"
        self._add(Turn("You" + late, message.text or "(nothing typed)", "candidate"))
        self._act("answer", message.text, message.timed_out)

    def on_answer_area_refused(self, message: AnswerArea.Refused) -> None:
        self.notify(message.reason, severity="warning")

    def action_hint(self) -> None:
        self._act("hint")

    def action_skip(self) -> None:
        if not self.busy:
            self._add(Turn("You", "(skipped)", "candidate"))
        self._act("skip")

    def action_repeat(self) -> None:
        self._act("repeat")

    def action_retry(self) -> None:
        self._act("retry")

    def action_model_answer(self) -> None:
        self._act("model_answer")

    def action_end(self) -> None:
        self._act("end")

    def action_help(self) -> None:
        self.notify(app_help(), timeout=15)

    # -- rendering -----------------------------------------------------------------------

    def _add(self, widget: Any) -> None:
        transcript = self.query_one("#transcript", VerticalScroll)
        transcript.mount(widget)
        transcript.scroll_end(animate=False)

    def on_resize(self) -> None:
        # After a resize the newest turn and the missed points must still be in view.
        self.call_after_refresh(self._keep_in_view)

    def _keep_in_view(self) -> None:
        self.query_one("#transcript", VerticalScroll).scroll_end(animate=False)
        self.query_one(ScorePanel).reveal_missing()

    def on_token_received(self, message: TokenReceived) -> None:
        if self._stream is None:
            self._stream = StreamingTurn()
            self._add(self._stream)
        self._stream.add(message.text)

    def on_turn_failed(self, message: TurnFailed) -> None:
        self._ready()
        self._add(Turn("Notice", f"Something went wrong: {message.error}", "system"))

    def on_turn_done(self, message: TurnDone) -> None:
        if self._stream is not None:
            self._stream.remove()
            self._stream = None
        for event in message.events:
            if isinstance(event, ReportEvent):
                self.rehearse.open_report(self.session, event.report)
                return
            self._show(event)
        self._ready()
        self.call_after_refresh(self._keep_in_view)

    def _show(self, event: Event) -> None:
        panel = self.query_one(ScorePanel)
        if isinstance(event, QuestionEvent):
            label = "Follow-up" if event.follow_up else f"Question {event.index} of {event.total}"
            self._add(Turn(f"Interviewer · {label}", event.text, "interviewer", markdown=True))
            panel.show_source(event.source)
            self.progress = (event.index, event.total)
            if not event.repeat:
                self.timer.restart()
        elif isinstance(event, HintEvent):
            self._add(Turn(f"Hint {event.level}", event.text, "system"))
        elif isinstance(event, ClarifyEvent):
            self._add(Turn("Interviewer", event.text, "interviewer", markdown=True))
        elif isinstance(event, NoticeEvent):
            self._add(Turn("Notice", event.text, "system"))
        elif isinstance(event, ModelAnswerEvent):
            self._add(ModelAnswerTurn(event))
        elif isinstance(event, ScoreEvent):
            panel.show_grade(event)
            hint = "" if event.missing_hidden else "   ctrl+n model answer · ctrl+g answer again"
            self._add(Turn("Score", f"{event.grade.score:.1f}/5{hint}", "system"))

    def _ready(self) -> None:
        self.busy = False
        answer = self.query_one(AnswerArea)
        answer.locked = False
        answer.focus()
        self._tick()

    def _tick(self) -> None:
        elapsed = int(self.clock() - self.started)
        index, total = self.progress
        parts = [
            f"Question {index} of {total}" if total else "Starting…",
            f"elapsed {elapsed // 60:02d}:{elapsed % 60:02d}",
        ]
        status = self.timer.status()
        if status:
            parts.append(status)
        if self.busy:
            parts.append("scoring…")
        self.query_one("#status", Static).update(Text("  ·  ".join(parts)))
        self._enforce_timer()

    def _enforce_timer(self) -> None:
        if self.busy:
            return
        due = self.timer.due()
        if due == "warn":
            self.notify("Time is up for this answer. Finish your thought and submit.")
        elif due == "grace":
            grace = int(self.timer.grace_s)
            self.notify(f"Time is up: what you have typed is submitted in {grace} s.")
        elif due == "submit":
            self.query_one(AnswerArea).submit(timed_out=True)
