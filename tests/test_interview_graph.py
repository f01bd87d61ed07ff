"""The whole graph, offline, on the real seed corpus (fake embedder, in-memory checkpoints)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.assembly import assemble
from agent.events import HintEvent, NoticeEvent, QuestionEvent, ReportEvent, ScoreEvent
from agent.session import InterviewSession, SessionNotFound
from agent.session_store import SessionStoreError
from conftest import FakeEmbedder
from helpers import index_seed_corpus
from retrieval.layout import DataLayout, IndexMissing


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    return index_seed_corpus(tmp_path_factory.mktemp("interview"))


def _session(layout, checkpointer=None, **config):
    assembled = assemble(
        layout, embedder=FakeEmbedder(), checkpointer=checkpointer or InMemorySaver()
    )
    settings = {"n_questions": 4, "seed": 11, "max_follow_ups": 2, **config}
    return InterviewSession.create(
        assembled.graph, assembled.store, assembled.deps, settings, assembled.mode
    ), assembled


def _last_question(events):
    return [e for e in events if isinstance(e, QuestionEvent)][-1]


def test_a_strong_candidate_gets_fewer_follow_ups_and_a_higher_score_than_a_weak_one(layout):
    results = {}
    for persona in ("strong", "weak"):
        session, assembled = _session(layout)
        events = session.start()
        follow_ups, asked = 0, []
        while not session.finished:
            prompt = _last_question(events)
            q = assembled.deps.question(prompt.question_id)
            if prompt.follow_up:
                follow_ups += 1
            else:
                asked.append(prompt.question_id)
            if persona == "strong":
                answer = q.golden_answer or "I would separate storage and compute."
            else:
                answer = "I think it depends on the situation."
            events = session.answer(answer)
        report = session.report
        assert len(asked) == len(set(asked)) == 4  # no question repeated
        assert all(q.source for q in report.questions)
        results[persona] = (report.overall, follow_ups)
    assert results["strong"][0] > results["weak"][0]
    assert results["strong"][1] < results["weak"][1]


def test_follow_ups_probe_a_missed_point_without_quoting_it(layout):
    session, assembled = _session(layout, seed=3)
    events = session.start()
    probes = 0
    while not session.finished and probes < 6:
        prompt = _last_question(events)
        q = assembled.deps.question(prompt.question_id)
        answer = q.key_points[0] if q.key_points and not prompt.follow_up else "Not sure."
        events = session.answer(answer)
        scores = [e for e in events if isinstance(e, ScoreEvent)]
        follow = [e for e in events if isinstance(e, QuestionEvent) and e.follow_up]
        if follow:
            probes += 1
            missing = scores[-1].grade.missing
            target = follow[-1].target_point
            assert target in missing
            assert target not in follow[0].text
            assert q.golden_answer not in follow[0].text
    assert probes >= 2


def test_controls_skip_hint_repeat_and_end_early(layout):
    session, assembled = _session(layout, n_questions=3)
    first = _last_question(session.start())
    q = assembled.deps.question(first.question_id)
    hint = [e for e in session.hint() if isinstance(e, HintEvent)][0]
    for point in q.key_points:
        assert point not in hint.text
    repeat = _last_question(session.repeat())
    assert repeat.repeat and repeat.text == first.text
    second = _last_question(session.skip())
    assert second.index == 2 and second.question_id != first.question_id
    report = [e for e in session.end() if isinstance(e, ReportEvent)][0].report
    assert session.finished and session.end() == []
    # The first was skipped; the second was asked, then the interview ended: not answered,
    # never a made-up score.
    assert (report.asked, report.skipped, report.not_answered, report.answered) == (2, 1, 1, 0)
    skipped, unanswered = report.questions
    assert skipped.status == "skipped" and skipped.reread == [skipped.source]
    assert unanswered.status == "not_answered" and unanswered.score is None
    assert report.topics == {} and report.overall is None
    assert [p.status for p in report.practise] == ["skipped", "not_answered"]


def test_bad_answers_empty_huge_and_control_characters(layout):
    session, _ = _session(layout, max_follow_ups=0)
    session.start()
    events = session.answer("")
    score = [e for e in events if isinstance(e, ScoreEvent)][0]
    assert score.grade.score == 1.0
    assert any(isinstance(e, NoticeEvent) and "No answer given" in e.text for e in events)
    huge = "Partitioning by date keeps scans small. " * 2600
    events = session.answer(huge)
    assert any(isinstance(e, NoticeEvent) and "6,000 characters" in e.text for e in events)
    events = session.answer("Use \x1b[31mred\x1b[0m and \x00nul")
    answers = [t for t in session.transcript if t["kind"] == "answer"]
    assert answers[1]["text"] == huge  # kept whole
    assert answers[2]["text"] == "Use \\x1b[31mred\\x1b[0m and \\x00nul"


def test_resume_continues_at_the_exact_prompt_with_a_new_process_state(layout, tmp_path):
    from langgraph.checkpoint.sqlite import SqliteSaver

    db = tmp_path / "checkpoints.sqlite"
    session, _ = _session(layout, SqliteSaver(sqlite3.connect(db, check_same_thread=False)))
    session.start()
    events = session.answer("Some first answer about partitions.")
    prompt, turns = _last_question(events), len(session.transcript)

    assembled = assemble(
        layout,
        embedder=FakeEmbedder(),
        checkpointer=SqliteSaver(sqlite3.connect(db, check_same_thread=False)),
    )
    resumed = InterviewSession.resume(
        assembled.graph, assembled.store, assembled.deps, session.session_id
    )
    replay = resumed.start()
    assert _last_question(replay).text == prompt.text
    assert len(resumed.transcript) == turns
    events = resumed.answer("A second answer.")
    assert any(isinstance(e, ScoreEvent) for e in events)


def test_unknown_resume_id_corrupt_database_and_empty_bank(layout, tmp_path):
    assembled = assemble(layout, embedder=FakeEmbedder(), checkpointer=InMemorySaver())
    with pytest.raises(SessionNotFound, match="rehearse sessions list"):
        InterviewSession.resume(assembled.graph, assembled.store, assembled.deps, "nope")

    broken = DataLayout(tmp_path / "broken")
    shutil.copytree(layout.root, broken.root, ignore=shutil.ignore_patterns("sessions.sqlite*"))
    broken.sessions_db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(SessionStoreError, match="left untouched"):
        assemble(broken, embedder=FakeEmbedder())
    assert broken.sessions_db.read_bytes() == b"this is not a database" * 100

    empty = DataLayout(tmp_path / "empty")
    empty.root.mkdir()
    (empty.root / "index").mkdir()
    (empty.root / "index" / "chunks.jsonl").write_text("")
    (empty.root / "questions.json").write_text('{"version": 1, "questions": []}')
    with pytest.raises(IndexMissing, match="no interview questions"):
        assemble(empty, embedder=FakeEmbedder())
