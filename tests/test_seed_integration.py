"""The real embedding model on the real seed corpus, into a Chroma store under tmp_path."""

from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS, ROOT
from retrieval.chunk_store import ChunkStore, open_client
from retrieval.embedder import MiniLMEmbedder
from retrieval.ingest import ingest
from retrieval.layout import DataLayout
from evaluation.retrieval_eval import evaluate, load_pairs
from retrieval.search import DEFAULT_MODE, Retriever

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    root = tmp_path_factory.mktemp("seed")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    layout = DataLayout(root / "data")
    store = ChunkStore(open_client(layout.root))
    embedder = MiniLMEmbedder()
    report = ingest([corpus], layout, store, embedder)
    return layout, store, embedder, report


@pytest.mark.parametrize(
    ("query", "doc", "heading"),
    [
        (
            "How do Kafka consumer groups scale reading?",
            "data-engineering-qa-bank",
            "What is Apache Kafka",
        ),
        (
            "why a rolling median before the rolling mean when smoothing speeds",
            "traits-takehome-deep-dive-prep-plan",
            "Sprint Detection Algorithm",
        ),
        (
            "What sync modes and sources do I configure in Airbyte?",
            "elt-live-exercise-candidate-manual",
            "Tech Stack",
        ),
        (
            "settlement arrives days after the bet, finance needs historical accuracy",
            "betting-analytics-platform-design-brief",
            "Late-Arriving Data",
        ),
        (
            "Z-ordering and auto-scaling clusters for enterprise scale",
            "databricks-movie-analytics-talking-points",
            "Scalability",
        ),
    ],
)
@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_finds_the_right_section(seeded, query, doc, heading, mode):
    layout, store, embedder, _ = seeded
    hits = Retriever.open(layout, store, embedder).search(query, k=5, mode=mode)
    assert any(h.doc_id == doc and heading in " > ".join(h.heading_path) for h in hits), [
        h.source for h in hits
    ]


def test_default_retriever_meets_the_recall_target_on_the_golden_pairs(seeded):
    layout, store, embedder, report = seeded
    assert report.embedded == report.chunks
    pairs = load_pairs(ROOT / "evals" / "retrieval_golden.jsonl")
    results = evaluate(Retriever.open(layout, store, embedder), pairs, (DEFAULT_MODE,))
    assert results[DEFAULT_MODE]["recall@5"] >= 0.90
