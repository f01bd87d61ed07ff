"""How well each retrieval mode finds the section a golden question came from.

Golden pairs are data in `evals/retrieval_golden.jsonl`, written from the question bank: the
question text and the document and heading path of the section holding its prepared answer.
Relevance is by (document, heading path) rather than chunk id, so the pairs survive re-chunking.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from retrieval.question_bank import QuestionBank
from retrieval.search import MODES, Mode, Retriever


@dataclass(frozen=True)
class GoldenPair:
    id: str
    query: str
    doc_id: str
    heading_path: tuple[str, ...]


def golden_pairs_from_bank(bank: QuestionBank) -> list[GoldenPair]:
    return [
        GoldenPair(q.id, q.question, q.doc_id, tuple(q.heading_path))
        for q in bank.questions
        if q.kind == "interview" and q.golden_answer
    ]


def save_pairs(pairs: list[GoldenPair], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for p in pairs:
            record = {
                "id": p.id,
                "query": p.query,
                "doc_id": p.doc_id,
                "heading_path": list(p.heading_path),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def load_pairs(path: Path) -> list[GoldenPair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            pairs.append(GoldenPair(r["id"], r["query"], r["doc_id"], tuple(r["heading_path"])))
    return pairs


def evaluate(
    retriever: Retriever, pairs: list[GoldenPair], modes: tuple[Mode, ...] = MODES
) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for mode in modes:
        ranks = [_rank(retriever, pair, mode) for pair in pairs]
        n = max(len(ranks), 1)
        results[mode] = {
            "recall@1": sum(1 for r in ranks if r and r <= 1) / n,
            "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
            "mrr@10": sum(1.0 / r for r in ranks if r and r <= 10) / n,
            "queries": float(len(ranks)),
        }
    return results


def _rank(retriever: Retriever, pair: GoldenPair, mode: Mode) -> int | None:
    hits = retriever.search(pair.query, k=10, mode=mode)
    for position, hit in enumerate(hits, start=1):
        if hit.doc_id == pair.doc_id and hit.heading_path == pair.heading_path:
            return position
    return None
