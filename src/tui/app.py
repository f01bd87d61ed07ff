"""The Rehearse app. Thin on purpose: it switches screens and hands them the launcher or a
session; all interview logic lives in `agent`, all widgets in `screens/` and `widgets/`."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from agent.interfaces import Session, SessionLauncher
from agent.report import Report
from tui.screens.interview import InterviewScreen
from tui.screens.report import ReportScreen
from tui.screens.start import StartScreen


class RehearseApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Rehearse"
    # The palette's footer entry crowds out Quit at 80 columns, and it offers nothing the
    # keys don't.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(
        self,
        launcher: SessionLauncher,
        export_dir: Path | None = None,
        resume: str | None = None,
    ) -> None:
        super().__init__()
        self.launcher = launcher
        self.export_dir = export_dir or launcher.exports_dir
        self.resume_id = resume
        self.clock = time.monotonic

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.launcher, resume=self.resume_id))

    def open_interview(self, session: Session) -> None:
        report = session.report if session.finished else None
        if report is not None:
            self.open_report(session, report)
            return
        self.push_screen(InterviewScreen(session, self.clock))

    def open_report(self, session: Session, report: Report) -> None:
        screen = ReportScreen(
            session.session_id, report, self.launcher.history(), session.transcript, self.export_dir
        )
        if isinstance(self.screen, InterviewScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def back_to_start(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, StartScreen):
            self.pop_screen()


def make_app(
    launcher: SessionLauncher, export_dir: Path | None = None, resume: str | None = None
) -> RehearseApp:
    return RehearseApp(launcher, export_dir, resume)
