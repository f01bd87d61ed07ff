"""The follow-up gate: each of the old offline follow-ups fails it for the reason a reader
would give, and follow-ups an interviewer would ask pass it."""

from __future__ import annotations

import pytest

from agent.probing.defects import defect_group, follow_up_defects

LAG = "LAG/LEAD avoid self-joins."
LAG_Q = "When would you use LAG or LEAD?"

BAD = [
    # (text, point, covered, question, expected reason prefix)
    (
        "Where does enterprise scale fit in?",
        "For enterprise scale, I'd add partitioning strategies and Z-ordering.",
        [],
        "How would this handle enterprise-scale data?",
        "repeats the question",
    ),
    (
        "You covered Pub/Sub but. Where does Notification Service come in?",
        "Pub/Sub decouples the notification service from the order service.",
        [],
        "How would you design the notification service?",
        "fragment",
    ),
    (
        "Where does adds come in?",
        "It sits on top and adds ACID.",
        [],
        "What is Delta Lake?",
        "slot",
    ),
    (
        "Where does Airflow yourself come in?",
        "It lets you schedule without managing Airflow yourself.",
        [],
        "What is Cloud Composer?",
        "slot",
    ),
    ("So where does self-join fit in?", LAG, [], LAG_Q, "leaks the point"),
    (
        "Where does Determines / least / returned fit in?",
        "Determines at least the rows returned.",
        [],
        "What does LIMIT do?",
        "slot",
    ),
    ("What about {s}?", LAG, [], LAG_Q, "unfilled slot"),
    ("what else would you add?", LAG, [], LAG_Q, "sentence starts lowercase"),
    ("What else  would you add?", LAG, [], LAG_Q, "double space"),
    ("You mentioned . It matters?", LAG, [], LAG_Q, "fragment"),
    (
        "How do consumer groups split the partitions?",
        "Offsets are committed after processing.",
        ["Consumer groups split partitions among their members."],
        "How does Kafka work?",
        "asks about a covered point",
    ),
]


@pytest.mark.parametrize(("text", "point", "covered", "question", "reason"), BAD)
def test_old_offline_follow_ups_fail_for_the_right_reason(text, point, covered, question, reason):
    found = follow_up_defects(text, point, covered, question)
    assert any(d.startswith(reason) for d in found), found


GOOD = [
    ("Why would you reach for LAG/LEAD rather than another approach?", LAG, [], LAG_Q),
    (
        "What happens if a broker drops out of the ISR?",
        "If a broker drops out of the ISR, writes carry on while min.insync.replicas is met.",
        ["The ISR is the set of followers caught up with the leader."],
        "How does Kafka replication work?",
    ),
    (
        "Why not just a plain INSERT?",
        "MERGE on the business key instead of a plain INSERT.",
        [],
        "How do you make a daily load safe to re-run?",
    ),
    (
        "What would you use to schedule that, and why?",
        "Airflow schedules the DAG at 02:00 UTC, after the source exports land.",
        [],
        "How would you orchestrate the nightly pipeline?",
    ),
    ("That's part of it. What else matters here?", LAG, [], LAG_Q),
]


@pytest.mark.parametrize(("text", "point", "covered", "question"), GOOD)
def test_interviewer_follow_ups_pass(text, point, covered, question):
    assert follow_up_defects(text, point, covered, question) == []


def test_empty_text_is_a_defect():
    assert follow_up_defects("  ", LAG, [], LAG_Q) == ["empty"]


def test_defects_fall_into_the_groups_the_eval_gates_on():
    groups = {
        defect_group(d)
        for text, point, covered, question, _ in BAD
        for d in follow_up_defects(text, point, covered, question)
    }
    assert groups == {"form", "leak", "repeat", "covered"}
