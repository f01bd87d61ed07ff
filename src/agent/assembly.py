"""Putting an interviewer together from a data dir: bank, chunks, providers, checkpoints.

The embedding model starts loading in a background thread here, so the first question (which
needs no model in offline mode) is on screen while torch is still importing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.deps import Deps, Grading
from agent.graph import build_graph
from agent.providers.offline import OfflineGrader, OfflineInterviewer
from agent.providers.openai_chat import LLMJudge, LLMSettings, OpenAIInterviewer, make_client
from agent.providers.star_grader import StarGrader, is_star_rubric
from agent.rubric import load_rubric
from agent.session_store import SessionStore
from retrieval.chunk_catalog import load_catalog
from retrieval.embedder import MiniLMEmbedder
from retrieval.layout import DataLayout, IndexMissing
from retrieval.question_bank import load_bank


@dataclass
class Assembled:
    graph: Any
    store: SessionStore
    deps: Deps
    mode: str


def assemble(
    layout: DataLayout,
    rubric_path: Path | str | None = None,
    embedder: Any | None = None,
    llm: LLMSettings | None = None,
    client: Any | None = None,
    checkpointer: Any | None = None,
    sessions_db: Path | None = None,
) -> Assembled:
    """`llm` (or a ready `client`, for tests) switches to the OpenAI-compatible providers.
    `sessions_db` puts sessions elsewhere than the data dir (evals use a scratch file, so
    simulated candidates never become the user's history)."""
    from agent.scoring.offline_scorer import OfflineScorer

    layout.require_index()
    bank = load_bank(layout.questions)
    if not bank.filter():
        raise IndexMissing(
            f"The question bank in {layout.root} has no interview questions. Add notes with "
            "questions (e.g. '## What is X?' headings or Q:/A: lines) and run `rehearse ingest`."
        )
    if embedder is None:
        embedder = MiniLMEmbedder()
        threading.Thread(target=embedder.load, name="load-embedder", daemon=True).start()
    rubric = load_rubric(rubric_path)
    coverage = OfflineGrader(OfflineScorer(embedder, rubric))
    offline_grader: Any = StarGrader(coverage, rubric) if is_star_rubric(rubric) else coverage
    offline_interviewer = OfflineInterviewer(bank)
    interviewer: Any = offline_interviewer
    grader: Any = offline_grader
    if llm is not None:
        client = client or make_client(llm)
        interviewer = OpenAIInterviewer(client, llm.model)
        grader = LLMJudge(client, llm.model, rubric, coverage)
    behavioural = None
    if rubric_path is None:  # no rubric chosen: behavioural questions are graded as STAR stories
        star_rubric = load_rubric("behavioural")
        star_offline = StarGrader(coverage, star_rubric)
        star_grader: Any = star_offline
        if llm is not None:
            star_grader = LLMJudge(client, llm.model, star_rubric, coverage)
        behavioural = Grading(star_grader, star_offline, star_rubric)
    store = SessionStore.open(sessions_db or layout.sessions_db)
    if checkpointer is None:
        checkpointer = store.checkpointer
    deps = Deps(
        bank=bank,
        interviewer=interviewer,
        fallback_interviewer=offline_interviewer,
        grader=grader,
        fallback_grader=offline_grader,
        rubric=rubric,
        chunks={c.chunk_id: c for c in load_catalog(layout.catalog)},
        behavioural=behavioural,
    )
    graph = build_graph(deps).compile(checkpointer=checkpointer)
    return Assembled(graph, store, deps, interviewer.name)
