"""`rehearse grade --input IN.jsonl [--output OUT.jsonl] [--llm offline]`: batch grading.

Input lines: {"id", "question", "reference": str or [str], "answer", "key_points": [str]?}.
Output lines: {"id", "score", "criteria", "covered", "missing", "scorer", "confidence"} plus
"evidence" and "notices". A bad line is reported with its number and skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from agent.grade import Grade, GradeRequest
from agent.judging import judge_many
from agent.providers.offline import OfflineGrader
from agent.providers.openai_chat import LLMJudge, make_client
from agent.rubric import load_rubric
from agent.scoring.offline_scorer import OfflineScorer
from rehearse.context import llm_settings
from rehearse.errors import UserError
from retrieval.embedder import MiniLMEmbedder

BATCH = 256


def read_requests(path: Path) -> tuple[list[GradeRequest], list[str]]:
    requests, problems = [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            requests.append(GradeRequest.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            problems.append(f"{path}:{number}: skipped: {where}: {first['msg']}")
    return requests, problems


def _grade_batch(
    batch: list[GradeRequest], scorer: OfflineScorer, judge: LLMJudge | None
) -> list[Grade]:
    offline = scorer.score_many(batch)
    return offline if judge is None else judge_many(judge, offline, batch)


def run(args: argparse.Namespace) -> int:
    settings = llm_settings(args)
    requests, problems = read_requests(Path(args.input))
    for problem in problems:
        print(problem, file=sys.stderr)
    try:
        rubric = load_rubric(args.rubric)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    scorer = OfflineScorer(MiniLMEmbedder(), rubric)
    judge = None
    if settings is not None:
        judge = LLMJudge(make_client(settings), settings.model, rubric, OfflineGrader(scorer))
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        for start in range(0, len(requests), BATCH):
            batch = requests[start : start + BATCH]
            for grade in _grade_batch(batch, scorer, judge):
                out.write(grade.model_dump_json() + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"graded {len(requests)} answers, skipped {len(problems)} lines", file=sys.stderr)
    return 0 if requests or not problems else 1
