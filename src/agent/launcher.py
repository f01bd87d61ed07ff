"""`Launcher`: the one way to put an interview together.

The app, plain mode and the interview eval all ask it for sessions. It indexes the corpus on
first run (with progress), lists what can be chosen (documents, topics, rubrics, recent
sessions), carries the command line's choices to the start screen, and hands out
`InterviewSession`s, new or resumed. Front ends talk to this and to the session, never to models
or stores directly.
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
        defaults: InterviewConfig | None = None,
        start_now: bool = False,
        embedder: Any | None = None,
        sessions_db: Path | None = None,
        checkpointer: Any | None = None,
    ) -> None:
        self.layout = layout
        self.corpus = corpus
        self.llm = llm
        """The configured OpenAI-compatible endpoint, if any; offline stays available."""
        self.rubric = rubric
        """The rubric chosen on the command line (a name or a file), or None for the default
        (behavioural questions then use the behavioural rubric)."""
        self._chroma_url = chroma_url
        self._assembled: dict[tuple[str, str | None], Any] = {}
        self._embedder: Any = embedder
        self._sessions_db = sessions_db
        self._checkpointer = checkpointer
        self.mode = self.modes[-1] if prefer_llm and llm else "offline"
        """The mode new sessions use; the start screen lets the candidate switch it."""
        self.defaults: InterviewConfig = dict(defaults or {})  # type: ignore[assignment]
        """What the command line chose; the start screen is pre-filled with it."""
        self.start_now = start_now
        """Begin the interview with `defaults` at once, without waiting on the start screen."""

    @property
    def modes(self) -> list[str]:
        endpoint = f" @ {self.llm.base_url}" if self.llm and self.llm.base_url else ""
        return ["offline"] + ([f"openai:{self.llm.model}{endpoint}"] if self.llm else [])

    @property
    def exports_dir(self) -> Path:
        """Where reports are exported unless the candidate names a path: the data dir, never
        the current folder (which is often a git checkout)."""
        return self.layout.exports

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

    def _assemble(self, rubric: str | None = None) -> Any:
        key = (self.mode, rubric or self.rubric)
        if key not in self._assembled:
            from agent.assembly import assemble
            from retrieval.embedder import MiniLMEmbedder

            self._embedder = self._embedder or MiniLMEmbedder()
            llm = self.llm if self.mode != "offline" else None
            self._assembled[key] = assemble(
                self.layout,
                key[1],
                embedder=self._embedder,
                llm=llm,
                checkpointer=self._checkpointer,
                sessions_db=self._sessions_db,
            )
        return self._assembled[key]

    @property
    def rubrics(self) -> list[str]:
        from agent.rubric import shipped_rubrics

        names = shipped_rubrics()
        return names + ([self.rubric] if self.rubric and self.rubric not in names else [])

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

        rubric = config.get("rubric") or self.rubric
        assembled = self._assemble(rubric)
        config = {**config, "rubric": rubric}
        if config.get("seed") is None:  # a seeded plan must not depend on history
            config["avoid"] = assembled.store.recent_questions()
        return InterviewSession.create(
            assembled.graph, assembled.store, assembled.deps, config, assembled.mode
        )

    def resume(self, session_id: str) -> InterviewSession:
        from agent.session import InterviewSession

        store = self._assemble().store
        row = store.get(session_id)
        rubric = (row.config.get("rubric") if row else None) or self.rubric
        assembled = self._assemble(rubric)
        return InterviewSession.resume(assembled.graph, assembled.store, assembled.deps, session_id)
