"""Grading with a fallback, in one place: the judge grades; when it fails, the offline grader
does, and the grade says so. The interview, `rehearse grade` and the evals all call this."""

from __future__ import annotations

from agent.grade import Grade, GradeRequest
from agent.providers.base import Grader, ProviderError

FALLBACK_NOTICE = "The judge failed ({reason}); this answer was scored offline."


def judge(
    grader: Grader,
    fallback: Grader,
    request: GradeRequest,
    grounded: bool = True,
    offline: Grade | None = None,
) -> tuple[Grade, bool]:
    """The grade, and whether the fallback stood in. `offline` is a fallback grade already
    computed (a batch grades offline in one pass), so it is not computed twice."""
    try:
        return grader.grade(request, grounded), False
    except ProviderError as exc:
        grade = offline if offline is not None else fallback.grade(request, grounded)
        notice = FALLBACK_NOTICE.format(reason=exc)
        return grade.model_copy(update={"notices": [*grade.notices, notice]}), True


def judge_many(grader: Grader, offline: list[Grade], requests: list[GradeRequest]) -> list[Grade]:
    """A batch: `offline` holds the fallback grades, already computed in one batched pass."""
    return [
        judge(grader, grader, request, offline=fallback)[0]
        for request, fallback in zip(requests, offline, strict=True)
    ]
