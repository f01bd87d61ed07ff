"""Lexical search over the chunk catalog with BM25 (bm25s, English stop words, Snowball stems).

Prep notes are full of exact terms (`MERGE`, `Z-ordering`, `SCD Type 2`) that a small embedding
model blurs; BM25 catches them, and the hybrid retriever fuses both.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np

from retrieval.chunker import Chunk


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def _tokens(texts: list[str]):  # type: ignore[no-untyped-def]
    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False)


class BM25Index:
    def __init__(self, retriever: bm25s.BM25, ids: list[str]) -> None:
        self._retriever = retriever
        self.ids = ids
        self._position = {chunk_id: i for i, chunk_id in enumerate(ids)}

    @classmethod
    def build(cls, chunks: list[Chunk]) -> BM25Index:
        retriever = bm25s.BM25()
        if chunks:
            retriever.index(_tokens([c.embedding_text() for c in chunks]), show_progress=False)
        return cls(retriever, [c.chunk_id for c in chunks])

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self._retriever.save(str(directory))
        (directory / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        ids = json.loads((directory / "ids.json").read_text(encoding="utf-8"))
        retriever = bm25s.BM25.load(str(directory)) if ids else bm25s.BM25()
        return cls(retriever, ids)

    def search(
        self, query: str, k: int, allowed: set[str] | None = None
    ) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        tokens = bm25s.tokenize(
            [query], stopwords="en", stemmer=_stemmer(), show_progress=False, return_ids=False
        )
        tokens = [[t for t in tokens[0] if t in self._retriever.vocab_dict]]
        if not tokens[0]:
            return []
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            for chunk_id in allowed:
                if chunk_id in self._position:
                    mask[self._position[chunk_id]] = 1.0
        k = min(k, len(self.ids))
        docs, scores = self._retriever.retrieve(
            tokens, k=k, show_progress=False, weight_mask=mask, n_threads=0
        )
        return [
            (self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=False) if s > 0
        ]
