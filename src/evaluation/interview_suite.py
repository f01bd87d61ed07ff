"""Interviewer behaviour, from whole simulated interviews with deterministic personas.

Checks: every question traceable to a source chunk; follow-ups target a key point the answer
really missed, read as whole questions (no fragment or empty slot) and never ask about a point
already covered; a follow-up answer that gives the missed point moves it to covered; no question
repeated in a session; the strong persona outscores the weak one in every session; the report's
missed points are the ones the persona really omitted.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import mean
from typing import Any

from agent.events import QuestionEvent, ScoreEvent
from agent.interfaces import Session
from agent.probing.defects import defect_group, follow_up_defects
from agent.probing.star import STAR_TARGET
from evaluation.personas import PERSONAS, answer

SAMPLES = 40
"""Follow-ups kept in the results for a person to read."""


def run_interview_suite(
    make_session: Callable[[dict[str, Any]], Session],
    question: Callable[[str], Any],
    chunk_ids: set[str],
    sessions: int = 6,
    questions_per_session: int = 4,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    overall: dict[str, list[float | None]] = {p: [] for p in PERSONAS}
    traceable = asked = repeats = 0
    follow_ups = on_target = fragments = about_covered = 0
    credit_due = credited = 0
    samples: list[dict[str, Any]] = []
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
            last_covered: list[str] = []
            while not session.finished:
                prompt = [e for e in events if isinstance(e, QuestionEvent)][-1]
                q = question(prompt.question_id)
                if not prompt.follow_up and not prompt.repeat:
                    asked += 1
                    repeats += prompt.question_id in seen
                    seen.append(prompt.question_id)
                    traceable += bool(q.chunk_ids) and set(q.chunk_ids) <= chunk_ids
                target = prompt.target_point if prompt.follow_up else None
                star = bool(target and target.startswith(STAR_TARGET))
                if prompt.follow_up and not star:
                    follow_ups += 1
                    omitted = set(q.key_points) - said.get(q.id, set())
                    on_target += target in last_missing and target in omitted
                    groups = {
                        defect_group(d)
                        for d in follow_up_defects(prompt.text, target, last_covered, q.question)
                    }
                    fragments += "form" in groups
                    about_covered += "covered" in groups
                    if len(samples) < SAMPLES and persona == "average":
                        samples.append(
                            {"question": q.question, "missed": target, "follow_up": prompt.text}
                        )
                reply = answer(persona, q, target)
                said.setdefault(q.id, set()).update(reply.said)
                events = session.answer(reply.text)
                scores = [e for e in events if isinstance(e, ScoreEvent)]
                if prompt.follow_up and not star and target in reply.said and scores:
                    credit_due += 1
                    credited += target in scores[-1].grade.covered
                last_missing = scores[-1].grade.missing if scores else []
                last_covered = scores[-1].grade.covered if scores else []
            report = session.report
            overall[persona].append(report.overall if report else None)
            if persona == "average" and report is not None:
                for item in report.questions:
                    q = question(item.question_id)
                    if not q.golden_answer or item.grade is None:
                        continue
                    omitted = set(q.key_points) - said.get(q.id, set())
                    missing = set(item.grade.missing)
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
        "follow_up_fragment_share": round(fragments / max(follow_ups, 1), 4),
        "follow_up_covered_share": round(about_covered / max(follow_ups, 1), 4),
        "follow_up_credit_share": round(credited / max(credit_due, 1), 4),
        "follow_up_credit_cases": credit_due,
        "follow_up_samples": samples,
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
