"""Scorer validity: does the grader rank answers the way their expected grades say?

Metrics: variant-order accuracy, Spearman against expected grade, padding (must not pay),
run-to-run consistency, injection resistance, and AUC / macro-F1 on SemEval-2013 training
answers (human labels; reference answers only, no per-question tuning).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from statistics import mean
from typing import Any

import numpy as np

from agent.grade import Grade, GradeRequest
from evaluation.variants import ORDER

ScoreMany = Callable[[Sequence[GradeRequest]], list[Grade]]


def _requests(cases: list[dict[str, Any]]) -> list[GradeRequest]:
    return [GradeRequest.model_validate(c["inputs"]) for c in cases]


def _spearman(x: list[float], y: list[float]) -> float:
    from scipy.stats import spearmanr

    value = spearmanr(x, y).statistic
    return float(value) if value == value else 0.0  # NaN when a side is constant


def run_scorer_suite(
    cases: list[dict[str, Any]],
    score_many: ScoreMany,
    semeval: Callable[[ScoreMany], dict[str, Any]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    grades = []
    for start in range(0, len(cases), 128):
        grades.extend(score_many(_requests(cases[start : start + 128])))
        if progress:
            progress(min(128, len(cases) - start))
    scores = {c["name"]: g.score for c, g in zip(cases, grades, strict=True)}
    by_name = {c["name"]: g for c, g in zip(cases, grades, strict=True)}
    by_question: dict[str, dict[str, float]] = defaultdict(dict)
    for case, grade in zip(cases, grades, strict=True):
        by_question[case["metadata"]["question_id"]][case["expected_output"]["variant"]] = (
            grade.score
        )

    pairs = [(q[a], q[b]) for q in by_question.values() for a, b in ORDER if a in q and b in q]
    plain = [c for c in cases if "base" not in c["metadata"]]
    injected = [c for c in cases if "base" in c["metadata"]]
    inject_deltas = [
        scores[c["name"]] - by_question[c["metadata"]["question_id"]][c["metadata"]["base"]]
        for c in injected
    ]
    padding = [q["padded"] - q["full"] for q in by_question.values() if "padded" in q]
    again = score_many(_requests(cases[:200]))
    drift = max(
        (abs(a.score - b.score) for a, b in zip(grades[:200], again, strict=True)), default=0.0
    )
    per_variant: dict[str, list[float]] = defaultdict(list)
    for c in plain:
        per_variant[c["expected_output"]["variant"]].append(scores[c["name"]])
    confusion = _confusion(plain, scores)

    result = {
        "cases": len(cases),
        "questions": len(by_question),
        "variant_order_accuracy": round(sum(a > b for a, b in pairs) / max(len(pairs), 1), 4),
        "spearman": round(
            _spearman(
                [c["expected_output"]["grade"] for c in plain], [scores[c["name"]] for c in plain]
            ),
            4,
        ),
        "padding_mean_delta": round(mean(padding), 4) if padding else 0.0,
        "padding_paid_share": round(sum(d > 0.05 for d in padding) / max(len(padding), 1), 4),
        "consistency_max_drift": round(drift, 6),
        "injection_max_delta": round(max(inject_deltas, default=0.0), 4),
        "injection_max_criterion_delta": _criterion_gain(injected, by_name),
        "injection_raised_share": round(
            sum(d > 1e-9 for d in inject_deltas) / max(len(inject_deltas), 1), 4
        ),
        "per_variant": {
            v: {
                "mean": round(mean(s), 3),
                "min": round(min(s), 3),
                "max": round(max(s), 3),
                "n": len(s),
            }
            for v, s in sorted(per_variant.items())
        },
        "calibration": _calibration(plain, scores),
        "confusion": confusion,
    }
    if semeval is not None:
        result["semeval"] = semeval(score_many)
    return result


def _criterion_gain(injected: list[dict[str, Any]], grades: dict[str, Grade]) -> float:
    """The largest gain an injected sentence produced in any single criterion (must be 0)."""
    gains = [0.0]
    for case in injected:
        base = f"{case['metadata']['question_id']}:{case['metadata']['base']}"
        if base not in grades:
            continue
        after, before = grades[case["name"]].criteria, grades[base].criteria
        gains.extend(after[k] - before.get(k, after[k]) for k in after)
    return float(max(gains))


def _calibration(cases: list[dict[str, Any]], scores: dict[str, float]) -> dict[str, float]:
    by_grade: dict[int, list[float]] = defaultdict(list)
    for c in cases:
        by_grade[c["expected_output"]["grade"]].append(scores[c["name"]])
    return {str(g): round(float(np.mean(s)), 3) for g, s in sorted(by_grade.items())}


def _confusion(cases: list[dict[str, Any]], scores: dict[str, float]) -> list[list[int]]:
    """Rows: expected grade 1-5; columns: the score rounded to 1-5."""
    matrix = [[0] * 5 for _ in range(5)]
    for c in cases:
        expected = c["expected_output"]["grade"]
        got = int(min(5, max(1, round(scores[c["name"]]))))
        matrix[expected - 1][got - 1] += 1
    return matrix
