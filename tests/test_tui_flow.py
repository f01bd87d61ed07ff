"""Pilot tests of the whole app flow against a fake launcher and session."""

from __future__ import annotations

import json

from textual.widgets import Button, Input, Label, Markdown, Static, TextArea

from helpers import wait_for
from tui.app import make_app
from tui.screens.interview import InterviewScreen
from tui.screens.report import ReportScreen
from tui.screens.start import StartScreen
from tui.widgets.score_panel import ScorePanel
from tui_fakes import HOSTILE, FakeLauncher


def _text(widget) -> str:
    return str(widget.render())


async def test_start_answer_scores_follow_up_end_report_export(tmp_path):
    launcher = FakeLauncher()
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        start = app.screen
        assert isinstance(start, StartScreen)
        await wait_for(pilot, lambda: start.ready)
        assert "Skipped: broken.md" in _text(start.query_one("#status", Static))
        start.query_one("#count", Input).value = "2"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.progress == (1, 2))
        assert launcher.configs[0]["n_questions"] == 2
        assert launcher.configs[0]["docs"] == ["qa-bank", "talking-points"]

        editor = screen.query_one("#answer", TextArea)
        editor.text = "Kafka is a distributed log.\nIt keeps offsets."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(launcher.session.calls) == 2 and not screen.busy)
        panel = _text(screen.query_one(ScorePanel).query_one("#scores", Static))
        missed = _text(screen.query_one(ScorePanel).query_one("#missed", Static))
        assert "2.5 / 5" in panel and "Kafka is a log" in panel
        # A follow-up is coming, so the missed point is not spelled out yet.
        assert "Consumer groups split partitions" not in panel + missed
        assert "1 point(s) missed" in missed
        assert launcher.session.calls[1] == "answer:Kafka is a distributed log.\nIt keeps offsets."
        assert editor.text == ""

        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: "hint" in launcher.session.calls)
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        report = app.screen
        summary = _text(report.query_one("#summary", Static))
        assert "Overall 3.20 / 5" in summary and "skipped 1" in summary
        questions = _text(report.query_one("#questions", Static))
        assert "Re-read: qa > Spark (line 9)" in questions and HOSTILE in questions
        assert "Practise next (weakest first)" in questions
        assert "What is Spark? (skipped). Re-read" in questions  # a question, not a heading
        labels = [_text(label) for label in report.query(Label)]
        assert any(label.startswith("Overall per session") for label in labels)
        await pilot.press("m")
        await pilot.press("j")
        await pilot.pause(0.1)
        markdown = (tmp_path / "rehearse-fake0001.md").read_text()
        assert (
            "# Rehearse report" in markdown and "You said: Kafka is an append-only log." in markdown
        )
        exported = json.loads((tmp_path / "rehearse-fake0001.json").read_text())
        assert exported["report"]["overall"] == 3.2
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))


async def test_hostile_markup_is_shown_literally_and_never_crashes(tmp_path):
    launcher = FakeLauncher()
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.ready)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = app.screen
        await wait_for(pilot, lambda: bool(screen.query(Markdown)))
        screen.query_one("#answer", TextArea).text = HOSTILE
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.busy and len(launcher.session.calls) == 2)
        bodies = [_text(w) for w in screen.query(".body")]
        assert HOSTILE in bodies


async def test_start_refuses_choices_with_no_questions(tmp_path):
    app = make_app(FakeLauncher(), export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        start = app.screen
        await wait_for(pilot, lambda: start.ready)
        start.query_one("#topics", Input).value = "nothing"
        await pilot.click("#start")
        await pilot.pause(0.1)
        assert isinstance(app.screen, StartScreen)
        assert not start.query_one("#start", Button).disabled


async def test_the_real_offline_session_on_the_seed_corpus(tmp_path):
    """The app with the real Launcher and InterviewSession: first run indexes the corpus."""
    import shutil

    from agent.launcher import Launcher
    from conftest import CORPUS, FakeEmbedder
    from retrieval.layout import DataLayout

    shutil.copytree(CORPUS, tmp_path / "corpus")
    launcher = Launcher(DataLayout(tmp_path / "data"), tmp_path / "corpus")
    launcher._embedder = FakeEmbedder()  # the real model is covered by the seed tests
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        start = app.screen
        await wait_for(pilot, lambda: start.ready, tries=200)
        assert "questions from 5 documents" in _text(start.query_one("#status", Static))
        start.query_one("#count", Input).value = "2"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.progress[0] == 1)
        screen.query_one("#answer", TextArea).text = "Partition by date and keep scans small."
        await pilot.press("ctrl+s")
        await wait_for(
            pilot,
            lambda: (
                not screen.busy
                and "/ 5" in _text(screen.query_one(ScorePanel).query_one("#scores", Static))
            ),
        )
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen), tries=100)
        assert "Overall" in _text(app.screen.query_one("#summary", Static))
    # Closing mid-way loses nothing: the session is in the store, finished, with its report.
    rows = launcher.recent()
    assert rows and rows[0].status == "finished" and rows[0].report["asked"] >= 1


async def test_closing_mid_interview_loses_nothing_and_the_start_screen_resumes(tmp_path):
    import shutil

    from textual.widgets import ListView

    from agent.launcher import Launcher
    from conftest import CORPUS, FakeEmbedder
    from retrieval.layout import DataLayout

    shutil.copytree(CORPUS, tmp_path / "corpus")

    def launcher() -> Launcher:
        made = Launcher(DataLayout(tmp_path / "data"), tmp_path / "corpus")
        made._embedder = FakeEmbedder()
        return made

    app = make_app(launcher(), export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.ready, tries=200)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.progress[0] == 1)
        screen.query_one("#answer", TextArea).text = "An answer before closing."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.busy and len(screen.session.transcript) > 2)
        prompt = [
            t["text"] for t in screen.session.transcript if t["kind"] in ("question", "follow_up")
        ][-1]
        session_id = screen.session.session_id
    app = make_app(launcher(), export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        start = app.screen
        await wait_for(pilot, lambda: start.ready, tries=200)
        recent = start.query_one("#recent", ListView)
        assert recent.children[0].session_id == session_id
        assert "…" in _text(recent.children[0].query_one(Static))
        recent.index = 0
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        resumed = app.screen
        await wait_for(pilot, lambda: bool(resumed.query(Markdown)))
        shown = [str(m.source) for m in resumed.query(Markdown)]
        assert shown[-1] == prompt
        assert any(t["text"] == "An answer before closing." for t in resumed.session.transcript)
