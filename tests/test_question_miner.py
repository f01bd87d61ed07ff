from __future__ import annotations

from conftest import CORPUS, FIXTURES
from helpers import by_text, parse_file


def test_heading_questions_carry_the_answer_beneath_including_subheadings():
    _, questions = parse_file(FIXTURES / "heading_questions.md")
    kafka = by_text(questions, "What is Kafka?")
    assert kafka.form == "heading"
    assert "distributed log" in kafka.golden_answer
    # A setext "label" inside the answer is not structure: it stays in the answer.
    assert "Consumer groups share partitions" in kafka.golden_answer
    assert "Immutable facts: Topics are split into partitions." in kafka.key_points
    group = by_text(questions, "consumer group scale")
    assert "Add consumers up to the partition count" in group.golden_answer
    assert group.heading_path[-2:] == ["1 What is Kafka?", "1.1 How does a consumer group scale?"]


def test_heading_with_arrow_keeps_the_arrow_half_as_answer_and_titles_are_not_questions():
    _, questions = parse_file(FIXTURES / "heading_questions.md")
    bq = by_text(questions, "BigQuery")
    assert bq.question == "What is BigQuery?"
    assert bq.golden_answer.startswith("Amazon Redshift")
    assert not [q for q in questions if "prepare" in q.question.lower()]


def test_question_and_answer_labels_and_faq():
    _, questions = parse_file(FIXTURES / "qa_labels.md")
    medallion = by_text(questions, "medallion")
    assert medallion.question == "Why did you choose the medallion architecture?"
    assert medallion.golden_answer.startswith('"Bronze keeps raw data')
    assert len(medallion.key_points) == 3
    faq = by_text(questions, "Google")
    assert faq.golden_answer.startswith("Yes.")
    assert faq.kind == "to_ask"  # the candidate asks it; a mock never asks it back


def test_q_lines_arrows_placeholders_quoted_and_self_review():
    _, questions = parse_file(FIXTURES / "q_lines.md")
    assert by_text(questions, "schema evolution").golden_answer.startswith("Keep bronze flexible")
    assert by_text(questions, "tracking data has gaps").golden_answer == (
        "Smoothing handles short gaps"
    )
    assert by_text(questions, "vendor aggregates").golden_answer is None  # a note to self
    assert by_text(questions, "rolling median").golden_answer.startswith("Median removes")
    walk = by_text(questions, "Walk me through")
    assert walk.form == "quoted" and walk.golden_answer is None
    assert by_text(questions, "PySpark").form == "quoted"
    assert not [q for q in questions if "ramble" in q.question]
    assert by_text(questions, "success look like").kind == "to_ask"


def test_discussion_bullets_without_answers():
    _, questions = parse_file(FIXTURES / "discussion_bullets.md")
    texts = {q.question for q in questions}
    assert "How do you structure the data lake/warehouse?" in texts
    assert "Prevention - How do you stop bad data from entering the system?" in texts
    assert "How do you document this platform for: new team members joining?" in texts
    assert not any("Storage" in t for t in texts)
    assert all(q.golden_answer is None and q.key_points == [] for q in questions)
    assert all(q.topics for q in questions)


def test_every_question_points_at_the_chunk_holding_it():
    chunks, questions = parse_file(FIXTURES / "q_lines.md")
    text_by_id = {c.chunk_id: c.text for c in chunks}
    for q in questions:
        assert q.chunk_ids
        held = " ".join(text_by_id[c] for c in q.chunk_ids)
        assert q.question.split()[1] in held


def _seed_questions():
    out = []
    for path in sorted(CORPUS.glob("*.md")):
        out.extend(parse_file(path)[1])
    return out


def test_seed_corpus_yields_well_over_100_questions_with_answers():
    questions = [q for q in _seed_questions() if q.kind == "interview"]
    assert len(questions) > 150
    answered = [q for q in questions if q.golden_answer]
    assert len(answered) > 90
    assert all(q.key_points for q in answered)
    forms = {q.form for q in questions}
    assert {"heading", "qa_label", "q_line", "list_item", "quoted"} <= forms
    assert len({q.id for q in _seed_questions()}) == len(_seed_questions())


def test_seed_answers_are_attached_where_the_notes_have_them():
    questions = _seed_questions()
    expected = {
        "Why did you choose the medallion architecture?": "Bronze-Silver-Gold",
        "How do you ensure idempotency?": "Partition by match_id and date",
        "What is a RDD ?": "Resilient Distributed Dataset",
        "How do you optimize BigQuery or Redshift performance?": "Partitioning & clustering",
        "What if a sprint spans halftime?": "per-period",
        "How would you handle schema changes?": "schema evolution",
    }
    for question, fragment in expected.items():
        match = [q for q in questions if q.question == question]
        assert match, question
        assert fragment in (match[0].golden_answer or ""), question
