"""`rehearse questions`: the mined bank, as a table or JSON."""

from __future__ import annotations

import argparse
import json

from rehearse.context import open_layout
from retrieval.question_bank import load_bank


def run(args: argparse.Namespace) -> int:
    layout = open_layout(args)
    layout.require_index()
    bank = load_bank(layout.questions)
    questions = bank.filter(
        docs=args.doc,
        topics=args.topic,
        difficulty=args.difficulty,
        kind=None if args.all_kinds else "interview",
    )
    if args.json:
        print(json.dumps([q.model_dump() for q in questions], ensure_ascii=False, indent=1))
        return 0
    if not questions:
        print("No questions match those filters.")
        return 0
    for q in questions:
        marker = "*" if q.golden_answer else " "
        print(f"{marker} [{q.difficulty:<6}] {q.question}")
        print(f"    {q.full_source}  (line {q.line}, {q.id})")
        if args.answers and q.golden_answer:
            for line in q.golden_answer.splitlines():
                print(f"      {line}")
            for point in q.key_points:
                print(f"      · {point}")
    answered = sum(1 for q in questions if q.golden_answer)
    print(f"\n{len(questions)} questions, {answered} with a prepared answer (*).")
    return 0
