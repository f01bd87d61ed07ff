"""No lost keystrokes: what is in the box when submit arrives is what is sent, all of it, and
what is typed after stays for the next turn."""

from __future__ import annotations

import threading

from textual import events

from helpers import open_interview, wait_for
from tui.app import make_app
from tui.widgets.answer_area import AnswerArea
from tui_fakes import FakeLauncher, FakeSession

PASTE = ("Kafka keeps an ordered, replicated log per partition; " * 100)[:5000]


async def test_a_5000_character_paste_submitted_in_the_same_tick_is_stored_whole(tmp_path):
    launcher = FakeLauncher()
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_interview(pilot, app)
        box = screen.query_one(AnswerArea)
        assert box.has_focus
        # Paste (delivered as the terminal driver does, to the app), then submit, with no
        # pause between: both wait in the queues together.
        app.post_message(events.Paste(PASTE))
        app.post_message(events.Key("ctrl+s", None))
        await wait_for(pilot, lambda: launcher.session.answers and not screen.busy)
        assert launcher.session.answers == [PASTE]
        assert box.text == ""


async def test_typing_fast_then_submitting_sends_every_character(tmp_path):
    launcher = FakeLauncher()
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_interview(pilot, app)
        for key in [*"offsets per group", "ctrl+s"]:  # one burst, no waiting between keys
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: launcher.session.answers and not screen.busy)
        assert launcher.session.answers == ["offsets per group"]


async def test_text_typed_while_scoring_stays_for_the_next_turn(tmp_path):
    gate = threading.Event()
    launcher = FakeLauncher(FakeSession(gate=gate))
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_interview(pilot, app)
        box = screen.query_one(AnswerArea)
        await pilot.press(*"first answer", "ctrl+s")
        await wait_for(pilot, lambda: screen.busy)
        # The turn is being scored: type the next answer, and try to submit it too early.
        await pilot.press(*"typed during scoring", "ctrl+s")
        await pilot.pause(0.1)
        assert box.text == "typed during scoring"
        gate.set()
        await wait_for(pilot, lambda: not screen.busy)
        assert launcher.session.answers == ["first answer"]
        assert box.text == "typed during scoring"  # kept for the follow-up, not lost
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(launcher.session.answers) == 2 and not screen.busy)
        assert launcher.session.answers[1] == "typed during scoring"


async def test_an_empty_box_is_not_submitted(tmp_path):
    launcher = FakeLauncher()
    app = make_app(launcher, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_interview(pilot, app)
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert launcher.session.answers == [] and not screen.busy
