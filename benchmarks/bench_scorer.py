"""Offline scorer throughput: answers graded per second once the model is loaded (target: >= 100
on 2 CPU cores).

Run with `python benchmarks/bench_scorer.py [--fp32] [--runs N]`. It prints figures and never
asserts, because timings depend on the machine and on whatever else it is running (the load
average is printed with every figure for that reason). Nothing touches the network.

Every timed run uses a fresh scorer, so its vector cache is cold: unless said otherwise, the
questions and the key points of the references are embedded inside the timing.
Each figure is the best of `--runs` runs, since noise on a shared machine only ever adds time.

1. SemEval-2013 student answers (short, one or two sentences; many students per question, so
   references are shared), every `--semeval-every`-th answer of the training split.
2. The seed corpus's golden answers (long, multi-sentence), each graded against its own
   reference. Two in five of their sentences are also key points of that reference, and the
   scorer embeds a text once, so this flatters long answers...
3. ...and so the same answers are also graded against the next question's reference, where no
   text is shared: every answer sentence and every key point is embedded.
4. The same answers with the references' vectors already cached: each half of the questions'
   answers against the other half's references (no text in common), after an untimed pass
   with empty answers has embedded those references. This is the steady state of a long batch
   with many answers per question, or of an interview, whose question bank is embedded once.

`--fp32` grades with the embedder's own float32 `embed` (the scorer's fallback path) instead of
the bfloat16 copy (`agent.scoring.fast_encoder`), for a before/after comparison.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from agent.grade import GradeRequest
from agent.rubric import load_rubric
from agent.scoring.offline_scorer import OfflineScorer
from evaluation import semeval
from evaluation.seed_corpus import answered_questions
from retrieval.embedder import Embedder, MiniLMEmbedder
from retrieval.question_bank import Question

REPO = Path(__file__).resolve().parents[1]


class Float32Embedder:
    """The MiniLM embedder behind a plain `embed`, so the scorer takes its fallback path."""

    def __init__(self, base: MiniLMEmbedder) -> None:
        self.base = base
        self.name = base.name
        self.dim = base.dim

    def embed(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        return self.base.embed(texts, progress)


def semeval_requests(data_dir: Path, every: int) -> list[GradeRequest]:
    return semeval.requests_and_labels(semeval.load_questions(data_dir), every)[0]


def golden_requests(
    answers_from: Sequence[Question], references_from: Sequence[Question]
) -> list[GradeRequest]:
    """The golden answer of each question of `answers_from`, graded against the question and
    reference of the question at the same place (cyclically) in `references_from`."""
    return [
        GradeRequest(
            id=q.id,
            question=references_from[i % len(references_from)].question,
            reference=references_from[i % len(references_from)].golden_answer or "",
            answer=q.golden_answer or "",
        )
        for i, q in enumerate(answers_from)
    ]


def throughput(embedder: Embedder, requests: Sequence[GradeRequest], runs: int) -> float:
    """Best answers/s over `runs` runs, each with a fresh scorer (cold vector cache)."""
    rubric = load_rubric()
    best = float("inf")
    for _ in range(runs):
        scorer = OfflineScorer(embedder, rubric)
        started = time.perf_counter()
        scorer.score_many(requests)
        best = min(best, time.perf_counter() - started)
    return len(requests) / best


def warm_throughput(
    embedder: Embedder, batches: Sequence[Sequence[GradeRequest]], runs: int
) -> float:
    """Like `throughput`, but each batch's references are embedded before its timing starts,
    by an untimed pass over the same requests with empty answers; batches get fresh scorers
    and their best times are summed."""
    rubric = load_rubric()
    total = 0.0
    for requests in batches:
        best = float("inf")
        for _ in range(runs):
            scorer = OfflineScorer(embedder, rubric)
            scorer.score_many([r.model_copy(update={"answer": ""}) for r in requests])
            started = time.perf_counter()
            scorer.score_many(requests)
            best = min(best, time.perf_counter() - started)
        total += best
    return sum(len(b) for b in batches) / total


def report(name: str, answers: int, rate: float) -> None:
    load = os.getloadavg()[0]
    print(f"  {name:<40} {answers:>5} answers {rate:7.1f} answers/s  (load {load:.2f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=semeval.DEFAULT_DATA_DIR)
    parser.add_argument("--semeval-every", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fp32", action="store_true", help="use the float32 fallback path")
    args = parser.parse_args(argv)

    base = MiniLMEmbedder()
    started = time.perf_counter()
    base.load()
    embedder: Embedder = Float32Embedder(base) if args.fp32 else base
    # Warm up outside the timings: the first call builds the bf16 copy (part of model load).
    OfflineScorer(embedder, load_rubric()).score(
        GradeRequest(id="warm-up", question="Why?", reference="Because.", answer="Because.")
    )
    path = "float32 fallback" if args.fp32 else "bf16 copy"
    print(f"model loaded in {time.perf_counter() - started:.1f} s; scoring with the {path}")

    questions = answered_questions(REPO / "corpus")
    half = len(questions) // 2
    own = golden_requests(questions, questions)
    shifted = golden_requests(questions, [*questions[1:], questions[0]])
    # Each half's answers against the other half's references: no text in common, so the
    # warm-up embeds none of the answers' sentences.
    first, second = questions[:half], questions[half:]
    split = [golden_requests(first, second), golden_requests(second, first)]
    runs = args.runs
    report("seed golden answers, own reference", len(own), throughput(embedder, own, runs))
    report("seed golden answers, next reference", len(shifted), throughput(embedder, shifted, runs))
    report("seed golden answers, references warm", len(own), warm_throughput(embedder, split, runs))
    if semeval.available(args.data_dir):
        requests = semeval_requests(args.data_dir, args.semeval_every)
        name = f"SemEval answers (every {args.semeval_every})"
        report(name, len(requests), throughput(embedder, requests, runs))
    else:
        print(f"  SemEval data not found under {args.data_dir}; skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
