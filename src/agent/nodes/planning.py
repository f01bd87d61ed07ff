"""plan: choose the interview's questions and open it.

Balanced across topics and pure given its seed: the same bank, filters and seed give the same
plan whatever the candidate's history, so `--seed` reproduces an interview. Without a seed the
plan is fresh each time and prefers questions not asked in recent sessions.
"""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from typing import Any

from agent.deps import Deps
from agent.state import InterviewState
from agent.transcript import turn
from retrieval.question_bank import Question


def plan_questions(candidates: list[Question], n: int, avoid: set[str], seed: int) -> list[str]:
    """Round-robin over topics in a seeded order; within a topic, questions not asked
    recently come first, then questions with a prepared answer (they can be graded best)."""
    rng = random.Random(seed)
    by_topic: dict[str, list[Question]] = defaultdict(list)
    for q in candidates:
        by_topic[q.primary_topic].append(q)
    for questions in by_topic.values():
        rng.shuffle(questions)
        questions.sort(key=lambda q: (q.id in avoid, q.golden_answer is None))
    topics = sorted(by_topic)
    rng.shuffle(topics)
    # Topics with fresh questions go first, so a short interview is not spent on repeats;
    # then topics where the notes hold prepared answers, which grade with confidence.
    topics.sort(
        key=lambda t: (
            all(q.id in avoid for q in by_topic[t]),
            all(q.golden_answer is None for q in by_topic[t]),
        )
    )
    plan: list[str] = []
    while len(plan) < n and any(by_topic.values()):
        for topic in topics:
            if by_topic[topic] and len(plan) < n:
                plan.append(by_topic[topic].pop(0).id)
    return plan


def plan(state: InterviewState, deps: Deps) -> dict[str, Any]:
    config = state.get("config", {})
    candidates = deps.bank.filter(
        docs=config.get("docs") or None,
        topics=config.get("topics") or None,
        difficulty=config.get("difficulty") or None,
    )
    seed = config.get("seed")
    # A seed means "the same interview again": history must not change the plan.
    avoid = set() if seed is not None else set(config.get("avoid", []))
    ids = plan_questions(
        candidates,
        config.get("n_questions", 5),
        avoid,
        seed if seed is not None else secrets.randbelow(2**31),
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
