"""Ingestion into a real Chroma store under tmp_path, with the fake embedder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES, FakeEmbedder
from retrieval import documents
from retrieval.chunk_store import ChunkStore, open_client
from retrieval.ingest import ingest
from retrieval.layout import DataLayout
from retrieval.question_bank import load_bank
from retrieval.search import Retriever


def _setup(tmp_path: Path) -> tuple[Path, DataLayout, ChunkStore]:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    layout = DataLayout(tmp_path / "data")
    return corpus, layout, ChunkStore(open_client(layout.root))


def test_rerun_on_unchanged_files_embeds_nothing(tmp_path, fake_embedder):
    corpus, layout, store = _setup(tmp_path)
    first = ingest([corpus], layout, store, fake_embedder)
    assert first.files == 5 and first.embedded == first.chunks == store.count() > 200
    assert first.questions > 150
    again = FakeEmbedder()
    second = ingest([corpus], layout, store, again)
    assert second.embedded == 0 and second.deleted == 0 and again.embedded == 0
    assert second.chunks == first.chunks


def test_changed_file_replaces_only_its_changed_chunks_and_deleted_file_leaves(
    tmp_path, fake_embedder
):
    corpus, layout, store = _setup(tmp_path)
    ingest([corpus], layout, store, fake_embedder)
    before = store.count()
    target = corpus / "databricks-movie-analytics-talking-points.md"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace(
            "## 🎯 Project Strengths",
            "## 🧪 Spark tuning\n\nUse AQE and broadcast "
            "joins for skewed data.\n\n## 🎯 Project Strengths",
        ),
        encoding="utf-8",
    )
    embedder = FakeEmbedder()
    changed = ingest([corpus], layout, store, embedder)
    assert 1 <= changed.embedded <= 3 and changed.deleted <= 2
    assert embedder.embedded == changed.embedded
    retriever = Retriever.open(layout, store, embedder)
    hit = retriever.search("broadcast joins skewed data AQE", k=1)[0]
    assert hit.heading_path[-1] == "Spark tuning"
    assert hit.doc_id == "databricks-movie-analytics-talking-points"
    assert target.read_text(encoding="utf-8")[hit.start : hit.end].strip() == hit.text.strip()

    (corpus / "elt-live-exercise-candidate-manual.md").unlink()
    removed = ingest([corpus], layout, store, FakeEmbedder())
    assert removed.deleted > 10 and removed.embedded == 0
    assert store.count() == removed.chunks < before
    bank = load_bank(layout.questions)
    assert not [q for q in bank.questions if q.doc_id.startswith("elt-live")]
    assert not Retriever.open(layout, store, embedder).search("Airbyte", docs=["elt-live"])


def test_ingesting_one_extra_file_keeps_the_rest_of_the_index(tmp_path, fake_embedder):
    corpus, layout, store = _setup(tmp_path)
    first = ingest([corpus], layout, store, fake_embedder)
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra\n\n## What is dbt?\n\nA SQL transformation tool.\n")
    report = ingest([extra], layout, store, FakeEmbedder())
    assert report.chunks == first.chunks + report.embedded
    bank = load_bank(layout.questions)
    assert any(q.question == "What is dbt?" for q in bank.questions)
    assert any(q.doc_id == "data-engineering-qa-bank" for q in bank.questions)


def test_questions_without_answers_get_reference_passages(tmp_path, fake_embedder):
    corpus, layout, store = _setup(tmp_path)
    ingest([corpus], layout, store, fake_embedder)
    bank = load_bank(layout.questions)
    unanswered = [q for q in bank.questions if q.kind == "interview" and not q.golden_answer]
    assert unanswered and all(q.references for q in unanswered)
    for q in unanswered:
        assert not set(q.chunk_ids) & {p.chunk_id for p in q.references}


def test_bad_files_get_a_reason_each_and_the_rest_still_ingests(
    tmp_path, fake_embedder, monkeypatch
):
    corpus = tmp_path / "notes"
    corpus.mkdir()
    (corpus / "good.md").write_text("# Good\n\n## What is Spark?\n\nA distributed engine.\n")
    (corpus / "empty.md").write_text("")
    (corpus / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (corpus / "latin1.txt").write_bytes("caf\xe9 notes".encode("latin-1"))
    (corpus / "huge.md").write_text("# Big\n\n" + "x" * 5000)
    shutil.copy(FIXTURES / "no_headings.txt", corpus / "plain.txt")
    monkeypatch.setattr(documents, "MAX_BYTES", 4000)
    layout = DataLayout(tmp_path / "data")
    report = ingest([corpus], layout, ChunkStore(open_client(layout.root)), fake_embedder)
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert reasons["empty.md"] == "empty file"
    assert reasons["binary.md"].startswith("binary file")
    assert reasons["latin1.txt"].startswith("not UTF-8")
    assert reasons["huge.md"].startswith("too large")
    assert report.files == 2 and report.ok
    assert any("plain.txt" in n and "no Markdown headings" in n for n in report.notices)


def test_nothing_readable_is_not_ok(tmp_path, fake_embedder):
    corpus = tmp_path / "notes"
    corpus.mkdir()
    (corpus / "empty.md").write_text("   \n")
    layout = DataLayout(tmp_path / "data")
    report = ingest([corpus], layout, ChunkStore(open_client(layout.root)), fake_embedder)
    assert not report.ok and report.skipped


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_search_filters_by_doc_and_topic(tmp_path, fake_embedder, mode):
    corpus, layout, store = _setup(tmp_path)
    ingest([corpus], layout, store, fake_embedder)
    retriever = Retriever.open(layout, store, fake_embedder)
    hits = retriever.search("Kafka consumer groups", k=5, mode=mode, docs=["qa-bank"])
    assert hits and all(h.doc_id == "data-engineering-qa-bank" for h in hits)
    hits = retriever.search("serverless warehouse", k=5, mode=mode, topics=["Fundamentals GCP"])
    assert hits and all("FUNDAMENTALS GCP" in h.heading_path[0] for h in hits)
    assert retriever.search("anything", mode=mode, docs=["no-such-doc"]) == []
