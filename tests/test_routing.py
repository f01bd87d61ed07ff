from __future__ import annotations

from agent.routing import route_after_plan, route_after_score, route_input, route_next


def _state(missing, probed=(), limit=2, text="an answer"):
    return {
        "config": {"max_follow_ups": limit},
        "prompt": {"question_id": "q"},
        "last_input": {"action": "answer", "text": text},
        "records": {"q": {"grade": {"missing": list(missing)}, "probed": list(probed)}},
    }


def test_route_input_maps_every_candidate_control():
    from agent.actions import GRAPH_ACTIONS

    assert set(GRAPH_ACTIONS) == {"answer", "skip", "hint", "repeat", "retry", "end"}
    for action, node in [
        ("answer", "score"),
        ("skip", "skip_question"),
        ("hint", "give_hint"),
        ("repeat", "repeat_prompt"),
        ("retry", "retry_question"),
        ("end", "finish"),
    ]:
        assert route_input({"last_input": {"action": action}}) == node


def test_follow_up_on_missed_points_up_to_the_limit():
    assert route_after_score(_state(["a", "b"])) == "follow_up"
    assert route_after_score(_state(["a", "b"], probed=["a"])) == "follow_up"
    assert route_after_score(_state(["a", "b"], probed=["a", "b"])) == "advance"
    assert route_after_score(_state(["a", "b", "c"], probed=["a", "b"])) == "advance"
    assert route_after_score(_state(["a"], limit=0)) == "advance"
    assert route_after_score(_state([])) == "advance"


def test_an_empty_answer_is_not_probed():
    assert route_after_score(_state(["a"], text="   ")) == "advance"


def test_wrap_up_when_questions_or_time_run_out():
    assert route_next({"index": 1, "plan": ["a", "b"]}) == "ask"
    assert route_next({"index": 2, "plan": ["a", "b"]}) == "finish"
    assert route_next({"index": 1, "plan": ["a", "b"], "ended": True}) == "finish"
    assert route_after_plan({"plan": []}) == "finish"
    assert route_after_plan({"plan": ["a"]}) == "ask"


def test_a_contradicted_point_is_not_probed():
    from agent.grade import Grade
    from agent.nodes.scoring import probe_targets
    from retrieval.question_bank import Question

    q = Question(
        id="q", question="What is a view?", doc_id="d", heading_path=["SQL"], line=1, form="x"
    )
    grade = Grade(
        id="q",
        score=2,
        criteria={"correctness": 2},
        covered=[],
        missing=["A view is a virtual table", "It stores no data"],
        contradicted=["A view is a virtual table"],
        scorer="t",
        confidence=0.8,
    )
    assert probe_targets(q, {"answers": ["A view is a copy"]}, grade) == ["It stores no data"]
