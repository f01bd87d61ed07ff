"""The grader training packs load clean, and the loader refuses rows that would teach the point
reader something wrong."""

from __future__ import annotations

import json

import pytest

from evaluation import grader_training as packs


def test_every_committed_pack_loads_and_none_of_its_questions_is_a_measured_one():
    from evaluation import human_set

    rows = packs.load()
    statements = packs.load_statements()
    assert len(statements) >= 10000
    assert {s.verdict for s in statements} == set(packs.VERDICTS)
    assert len(rows) >= 2000 and len({r.question_id for r in rows}) >= 220
    measured = {a.question.strip().lower() for a in human_set.load()}
    assert not measured & {r.question.strip().lower() for r in rows}


def _pack(tmp_path, **change):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "t-1.md").write_text("## Why?\n- fact one\n- fact two\n", encoding="utf-8")
    row = {
        "id": "t-q01-a01",
        "pack": "t",
        "field": "test",
        "notes": "notes/t-1.md",
        "question_id": "t-q01",
        "question": "Why?",
        "reference": "- fact one\n- fact two",
        "key_points": ["fact one", "fact two"],
        "answer": "Fact one, and fact two.",
        "class": "strong",
        "label": 5,
        "reason": "both",
        "verdicts": ["covered", "covered"],
    }
    row.update(change)
    (tmp_path / "t.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return tmp_path


def test_a_clean_row_loads(tmp_path):
    (row,) = packs.load(_pack(tmp_path))
    assert row.verdicts == ("covered", "covered") and row.label == 5


@pytest.mark.parametrize(
    "change, message",
    [
        ({"verdicts": ["covered"]}, "one entry per key point"),
        ({"verdicts": ["covered", "missed"]}, "label 5 with a point not covered"),
        ({"class": "swap", "label": 2, "verdicts": ["covered", "missed"]}, "no contradicted"),
        ({"reference": "- fact one\n- fact three"}, "not copied exactly"),
        ({"label": 7}, "label must be 1-5"),
        ({"verdicts": ["covered", "sort of"]}, "verdicts must be"),
    ],
)
def test_a_bad_row_is_refused_with_what_is_wrong(tmp_path, change, message):
    with pytest.raises(packs.PackError, match=message):
        packs.load(_pack(tmp_path, **change))


def test_a_statement_about_a_point_its_pack_does_not_have_is_refused(tmp_path):
    base = _pack(tmp_path)
    (base / "claims").mkdir()
    row = {
        "id": "t-q01-p1-s1",
        "pack": "t",
        "question_id": "t-q01",
        "question": "Why?",
        "key_point": "fact three",
        "statement": "It is fact three.",
        "verdict": "covered",
        "kind": "paraphrase",
    }
    (base / "claims" / "t.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(packs.PackError, match="not one of t-q01's"):
        packs.load_statements(base)
    row["key_point"] = "fact one"
    (base / "claims" / "t.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (statement,) = packs.load_statements(base)
    assert statement.verdict == "covered"
