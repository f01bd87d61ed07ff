"""Command-line choices reach the app; quitting is discoverable; the model answer, retry and the
answer timer work from the keyboard; resizing keeps the current turn in view."""

from __future__ import annotations

from textual.widgets import Footer, Input, Select, SelectionList

from agent.actions import ACTIONS, app_help, plain_help
from helpers import open_interview, wait_for
from rehearse.cli import build_parser
from rehearse.commands.interview import interview_config
from tui.app import make_app
from tui.screens.interview import InterviewScreen
from tui.screens.start import StartScreen
from tui.widgets.answer_area import AnswerArea
from tui.widgets.model_answer import ModelAnswerTurn
from tui_fakes import FakeLauncher, FakeSession


def _flags(*argv: str) -> dict:
    return interview_config(build_parser().parse_args(["interview", *argv]))


def test_every_interview_flag_becomes_part_of_the_config():
    config = _flags(
        "--questions", "2", "--topic", "kafka", "--doc", "qa", "--difficulty", "hard",
        "--follow-ups", "1", "--answer-minutes", "3", "--time-limit", "20",
        "--rubric", "behavioural", "--seed", "7", "--timer", "warn",
    )  # fmt: skip
    assert config == {
        "n_questions": 2,
        "docs": ["qa"],
        "topics": ["kafka"],
        "difficulty": "hard",
        "max_follow_ups": 1,
        "time_limit_s": 1200,
        "answer_time_limit_s": 180,
        "timer_mode": "warn",
        "rubric": "behavioural",
        "seed": 7,
    }


async def test_flags_prefill_the_start_screen(tmp_path):
    defaults = _flags("--questions", "2", "--topic", "kafka", "--follow-ups", "1", "--doc", "qa")
    defaults.update(answer_time_limit_s=180, rubric="behavioural", seed=7)
    launcher = FakeLauncher(defaults=defaults)
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        start = app.screen
        await wait_for(pilot, lambda: start.ready)
        assert start.query_one("#count", Input).value == "2"
        assert start.query_one("#topics", Input).value == "kafka"
        assert start.query_one("#follow-ups", Select).value == 1
        assert start.query_one("#timer", Input).value == "3"
        assert start.query_one("#rubric", Select).value == "behavioural"
        assert list(start.query_one("#docs", SelectionList).selected) == ["qa-bank"]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: launcher.configs)
        config = launcher.configs[0]
        assert config["n_questions"] == 2 and config["topics"] == ["kafka"]
        assert config["max_follow_ups"] == 1 and config["seed"] == 7
        assert config["rubric"] == "behavioural" and config["docs"] == ["qa-bank"]


async def test_start_flag_begins_at_once(tmp_path):
    launcher = FakeLauncher(defaults=_flags("--questions", "2"), start_now=True)
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert launcher.configs[0]["n_questions"] == 2


async def test_quit_is_in_the_footer_and_the_help_on_every_screen(tmp_path):
    assert "ctrl+q quits" in app_help() and "/quit" in plain_help()
    for action in ACTIONS:
        assert action.key in app_help()
    app = make_app(FakeLauncher(), export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.ready)
        assert app.screen.query_one(Footer) is not None
        assert any(b.binding.description == "Quit" for b in app.active_bindings.values())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert any(b.binding.description == "Quit" for b in app.active_bindings.values())
        await pilot.press("ctrl+q")
        await pilot.pause(0.1)
    assert app.return_code is not None or not app.is_running


async def test_model_answer_and_retry_keys(tmp_path):
    session = FakeSession()
    app = make_app(FakeLauncher(session), export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_interview(pilot, app)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: bool(screen.query(ModelAnswerTurn)))
        await wait_for(pilot, lambda: not screen.busy)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: "retry" in session.calls)


async def test_time_up_submits_what_was_typed_after_the_grace_period(tmp_path):
    now = [0.0]
    session = FakeSession(config={"answer_time_limit_s": 60, "timer_mode": "submit"})
    app = make_app(FakeLauncher(session), export_dir=tmp_path)
    app.clock = lambda: now[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_interview(pilot, app)
        await pilot.press(*"half an answer")
        now[0] = 61.0
        screen._tick()
        assert "submitting in" in str(screen.query_one("#status").render())
        assert session.answers == []  # the grace period first
        now[0] = 95.0
        screen._tick()
        await wait_for(pilot, lambda: session.answers)
        assert session.answers == ["half an answer"]
        assert session.calls[-1].endswith("(timed out)")


async def test_resizing_to_80x24_keeps_the_answer_box_and_latest_turn_in_view(tmp_path):
    app = make_app(FakeLauncher(), export_dir=tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_interview(pilot, app)
        for _ in range(3):
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: not screen.busy)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        transcript = screen.query_one("#transcript")
        assert transcript.scroll_y == transcript.max_scroll_y
        box = screen.query_one(AnswerArea)
        assert box.region.bottom <= 24 and box.region.height > 0


async def test_start_screen_labels_fit_at_80x24(tmp_path):
    app = make_app(FakeLauncher(), export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        start = app.screen
        assert isinstance(start, StartScreen)
        await wait_for(pilot, lambda: start.ready)
        from textual.widgets import Label

        for label in start.query(Label):
            text = str(label.render())
            assert label.region.width >= len(text), text


def test_bad_minutes_are_refused_with_a_clear_message(capsys):
    import pytest

    for bad in ("-1", "0", "soon"):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["interview", "--answer-minutes", bad])
        assert "minutes" in capsys.readouterr().err
