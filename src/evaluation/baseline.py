"""Comparing a run with the committed baseline (`evals/baseline.json`).

Each tracked metric has a direction and a tolerance; a move past the tolerance in the wrong
direction is a regression, and `rehearse eval` exits non-zero listing every one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# metric path -> (better direction, tolerance). Invariants (no injection gain, no repeats)
# have no tolerance at all.
TRACKED: dict[str, tuple[str, float]] = {
    "scorer.variant_order_accuracy": ("higher", 0.02),
    "scorer.spearman": ("higher", 0.02),
    "scorer.padding_paid_share": ("lower", 0.02),
    "scorer.injection_max_delta": ("lower", 0.0),
    "scorer.consistency_max_drift": ("lower", 1e-6),
    "scorer.semeval.auc": ("higher", 0.01),
    "scorer.semeval.macro_f1": ("higher", 0.01),
    "scorer.injection_max_criterion_delta": ("lower", 0.0),
    "scorer.human.offline.test.spearman": ("higher", 0.02),
    "scorer.human.offline.test.strict_order_share": ("higher", 0.05),
    "scorer.human.offline.test.mae": ("lower", 0.05),
    "scorer.human.offline.test.per_class.strong.mean": ("higher", 0.05),
    "scorer.human.offline.test.per_class.wrong.mean": ("lower", 0.05),
    "scorer.human.offline.test.wrong_like_mean": ("lower", 0.05),
    "scorer.semeval_held_out.beetle.auc": ("higher", 0.01),
    "scorer.semeval_held_out.sciEntsBank.auc": ("higher", 0.01),
    "interview.traceable_share": ("higher", 0.0),
    "interview.repeated_questions": ("lower", 0.0),
    "interview.follow_up_on_missed_share": ("higher", 0.02),
    "interview.strong_beats_weak_share": ("higher", 0.0),
    "interview.report_missing_precision": ("higher", 0.02),
    "interview.report_missing_recall": ("higher", 0.02),
    "interview.follow_up_fragment_share": ("lower", 0.0),
    "interview.follow_up_covered_share": ("lower", 0.0),
    "interview.follow_up_credit_share": ("higher", 0.0),
    "interview.star_follow_up_share": ("higher", 0.0),
    "interview.hint_repeat_share": ("lower", 0.0),
    "retrieval.default.recall@5": ("higher", 0.01),
    "retrieval.default.mrr@10": ("higher", 0.01),
    "mining.recall": ("higher", 0.01),
    "mining.answered_recall": ("higher", 0.01),
    "mining.precision": ("higher", 0.01),
    "mining.duplicates": ("lower", 0.0),
    "mining.markup": ("lower", 0.0),
    "mining.placeholder_answers": ("lower", 0.0),
    "mining.standalone": ("higher", 0.0),
    "mining.seeds.questions": ("higher", 0.0),
    "mining.seeds.answered": ("higher", 0.0),
    "mining.seeds.retained": ("higher", 0.0),
    "mining.seeds.duplicates": ("lower", 0.0),
    "mining.seeds.markup": ("lower", 0.0),
}


def lookup(results: dict[str, Any], path: str) -> float | None:
    node: Any = results
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, int | float) else None


def snapshot(results: dict[str, Any]) -> dict[str, Any]:
    metrics = {}
    for path, (direction, tolerance) in TRACKED.items():
        value = lookup(results, path)
        if value is not None:
            metrics[path] = {"value": value, "better": direction, "tolerance": tolerance}
    return {"metrics": metrics}


def compare(results: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Human-readable regressions; empty when nothing got worse beyond its tolerance."""
    problems = []
    for path, entry in baseline.get("metrics", {}).items():
        now = lookup(results, path)
        if now is None:
            continue  # a suite that was not run this time
        before, tolerance = entry["value"], entry.get("tolerance", 0.0)
        worse = (
            now < before - tolerance if entry["better"] == "higher" else now > before + tolerance
        )
        if worse:
            problems.append(
                f"{path}: {before:g} -> {now:g} ({entry['better']} is better, "
                f"tolerance {tolerance:g})"
            )
    return problems


def load(path: Path) -> dict[str, Any] | None:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
