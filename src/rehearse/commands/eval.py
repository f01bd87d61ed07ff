"""`rehearse eval [scorer|retrieval|interview|mining|all]`: offline suites, reports, baseline gate.

Writes results.json, report.md and report.html to --out, compares with evals/baseline.json
and exits 1 when a tracked metric regressed beyond its tolerance, printing what moved.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from rehearse.context import Context, llm_settings, open_context
from rehearse.errors import UserError

SUITES = ("scorer", "retrieval", "interview", "mining")
MINING_GOLDEN = Path("evals/mining/golden.yaml")


def run(args: argparse.Namespace) -> int:
    suites = list(SUITES) if args.suite == "all" else [args.suite]
    ctx = open_context(args)
    began = time.perf_counter()
    results: dict[str, Any] = {"suites": suites}
    if suites == ["mining"]:  # model-free: needs neither an index nor a grader
        results["mining"] = _mining()
        results["seconds"] = round(time.perf_counter() - began, 1)
        return _finish(args, results)
    ctx.layout.require_index()
    console = Console(stderr=True)
    grader, score_many = _grader(args, ctx)
    results["grader"] = grader
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        if "retrieval" in suites:
            results["retrieval"] = _retrieval(args, ctx, bar)
        if "scorer" in suites:
            results["scorer"] = _scorer(args, ctx, score_many, bar)
        if "interview" in suites:
            results["interview"] = _interview(args, ctx, bar)
    if "mining" in suites:
        results["mining"] = _mining()
    results["seconds"] = round(time.perf_counter() - began, 1)
    return _finish(args, results)


def _grader(args: argparse.Namespace, ctx: Context) -> tuple[str, Any]:
    from agent.judging import judge_many
    from agent.rubric import load_rubric
    from agent.scoring.offline_scorer import OfflineScorer

    scorer = OfflineScorer(ctx.embedder, load_rubric())
    settings = llm_settings(args)
    if settings is None:
        return scorer.name, scorer.score_many
    from agent.providers.offline import OfflineGrader
    from agent.providers.openai_chat import LLMJudge, make_client
    from evaluation.llm_cache import CachedClient

    client = CachedClient(make_client(settings), Path(args.cache))
    judge = LLMJudge(client, settings.model, load_rubric(), OfflineGrader(scorer))

    def score_many(requests: Any) -> list[Any]:
        return judge_many(judge, scorer.score_many(requests), list(requests))

    return judge.name, score_many


def _retrieval(args: argparse.Namespace, ctx: Context, bar: Progress) -> dict[str, Any]:
    from evaluation.retrieval_eval import evaluate, golden_pairs_from_bank, load_pairs, save_pairs
    from retrieval.question_bank import load_bank
    from retrieval.search import DEFAULT_MODE, Retriever

    golden = Path(args.golden)
    if args.write_golden:
        save_pairs(golden_pairs_from_bank(load_bank(ctx.layout.questions)), golden)
    if not golden.exists():
        raise UserError(f"No golden pairs at {golden}; pass --write-golden to create them.")
    pairs = load_pairs(golden)
    task = bar.add_task("retrieval", total=1)
    modes = evaluate(Retriever.open(ctx.layout, ctx.store, ctx.embedder), pairs)
    bar.advance(task)
    return {
        "queries": len(pairs),
        "default_mode": DEFAULT_MODE,
        "modes": modes,
        "default": modes[DEFAULT_MODE],
    }


def _scorer(
    args: argparse.Namespace, ctx: Context, score_many: Any, bar: Progress
) -> dict[str, Any]:
    from evaluation.scorer_suite import run_scorer_suite
    from evaluation.variants import build_cases
    from retrieval.question_bank import load_bank

    cases_path = Path(args.cases)
    if args.write_datasets:
        cases = build_cases(load_bank(ctx.layout.questions).questions)
        cases_path.parent.mkdir(parents=True, exist_ok=True)
        cases_path.write_text(
            "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8"
        )
    if not cases_path.exists():
        raise UserError(f"No scorer cases at {cases_path}; pass --write-datasets to build them.")
    cases = [
        json.loads(line)
        for line in cases_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    task = bar.add_task("scorer cases", total=len(cases))
    result = run_scorer_suite(
        cases, score_many, _semeval(args, bar), lambda n: bar.advance(task, n)
    )
    offline = _offline_scorer(ctx)
    human = _human(args, offline, score_many, bar)
    if human:
        result["human"] = human
    held_out = _semeval_held_out(args, offline, bar)
    if held_out:
        result["semeval_held_out"] = held_out
    return result


def _offline_scorer(ctx: Context) -> Any:
    from agent.rubric import load_rubric
    from agent.scoring.offline_scorer import OfflineScorer

    return OfflineScorer(ctx.embedder, load_rubric())


def _human(args: argparse.Namespace, offline: Any, score_many: Any, bar: Progress) -> Any:
    """Agreement with people on the human-judged test split: the offline grader, and with
    --llm openai the LLM judge beside it (replies cached)."""
    from evaluation import human_set

    if not human_set.available():
        print(f"note: no human-judged answers in {human_set.HUMAN_DIR}; skipped", file=sys.stderr)
        return None
    graders = {"offline": offline.score_many}
    if llm_settings(args) is not None:
        graders["llm_judge"] = score_many
    task = bar.add_task("human-judged answers", total=1)
    result = human_set.evaluate_splits(graders)
    bar.advance(task)
    return result


def _semeval_held_out(args: argparse.Namespace, offline: Any, bar: Progress) -> Any:
    """SemEval-2013 AUC with questions held out: the pair model is retrained per fold."""
    from evaluation import semeval
    from evaluation.train_pair_model import held_out_figures

    data = Path(args.semeval) if args.semeval else None
    if not semeval.available(data):
        return None
    task = bar.add_task(f"SemEval-2013 held-out questions (every {args.semeval_every})", total=1)
    result = held_out_figures(offline, data, args.semeval_every)
    bar.advance(task)
    return result


def _semeval(args: argparse.Namespace, bar: Progress) -> Any:
    from agent.scoring.offline_scorer import ScorerParams
    from evaluation import semeval

    data = Path(args.semeval) if args.semeval else None
    if not semeval.available(data):
        print(
            f"note: SemEval-2013 data not found ({semeval.two_way_dir(data)}); skipped",
            file=sys.stderr,
        )
        return None

    def measure(score_many: Any) -> dict[str, Any]:
        task = bar.add_task(f"SemEval-2013 (every {args.semeval_every})", total=1)
        questions = semeval.load_questions(data)
        threshold = ScorerParams().correct_threshold
        held = semeval.evaluate(
            score_many, questions, every=args.semeval_every, threshold=threshold
        )
        bar.advance(task)
        return {**held.__dict__, "every": args.semeval_every}

    return measure


def _interview(args: argparse.Namespace, ctx: Context, bar: Progress) -> dict[str, Any]:
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.launcher import Launcher
    from evaluation.conversation_suite import run_hint_checks, run_star_checks
    from evaluation.interview_suite import run_interview_suite
    from evaluation.personas import PERSONAS
    from rehearse.settings import DEFAULT_CORPUS
    from retrieval.chunk_catalog import load_catalog
    from retrieval.question_bank import load_bank

    # Eval sessions go to a throwaway database: they must not become the candidate's history.
    scratch = Path(tempfile.mkdtemp(prefix="rehearse-eval-"))
    launcher = Launcher(
        ctx.layout,
        DEFAULT_CORPUS,
        embedder=ctx.embedder,
        sessions_db=scratch / "sessions.sqlite",
        checkpointer=InMemorySaver(),
    )
    bank = load_bank(ctx.layout.questions)

    def question(question_id: str) -> Any:
        return bank.by_id(question_id)

    chunk_ids = {c.chunk_id for c in load_catalog(ctx.layout.catalog)}
    task = bar.add_task("simulated interviews", total=args.sessions * len(PERSONAS) + 2)
    results = run_interview_suite(
        launcher.new,
        question,
        chunk_ids,
        sessions=args.sessions,
        progress=lambda n: bar.advance(task, n),
    )
    results.update(run_star_checks(launcher.new, bank.filter()))
    bar.advance(task, 1)
    results.update(run_hint_checks(launcher.new))
    bar.advance(task, 1)
    return results


def _mining() -> dict[str, Any]:
    """Question mining on the hand-listed golden notes and the seeds; prints a line per file."""
    from evaluation.mining_suite import run_mining_suite, summary_lines

    mining = run_mining_suite(MINING_GOLDEN)
    print("\n".join(summary_lines(mining)))
    return mining


def _finish(args: argparse.Namespace, results: dict[str, Any]) -> int:
    from evaluation import baseline
    from evaluation.report_writer import write_reports

    baseline_path = Path(args.baseline)
    regressions: list[str] = []
    if args.update_baseline:
        baseline_path.write_text(
            json.dumps(baseline.snapshot(results), indent=2) + "\n", encoding="utf-8"
        )
        print(f"wrote {baseline_path}")
    else:
        previous = baseline.load(baseline_path)
        if previous is None:
            print(
                f"note: no baseline at {baseline_path}; run with --update-baseline to set one",
                file=sys.stderr,
            )
        else:
            regressions = baseline.compare(results, previous)
    paths = write_reports(results, regressions, Path(args.out))
    _print_summary(results)
    print(
        f"eval wall time: {results['seconds']:.1f} s; reports: " + ", ".join(str(p) for p in paths)
    )
    if regressions:
        print("REGRESSIONS against the baseline:", file=sys.stderr)
        for line in regressions:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _print_summary(results: dict[str, Any]) -> None:
    retrieval = results.get("retrieval")
    if retrieval:
        print(f"{'mode':<8} {'recall@1':>9} {'recall@5':>9} {'MRR@10':>8}")
        for mode, m in retrieval["modes"].items():
            flag = "  (default)" if mode == retrieval["default_mode"] else ""
            print(
                f"{mode:<8} {m['recall@1']:>9.3f} {m['recall@5']:>9.3f} {m['mrr@10']:>8.3f}{flag}"
            )
    for suite in ("scorer", "interview"):
        for key, value in results.get(suite, {}).items():
            if isinstance(value, int | float):
                print(f"{suite}.{key}: {value:g}")
    for grader, splits in results.get("scorer", {}).get("human", {}).items():
        for split, m in splits.items():
            classes = ", ".join(f"{c} {v['mean']:.2f}" for c, v in m["per_class"].items())
            print(
                f"scorer.human.{grader}.{split}: Spearman {m['spearman']:.3f}, strict order "
                f"{m['strict_order_share']:.0%}, MAE {m['mae']:.2f}; means: {classes}"
            )
    held = results.get("scorer", {}).get("semeval_held_out")
    if held:
        print(
            "scorer.semeval_held_out: "
            + ", ".join(f"{d} AUC {held[d]['auc']:.3f}" for d in ("beetle", "sciEntsBank"))
            + (f" ({held['reader']})" if held.get("reader") else "")
        )
    semeval = results.get("scorer", {}).get("semeval")
    if semeval:
        print(
            f"scorer.semeval: AUC {semeval['auc']:.3f}, macro-F1 {semeval['macro_f1']:.3f} "
            f"at threshold {semeval['threshold']:g} ({semeval['answers']} answers)"
        )
