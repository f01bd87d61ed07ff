"""The Rehearse app. Thin on purpose: it switches screens and hands them the launcher or a
session; all interview logic lives in `agent`, all widgets in `screens/` and `widgets/`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual.app import App

from tui.screens.interview import InterviewScreen
from tui.screens.report import ReportScreen
from tui.screens.start import StartScreen


class RehearseApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Rehearse"

    def __init__(
        self, launcher: Any, export_dir: Path | None = None, resume: str | None = None
    ) -> None:
        super().__init__()
        self.launcher = launcher
        self.export_dir = export_dir or Path.cwd()
        self.resume_id = resume
        self.clock = time.monotonic

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.launcher, resume=self.resume_id))

    def open_interview(self, session: Any) -> None:
        if session.finished:
            self.open_report(session, session.report)
            return
        self.push_screen(InterviewScreen(session, self.clock))

    def open_report(self, session: Any, report: dict[str, Any]) -> None:
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
    launcher: Any, export_dir: Path | None = None, resume: str | None = None
) -> RehearseApp:
    return RehearseApp(launcher, export_dir, resume)
