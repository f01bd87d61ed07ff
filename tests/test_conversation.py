"""The interview as a conversation, on the real offline graph: follow-up answers earn credit,
the model answer opens after grading, a question can be answered again, and a seed gives the
same plan whatever the history."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.credit import credit_follow_up
from agent.events import ModelAnswerEvent, NoticeEvent, QuestionEvent, ReportEvent, ScoreEvent
from agent.exporting import export_text
from agent.grade import Grade
from agent.launcher import Launcher
from conftest import FakeEmbedder
from helpers import index_seed_corpus


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    return index_seed_corpus(tmp_path_factory.mktemp("conversation"))


def _launcher(layout, tmp_path) -> Launcher:
    return Launcher(
        layout,
        layout.root,
        embedder=FakeEmbedder(),
        sessions_db=tmp_path / "sessions.sqlite",
        checkpointer=InMemorySaver(),
    )


def _question(events):
    return [e for e in events if isinstance(e, QuestionEvent)][-1]


def _grade(score, covered, missing, criteria=3):
    return Grade(
        id="q",
        score=score,
        criteria={"correctness": criteria},
        covered=covered,
        missing=missing,
        scorer="t",
        confidence=0.8,
    )


def test_points_given_after_a_follow_up_count_at_the_rubrics_rate():
    first = _grade(2.0, ["a"], ["b", "c"], criteria=2)
    joint = _grade(4.0, ["a", "b"], ["c"], criteria=4)
    credited, late = credit_follow_up(first, joint, 0.75)
    assert late == ["b"]
    assert credited.covered == ["a", "b"] and credited.missing == ["c"]
    assert credited.score == pytest.approx(3.5)  # 2 + (4 - 2) * 0.75
    assert credited.criteria["correctness"] == 4  # round(2 + 2 * 0.75)
    # A worse follow-up answer never takes away what the first one earned.
    worse, late = credit_follow_up(first, _grade(1.5, [], ["a", "b", "c"]), 0.75)
    assert worse.score == 2.0 and worse.covered == ["a"] and late == []


def test_a_follow_up_answer_that_gives_the_missed_point_moves_it_to_covered(layout, tmp_path):
    from agent.probing.star import is_behavioural

    launcher = _launcher(layout, tmp_path)
    candidates = [
        q
        for q in _bank(layout)
        if q.kind == "interview"
        and len(q.key_points) >= 3
        and not is_behavioural(q)
        and not any("?" in p for p in q.key_points)
    ]
    for q in candidates[:20]:  # the first whose answer leaves a point for a follow-up
        session = launcher.new({"n_questions": 1, "topics": [q.question], "max_follow_ups": 1})
        if _question(session.start()).question_id != q.id:
            continue
        # Answer with every point but the last: the follow-up probes what is left.
        events = session.answer("\n".join(q.key_points[:-1]))
        if any(isinstance(e, QuestionEvent) and e.follow_up for e in events):
            break
    follow = _question(events)
    assert follow.follow_up and follow.target_point
    first = [e for e in events if isinstance(e, ScoreEvent)][0]
    assert first.missing_hidden and follow.target_point in first.grade.missing
    events = session.answer(follow.target_point)
    score = [e for e in events if isinstance(e, ScoreEvent)][0]
    assert follow.target_point in score.grade.covered
    assert follow.target_point in score.after_follow_up
    assert score.grade.score > first.grade.score
    session.end()
    report = session.report
    result = next(r for r in report.questions if r.question_id == q.id)
    assert follow.target_point in result.after_follow_up
    assert follow.target_point not in result.grade.missing
    assert "(after follow-up)" in export_text(session.session_id, report, [], "md")


def _bank(layout):
    from retrieval.question_bank import load_bank

    return load_bank(layout.questions).questions


def test_model_answer_opens_after_grading_and_a_retry_keeps_both_attempts(layout, tmp_path):
    launcher = _launcher(layout, tmp_path)
    bank = {q.id: q for q in _bank(layout)}
    session = launcher.new({"n_questions": 2, "seed": 1, "max_follow_ups": 0})
    events = session.start()
    first = _question(events)
    q = bank[first.question_id]
    assert isinstance(session.model_answer()[0], NoticeEvent)  # nothing graded yet
    events = session.answer("I am not sure, something about pipelines.")
    assert _question(events).index == 2
    shown = session.model_answer()[0]
    assert isinstance(shown, ModelAnswerEvent) and shown.question_id == q.id
    assert shown.model_answer == q.golden_answer
    assert shown.answer == "I am not sure, something about pipelines."

    events = session.retry()
    again = _question(events)
    assert again.question_id == q.id and again.index == 1
    better = "\n".join(q.key_points) or (q.golden_answer or "")
    events = session.answer(better)
    assert _question(events).index == 2  # the interview carries on where it was
    report = [e for e in session.end() if isinstance(e, ReportEvent)][0].report
    result = report.questions[0]
    assert [a.answers for a in result.attempts] == [["I am not sure, something about pipelines."]]
    assert result.answers == [better]
    assert result.score > result.attempts[0].score
    assert result.model_answer == q.golden_answer
    markdown = export_text(session.session_id, report, [], "md")
    assert "Earlier attempt" in markdown and "Improved" in markdown
    assert "Prepared answer (from your notes)" in markdown


def test_a_seed_gives_the_same_plan_whatever_the_history(layout, tmp_path):
    launcher = _launcher(layout, tmp_path)

    def planned(config):
        session = launcher.new(config)
        first = _question(session.start())
        plan = [first.question_id]
        while True:
            events = session.skip()
            if any(isinstance(e, ReportEvent) for e in events):
                return plan
            plan.append(_question(events).question_id)

    seeded = planned({"n_questions": 4, "seed": 21})
    assert planned({"n_questions": 4, "seed": 21}) == seeded  # history now holds `seeded`
    # Without a seed, recent questions are planned around.
    fresh = planned({"n_questions": 4})
    assert not set(fresh) & set(seeded)


def test_skipping_a_follow_up_reveals_the_missed_points(layout, tmp_path):
    launcher = _launcher(layout, tmp_path)
    session = launcher.new({"n_questions": 2, "seed": 4, "max_follow_ups": 2})
    session.start()
    events = session.answer("Something vague about data.")
    first = [e for e in events if isinstance(e, ScoreEvent)][0]
    assert _question(events).follow_up and first.missing_hidden
    events = session.skip()
    final = [e for e in events if isinstance(e, ScoreEvent)]
    assert final and not final[0].missing_hidden
    assert final[0].visible_missing == final[0].grade.missing != []
    assert _question(events).index == 2


def _behavioural(layout):
    from agent.probing.star import is_behavioural

    return next(q for q in _bank(layout) if is_behavioural(q) and q.golden_answer)


def test_a_clarifying_question_is_answered_and_not_scored(layout, tmp_path):
    from agent.events import ClarifyEvent

    launcher = _launcher(layout, tmp_path)
    session = launcher.new({"n_questions": 1, "seed": 2, "max_follow_ups": 0})
    first = _question(session.start())
    events = session.answer("Before I answer, can I assume this is a batch pipeline?")
    assert any(isinstance(e, ClarifyEvent) and e.text for e in events)
    assert not any(isinstance(e, ScoreEvent) for e in events)
    kinds = [t["kind"] for t in session.transcript]
    assert kinds[-2:] == ["clarify", "clarification"]
    # The question still waits for its answer.
    events = session.answer("Partition by date and keep the raw layer immutable.")
    assert any(isinstance(e, ScoreEvent) and e.question_id == first.question_id for e in events)


def test_a_behavioural_story_without_a_result_is_asked_for_it_and_graded_as_star(layout, tmp_path):
    q = _behavioural(layout)
    launcher = _launcher(layout, tmp_path)
    session = launcher.new({"n_questions": 1, "topics": [q.question], "max_follow_ups": 1})
    assert _question(session.start()).question_id == q.id
    story = (
        "When I was at a logistics company our nightly loads kept failing. My job was to make "
        "them reliable. I added schema checks, I set up alerting and I rewrote the retries."
    )
    events = session.answer(story)
    probe = _question(events)
    assert probe.follow_up and probe.target_point == "star:result"
    grade = [e for e in events if isinstance(e, ScoreEvent)][0].grade
    assert set(grade.criteria) == {"situation", "task", "action", "result", "measurable_outcome"}
    assert grade.criteria["action"] >= 4 and grade.criteria["result"] <= 2
    assert grade.scorer.endswith("+star")


def test_hints_get_more_specific_and_never_repeat(layout, tmp_path):
    from agent.events import HintEvent

    launcher = _launcher(layout, tmp_path)
    session = launcher.new({"n_questions": 1, "seed": 3, "max_follow_ups": 0})
    session.start()
    hints = [e for _ in range(5) for e in session.hint() if isinstance(e, HintEvent)]
    assert [h.level for h in hints] == [1, 2, 3, 4, 5]
    texts = [h.text for h in hints]
    assert len(set(texts)) == len(texts)


def test_a_new_sessions_settings_are_readable_before_it_starts(layout, tmp_path):
    """The app builds its answer timer from them before the first question arrives."""
    launcher = _launcher(layout, tmp_path)
    session = launcher.new({"n_questions": 1, "answer_time_limit_s": 120, "timer_mode": "warn"})
    assert session.config["answer_time_limit_s"] == 120
    assert session.config["timer_mode"] == "warn"
    session.start()
    assert session.config["answer_time_limit_s"] == 120
