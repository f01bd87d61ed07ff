"""`rehearse interview`: start or resume an interview, in the app or in plain text.

Both front ends get their session from the same `Launcher`, and every flag given here reaches
the interview: plain mode starts with them, the app pre-fills its start screen with them (and
begins at once with `--start`).
"""

from __future__ import annotations

import argparse
import sys

from rehearse.context import configured_llm, llm_settings, open_layout
from rehearse.errors import UserError


def run(args: argparse.Namespace) -> int:
    # Plain mode is for scripts and pipes into stdin; a piped stdout alone (`make run | tee`)
    # still gets the app, which draws on the terminal.
    if args.plain or not sys.stdin.isatty():
        return _run_plain(args)
    return _run_app(args)


def interview_config(args: argparse.Namespace) -> dict:
    """The interview the flags ask for (the same keys the start screen fills in)."""
    return {
        "n_questions": args.questions,
        "docs": args.doc or [],
        "topics": args.topic or [],
        "difficulty": args.difficulty,
        "max_follow_ups": args.follow_ups,
        "time_limit_s": args.time_limit * 60 if args.time_limit else None,
        "answer_time_limit_s": args.answer_minutes * 60 if args.answer_minutes else None,
        "timer_mode": args.timer,
        "rubric": args.rubric,
        "seed": args.seed,
    }


def _launcher(args: argparse.Namespace, llm, prefer_llm: bool):  # type: ignore[no-untyped-def]
    from agent.launcher import Launcher
    from rehearse.settings import DEFAULT_CORPUS

    return Launcher(
        open_layout(args),
        DEFAULT_CORPUS,
        llm=llm,
        rubric=args.rubric,
        chroma_url=args.chroma_url,
        prefer_llm=prefer_llm,
        defaults=interview_config(args),  # type: ignore[arg-type]
        start_now=args.start,
    )


def _run_plain(args: argparse.Namespace) -> int:
    # Imported here: the app path must paint its first screen before langgraph has loaded.
    from agent.session import SessionNotFound
    from agent.session_store import SessionStoreError
    from rehearse.plain import run_plain
    from retrieval.layout import IndexMissing

    settings = llm_settings(args)
    launcher = _launcher(args, settings, prefer_llm=settings is not None)
    try:
        if args.resume:
            session = launcher.resume(args.resume)
            if session.finished:
                print(f"Session {args.resume} is finished; its report:", file=sys.stderr)
        else:
            session = launcher.new(launcher.defaults)
    except SessionNotFound as exc:
        raise UserError(str(exc)) from exc
    except (SessionStoreError, IndexMissing, ValueError) as exc:
        raise UserError(str(exc)) from exc
    try:
        return run_plain(session)
    except KeyboardInterrupt:
        print(
            f"\nInterrupted. Nothing is lost: rehearse interview --resume {session.session_id}",
            file=sys.stderr,
        )
        return 130


def _run_app(args: argparse.Namespace) -> int:
    """The Textual app; it indexes the corpus itself on first run, with a progress bar."""
    from tui.app import make_app

    # A configured endpoint is offered on the start screen even without --llm openai, which
    # only makes it the preselected interviewer.
    wants_llm = args.llm == "openai"
    llm = llm_settings(args) if wants_llm else configured_llm(args)
    make_app(_launcher(args, llm, prefer_llm=wants_llm), resume=args.resume).run()
    return 0
