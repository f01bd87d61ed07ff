"""The conversation checks of the interview eval: STAR probes and hints.

- STAR: every behavioural question in the bank is answered with stories that each lack one
  part (no measurable result, no result at all, only "we" and no "I"). The first follow-up must
  ask for the missing part. The stories are written here in a candidate's voice, not taken
  from the notes, so the check does not depend on the notes' wording.
- Hints: four hints in a row on each planned question; none may repeat an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent.events import HintEvent, QuestionEvent
from agent.interfaces import Session
from agent.probing.star import STAR_TARGET, is_behavioural
from retrieval.question_bank import Question

SITUATION = "When I was at a payments start-up, our nightly batch kept missing its SLA."
TASK = "My job was to get it back under two hours before the quarter-end close."
ACTION = (
    "I profiled the jobs, I rewrote the worst join as a broadcast join and I added partition "
    "pruning on the event date."
)
WE_ONLY = "We looked into it as a team and we changed a few things in the jobs."
RESULT = "In the end the batch finished comfortably inside the window"
MEASURE = ", going from five hours to seventy minutes, and pages to on-call dropped by 80%."

STORIES: dict[str, tuple[str, str]] = {
    # lacking -> (the story, the STAR part a follow-up should ask for)
    "measurable_outcome": (f"{SITUATION} {TASK} {ACTION} {RESULT}.", "measurable_outcome"),
    "result": (f"{SITUATION} {TASK} {ACTION}", "result"),
    "action": (f"{SITUATION} {TASK} {WE_ONLY} {RESULT}{MEASURE}", "action"),
}
HINTS_IN_A_ROW = 4


def _first_follow_up(events: list[Any]) -> QuestionEvent | None:
    return next((e for e in events if isinstance(e, QuestionEvent) and e.follow_up), None)


def run_star_checks(
    make_session: Callable[[dict[str, Any]], Session], questions: list[Question]
) -> dict[str, Any]:
    cases = asked_right = 0
    misses: list[dict[str, str]] = []
    for q in [q for q in questions if is_behavioural(q)]:
        for lacking, (story, expected) in STORIES.items():
            session = make_session(
                {"n_questions": 1, "topics": [q.question], "seed": 0, "max_follow_ups": 1}
            )
            first = [e for e in session.start() if isinstance(e, QuestionEvent)]
            if not first or first[0].question_id != q.id:
                continue  # another question matched the filter first
            cases += 1
            probe = _first_follow_up(session.answer(story))
            target = probe.target_point if probe else None
            if target == f"{STAR_TARGET}{expected}":
                asked_right += 1
            else:
                misses.append({"question": q.question, "lacking": lacking, "asked": str(target)})
            session.end()
    return {
        "star_cases": cases,
        "star_follow_up_share": round(asked_right / max(cases, 1), 4),
        "star_misses": misses[:10],
    }


def run_hint_checks(
    make_session: Callable[[dict[str, Any]], Session], sessions: int = 3
) -> dict[str, Any]:
    hints = repeats = 0
    for seed in range(sessions):
        session = make_session({"n_questions": 3, "seed": 500 + seed, "max_follow_ups": 0})
        session.start()
        while not session.finished:
            given: list[str] = []
            for _ in range(HINTS_IN_A_ROW):
                for event in session.hint():
                    if isinstance(event, HintEvent):
                        hints += 1
                        repeats += event.text in given
                        given.append(event.text)
            session.skip()
    return {"hints": hints, "hint_repeat_share": round(repeats / max(hints, 1), 4)}
