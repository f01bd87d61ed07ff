"""report: close the interview with its report."""

from __future__ import annotations

from typing import Any

from agent.deps import Deps
from agent.report import build_report
from agent.state import InterviewState
from agent.transcript import turn


def report(state: InterviewState, deps: Deps) -> dict[str, Any]:
    now = deps.clock()
    result = build_report(state, deps.history(), now, deps.interviewer.name)
    overall = result["overall"]
    summary = (
        f"Interview over. Overall {overall:.2f}/5."
        if overall is not None
        else "Interview over. No answers were scored."
    )
    return {
        "ended": True,
        "report": result,
        "transcript": [turn("system", "report", summary, now, None, report=result)],
    }
