"""The `rehearse` console script: one argparse tree, one small function per command.

Heavy modules (torch, chromadb, textual) are imported inside the command that needs them, so
`rehearse --help` answers instantly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from rehearse import __version__

EPILOG = """\
first steps:
  rehearse                        open the app: choose, answer, see scores and a report
  rehearse ingest                 index the notes in ./corpus (re-run after editing them)
  rehearse interview --plain      a 5-question mock interview in this terminal
  rehearse sessions list          past interviews; export one with `sessions export ID`
  rehearse questions              list the questions mined from your notes
  rehearse eval retrieval         measure how well search finds each question's section
  rehearse grade --input a.jsonl  grade answers against reference answers, offline
  rehearse doctor                 check that notes, index and any LLM endpoint are ready

data lives in a per-user data dir; override it with --data-dir or REHEARSE_DATA_DIR.
"""


def _store_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("storage")
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the index, question bank and sessions live (env REHEARSE_DATA_DIR; "
        "default: your per-user data dir)",
    )
    group.add_argument(
        "--chroma-url",
        metavar="URL",
        help="use a Chroma server at http://HOST:PORT instead of the local store "
        "(env REHEARSE_CHROMA_URL)",
    )
    return parent


def _llm_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("model (for --llm openai)")
    group.add_argument(
        "--llm",
        choices=["offline", "openai"],
        default="offline",
        help="offline (default: no generative model) or any OpenAI-compatible "
        "endpoint: OpenAI, Ollama, vLLM, llama.cpp server",
    )
    group.add_argument(
        "--base-url",
        metavar="URL",
        help="endpoint, e.g. http://127.0.0.1:11434/v1 (env OPENAI_BASE_URL)",
    )
    group.add_argument("--model", metavar="NAME", help="model name (env REHEARSE_MODEL)")
    group.add_argument(
        "--api-key",
        metavar="KEY",
        help="API key; prefer the env var OPENAI_API_KEY, which no process listing shows",
    )
    group.add_argument("--timeout", metavar="SECONDS", help="per-call timeout (default 60)")
    return parent


def build_parser() -> argparse.ArgumentParser:
    store = _store_options()
    llm = _llm_options()
    parser = argparse.ArgumentParser(
        prog="rehearse",
        description="Mock interviews grounded in your own interview-prep notes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rehearse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest",
        parents=[store],
        help="index prep notes (Markdown/text) for search and questions",
        description="Chunk, embed and index prep notes, and mine their questions. Re-running is "
        "incremental: unchanged files are not re-embedded, changed files replace their chunks, "
        "deleted files (under the given paths) leave the index.",
    )
    ingest.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders to index (default: ./corpus)"
    )
    ingest.set_defaults(run=_run("rehearse.commands.ingest"))

    questions = commands.add_parser(
        "questions",
        parents=[store],
        help="list the question bank mined from your notes",
    )
    questions.add_argument(
        "--doc",
        action="append",
        metavar="D",
        help="only questions from documents whose name contains D",
    )
    questions.add_argument(
        "--topic",
        action="append",
        metavar="T",
        help="only questions whose headings or text contain T",
    )
    questions.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    questions.add_argument(
        "--all-kinds", action="store_true", help="include questions you plan to ask the interviewer"
    )
    questions.add_argument("--answers", action="store_true", help="print the prepared answers")
    questions.add_argument("--json", action="store_true", help="print JSON, one array")
    questions.set_defaults(run=_run("rehearse.commands.questions"))

    interview = commands.add_parser(
        "interview",
        parents=[store, llm],
        help="take a mock interview (the app on a terminal; --plain for text)",
        description="A mock interview from your notes: questions from the bank, follow-ups on "
        "what your answer missed, a score per answer and a report at the end. Every turn is "
        "saved; resume a stopped interview with --resume ID.",
    )
    interview.add_argument(
        "--plain",
        action="store_true",
        help="plain text on stdin/stdout instead of the app (automatic when stdin is not a "
        "terminal)",
    )
    interview.add_argument(
        "--start",
        action="store_true",
        help="in the app: begin at once with these choices instead of showing the start screen",
    )
    interview.add_argument("--resume", metavar="ID", help="continue session ID where it stopped")
    interview.add_argument(
        "-n",
        "--questions",
        type=_positive,
        default=5,
        metavar="N",
        help="number of questions (default 5)",
    )
    interview.add_argument(
        "--doc",
        action="append",
        metavar="D",
        help="only documents whose name contains D (repeatable)",
    )
    interview.add_argument(
        "--topic",
        action="append",
        metavar="T",
        help="only questions whose headings or text contain T (repeatable)",
    )
    interview.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    interview.add_argument(
        "--follow-ups",
        type=int,
        default=2,
        metavar="K",
        help="at most K follow-ups per question (default 2; 0 for none)",
    )
    interview.add_argument(
        "--time-limit", type=_minutes, metavar="MINUTES", help="wrap up after this many minutes"
    )
    interview.add_argument(
        "--answer-minutes",
        type=_minutes,
        metavar="MINUTES",
        help="time per answer, shown as a countdown in the app (default: no limit)",
    )
    interview.add_argument(
        "--timer",
        choices=["off", "warn", "submit"],
        default="submit",
        help="when an answer's time is up: off (no countdown), warn (say so), submit (say so, "
        "then submit what is typed after a 30 s grace period; the default)",
    )
    interview.add_argument("--seed", type=int, help="fix the question order (for scripts)")
    interview.add_argument(
        "--rubric",
        metavar="FILE",
        help="rubric: default, system_design, behavioural, or a YAML file of your own",
    )
    interview.set_defaults(run=_run("rehearse.commands.interview"))

    sessions = commands.add_parser(
        "sessions", parents=[store], help="list, show or export past interviews"
    )
    sessions_commands = sessions.add_subparsers(
        dest="sessions_command", metavar="ACTION", required=True
    )
    sessions_commands.add_parser("list", parents=[store], help="recent sessions")
    show = sessions_commands.add_parser("show", parents=[store], help="a session's transcript")
    show.add_argument("id", metavar="ID")
    export = sessions_commands.add_parser(
        "export", parents=[store], help="a session's report as Markdown or JSON"
    )
    export.add_argument("id", metavar="ID")
    export.add_argument("--format", choices=["md", "json"], default="md")
    export.add_argument(
        "--output",
        metavar="FILE",
        help="where to write it; '-' for standard output (default: the data dir's exports/)",
    )
    sessions.set_defaults(run=_run("rehearse.commands.sessions"))

    grade = commands.add_parser(
        "grade",
        parents=[llm],
        help="grade a batch of answers (JSONL in, JSONL out)",
        description="Grade answers against reference answers. Each input line is "
        '{"id", "question", "reference": str or [str], "answer", "key_points": [str] (optional)}; '
        'each output line is {"id", "score" (1-5), "criteria", "covered", "missing", "scorer", '
        '"confidence" (0-1)}. Bad lines are reported by number and skipped.',
    )
    grade.add_argument("--input", required=True, metavar="IN.jsonl")
    grade.add_argument("--output", metavar="OUT.jsonl", help="default: standard output")
    grade.add_argument(
        "--rubric",
        metavar="FILE",
        help="rubric: default, system_design, behavioural, or a YAML file of your own",
    )
    grade.set_defaults(run=_run("rehearse.commands.grade"))

    config = commands.add_parser(
        "config", parents=[store, llm], help="show effective settings and where each came from"
    )
    config.set_defaults(run=_run("rehearse.commands.config"))
    doctor = commands.add_parser(
        "doctor", parents=[store, llm], help="check corpus, index and the LLM endpoint"
    )
    doctor.set_defaults(run=_run("rehearse.commands.doctor"))

    evaluate = commands.add_parser(
        "eval",
        parents=[store, llm],
        help="offline eval suites: scorer, retrieval, interview, mining, all",
        description="Measure Rehearse itself against golden answers: the grader (answer "
        "variants, SemEval-2013), retrieval (golden question -> section) and the interviewer "
        "(simulated candidates). Writes results.json, report.md and report.html, and exits 1 "
        "when a metric regressed beyond its tolerance against the baseline.",
    )
    evaluate.add_argument(
        "suite",
        nargs="?",
        default="all",
        choices=["scorer", "retrieval", "interview", "mining", "all"],
    )
    evaluate.add_argument(
        "--out",
        metavar="DIR",
        default="eval-results",
        help="folder for result files (default: eval-results)",
    )
    evaluate.add_argument("--baseline", metavar="FILE", default="evals/baseline.json")
    evaluate.add_argument(
        "--update-baseline",
        action="store_true",
        help="write this run's figures as the new baseline",
    )
    evaluate.add_argument(
        "--cases",
        metavar="FILE",
        default="evals/scorer_cases.jsonl",
        help="scorer cases (answer variants per golden question)",
    )
    evaluate.add_argument(
        "--write-datasets",
        action="store_true",
        help="(re)build the scorer cases from the current question bank",
    )
    evaluate.add_argument(
        "--golden",
        metavar="FILE",
        default="evals/retrieval_golden.jsonl",
        help="golden question -> section pairs",
    )
    evaluate.add_argument(
        "--write-golden",
        action="store_true",
        help="(re)write the golden pairs from the current question bank",
    )
    evaluate.add_argument(
        "--semeval", metavar="DIR", help="SemEval-2013 data (default: ../shared/data/semeval2013)"
    )
    evaluate.add_argument(
        "--semeval-every",
        type=_positive,
        default=2,
        metavar="N",
        help="use every Nth SemEval answer (default 2; 1 for all)",
    )
    evaluate.add_argument(
        "--sessions",
        type=_positive,
        default=6,
        metavar="N",
        help="simulated interview sessions per persona (default 6)",
    )
    evaluate.add_argument(
        "--cache",
        metavar="DIR",
        default="evals/llm-cache",
        help="LLM reply cache for --llm openai (replayed on re-runs)",
    )
    evaluate.set_defaults(run=_run("rehearse.commands.eval"))
    return parser


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0 < value <= 24 * 60:
        raise argparse.ArgumentTypeError("minutes must be more than 0 and at most 1440")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _run(module: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        import importlib

        return importlib.import_module(module).run(args)

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        # Plain `rehearse` starts an interview: that is what people install it for.
        args = parser.parse_args(["interview", *(argv or [])])
    from rehearse.errors import USER_ERRORS

    try:
        return args.run(args)
    except USER_ERRORS as exc:
        print(f"rehearse: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rehearse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _closed_pipe()


def _closed_pipe() -> int:
    """The reader went away (`rehearse questions | head`): stop quietly, as `cat` does.
    stdout is pointed at devnull so the interpreter's final flush cannot raise again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
