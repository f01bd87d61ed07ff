"""`Launcher`: what a front end needs before an interview exists.

It indexes the corpus on first run (with progress), lists what can be chosen (documents, topics,
recent sessions), and hands out `InterviewSession`s, new or resumed. The Textual app talks to
this and to the session, never to models or stores directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.session_store import SessionRow
from agent.state import InterviewConfig
from retrieval.layout import DataLayout

if TYPE_CHECKING:  # langgraph loads with the first session, not with the first screen
    from agent.session import InterviewSession

ProgressSink = Callable[[str, int, int], None]
"""(what, done, total): `total` 0 means unknown."""


@dataclass(frozen=True)
class Catalogue:
    docs: list[str]
    topics: list[str]
    questions: int


class Launcher:
    def __init__(
        self,
        layout: DataLayout,
        corpus: Path,
        llm: Any | None = None,
        rubric: str | None = None,
        chroma_url: str | None = None,
        prefer_llm: bool = False,
    ) -> None:
        self.layout = layout
        self.corpus = corpus
        self.llm = llm
        """The configured OpenAI-compatible endpoint, if any; offline stays available."""
        self._rubric = rubric
        self._chroma_url = chroma_url
        self._assembled: dict[str, Any] = {}
        self._embedder: Any = None
        self.mode = self.modes[-1] if prefer_llm and llm else "offline"
        """The mode new sessions use; the start screen lets the candidate switch it."""

    @property
    def modes(self) -> list[str]:
        endpoint = f" @ {self.llm.base_url}" if self.llm and self.llm.base_url else ""
        return ["offline"] + ([f"openai:{self.llm.model}{endpoint}"] if self.llm else [])

    @property
    def needs_index(self) -> bool:
        return not (self.layout.catalog.exists() and self.layout.questions.exists())

    def prepare_index(self, progress: ProgressSink) -> list[str]:
        """Index the corpus if there is no index yet (loading the model to embed it).
        Returns one line per skipped file. Runs in a worker: it is slow on first use."""
        from retrieval.chunk_store import ChunkStore, open_client
        from retrieval.ingest import Progress, ingest

        if not self.needs_index:
            return []
        progress("First run: loading the embedding model to index your notes", 0, 0)
        self.load_model()

        class _Sink(Progress):
            total = 0
            done = 0

            def start(self, total: int) -> None:
                self.total = total
                progress("Indexing your notes", 0, total)

            def advance(self, n: int) -> None:
                self.done += n
                progress("Indexing your notes", self.done, self.total)

        store = ChunkStore(open_client(self.layout.root, self._chroma_url))
        report = ingest([self.corpus], self.layout, store, self._embedder, _Sink())
        if not report.ok:
            raise RuntimeError(f"nothing to index in {self.corpus}: add Markdown or text notes")
        return [f"{s.path.name}: {s.reason}" for s in report.skipped]

    def load_model(self) -> None:
        from retrieval.embedder import MiniLMEmbedder

        self._embedder = self._embedder or MiniLMEmbedder()
        self._embedder.load()

    def _assemble(self) -> Any:
        if self.mode not in self._assembled:
            from agent.assembly import assemble
            from retrieval.embedder import MiniLMEmbedder

            self._embedder = self._embedder or MiniLMEmbedder()
            llm = self.llm if self.mode != "offline" else None
            self._assembled[self.mode] = assemble(
                self.layout, self._rubric, embedder=self._embedder, llm=llm
            )
        return self._assembled[self.mode]

    def catalogue(self) -> Catalogue:
        bank = self._assemble().deps.bank
        questions = bank.filter()
        docs = sorted({q.doc_id for q in questions})
        topics = sorted({q.primary_topic for q in questions})
        return Catalogue(docs, topics, len(questions))

    def count(self, config: InterviewConfig) -> int:
        bank = self._assemble().deps.bank
        return len(
            bank.filter(
                docs=config.get("docs") or None,
                topics=config.get("topics") or None,
                difficulty=config.get("difficulty") or None,
            )
        )

    def recent(self, limit: int = 10) -> list[SessionRow]:
        return self._assemble().store.list(limit)

    def history(self) -> list[dict[str, Any]]:
        return self._assemble().store.reports()

    def new(self, config: InterviewConfig) -> InterviewSession:
        from agent.session import InterviewSession

        assembled = self._assemble()
        config = {**config, "avoid": assembled.store.recent_questions()}
        return InterviewSession.create(assembled.graph, assembled.store, config, assembled.mode)

    def resume(self, session_id: str) -> InterviewSession:
        from agent.session import InterviewSession

        assembled = self._assemble()
        return InterviewSession.resume(assembled.graph, assembled.store, session_id)
