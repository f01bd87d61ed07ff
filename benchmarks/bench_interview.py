"""Interview speed: prints figures, asserts nothing (these machines are too noisy for that).

1. Offline turn: answer in -> score and next prompt out, p50/p95 after the model is loaded.
   Target p95 <= 150 ms.
2. First question of `rehearse interview --plain`, cold, as a real process. Target <= 3 s.
3. Graph overhead per turn in openai mode beyond the model calls, with a fake client that
   answers instantly. Target <= 20 ms.

Run with `make bench` (after `make run` or `rehearse ingest`, or it builds its own index).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver

from agent.assembly import assemble
from agent.events import QuestionEvent
from agent.providers.openai_chat import LLMSettings
from agent.session import InterviewSession
from retrieval.chunk_store import ChunkStore, open_client
from retrieval.embedder import MiniLMEmbedder
from retrieval.ingest import ingest
from retrieval.layout import DataLayout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000, "n": len(ordered)}


def _index(tmp: Path, embedder: MiniLMEmbedder) -> DataLayout:
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    layout = DataLayout(tmp / "data")
    ingest([tmp / "corpus"], layout, ChunkStore(open_client(layout.root)), embedder)
    return layout


def _answers(assembled, event: QuestionEvent, turn: int) -> str:
    q = assembled.deps.question(event.question_id)
    points = q.key_points or ["I would partition by date and monitor freshness."]
    return " ".join(points[: 1 + turn % 3])


def offline_turns(layout: DataLayout, embedder: MiniLMEmbedder, turns: int = 60) -> dict:
    assembled = assemble(layout, embedder=embedder, checkpointer=InMemorySaver())
    samples: list[float] = []
    seed = 0
    while len(samples) < turns:
        config = {"n_questions": 8, "seed": seed, "max_follow_ups": 1}
        session = InterviewSession.create(
            assembled.graph, assembled.store, assembled.deps, config, "offline"
        )
        events = session.start()
        while not session.finished and len(samples) < turns:
            prompt = [e for e in events if isinstance(e, QuestionEvent)][-1]
            answer = _answers(assembled, prompt, len(samples))
            began = time.perf_counter()
            events = session.answer(answer)
            samples.append(time.perf_counter() - began)
        seed += 1
    return _percentiles(samples)


def first_question_cold(data_dir: Path) -> dict:
    env = {**os.environ, "REHEARSE_DATA_DIR": str(data_dir)}
    times = []
    for _ in range(3):
        began = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "rehearse.cli", "interview", "--plain", "--seed", "1"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.startswith("Question 1 of"):
                times.append(time.perf_counter() - began)
                break
        proc.kill()
        proc.wait()
    return {"seconds": times, "best_s": min(times), "worst_s": max(times)}


class _InstantCoverage:
    """Stands in for the offline coverage inside the judge, so only the graph is timed."""

    name = "instant"

    def grade(self, request, grounded: bool = True):  # type: ignore[no-untyped-def]
        from agent.grade import Grade

        return Grade(
            id=request.id,
            score=3.0,
            criteria={"correctness": 3},
            covered=[],
            missing=["a point"],
            scorer="instant",
            confidence=0.5,
        )


def openai_overhead(layout: DataLayout, embedder: MiniLMEmbedder, turns: int = 60) -> dict:
    """Per-turn time with a model that answers instantly and coverage that costs nothing:
    what is left is routing, state, checkpoints and prompt building."""
    from fake_chat import FakeChatClient, verdict

    def reply(request: dict) -> str:
        return "How would you approach it?" if request.get("stream") else verdict()

    client = FakeChatClient(default=reply)
    settings = LLMSettings(base_url=None, model="instant", api_key="")
    assembled = assemble(
        layout, embedder=embedder, llm=settings, client=client, checkpointer=InMemorySaver()
    )
    assembled.deps.grader._coverage = _InstantCoverage()  # type: ignore[attr-defined]
    samples: list[float] = []
    seed = 0
    while len(samples) < turns:
        config = {"n_questions": 8, "seed": seed, "max_follow_ups": 1}
        session = InterviewSession.create(
            assembled.graph, assembled.store, assembled.deps, config, "openai"
        )
        session.start()
        while not session.finished and len(samples) < turns:
            began = time.perf_counter()
            session.answer("I would partition by date and monitor freshness.")
            samples.append(time.perf_counter() - began)
        seed += 1
    return _percentiles(samples)


def main() -> None:
    embedder = MiniLMEmbedder()
    embedder.load()
    with tempfile.TemporaryDirectory() as tmp:
        layout = _index(Path(tmp), embedder)
        results = {
            "offline_turn": offline_turns(layout, embedder),
            "first_question_cold": first_question_cold(layout.root),
            "openai_graph_overhead": openai_overhead(layout, embedder),
        }
    turn, cold, overhead = (
        results["offline_turn"],
        results["first_question_cold"],
        results["openai_graph_overhead"],
    )
    print(f"{'figure':<42} {'value':>12} {'target':>10}")
    print(
        f"{'offline turn p50 / p95 (ms)':<42} "
        f"{turn['p50_ms']:>5.0f} / {turn['p95_ms']:<4.0f} {'<= 150':>10}"
    )
    print(f"{'first question, cold process (s, worst)':<42} {cold['worst_s']:>12.2f} {'<= 3':>10}")
    print(
        f"{'openai-mode graph overhead p50 / p95 (ms)':<42} "
        f"{overhead['p50_ms']:>5.1f} / {overhead['p95_ms']:<4.1f} {'<= 20':>10}"
    )
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "interview.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"wrote {out / 'interview.json'}")


if __name__ == "__main__":
    main()
