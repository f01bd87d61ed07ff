"""Hints: three levels that get more specific, never repeated, honest when they run out."""

from __future__ import annotations

from agent.probing.hints import BLANK, OUT_OF_HINTS, hint
from probing_fixtures import FIXTURES, make_question
from retrieval.question_bank import Passage

BY_ID = {q.id: q for q in FIXTURES}


def _ladder(q, target, levels=(1, 2, 3)):  # type: ignore[no-untyped-def]
    given: list[str] = []
    for level in levels:
        given.append(hint(q, target, level, given))
    return given


def test_levels_name_the_area_then_the_idea_then_a_blank():
    q = BY_ID["q-consumer-group"]
    area, idea, sentence = _ladder(q, q.key_points[1])
    assert area.startswith("Think about") or area.startswith("Start from")
    assert "“" in idea and "”" in idea
    assert BLANK in sentence
    assert len({area, idea, sentence}) == 3


def test_no_hint_is_repeated_and_the_end_is_honest():
    q = BY_ID["q-lag-lead"]
    shown = _ladder(q, q.key_points[0], levels=(1, 2, 3, 3, 3, 3, 3, 3))
    assert len(set(shown)) == len(shown)
    assert shown[3] in OUT_OF_HINTS and "No more hints" in shown[-1]
    assert "LAG/LEAD" not in shown[1]  # the idea is not the subject the question already named


def test_a_repeated_level_moves_on_rather_than_repeat():
    q = BY_ID["q-kafka-repl"]
    first = hint(q, q.key_points[3], 1, [])
    again = hint(q, q.key_points[3], 1, [first])
    assert again != first


def test_no_target_uses_the_first_key_point():
    q = BY_ID["q-idempotent"]
    assert hint(q, None, 3, []) == hint(q, q.key_points[0], 3, [])


def test_the_level_one_hint_does_not_give_the_point_away():
    q = BY_ID["q-lag-lead"]
    assert "self" not in hint(q, q.key_points[0], 1, []).lower()


def test_without_a_prepared_answer_hints_come_from_the_passages():
    q = make_question("How would you stop double-counting bets?", [], headings=["Brief", "Bets"])
    q.references.append(
        Passage(
            chunk_id="c1",
            doc_id="brief",
            heading_path=["Brief", "Bets"],
            text="Every bet carries a bet_id, and replays from the exchange are common.",
        )
    )
    shown = _ladder(q, None)
    assert shown[0] == "Your notes cover this under “Bets”."
    assert any(BLANK in s for s in shown[1:]) or any("“" in s for s in shown[1:])
    assert len(set(shown)) == 3


def test_nothing_at_all_still_answers_honestly_and_never_repeats():
    q = make_question("Any questions for us?", [], headings=["Closing"])
    shown = _ladder(q, None, levels=(1, 1, 2, 3, 3))
    assert len(set(shown[:4])) == 4


def test_rising_levels_alone_never_repeat_a_hint():
    """The graph may count hints without passing their texts: levels past 3 still move on."""
    q = BY_ID["q-kafka-repl"]
    shown = [hint(q, q.key_points[1], level, []) for level in range(1, 9)]
    assert len(set(shown)) == len(shown)
