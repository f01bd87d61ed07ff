"""The start screen: choose documents, topics, length, difficulty and timer, or resume."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    ListItem,
    ListView,
    ProgressBar,
    Select,
    SelectionList,
    Static,
)

from tui.messages import PrepareDone, PrepareProgress


class StartScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start interview", priority=True),
        Binding("ctrl+o", "resume", "Resume selected"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, launcher: Any, resume: str | None = None) -> None:
        super().__init__()
        self.launcher = launcher
        self.ready = False
        self._ready_note = ""
        self._resume_first = resume

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="start-body"):
            with VerticalScroll(id="choices"):
                yield Label("Documents")
                yield SelectionList(id="docs", compact=True)
                yield Label("Topics (words, comma-separated; empty for all)")
                yield Input(placeholder="e.g. kafka, spark", id="topics", compact=True)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Questions")
                        yield Input("5", id="count", type="integer", compact=True)
                    with Vertical():
                        yield Label("Difficulty")
                        yield Select(
                            [("any", ""), ("easy", "easy"), ("medium", "medium"), ("hard", "hard")],
                            value="",
                            allow_blank=False,
                            id="difficulty",
                            compact=True,
                        )
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Follow-ups")
                        yield Select(
                            [(str(k), k) for k in range(4)],
                            value=2,
                            allow_blank=False,
                            id="follow-ups",
                            compact=True,
                        )
                    with Vertical():
                        yield Label("Minutes/answer")
                        yield Input(placeholder="no limit", id="timer", type="number", compact=True)
                yield Label("Interviewer")
                yield Select(
                    [(m, m) for m in self.launcher.modes],
                    value=self.launcher.mode,
                    allow_blank=False,
                    id="mode",
                    compact=True,
                )
                yield Button("Start (ctrl+s)", id="start", variant="primary", compact=True)
            with Vertical(id="side"):
                yield Label("Recent sessions (enter resumes)")
                yield ListView(id="recent")
        with Horizontal(id="prepare"):
            yield Static(Text("Preparing…"), id="status")
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Rehearse"
        self.sub_title = "mock interviews from your own notes"
        self.query_one("#start", Button).disabled = True
        self.prepare()

    @work(thread=True, exclusive=True, group="prepare")
    def prepare(self) -> None:
        def progress(what: str, done: int, total: int) -> None:
            self.app.call_from_thread(self.post_message, PrepareProgress(what, done, total))

        try:
            problems = self.launcher.prepare_index(progress)
        except Exception as exc:  # shown on screen; the app stays usable to quit
            self.app.call_from_thread(self.post_message, PrepareDone([], str(exc)))
            return
        self.app.call_from_thread(self.post_message, PrepareDone(problems))
        # The model is only needed to score the first answer: load it while the candidate
        # chooses. Scoring waits for it if they are quicker.
        progress("Loading the embedding model in the background", 0, 0)
        self.launcher.load_model()
        progress("Model loaded", 1, 1)

    def on_prepare_progress(self, message: PrepareProgress) -> None:
        bar = self.query_one("#progress", ProgressBar)
        if self.ready:  # the catalogue is up; only the model is still loading
            bar.display = message.done < message.total or not message.total
            note = self._ready_note + ("" if message.done else f" · {message.what}…")
            self.query_one("#status", Static).update(Text(note))
            return
        self.query_one("#status", Static).update(Text(message.what + "…"))
        bar.update(total=message.total or None, progress=message.done)

    def on_prepare_done(self, message: PrepareDone) -> None:
        status = self.query_one("#status", Static)
        if message.error:
            self.query_one("#progress", ProgressBar).display = False
            status.update(Text(f"Cannot start: {message.error}", style="red"))
            return
        catalogue = self.launcher.catalogue()
        docs = self.query_one("#docs", SelectionList)
        for doc in catalogue.docs:
            docs.add_option((doc, doc, True))
        self._fill_recent()
        note = f"Ready: {catalogue.questions} questions from {len(catalogue.docs)} documents."
        if message.problems:
            note += " Skipped: " + "; ".join(message.problems)
        self._ready_note = note
        status.update(Text(note))
        self.ready = True
        self.query_one("#start", Button).disabled = False
        if self._resume_first:
            self._open_session(self._resume_first)
            self._resume_first = None

    def _fill_recent(self) -> None:
        recent = self.query_one("#recent", ListView)
        recent.clear()
        for row in self.launcher.recent():
            overall = (row.report or {}).get("overall")
            score = f"{overall:.2f}/5" if overall is not None else "-"
            when = datetime.fromtimestamp(row.created).strftime("%m-%d %H:%M")
            state = "✓" if row.status == "finished" else "…"
            item = ListItem(Static(Text(f"{state} {row.id} {when} {score}")))
            item.session_id = row.id  # type: ignore[attr-defined]
            item.finished = row.status == "finished"  # type: ignore[attr-defined]
            recent.append(item)

    def config(self) -> dict[str, Any]:
        docs = list(self.query_one("#docs", SelectionList).selected)
        topics = [t.strip() for t in self.query_one("#topics", Input).value.split(",") if t.strip()]
        count_text = self.query_one("#count", Input).value.strip()
        timer_text = self.query_one("#timer", Input).value.strip()
        difficulty = self.query_one("#difficulty", Select).value
        return {
            "n_questions": max(1, int(count_text)) if count_text.isdigit() else 5,
            "docs": docs,
            "topics": topics,
            "difficulty": difficulty or None,
            "max_follow_ups": int(self.query_one("#follow-ups", Select).value),
            "answer_time_limit_s": float(timer_text) * 60 if timer_text else None,
            "seed": int(datetime.now().timestamp()),
        }

    @on(Select.Changed, "#mode")
    def choose_mode(self, event: Select.Changed) -> None:
        self.launcher.mode = str(event.value)

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if not self.ready:
            self.notify("Still preparing; one moment.")
            return
        config = self.config()
        if not config["docs"]:
            self.notify("Choose at least one document.", severity="warning")
            return
        if self.launcher.count(config) == 0:
            self.notify("No questions match these choices.", severity="warning")
            return
        self.app.open_interview(self.launcher.new(config))  # type: ignore[attr-defined]

    def action_resume(self) -> None:
        item = self.query_one("#recent", ListView).highlighted_child
        if item is None or not self.ready:
            self.notify("Highlight a session in the list first.")
            return
        self._open_session(item.session_id)  # type: ignore[attr-defined]

    def _open_session(self, session_id: str) -> None:
        try:
            session = self.launcher.resume(session_id)
        except LookupError as exc:
            self.notify(str(exc), severity="error")
            return
        self.app.open_interview(session)  # type: ignore[attr-defined]

    @on(ListView.Selected, "#recent")
    def resume_selected(self) -> None:
        self.action_resume()

    def on_screen_resume(self) -> None:
        if self.ready:
            self._fill_recent()
