"""Chunks and their vectors in Chroma: a local PersistentClient or a Chroma server.

We always hand Chroma our own vectors. Its default embedding function downloads a model at run
time, which fails offline, so the collection is opened with `embedding_function=None`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from retrieval.chunker import Chunk

COLLECTION = "rehearse_chunks"
_WRITE_BATCH = 2000


class StoreUnavailable(RuntimeError):
    """The vector store cannot be opened or reached; the message names it."""


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    doc_id: str
    doc_sha: str
    source: str


@dataclass(frozen=True)
class DenseMatch:
    chunk_id: str
    similarity: float


def open_client(data_dir: Path, chroma_url: str | None = None) -> Any:
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if not parsed.hostname:
            raise StoreUnavailable(
                f"--chroma-url {chroma_url!r} is not a URL like http://HOST:PORT"
            )
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=settings,
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises several types for one cause: unreachable
            raise StoreUnavailable(
                f"Cannot reach the Chroma server at {chroma_url}: {_first_line(exc)}"
            ) from exc
        return client
    path = data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as exc:
        raise StoreUnavailable(
            f"Cannot open the Chroma store at {path}: {_first_line(exc)}"
        ) from exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


class ChunkStore:
    def __init__(self, client: Any, collection: str = COLLECTION) -> None:
        self._collection = client.get_or_create_collection(
            collection, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self._count: int | None = None

    def count(self) -> int:
        # Chroma's count() costs ~5 ms at 50k chunks; queries need it, so keep it until a write.
        if self._count is None:
            self._count = self._collection.count()
        return self._count

    def stored(self) -> dict[str, StoredChunk]:
        """What the store holds: chunk id -> (doc, doc hash), read without vectors."""
        out: dict[str, StoredChunk] = {}
        total = self.count()
        for offset in range(0, total, _WRITE_BATCH):
            page = self._collection.get(include=["metadatas"], limit=_WRITE_BATCH, offset=offset)
            for chunk_id, meta in zip(page["ids"], page["metadatas"] or [], strict=False):
                out[chunk_id] = StoredChunk(
                    chunk_id,
                    str(meta.get("doc_id")),
                    str(meta.get("doc_sha")),
                    str(meta.get("source", "")),
                )
        return out

    def add(
        self, chunks: list[Chunk], vectors: np.ndarray, docs: dict[str, tuple[str, str]]
    ) -> None:
        self._count = None
        for start in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[start : start + _WRITE_BATCH]
            self._collection.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=vectors[start : start + _WRITE_BATCH],
                documents=[c.text for c in part],
                metadatas=[_metadata(c, *docs[c.doc_id]) for c in part],
            )

    def update_metadata(self, chunks: list[Chunk], docs: dict[str, tuple[str, str]]) -> None:
        """Offsets move when text above a chunk changes; the vector does not need to."""
        for start in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[start : start + _WRITE_BATCH]
            self._collection.update(
                ids=[c.chunk_id for c in part],
                metadatas=[_metadata(c, *docs[c.doc_id]) for c in part],
            )

    def delete(self, chunk_ids: list[str]) -> None:
        self._count = None
        for start in range(0, len(chunk_ids), _WRITE_BATCH):
            self._collection.delete(ids=chunk_ids[start : start + _WRITE_BATCH])

    def query(self, vector: np.ndarray, k: int, docs: list[str] | None = None) -> list[DenseMatch]:
        where = {"doc_id": {"$in": docs}} if docs else None
        k = min(k, self.count())
        if k <= 0:
            return []
        result = self._collection.query(
            query_embeddings=vector.reshape(1, -1),
            n_results=k,
            where=where,
            include=["distances"],
        )
        return [
            DenseMatch(chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=False)
        ]


def _metadata(chunk: Chunk, doc_sha: str, source: str) -> dict[str, Any]:
    return {
        "doc_id": chunk.doc_id,
        "doc_sha": doc_sha,
        "source": source,
        "heading": chunk.heading,
        "start": chunk.start,
        "end": chunk.end,
    }
