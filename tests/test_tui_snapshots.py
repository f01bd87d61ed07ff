"""Snapshots of each screen at 80x24 (the smallest terminal we support) and 160x48."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tui.app import make_app
from tui.screens.interview import InterviewScreen
from tui.screens.report import ReportScreen
from tui_fakes import FakeLauncher

SIZES = [(80, 24), (160, 48)]


def _app(tmp_path):
    app = make_app(FakeLauncher(), export_dir=tmp_path)
    app.clock = lambda: 1000.0  # frozen timers
    return app


async def _settle(pilot, until) -> None:
    for _ in range(60):
        await pilot.pause(0.05)
        if until():
            break
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, tmp_path, size):
    async def ready(pilot):
        await _settle(pilot, lambda: getattr(pilot.app.screen, "ready", False))

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_interview_screen_after_an_answer(snap_compare, tmp_path, size):
    async def answered(pilot):
        await _settle(pilot, lambda: getattr(pilot.app.screen, "ready", False))
        await pilot.press("ctrl+s")
        await _settle(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, InterviewScreen)
                and pilot.app.screen.progress == (1, 2)
            ),
        )
        pilot.app.screen.query_one("#answer", TextArea).text = "Kafka is a log [bold]x[/]."
        await pilot.press("ctrl+s")
        await _settle(
            pilot, lambda: not pilot.app.screen.busy and len(pilot.app.launcher.session.calls) >= 2
        )

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=answered)


@pytest.mark.parametrize("size", SIZES)
def test_report_screen(snap_compare, tmp_path, size):
    async def reported(pilot):
        await _settle(pilot, lambda: getattr(pilot.app.screen, "ready", False))
        await pilot.press("ctrl+s")
        await _settle(pilot, lambda: isinstance(pilot.app.screen, InterviewScreen))
        await pilot.press("ctrl+e")
        await _settle(pilot, lambda: isinstance(pilot.app.screen, ReportScreen))

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=reported)
