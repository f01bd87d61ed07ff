"""The rubric's criteria read off key-point coverage.

Correctness is the coverage itself. Depth and specificity pay for content, not cue words: depth
is the credit earned on the prepared answer's reasoning points (those that explain why, weigh a
trade-off or name a failure mode), specificity the credit on its concrete points (numbers, named
tools, examples); where the prepared answer has no such point, they follow correctness. So a
full answer in the candidate's own words earns them, and a name-dropping or cue-stuffed one
does not. Structure is the share of the answer's sentences that are on topic, so padding costs
it; sentences set aside as addressed to the grader are not part of the answer at all. Depth and
specificity can never exceed correctness by more than a level.
"""

from __future__ import annotations

import re

from agent.rubric import Rubric
from agent.scoring.answer_text import PreparedAnswer
from agent.scoring.coverage import Coverage

_REASONING = re.compile(
    r"\b(trade-?offs?|because|however|but|instead|whereas|versus|vs\.?|downside|cost|latency|"
    r"fail\w*|retr(y|ies)|scal\w*|production|monitor\w*|bottleneck\w*|idempoten\w*|consisten\w*|"
    r"edge cases?|risk\w*|throughput|reliab\w*|backfill\w*|recover\w*|alert\w*|so that|avoid\w*)\b",
    re.IGNORECASE,
)
_CONCRETE = re.compile(
    r"\b\d[\d.,]*\s*(%|ms|s|gb|tb|mb|x|k|m|hours?|minutes?|days?)?\b"
    r"|\b[A-Z][a-zA-Z]+[A-Z]\w*\b|\b[A-Z]{2,}\b|\b\w+_\w+\b|\w+\(\)"
    r"|\b(for example|e\.g\.|such as)\b",
)


def _credit_on(coverage: Coverage, pattern: re.Pattern[str]) -> float | None:
    points = [p for p in coverage.credit if pattern.search(p)]
    if not points:
        return None
    return sum(coverage.credit[p] for p in points) / len(points)


def criteria_values(
    rubric: Rubric, answer: PreparedAnswer, coverage: Coverage, relevant: list[str]
) -> dict[str, float]:
    names = [c.name for c in rubric.criteria]
    if answer.empty:
        return dict.fromkeys(names, 1.0)
    correctness = 1.0 + 4.0 * coverage.value
    reasoning = _credit_on(coverage, _REASONING)
    concrete = _credit_on(coverage, _CONCRETE)
    depth = correctness if reasoning is None else 1.0 + 4.0 * reasoning
    specificity = correctness if concrete is None else 1.0 + 4.0 * concrete
    structure = 1.0 + 4.0 * len(relevant) / len(answer.sentences)
    values = {
        "correctness": correctness,
        "depth": min(depth, correctness + 1.0),
        "specificity": min(specificity, correctness + 1.0),
        "structure": min(structure, correctness + 1.0),
    }
    # Criteria a user's rubric adds and this scorer cannot measure follow correctness.
    return {name: max(1.0, min(5.0, values.get(name, correctness))) for name in names}
