"""Clarifying questions: labelled before the code was written (True: a question to the
interviewer; False: an answer, even one with a question mark in it)."""

from __future__ import annotations

import pytest

from agent.probing.clarifying import NOTHING_IN_NOTES, clarify, is_clarifying_question
from retrieval.question_bank import Question

LABELLED = [
    ("do you mean batch or streaming?", True),
    ("Can I assume the data fits in memory?", True),
    ("What's the expected scale?", True),
    ("Sorry, just to clarify - is this for the reporting warehouse or the operational DB?", True),
    ("Should I focus on the ingestion side?", True),
    ("How many events per second are we talking about?", True),
    ("Are we allowed to use managed services here", True),
    ("Is latency or cost more important for this?", True),
    ("Why does this matter? Because a replay would double-count every bet.", False),
    (
        "A data lake stores raw files cheaply. Delta Lake adds ACID transactions on top, "
        "so what do you get? Reliable updates and time travel.",
        False,
    ),
    ("I'd partition by date and overwrite the partition on rerun.", False),
    (
        "I would use Kafka here, and honestly, who wouldn't? It keeps ordering per partition "
        "and consumers can replay from an offset whenever they need to.",
        False,
    ),
    ("Idempotency means running it twice gives the same result.", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED)
def test_is_clarifying_question_matches_labels(text, expected):
    assert is_clarifying_question(text) is expected


def _question(**kw) -> Question:
    base = dict(
        id="q-design",
        question="How would you design the ingestion for the betting platform?",
        golden_answer="Use Kafka with idempotent consumers keyed by bet_id.",
        key_points=["Use Kafka with idempotent consumers keyed by bet_id."],
        doc_id="brief",
        heading_path=["Betting platform", "Ingestion"],
        line=3,
        form="heading",
    )
    base.update(kw)
    return Question(**base)


PASSAGES = [
    "The platform takes about 2 million bets a day, with peaks of 5,000 bets per second on "
    "Saturday afternoons. Data must reach the risk dashboards within 30 seconds.",
    "Use Kafka with idempotent consumers keyed by bet_id.",
    "The team is four engineers and the budget is tight.",
]


def test_clarify_answers_scale_from_the_notes_not_the_golden_answer():
    reply = clarify(_question(), "What's the expected scale?", PASSAGES)
    assert "5,000 bets per second" in reply or "2 million bets" in reply
    assert "Kafka" not in reply and "idempotent" not in reply


def test_clarify_answers_a_constraint_question():
    reply = clarify(_question(), "How fresh does the data need to be?", PASSAGES)
    assert "30 seconds" in reply


def test_clarify_says_so_when_the_notes_are_silent():
    reply = clarify(_question(), "Can I assume the data fits in memory?", ["Nothing relevant."])
    assert reply == NOTHING_IN_NOTES
    reply = clarify(_question(), "Do you mean batch or streaming?", [])
    assert reply == NOTHING_IN_NOTES


def test_clarify_does_not_answer_a_team_question_with_the_traffic():
    reply = clarify(_question(), "How many people are on the team?", PASSAGES)
    assert "four engineers" in reply and "bets" not in reply


def test_clarify_quotes_a_short_fact_line_with_its_label():
    facts = ["**Current scale:** 1M bets/day, 500K customers.", "## Ingestion"]
    assert clarify(_question(), "What's the expected scale?", facts) == (
        "From the brief: Current scale: 1M bets/day, 500K customers."
    )
