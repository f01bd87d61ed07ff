"""Search over the indexed notes: dense, BM25, or both fused by reciprocal rank.

`Retriever.search(query, k, mode, docs, topics)` is the one entry point the agent uses. BM25 is
the default because it measured best on the seed corpus (`rehearse eval retrieval`: recall@5
0.99, MRR@10 0.90 against 0.89/0.78 for dense): prep notes and the questions asked about them
share their exact terms. The hybrid fuses both by weighted reciprocal rank, with dense weighted
down because the small embedding model is the weaker ranker here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from retrieval.bm25_index import BM25Index
from retrieval.chunk_catalog import load_catalog
from retrieval.chunk_store import ChunkStore
from retrieval.chunker import Chunk
from retrieval.embedder import Embedder
from retrieval.layout import DataLayout

Mode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")
DEFAULT_MODE: Mode = "bm25"
RRF_K = 10
DENSE_WEIGHT = 0.3
CANDIDATES = 50


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    text: str
    score: float
    doc_id: str
    heading_path: tuple[str, ...]
    start: int
    end: int

    @property
    def source(self) -> str:
        return f"{self.doc_id} > {' > '.join(self.heading_path)}"


class Retriever:
    def __init__(
        self, chunks: list[Chunk], store: ChunkStore, bm25: BM25Index, embedder: Embedder
    ) -> None:
        self._chunks = {c.chunk_id: c for c in chunks}
        self._filters: dict[tuple, set[str] | None] = {}
        self._store = store
        self._bm25 = bm25
        self.embedder = embedder

    @classmethod
    def open(cls, layout: DataLayout, store: ChunkStore, embedder: Embedder) -> Retriever:
        layout.require_index()
        return cls(load_catalog(layout.catalog), store, BM25Index.load(layout.bm25_dir), embedder)

    @property
    def chunks(self) -> dict[str, Chunk]:
        return self._chunks

    def search(
        self,
        query: str,
        k: int = 5,
        mode: Mode = DEFAULT_MODE,
        docs: list[str] | None = None,
        topics: list[str] | None = None,
    ) -> list[Hit]:
        allowed = self._allowed(docs, topics)
        if not query.strip() or (allowed is not None and not allowed):
            return []
        if mode == "dense":
            ranked = self._dense(query, k, docs, topics, allowed)
        elif mode == "bm25":
            ranked = self._bm25.search(query, k, allowed)
        else:
            ranked = _fuse(
                self._dense(query, CANDIDATES, docs, topics, allowed),
                self._bm25.search(query, CANDIDATES, allowed),
            )
        return [self._hit(chunk_id, score) for chunk_id, score in ranked[:k]]

    def _dense(
        self,
        query: str,
        k: int,
        docs: list[str] | None,
        topics: list[str] | None,
        allowed: set[str] | None,
    ) -> list[tuple[str, float]]:
        vector = self.embedder.embed([query])[0]
        exact_docs = sorted(self._doc_ids(docs)) if docs else None
        # Topic filters are substring matches on headings, which Chroma's `where` cannot
        # express; ask for more and filter here.
        fetch = k * 8 if topics else k
        matches = self._store.query(vector, fetch, exact_docs)
        return [
            (m.chunk_id, m.similarity)
            for m in matches
            if m.chunk_id in self._chunks and (allowed is None or m.chunk_id in allowed)
        ][:k]

    def _doc_ids(self, docs: list[str]) -> set[str]:
        key = ("docs", *docs)
        if key not in self._filters:
            self._filters[key] = {
                c.doc_id for c in self._chunks.values() if _matches(c.doc_id, docs)
            }
        return self._filters[key] or set()

    def _allowed(self, docs: list[str] | None, topics: list[str] | None) -> set[str] | None:
        if not docs and not topics:
            return None
        # An interview filters every query the same way; scanning 50k chunks per query in
        # Python costs more than the search itself, so remember each filter's answer.
        key = (tuple(docs or ()), tuple(topics or ()))
        if key not in self._filters:
            self._filters[key] = {
                c.chunk_id
                for c in self._chunks.values()
                if _matches(c.doc_id, docs) and _topic_matches(c.heading_path, topics)
            }
        return self._filters[key]

    def _hit(self, chunk_id: str, score: float) -> Hit:
        c = self._chunks[chunk_id]
        return Hit(chunk_id, c.text, score, c.doc_id, c.heading_path, c.start, c.end)


def _matches(doc_id: str, docs: list[str] | None) -> bool:
    return not docs or any(d.lower() in doc_id.lower() for d in docs)


def _topic_matches(path: tuple[str, ...], topics: list[str] | None) -> bool:
    return not topics or any(t.lower() in h.lower() for t in topics for h in path)


def _fuse(
    dense: list[tuple[str, float]], lexical: list[tuple[str, float]]
) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for weight, ranking in ((DENSE_WEIGHT, dense), (1.0, lexical)):
        for rank, (chunk_id, _score) in enumerate(ranking):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)
