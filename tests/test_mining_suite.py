"""`rehearse eval mining` on the golden set, and what ingest says per file. Model-free."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, FakeEmbedder
from evaluation.mining_suite import Expected, markup_noise, run_mining_suite, score_file
from rehearse import cli
from retrieval.question_bank import Question

GOLDEN = ROOT / "evals" / "mining" / "golden.yaml"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REHEARSE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("rehearse.context.MiniLMEmbedder", FakeEmbedder)
    return tmp_path / "data"


def _question(text: str, answer: str | None = None, written_as: str | None = None) -> Question:
    return Question(
        id=text,
        question=text,
        written_as=written_as,
        golden_answer=answer,
        doc_id="d",
        heading_path=["d"],
        line=1,
        form="heading",
    )


def test_golden_set_meets_the_targets():
    results = run_mining_suite(GOLDEN)
    assert results["files"] >= 12
    assert results["answered_recall"] >= 0.90
    assert results["precision"] >= 0.95
    assert results["duplicates"] == 0
    assert results["markup"] == 0
    seeds = results["seeds"]
    assert seeds["questions"] >= 202 and seeds["answered"] >= 102
    assert seeds["retained"] == 1.0


def test_matching_is_one_to_one_and_counts_duplicates_and_false_positives():
    expected = [
        Expected("How do you test it?", True, "Data quality"),
        Expected("What is Kafka?", False),
    ]
    mined = [
        _question("Data quality: how do you test it?", "Great Expectations", "How do you test it?"),
        _question("Data quality: how do you test it?", "Great Expectations"),
        _question("What is Kafka?", "A log."),
        _question("Why tasklet?"),
    ]
    score = score_file("f.md", "", expected, mined)
    assert (score.found, score.found_answered, score.duplicates) == (2, 1, 1)
    assert score.false_positives == ["Why tasklet?"]
    assert score.placeholder_answers == 1  # an expected-unanswered question mined with an answer
    assert score.standalone_ok == 1


def test_markup_noise_flags_tags_links_and_labels_but_not_code_or_dunder_names():
    clean = _question(
        'What does if __name__ == "__main__": do?', "Runs as a script.\n```\n<b>\n```"
    )
    assert markup_noise(clean) == []
    noisy = _question("Question 3: What is X?", "See [docs](http://x) <br>")
    assert len(markup_noise(noisy)) == 2


def test_ingest_lists_each_file_and_warns_about_one_that_asks_but_yielded_nothing(
    data_dir, tmp_path, capsys
):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "good.md").write_text("# K8s\n\n## What is a pod?\n\nContainers scheduled together.\n")
    (notes / "pasted.md").write_text(
        "# Questions from the recruiter\n\n```\nWhat is Kafka?\nWhat is a topic?\n"
        "How do partitions scale?\nWhat is a consumer group?\n```\n"
    )
    assert cli.main(["ingest", str(notes)]) == 0
    out, err = capsys.readouterr()
    assert f"{notes / 'good.md'}: 1 question, 1 with answers" in out
    assert f"{notes / 'pasted.md'}: 0 questions, 0 with answers" in out
    assert f"warning: {notes / 'pasted.md'}: 4 question-like lines, all inside code blocks" in err
    assert "good.md" not in err


def test_questions_answers_shows_the_asked_form_and_key_points(data_dir, tmp_path, capsys):
    note = tmp_path / "deep-dive.md"
    note.write_text(
        "# Take-home\n\n## Silver layer\n\n### Why this partitioning?\n\n"
        "- City and date\n- Analysts filter by city\n"
    )
    assert cli.main(["ingest", str(note)]) == 0
    capsys.readouterr()
    assert cli.main(["questions", "--answers"]) == 0
    out = capsys.readouterr().out
    assert "Silver layer: why this partitioning?" in out
    assert "· Analysts filter by city" in out
    assert cli.main(["questions", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["written_as"] == "Why this partitioning?"
