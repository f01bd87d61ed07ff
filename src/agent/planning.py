"""Choosing an interview's questions: balanced across topics, fresh where possible.

Pure and seeded: the same bank, filters and seed give the same plan, which keeps offline mode
deterministic and tests exact.
"""

from __future__ import annotations

import random
from collections import defaultdict

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
