"""The start screen: choose documents, topics, length, difficulty, timer and rubric, or resume.

It opens pre-filled with what the command line asked for (`rehearse interview --questions 2
--topic kafka ...`), and with `--start` begins that interview as soon as the notes are ready.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

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

from agent.interfaces import SessionLauncher
from agent.state import InterviewConfig
from tui.messages import PrepareDone, PrepareProgress
from tui.navigator import Navigator


def _number(value: float | None, scale: float = 1.0) -> str:
    if not value:
        return ""
    shown = value / scale
    return str(int(shown)) if shown == int(shown) else f"{shown:g}"


class StartScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start interview", priority=True),
        Binding("ctrl+o", "resume", "Resume selected"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, launcher: SessionLauncher, resume: str | None = None) -> None:
        super().__init__()
        self.launcher = launcher
        self.ready = False
        self._ready_note = ""
        self._resume_first = resume
        self._defaults: InterviewConfig = launcher.defaults
        self._start_now = launcher.start_now and not resume

    @property
    def rehearse(self) -> Navigator:
        return cast(Navigator, self.app)

    def compose(self) -> ComposeResult:
        d = self._defaults
        follow_ups = min(max(int(d.get("max_follow_ups", 2)), 0), 3)
        yield Header(show_clock=False)
        with Horizontal(id="start-body"):
            with VerticalScroll(id="choices"):
                yield Label("Documents")
                yield SelectionList(id="docs", compact=True)
                yield Label("Topics (comma-separated; blank: all)")
                yield Input(
                    ", ".join(d.get("topics") or []),
                    placeholder="e.g. kafka, spark",
                    id="topics",
                    compact=True,
                )
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Questions")
                        yield Input(
                            str(d.get("n_questions", 5)), id="count", type="integer", compact=True
                        )
                    with Vertical():
                        yield Label("Difficulty")
                        yield Select(
                            [("any", ""), ("easy", "easy"), ("medium", "medium"), ("hard", "hard")],
                            value=d.get("difficulty") or "",
                            allow_blank=False,
                            id="difficulty",
                            compact=True,
                        )
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Follow-ups")
                        yield Select(
                            [(str(k), k) for k in range(4)],
                            value=follow_ups,
                            allow_blank=False,
                            id="follow-ups",
                            compact=True,
                        )
                    with Vertical():
                        yield Label("Min/answer")
                        yield Input(
                            _number(d.get("answer_time_limit_s"), 60),
                            placeholder="no limit",
                            id="timer",
                            type="number",
                            compact=True,
                        )
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Interviewer")
                        yield Select(
                            [(m, m) for m in self.launcher.modes],
                            value=self.launcher.mode,
                            allow_blank=False,
                            id="mode",
                            compact=True,
                        )
                    with Vertical():
                        yield Label("Rubric")
                        yield Select(
                            [("auto", "")] + [(r, r) for r in self.launcher.rubrics],
                            value=d.get("rubric") or "",
                            allow_blank=False,
                            id="rubric",
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
        wanted = [w.lower() for w in self._defaults.get("docs") or []]
        for doc in catalogue.docs:
            chosen = not wanted or any(w in doc.lower() for w in wanted)
            docs.add_option((doc, doc, chosen))
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
        elif self._start_now:
            self._start_now = False
            self.action_start()

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
        try:
            minutes = float(timer_text) if timer_text else 0.0
        except ValueError:
            minutes = 0.0
        return {
            "n_questions": max(1, int(count_text)) if count_text.isdigit() else 5,
            "docs": docs,
            "topics": topics,
            "difficulty": difficulty or None,
            "max_follow_ups": int(self.query_one("#follow-ups", Select).value),  # type: ignore[arg-type]
            "answer_time_limit_s": minutes * 60 if minutes > 0 else None,
            "time_limit_s": self._defaults.get("time_limit_s"),
            "timer_mode": self._defaults.get("timer_mode") or "submit",
            "rubric": self.query_one("#rubric", Select).value or None,
            # Only a seed from the command line fixes the plan; otherwise each interview is
            # fresh and avoids recently asked questions.
            "seed": self._defaults.get("seed"),
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
        self.rehearse.open_interview(self.launcher.new(config))  # type: ignore[arg-type]

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
        self.rehearse.open_interview(session)

    @on(ListView.Selected, "#recent")
    def resume_selected(self) -> None:
        self.action_resume()

    def on_screen_resume(self) -> None:
        if self.ready:
            self._fill_recent()
