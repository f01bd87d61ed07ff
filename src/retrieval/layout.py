"""Where things live inside a data directory.

The Chroma store may be remote (`--chroma-url`); everything else an index needs to answer
queries quickly (chunk catalog, BM25 index, question bank) always sits in the local data dir.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class IndexMissing(RuntimeError):
    """A command needs an index that has not been built yet."""


@dataclass(frozen=True)
class DataLayout:
    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "index" / "chunks.jsonl"

    @property
    def bm25_dir(self) -> Path:
        return self.root / "index" / "bm25"

    @property
    def questions(self) -> Path:
        return self.root / "questions.json"

    @property
    def sessions_db(self) -> Path:
        return self.root / "sessions.sqlite"

    @property
    def exports(self) -> Path:
        """Exported reports, unless the candidate names another path."""
        return self.root / "exports"

    def require_index(self) -> None:
        if not self.catalog.exists() or not self.questions.exists():
            raise IndexMissing(
                f"No index in {self.root}. Run `rehearse ingest` first "
                "(add --data-dir/REHEARSE_DATA_DIR if you indexed elsewhere)."
            )
