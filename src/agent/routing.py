"""Routers: pure functions from state to the name of the next node. No I/O, no models."""

from __future__ import annotations

from typing import Literal

from agent.probing.clarifying import is_clarifying_question
from agent.state import InterviewState

DEFAULT_MAX_FOLLOW_UPS = 2


def route_after_plan(state: InterviewState) -> Literal["ask", "finish"]:
    return "ask" if state.get("plan") else "finish"


InputNode = Literal[
    "score", "clarify", "skip_question", "give_hint", "repeat_prompt", "retry_question", "finish"
]

_NODE_FOR_ACTION: dict[str, InputNode] = {
    "answer": "score",
    "skip": "skip_question",
    "hint": "give_hint",
    "repeat": "repeat_prompt",
    "retry": "retry_question",
    "end": "finish",
}


def route_input(state: InterviewState) -> InputNode:
    """An answer that is really a question to the interviewer ("can I assume batch?") is
    answered, not scored."""
    last = state.get("last_input", {})
    action = last.get("action", "answer")
    if action == "answer" and is_clarifying_question(last.get("text", "")):
        return "clarify"
    return _NODE_FOR_ACTION.get(action, "score")


def route_after_score(state: InterviewState) -> Literal["follow_up", "advance"]:
    """Probe the most important missed key point, at most K times per question; an empty
    answer is not probed (the candidate said nothing to build on)."""
    prompt = state["prompt"]
    record = state["records"][prompt["question_id"]]
    limit = state.get("config", {}).get("max_follow_ups", DEFAULT_MAX_FOLLOW_UPS)
    grade = record.get("grade") or {}
    targets = record.get("probe_targets", grade.get("missing", []))
    unprobed = [p for p in targets if p not in record.get("probed", [])]
    answered = bool(state.get("last_input", {}).get("text", "").strip())
    if answered and unprobed and len(record.get("probed", [])) < limit:
        return "follow_up"
    return "advance"


def route_next(state: InterviewState) -> Literal["ask", "finish"]:
    if state.get("ended") or state["index"] >= len(state.get("plan", [])):
        return "finish"
    return "ask"
