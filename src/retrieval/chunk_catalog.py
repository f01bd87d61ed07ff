"""The local list of every indexed chunk: text, document and heading path by chunk id.

Search results, BM25 and filters need chunk text and metadata without a round trip to a
(possibly remote) Chroma server; the catalog is rewritten by every ingest that changes anything.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from retrieval.chunker import Chunk


def save_catalog(chunks: list[Chunk], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".chunks-", suffix=".jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for c in chunks:
            record = {
                "chunk_id": c.chunk_id,
                "doc_id": c.doc_id,
                "heading_path": list(c.heading_path),
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "start_line": c.start_line,
                "end_line": c.end_line,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def load_catalog(path: Path) -> list[Chunk]:
    chunks = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            chunks.append(
                Chunk(
                    chunk_id=r["chunk_id"],
                    doc_id=r["doc_id"],
                    heading_path=tuple(r["heading_path"]),
                    text=r["text"],
                    start=r["start"],
                    end=r["end"],
                    start_line=r["start_line"],
                    end_line=r["end_line"],
                )
            )
    return chunks
