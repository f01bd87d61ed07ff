from __future__ import annotations

from agent.nodes.planning import plan_questions
from retrieval.question_bank import Question


def _q(i: int, topic: str, answered: bool = True) -> Question:
    return Question(
        id=f"q{i}",
        question=f"Question {i}?",
        golden_answer="A." if answered else None,
        doc_id="d",
        heading_path=["d", topic],
        line=i,
        topics=[topic],
        form="heading",
    )


BANK = [_q(i, f"t{i % 4}", answered=i % 3 != 0) for i in range(40)]


def test_plans_are_balanced_across_topics_deterministic_and_without_repeats():
    plan = plan_questions(BANK, 8, set(), seed=7)
    assert len(plan) == len(set(plan)) == 8
    topics = [next(q for q in BANK if q.id == i).primary_topic for i in plan]
    assert all(topics.count(t) == 2 for t in {"t0", "t1", "t2", "t3"})
    assert plan == plan_questions(BANK, 8, set(), seed=7)
    assert plan != plan_questions(BANK, 8, set(), seed=8)


def test_recently_asked_questions_are_avoided_while_fresh_ones_remain():
    first = plan_questions(BANK, 10, set(), seed=1)
    second = plan_questions(BANK, 10, set(first), seed=1)
    assert not set(first) & set(second)


def test_prepared_answers_come_first_within_a_topic():
    plan = plan_questions(BANK, 4, set(), seed=3)
    assert all(next(q for q in BANK if q.id == i).golden_answer for i in plan)


def test_asking_for_more_than_exist_returns_all():
    assert len(plan_questions(BANK[:3], 10, set(), seed=0)) == 3
