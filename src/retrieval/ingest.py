"""`rehearse ingest`: corpus files in; chunks, vectors, BM25 index and question bank out.

Incremental by content: chunk ids are content hashes, so only chunks the store does not hold yet
are embedded, chunks that vanished are deleted, and an unchanged corpus costs a parse and one
metadata read (the embedding model is not even loaded). Deletion is scoped to the paths given,
so `rehearse ingest extra.md` adds a file without dropping the rest of the index.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.bm25_index import BM25Index
from retrieval.chunk_catalog import load_catalog, save_catalog
from retrieval.chunk_store import ChunkStore
from retrieval.chunker import Chunk
from retrieval.document_mining import MinedDocument, mine_document
from retrieval.documents import Document, Skipped, discover, read_document
from retrieval.embedder import Embedder
from retrieval.layout import DataLayout
from retrieval.mining_findings import Findings
from retrieval.question_bank import Passage, Question, QuestionBank, load_bank, save_bank
from retrieval.search import Retriever

REFERENCES_PER_QUESTION = 3


@dataclass
class IngestReport:
    files: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    deleted: int = 0
    questions: int = 0
    answered: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    per_file: list[tuple[Path, Findings]] = field(default_factory=list)
    """What mining found in each file read this run, in reading order."""

    @property
    def ok(self) -> bool:
        return self.files > 0


class Progress:
    """Callbacks for a progress bar; the CLI passes a Rich one, tests pass nothing."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int) -> None: ...

    def stop(self) -> None: ...


def ingest(
    paths: list[Path],
    layout: DataLayout,
    store: ChunkStore,
    embedder: Embedder,
    progress: Progress | None = None,
) -> IngestReport:
    began = time.perf_counter()
    report = IngestReport()
    progress = progress or Progress()
    parsed = _read_all(paths, report)
    in_scope = _in_scope(paths)

    current = {c.chunk_id: c for p in parsed for c in p.chunks}
    docs = {p.document.doc_id: (p.document.sha, str(p.document.path.resolve())) for p in parsed}
    stored = store.stored()
    new = [c for cid, c in current.items() if cid not in stored]
    gone = [
        cid
        for cid, s in stored.items()
        if cid not in current and (s.doc_id in docs or in_scope(s.source))
    ]
    moved = [
        c
        for cid, c in current.items()
        if cid in stored and stored[cid].doc_sha != docs[c.doc_id][0]
    ]

    if new:
        embed_began = time.perf_counter()
        progress.start(len(new))
        try:
            vectors = embedder.embed([c.embedding_text() for c in new], progress.advance)
        finally:
            progress.stop()
        report.embed_seconds = time.perf_counter() - embed_began
        store.add(new, vectors, docs)
    if gone:
        store.delete(gone)
    if moved:
        store.update_metadata(moved, docs)
    report.embedded, report.deleted = len(new), len(gone)

    changed = (
        bool(new or gone or moved) or not layout.catalog.exists() or not layout.questions.exists()
    )
    kept_chunks, kept_questions = _kept_from_previous(layout, set(docs), in_scope, stored)
    chunks = kept_chunks + [c for p in parsed for c in p.chunks]
    questions = kept_questions + [q for p in parsed for q in p.questions]
    if changed or _bank_differs(layout, questions):
        _write_index(layout, chunks, questions, store, embedder)

    report.chunks = len(chunks)
    report.questions = sum(1 for q in questions if q.kind == "interview")
    report.answered = sum(1 for q in questions if q.kind == "interview" and q.golden_answer)
    report.seconds = time.perf_counter() - began
    return report


def _read_all(paths: list[Path], report: IngestReport) -> list[MinedDocument]:
    files, skipped = discover(paths)
    report.skipped.extend(skipped)
    parsed: list[MinedDocument] = []
    used_ids: set[str] = set()
    for path in files:
        doc = read_document(path)
        if isinstance(doc, Skipped):
            report.skipped.append(doc)
            continue
        if doc.doc_id in used_ids:  # two notes.md in different folders stay two documents
            doc = Document(f"{path.parent.name}-{doc.doc_id}", doc.path, doc.text, doc.sha)
        used_ids.add(doc.doc_id)
        result = mine_document(doc)
        report.per_file.append((path, result.findings))
        if not result.has_headings:
            report.notices.append(
                f"{path}: no Markdown headings; indexed as one section titled {doc.doc_id!r}"
            )
        parsed.append(result)
    report.files = len(parsed)
    return parsed


def _in_scope(paths: list[Path]) -> Callable[[str], bool]:
    roots = [p.resolve() for p in paths]

    def check(source: str) -> bool:
        if not source:
            return True
        path = Path(source)
        return any(path == root or root in path.parents for root in roots)

    return check


def _kept_from_previous(
    layout: DataLayout, read_docs: set[str], in_scope: Callable[[str], bool], stored: dict
) -> tuple[list[Chunk], list[Question]]:
    """Chunks and questions of documents outside this run's paths, which stay indexed."""
    if not layout.catalog.exists() or not layout.questions.exists():
        return [], []
    sources = {s.doc_id: s.source for s in stored.values()}
    keep = {doc for doc, source in sources.items() if doc not in read_docs and not in_scope(source)}
    if not keep:
        return [], []
    chunks = [c for c in load_catalog(layout.catalog) if c.doc_id in keep]
    questions = [q for q in load_bank(layout.questions).questions if q.doc_id in keep]
    return chunks, questions


def _bank_differs(layout: DataLayout, questions: list[Question]) -> bool:
    """Mining rules can change without the corpus changing (an upgrade); rebuild then too."""
    try:
        old = load_bank(layout.questions)
    except (OSError, ValueError):
        return True
    return [q.id for q in old.questions] != [q.id for q in questions]


def _write_index(
    layout: DataLayout,
    chunks: list[Chunk],
    questions: list[Question],
    store: ChunkStore,
    embedder: Embedder,
) -> None:
    bm25 = BM25Index.build(chunks)
    bm25.save(layout.bm25_dir)
    save_catalog(chunks, layout.catalog)
    retriever = Retriever(chunks, store, bm25, embedder)
    for q in questions:
        if q.golden_answer or q.kind != "interview":
            continue
        own = set(q.chunk_ids)
        hits = retriever.search(q.question, k=REFERENCES_PER_QUESTION + len(own))
        q.references = [
            Passage(
                chunk_id=h.chunk_id, doc_id=h.doc_id, heading_path=list(h.heading_path), text=h.text
            )
            for h in hits
            if h.chunk_id not in own
        ][:REFERENCES_PER_QUESTION]
    save_bank(QuestionBank(questions=questions), layout.questions)
