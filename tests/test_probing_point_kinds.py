"""Reading key points: kind and subject, on points in the voices real notes use."""

from __future__ import annotations

import pytest

from agent.probing.point_kinds import read_point
from agent.probing.subjects import heading_subject, question_subjects

CASES = [
    # (point, question, kind, subject)
    ("LAG/LEAD avoid self-joins.", "When would you use LAG or LEAD?", "reason", "LAG/LEAD"),
    (
        "If a broker drops out of the ISR, writes carry on while min.insync.replicas is met.",
        "How does Kafka replication work?",
        "scenario",
        "Kafka replication",
    ),
    (
        "acks=all trades latency for durability.",
        "How does Kafka replication work?",
        "trade_off",
        "acks=all",
    ),
    ("Examples: CREATE", "What is the difference between DDL and DML", "example", "DDL and DML"),
    ("With Airflow you can: Schedule tasks", "What is Cloud Composer?", "item", "Airflow"),
    (
        "Immutable objects: Their value cannot change.",
        "What are they?",
        "detail",
        "Immutable objects",
    ),
    (
        "Partition by load date and overwrite the partition.",
        "How do you make a load safe?",
        "step",
        "a load",
    ),
    (
        "This reduced marketing pipeline failures by 60%.",
        "How do you ensure data quality?",
        "outcome",
        "data quality",
    ),
    (
        "I also added data lineage tracking and drift alerts.",
        "How do you ensure data quality?",
        "own_action",
        "data quality",
    ),
    (
        "Retries with exponential backoff handle transient API errors.",
        "How would you orchestrate?",
        "failure",
        "Retries",
    ),
    (
        "A schema registry rejects breaking changes before they hit silver.",
        "How do you handle schema drift?",
        "failure",
        "A schema registry",
    ),
    (
        "Broadcasting a big table → driver OOM.",
        "Broadcast join - when?",
        "scenario",
        "Broadcasting",
    ),
]


@pytest.mark.parametrize(("point", "question", "kind", "subject"), CASES)
def test_read_point(point, question, kind, subject):
    reading = read_point(point, question)
    assert (reading.kind, reading.subject) == (kind, subject)


def test_a_scenario_keeps_its_condition_and_a_preference_its_alternative():
    assert read_point(CASES[1][0]).condition == "a broker drops out of the ISR"
    merge = read_point("MERGE on the business key instead of a plain INSERT.")
    assert merge.alternative == "a plain INSERT"
    airflow = read_point("Airflow schedules the DAG at 02:00 UTC.")
    assert (airflow.kind, airflow.action) == ("tool", "schedule")


@pytest.mark.parametrize(
    ("question", "subjects"),
    [
        ("What is Bigtable?", ["Bigtable"]),
        ("What's the difference between a process and a thread?", ["a process", "a thread"]),
        ("Tell me about your experience with real-time streaming.", ["real-time streaming"]),
        ("How do you make a daily load safe to re-run?", ["a daily load"]),
        ("How do you handle schema drift from third-party APIs?", ["schema drift"]),
        ("Tell me about your background as a Data Engineer.", ["your background"]),
    ],
)
def test_question_subjects(question, subjects):
    assert question_subjects(question) == subjects


def test_headings_that_organise_notes_are_not_subjects():
    assert heading_subject(["MONDAY PLAN", "Block 1: Sprint Detection Algorithm (90 mins)"]) == (
        "the sprint detection algorithm"
    )
    assert heading_subject(["SECTION 4 — Behavioral Questions"]) == ""
