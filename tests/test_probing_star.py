"""STAR reading of behavioural answers. The answers are written in a candidate's spoken voice
and labelled by hand (present >= 0.5, absent < 0.5) before the code was run on them."""

from __future__ import annotations

import pytest

from agent.probing.star import (
    STAR_PARTS,
    is_behavioural,
    missing_star_parts,
    star_follow_up,
    star_parts,
)
from agent.rubric import load_rubric
from retrieval.question_bank import Question

COMPLETE = (
    "So when I was at Ocado, our nightly batch kept missing the 6am SLA for the finance "
    "dashboards. I was responsible for the ingestion layer, so it was on me to fix it. I profiled "
    "the jobs, found two huge shuffles, and I rewrote them as incremental merges and set up "
    "partition pruning. As a result the run went from about four hours to 50 minutes, and we "
    "haven't missed the SLA since."
)
NO_RESULT = (
    "At my last company we had a lot of complaints about data quality in the marketing tables. "
    "My job was to sort it out. I built a set of dbt tests and I set up alerts into Slack, and I "
    "talked to the analysts about which columns actually mattered to them."
)
NO_NUMBER = (
    "When I was working at a fintech, the team was drowning in failed Airflow runs. I was asked "
    "to make the pipelines more reliable. I decided to add retries with backoff, and I wrote a "
    "small library for idempotent loads. In the end the on-call got a lot quieter and people "
    "trusted the dashboards again."
)
ALL_WE = (
    "Our team had to migrate from Redshift to BigQuery. We planned it over a quarter, we moved "
    "the tables in waves, and we ran both warehouses side by side for a month. We cut the "
    "warehouse bill by 30%."
)
NOT_A_STORY = "Kafka is a distributed log; consumers read the partitions in order."
JUMPS_IN = (
    "I rewrote the dedupe job in Spark and added a checkpoint, and after that the nightly run "
    "finished in 40 minutes instead of three hours."
)
SCALE_NOT_IMPACT = (
    "So at my previous company we had about 200 pipelines and 40 TB of data, and there was a "
    "lot going on. I was responsible for the platform team. We used Airflow and dbt mostly."
)

LABELS = {
    # situation, task, action, result, measurable_outcome
    "complete": (COMPLETE, (1, 1, 1, 1, 1)),
    "no_result": (NO_RESULT, (1, 1, 1, 0, 0)),
    "no_number": (NO_NUMBER, (1, 1, 1, 1, 0)),
    "all_we": (ALL_WE, (1, 0, 0, 1, 1)),
    "not_a_story": (NOT_A_STORY, (0, 0, 0, 0, 0)),
    "jumps_in": (JUMPS_IN, (0, 0, 1, 1, 1)),
    "scale_not_impact": (SCALE_NOT_IMPACT, (1, 1, 0, 0, 0)),
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_star_parts_match_hand_labels(name):
    answer, expected = LABELS[name]
    parts = star_parts(answer)
    assert list(parts) == list(STAR_PARTS)
    got = tuple(int(parts[p] >= 0.5) for p in STAR_PARTS)
    assert got == expected, parts
    assert all(0.0 <= v <= 1.0 for v in parts.values())


def test_missing_parts_put_the_candidates_own_action_first():
    assert missing_star_parts(star_parts(ALL_WE))[0] == "action"
    assert missing_star_parts(star_parts(NO_NUMBER)) == ["measurable_outcome"]
    assert missing_star_parts(star_parts(COMPLETE)) == []


def test_star_follow_ups_vary_and_never_repeat():
    q = _question("Tell me about a time you fixed a failing pipeline.")
    first = star_follow_up("action", q, answer=ALL_WE)
    second = star_follow_up("action", q, asked=[first], answer=ALL_WE)
    assert first != second
    said_we = {star_follow_up("action", q, asked=[a], answer=ALL_WE) for a in ("", first, second)}
    assert any('"we"' in t for t in said_we)
    assert all('"we"' not in star_follow_up("action", q, asked=[a]) for a in ("", first))
    assert "you" in first.lower()
    assert star_follow_up("measurable_outcome", q).endswith("?")
    for part in STAR_PARTS:
        assert star_follow_up(part, q)[0].isupper()


def test_is_behavioural_reads_wording_topics_and_headings():
    assert is_behavioural(_question("Tell me about a time you disagreed with your manager."))
    assert is_behavioural(_question("Describe a situation where a deadline slipped."))
    assert is_behavioural(
        _question("How do you mentor junior engineers?", ["Behavioral Questions"])
    )
    assert not is_behavioural(_question("What is Apache Kafka?", ["Fundamentals"]))
    assert not is_behavioural(_question("How do you ensure idempotency?", ["Production Design"]))
    standards = _question("What coding standards do you establish?", ["Team Leadership"])
    assert not is_behavioural(standards)


def test_behavioural_rubric_has_the_star_criteria():
    rubric = load_rubric("behavioural")
    assert [c.name for c in rubric.criteria] == list(STAR_PARTS)
    assert abs(sum(c.weight for c in rubric.criteria) - 1.0) < 1e-9


def _question(text: str, headings: list[str] | None = None) -> Question:
    return Question(
        id="q-star",
        question=text,
        doc_id="notes",
        heading_path=headings or ["Stories"],
        topics=headings or [],
        line=1,
        form="heading",
    )
