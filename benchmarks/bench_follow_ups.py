"""Offline follow-up and hint latency: p50/p95 per call on the seed bank (target: <= 20 ms p95).

Run with `PYTHONPATH=src python benchmarks/bench_follow_ups.py [--runs N]`. The seed corpus is
mined without embedding anything (as the tests do), the `SubQuestions` index is built once (as
the offline interviewer does at start-up), and then every key point of every answered question
is probed with the points before it as covered, `--runs` times over. It prints figures and
never asserts: timings depend on the machine and whatever else it is running, so the load
average is printed beside them. Nothing touches the network.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the miner helper the tests use

from agent.probing.follow_ups import follow_up  # noqa: E402
from agent.probing.hints import hint  # noqa: E402
from agent.probing.sub_questions import SubQuestions  # noqa: E402
from helpers import seed_questions_with_answers  # noqa: E402


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {p50 * 1000:.3f} ms  p95 {p95 * 1000:.3f} ms  max {ordered[-1] * 1000:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    questions = [q for q in seed_questions_with_answers(REPO / "corpus") if q.key_points]
    began = time.perf_counter()
    subs = SubQuestions(questions)
    print(f"index: {len(questions)} questions in {(time.perf_counter() - began) * 1000:.1f} ms")

    follow_ups: list[float] = []
    hints: list[float] = []
    for _ in range(args.runs):
        for q in questions:
            for i, point in enumerate(q.key_points):
                covered = q.key_points[:i][:3]
                start = time.perf_counter()
                follow_up(q, point, covered, " ".join(covered), sub_questions=subs)
                follow_ups.append(time.perf_counter() - start)
                start = time.perf_counter()
                hint(q, point, 1 + i % 3, [])
                hints.append(time.perf_counter() - start)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"follow-up ({len(follow_ups)} calls): {_percentiles(follow_ups)}  load {load:.2f}")
    print(f"hint      ({len(hints)} calls): {_percentiles(hints)}  load {load:.2f}")


if __name__ == "__main__":
    main()
