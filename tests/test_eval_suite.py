"""The eval machinery: variants, metrics, and a baseline gate that catches a worse scorer."""

from __future__ import annotations

import json

from evaluation import baseline
from evaluation.scorer_suite import run_scorer_suite
from evaluation.variants import EXPECTED_GRADE, build_cases
from agent.grade import Grade
from agent.rubric import load_rubric
from agent.scoring.offline_scorer import OfflineScorer
from conftest import CORPUS, FakeEmbedder
from helpers import seed_questions_with_answers


def _cases():
    return build_cases(seed_questions_with_answers(CORPUS))[:240]


def test_variants_carry_expected_grades_and_injections_keep_their_base():
    cases = _cases()
    variants = {c["expected_output"]["variant"] for c in cases}
    assert set(EXPECTED_GRADE) <= variants
    assert {"half+injection", "one+injection", "off_topic+injection"} <= variants
    for case in cases:
        if "base" in case["metadata"]:
            assert case["expected_output"]["grade"] == EXPECTED_GRADE[case["metadata"]["base"]]
    assert all(json.dumps(c) for c in cases)


def test_a_broken_scorer_is_caught_by_the_baseline_gate():
    cases = _cases()
    good = OfflineScorer(FakeEmbedder(), load_rubric())
    results = {"scorer": run_scorer_suite(cases, good.score_many)}
    assert results["scorer"]["variant_order_accuracy"] > 0.7
    assert results["scorer"]["injection_max_delta"] <= 0
    gate = baseline.snapshot(results)
    assert baseline.compare(results, gate) == []

    def length_scorer(requests):  # "longer is better": the kind of change the gate must stop
        return [
            Grade(
                id=r.id,
                score=min(5.0, 1 + len(r.answer) / 200),
                criteria={},
                covered=[],
                missing=[],
                scorer="bad",
                confidence=0.5,
            )
            for r in requests
        ]

    worse = {"scorer": run_scorer_suite(cases, length_scorer)}
    problems = baseline.compare(worse, gate)
    assert any("injection_max_delta" in p for p in problems)
    assert any("padding_paid_share" in p for p in problems)
