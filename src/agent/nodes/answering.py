"""await_answer: pause the graph until the candidate acts (see `agent.actions`)."""

from __future__ import annotations

from typing import Any

from langgraph.types import interrupt

from agent.actions import GRAPH_ACTIONS
from agent.state import InterviewState


def await_answer(state: InterviewState) -> dict[str, Any]:
    # The node re-runs from the top on resume, so it does nothing but interrupt.
    value = interrupt(state["prompt"])
    if not isinstance(value, dict) or value.get("action") not in GRAPH_ACTIONS:
        value = {"action": "answer", "text": str(value)}
    return {
        "last_input": {
            "action": value["action"],
            "text": str(value.get("text", "")),
            "timed_out": bool(value.get("timed_out")),
        }
    }
