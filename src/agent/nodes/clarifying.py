"""clarify: answer the candidate's question back to the interviewer, then wait again.

"Do you mean batch or streaming?" is part of a good answer, not an answer: the interviewer
replies from the notes' context around the question (scenario, constraints, scale), never from
the prepared answer, and the turn is not scored.
"""

from __future__ import annotations

from typing import Any

from agent.deps import Deps
from agent.nodes.speaking import passages_for, speak
from agent.state import InterviewState
from agent.transcript import escape_controls, turn


def clarify(state: InterviewState, deps: Deps) -> dict[str, Any]:
    asked = state["last_input"]["text"]
    question_id = state["prompt"]["question_id"]
    q = deps.question(question_id)
    passages = [p.text for p in passages_for(deps, question_id)]
    text, failure = speak(
        deps,
        deps.interviewer.clarify(q, asked, passages),
        deps.fallback_interviewer.clarify(q, asked, passages),
    )
    now = deps.clock()
    turns = [turn("candidate", "clarify", escape_controls(asked), now, question_id)]
    if failure:
        turns.append(turn("system", "notice", failure.replace("the question", "the reply"), now))
    turns.append(turn("interviewer", "clarification", text, now, question_id))
    return {"transcript": turns}
