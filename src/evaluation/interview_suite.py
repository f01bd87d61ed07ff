"""Interviewer behaviour, from whole simulated interviews with deterministic personas.

Checks: every question traceable to a source chunk; follow-ups target a key point the answer
really missed; no question repeated in a session; the strong persona outscores the weak one
in every session; the report's missed points are the ones the persona really omitted.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import mean
from typing import Any

from evaluation.personas import PERSONAS, answer
from agent.events import QuestionEvent, ScoreEvent
from agent.session import InterviewSession


def run_interview_suite(
    make_session: Callable[[dict[str, Any]], InterviewSession],
    question: Callable[[str], Any],
    chunk_ids: set[str],
    sessions: int = 6,
    questions_per_session: int = 4,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    overall: dict[str, list[float | None]] = {p: [] for p in PERSONAS}
    traceable = asked = repeats = 0
    follow_ups = on_target = 0
    precision: list[float] = []
    recall: list[float] = []
    for seed in range(sessions):
        for persona in PERSONAS:
            config = {
                "n_questions": questions_per_session,
                "seed": 1000 + seed,
                "max_follow_ups": 2,
            }
            session = make_session(config)
            events = session.start()
            said: dict[str, set[str]] = {}
            seen: list[str] = []
            last_missing: list[str] = []
            while not session.finished:
                prompt = [e for e in events if isinstance(e, QuestionEvent)][-1]
                q = question(prompt.question_id)
                if not prompt.follow_up and not prompt.repeat:
                    asked += 1
                    repeats += prompt.question_id in seen
                    seen.append(prompt.question_id)
                    traceable += bool(q.chunk_ids) and set(q.chunk_ids) <= chunk_ids
                target = session.prompt.get("target_point") if prompt.follow_up else None
                if prompt.follow_up:
                    follow_ups += 1
                    omitted = set(q.key_points) - said.get(q.id, set())
                    on_target += target in last_missing and target in omitted
                reply = answer(persona, q, target)
                said.setdefault(q.id, set()).update(reply.said)
                events = session.answer(reply.text)
                scores = [e for e in events if isinstance(e, ScoreEvent)]
                last_missing = scores[-1].grade["missing"] if scores else []
            report = session.report or {}
            overall[persona].append(report.get("overall"))
            if persona == "average":
                for item in report.get("questions", []):
                    q = question(item["question_id"])
                    if not q.golden_answer or item["score"] is None:
                        continue
                    omitted = set(q.key_points) - said.get(q.id, set())
                    missing = set(item["missing"])
                    if missing:
                        precision.append(len(missing & omitted) / len(missing))
                    if omitted:
                        recall.append(len(missing & omitted) / len(omitted))
            if progress:
                progress(1)
    strong, weak = overall["strong"], overall["weak"]
    return {
        "sessions": sessions,
        "questions_asked": asked,
        "traceable_share": round(traceable / max(asked, 1), 4),
        "repeated_questions": repeats,
        "follow_ups": follow_ups,
        "follow_up_on_missed_share": round(on_target / max(follow_ups, 1), 4),
        "strong_beats_weak_share": round(
            sum((s or 0) > (w or 0) for s, w in zip(strong, weak, strict=True))
            / max(len(strong), 1),
            4,
        ),
        "report_missing_precision": round(mean(precision), 4) if precision else 1.0,
        "report_missing_recall": round(mean(recall), 4) if recall else 1.0,
        "persona_overall": {
            p: round(mean(v for v in s if v is not None), 3)
            if any(v is not None for v in s)
            else None
            for p, s in overall.items()
        },
    }
