"""`rehearse eval retrieval`: recall@1, recall@5 and MRR@10 for each retrieval mode."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rehearse.context import open_context
from rehearse.errors import UserError
from retrieval.question_bank import load_bank
from retrieval.retrieval_eval import evaluate, golden_pairs_from_bank, load_pairs, save_pairs
from retrieval.search import DEFAULT_MODE, Retriever


def run(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    retriever = Retriever.open(ctx.layout, ctx.store, ctx.embedder)
    golden = Path(args.golden)
    if args.write_golden:
        save_pairs(golden_pairs_from_bank(load_bank(ctx.layout.questions)), golden)
        print(f"wrote {golden}")
    if not golden.exists():
        raise UserError(f"No golden pairs at {golden}; pass --write-golden to create them.")
    pairs = load_pairs(golden)
    began = time.perf_counter()
    results = evaluate(retriever, pairs)
    seconds = time.perf_counter() - began
    print(f"{len(pairs)} golden questions ({golden})")
    print(f"{'mode':<8} {'recall@1':>9} {'recall@5':>9} {'MRR@10':>8}")
    for mode, m in results.items():
        flag = "  (default)" if mode == DEFAULT_MODE else ""
        print(f"{mode:<8} {m['recall@1']:>9.3f} {m['recall@5']:>9.3f} {m['mrr@10']:>8.3f}{flag}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    payload = {
        "suite": "retrieval",
        "default_mode": DEFAULT_MODE,
        "golden": str(golden),
        "queries": len(pairs),
        "seconds": round(seconds, 2),
        "modes": results,
    }
    (out / "retrieval.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"wrote {out / 'retrieval.json'}")
    return 0
