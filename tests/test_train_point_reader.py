"""The training rows the point reader learns from (the training itself is a documented command,
not a test: it takes half an hour)."""

import random

from evaluation.grader_training import PackAnswer, Statement
from evaluation.train_point_reader import CONTEXT_WORDS, in_context, restate

POINT = "A view is a virtual table: a stored query, no data of its own"
OTHER = "A materialized view stores its result and must be refreshed"


def _answer(id: str, answer: str, verdicts: tuple[str, str]) -> PackAnswer:
    return PackAnswer(
        id=id,
        pack="sql",
        question_id="sql-q1",
        question="What is a view?",
        reference="",
        key_points=(POINT, OTHER),
        answer=answer,
        cls="partial",
        label=2,
        verdicts=verdicts,
    )


def _statement(kind: str, verdict: str, text: str, question_id: str = "sql-q1") -> Statement:
    return Statement(
        id=f"s-{kind}",
        pack="sql",
        question_id=question_id,
        question="What is a view?",
        key_point=POINT,
        statement=text,
        verdict=verdict,
        kind=kind,
    )


def test_a_statement_is_read_among_sentences_of_an_answer_that_misses_its_point():
    covering = _answer(
        "a1", "A view is just a saved query. It holds no rows.", ("covered", "missed")
    )
    missing_sentences = [
        "Materialized views keep their result on disk.",
        "You have to refresh them, on a schedule or by hand.",
        "Postgres does that with REFRESH MATERIALIZED VIEW.",
    ]
    missing = _answer("a2", " ".join(missing_sentences), ("missed", "covered"))
    wrong = _statement("wrong_value", "contradicted", "A view is a physical copy of a table.")
    prepared = {
        "a1": ["A view is just a saved query.", "It holds no rows."],
        "a2": missing_sentences,
    }

    rows = in_context([wrong], [covering, missing], prepared, random.Random(0))

    assert len(rows) == 1
    point, window, verdict = rows[0]
    assert (point, verdict) == (POINT, "contradicted")
    assert wrong.statement in window
    # The context is the answer that missed the point, never the one that covered it.
    context = window.replace(wrong.statement, " ")
    assert "saved query" not in context and "no rows" not in context
    assert any(s in context for s in missing_sentences)
    assert len(context.split()) <= CONTEXT_WORDS


def test_only_kinds_whose_verdict_survives_the_context_are_put_in_one():
    missing = _answer("a2", "Materialized views keep their result.", ("missed", "covered"))
    prepared = {"a2": ["Materialized views keep their result."]}
    statements = [
        # "same_words" and "sibling" are missed alone; among sentences about the question they
        # say nothing new, but the row would only repeat the unrelated rows.
        _statement("same_words", "missed", "Views are a thing in SQL."),
        _statement("partial", "partial", "A view is a stored query."),
        # No answer to this question misses the point: nothing to put it among.
        _statement("negation", "contradicted", "A view is not a query.", question_id="sql-q9"),
    ]
    assert in_context(statements, [missing], prepared, random.Random(0)) == []


def test_a_restated_point_keeps_its_words_and_reads_as_spoken():
    rng = random.Random(3)
    said = [restate("idempotent = same request N times -> same state", rng) for _ in range(20)]
    assert all(s.endswith(".") for s in said)
    assert all("same request N times" in s for s in said)
    assert any(" is same request" in s or " so same state" in s for s in said)
