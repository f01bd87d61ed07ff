"""Small helpers shared by tests: parse a fixture file the way ingestion does."""

from __future__ import annotations

from pathlib import Path

from retrieval.chunker import Chunk, chunk_sections
from retrieval.documents import Document, read_document
from retrieval.markdown_blocks import parse_markdown
from retrieval.question_bank import Question
from retrieval.question_miner import mine_questions
from retrieval.sections import build_sections


def parse_file(path: Path, max_chars: int | None = None) -> tuple[list[Chunk], list[Question]]:
    doc = read_document(path)
    assert isinstance(doc, Document), doc
    parsed = parse_markdown(doc.text)
    sections = build_sections(parsed, doc.doc_id)
    kwargs = {"max_chars": max_chars} if max_chars else {}
    chunks = chunk_sections(parsed, sections, doc.doc_id, **kwargs)
    return chunks, mine_questions(parsed, sections, chunks, doc.doc_id)


def by_text(questions: list[Question], fragment: str) -> Question:
    matches = [q for q in questions if fragment.lower() in q.question.lower()]
    assert len(matches) == 1, (fragment, [q.question for q in questions])
    return matches[0]


def seed_questions_with_answers(corpus: Path) -> list[Question]:
    """The seed corpus's answered questions, mined without embedding anything."""
    out: list[Question] = []
    for path in sorted(corpus.glob("*.md")):
        out.extend(q for q in parse_file(path)[1] if q.golden_answer)
    return out


def free_port() -> int:
    """A loopback port nobody listens on (yet)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def use_fake_embedder(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every place the CLI builds the real model gets the fake one instead."""
    from conftest import FakeEmbedder

    for target in ("rehearse.context", "agent.assembly", "rehearse.commands.grade"):
        monkeypatch.setattr(f"{target}.MiniLMEmbedder", FakeEmbedder)


def index_seed_corpus(root: Path):  # type: ignore[no-untyped-def]
    """The seed corpus copied under `root` and ingested with the fake embedder."""
    import shutil

    from conftest import CORPUS, FakeEmbedder
    from retrieval.chunk_store import ChunkStore, open_client
    from retrieval.ingest import ingest
    from retrieval.layout import DataLayout

    shutil.copytree(CORPUS, root / "corpus")
    layout = DataLayout(root / "data")
    ingest([root / "corpus"], layout, ChunkStore(open_client(layout.root)), FakeEmbedder())
    return layout


async def wait_for(pilot, condition, tries: int = 100) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (workers and messages are asynchronous)."""
    for _ in range(tries):
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError("condition never became true")


async def open_interview(pilot, app):  # type: ignore[no-untyped-def]
    """From the start screen to the first question, ready for an answer."""
    from tui.screens.interview import InterviewScreen

    await wait_for(pilot, lambda: app.screen.ready)
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
    screen = app.screen
    await wait_for(pilot, lambda: screen.progress == (1, 2) and not screen.busy)
    return screen
