"""advance: move to the next planned question."""

from __future__ import annotations

from typing import Any

from agent.deps import Deps
from agent.state import InterviewState


def advance(state: InterviewState, deps: Deps) -> dict[str, Any]:
    limit = state.get("config", {}).get("time_limit_s")
    out_of_time = bool(limit) and deps.clock() - state["started_at"] >= limit
    return {"index": state["index"] + 1, "ended": out_of_time}
