"""advance and finish: move to the next planned question, or close the interview."""

from __future__ import annotations

from typing import Any

from agent.deps import Deps
from agent.state import InterviewState
from agent.transcript import turn


def advance(state: InterviewState, deps: Deps) -> dict[str, Any]:
    limit = state.get("config", {}).get("time_limit_s")
    out_of_time = bool(limit) and deps.clock() - state["started_at"] >= limit
    return {"index": state["index"] + 1, "ended": out_of_time}


def finish(state: InterviewState, deps: Deps) -> dict[str, Any]:
    # The report itself is built by the session, once, and stored in the session index.
    return {
        "ended": True,
        "transcript": [turn("system", "end", "Interview over.", deps.clock())],
    }
