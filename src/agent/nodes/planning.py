"""plan: choose the questions and open the interview."""

from __future__ import annotations

from typing import Any

from agent.deps import Deps
from agent.planning import plan_questions
from agent.state import InterviewState
from agent.transcript import turn


def plan(state: InterviewState, deps: Deps) -> dict[str, Any]:
    config = state.get("config", {})
    candidates = deps.bank.filter(
        docs=config.get("docs") or None,
        topics=config.get("topics") or None,
        difficulty=config.get("difficulty") or None,
    )
    ids = plan_questions(
        candidates,
        config.get("n_questions", 5),
        set(config.get("avoid", [])),
        config.get("seed", 0),
    )
    now = deps.clock()
    update: dict[str, Any] = {"plan": ids, "index": 0, "started_at": now, "ended": False}
    if not ids:
        update["transcript"] = [
            turn(
                "system",
                "notice",
                "No questions match these settings: widen the documents, topics or difficulty.",
                now,
            )
        ]
    return update
