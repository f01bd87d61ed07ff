"""Real HTTP against a misbehaving OpenAI-compatible server on loopback: the interview always
goes on, the candidate sees a short notice, and the transcript loses nothing."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.assembly import assemble
from agent.events import NoticeEvent, QuestionEvent, ScoreEvent
from agent.providers.openai_chat import LLMSettings
from agent.session import InterviewSession
from conftest import FakeEmbedder
from fault_server import FaultServer
from helpers import free_port, index_seed_corpus

KEY = "sk-test-SECRET-0123456789abcdef"


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    return index_seed_corpus(tmp_path_factory.mktemp("faults"))


def _session(layout, url: str) -> InterviewSession:
    settings = LLMSettings(base_url=url, model="tiny", api_key=KEY, timeout_s=1.0, max_retries=1)
    assembled = assemble(
        layout, embedder=FakeEmbedder(), llm=settings, checkpointer=InMemorySaver()
    )
    return InterviewSession.create(
        assembled.graph,
        assembled.store,
        assembled.deps,
        {"n_questions": 2, "seed": 9, "max_follow_ups": 1},
        assembled.mode,
    )


def _turn(session: InterviewSession) -> tuple[list, list]:
    first = session.start()
    second = session.answer("Partition by date, keep bronze raw, and monitor freshness.")
    return first, second


def _notices(events) -> list[str]:
    return [e.text for e in events if isinstance(e, NoticeEvent)]


def test_a_healthy_server_streams_questions_and_judges(layout):
    with FaultServer("ok") as server:
        first, second = _turn(_session(layout, server.url))
    assert [e for e in first if isinstance(e, QuestionEvent)][0].text.startswith("How would")
    grade = [e for e in second if isinstance(e, ScoreEvent)][0].grade
    assert grade.scorer == "llm-judge:tiny" and grade.criteria["correctness"] == 4
    assert not _notices(first)
    assert server.requests[0]["stream"] is True


def test_connection_refused(layout):
    session = _session(layout, f"http://127.0.0.1:{free_port()}/v1")
    first, second = _turn(session)
    assert any("APIConnectionError" in n for n in _notices(first))
    assert [e for e in first if isinstance(e, QuestionEvent)]
    assert any("scored offline" in n for n in _notices(second))
    assert any(t["text"].startswith("Partition by date") for t in session.transcript)


@pytest.mark.parametrize(
    ("behaviour", "question_notice", "judge_notice"),
    [
        ("timeout", "APITimeoutError", "APITimeoutError"),
        ("429", "RateLimitError", "RateLimitError"),
        ("500", "InternalServerError", "InternalServerError"),
        ("stream_cut", None, None),
        ("invalid_json", None, "invalid judge reply"),
        ("invalid_schema", None, "invalid judge reply"),
        ("empty", None, "empty completion"),
    ],
)
def test_each_fault_falls_back_with_a_notice_and_loses_nothing(
    layout, behaviour, question_notice, judge_notice
):
    with FaultServer(behaviour) as server:
        session = _session(layout, server.url)
        first, second = _turn(session)
    question = [e for e in first if isinstance(e, QuestionEvent)][0]
    assert question.text  # the interview always has a question
    if question_notice:
        assert any(question_notice in n for n in _notices(first)), _notices(first)
    if behaviour == "stream_cut":  # a cut stream is a failure, never a half question
        assert any("stream was cut" in n for n in _notices(first)), _notices(first)
        assert question.text != "How would"
    score = [e for e in second if isinstance(e, ScoreEvent)][0]
    if judge_notice:
        assert any(judge_notice in n for n in _notices(second)), _notices(second)
        assert score.grade.scorer.startswith("offline")
    answers = [t for t in session.transcript if t["kind"] == "answer"]
    assert answers[0]["text"].startswith("Partition by date")
    if behaviour == "429":  # bounded retries: the client retried once, then gave up
        assert len(server.requests) >= 2
    assert KEY not in str(session.transcript)
