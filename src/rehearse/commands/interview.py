"""`rehearse interview`: start or resume an interview."""

from __future__ import annotations

import argparse
import sys

from rehearse.context import configured_llm, llm_settings, open_layout
from rehearse.errors import UserError


def run(args: argparse.Namespace) -> int:
    if not args.plain and sys.stdin.isatty() and sys.stdout.isatty():
        return _run_app(args)
    return _run_plain(args)


def _run_plain(args: argparse.Namespace) -> int:
    # Imported here: the app path must paint its first screen before langgraph has loaded.
    from agent.assembly import assemble
    from agent.session import InterviewSession, SessionNotFound
    from agent.session_store import SessionStoreError
    from rehearse.plain import run_plain

    layout = open_layout(args)
    try:
        assembled = assemble(layout, args.rubric, llm=llm_settings(args))
    except (SessionStoreError, ValueError) as exc:
        raise UserError(str(exc)) from exc
    if args.resume:
        try:
            session = InterviewSession.resume(assembled.graph, assembled.store, args.resume)
        except SessionNotFound as exc:
            raise UserError(str(exc)) from exc
        if session.finished:
            print(f"Session {args.resume} is finished; its report:", file=sys.stderr)
    else:
        config = {
            "n_questions": args.questions,
            "docs": args.doc or [],
            "topics": args.topic or [],
            "difficulty": args.difficulty,
            "max_follow_ups": args.follow_ups,
            "time_limit_s": args.time_limit * 60 if args.time_limit else None,
            "seed": args.seed if args.seed is not None else _seed(),
            "avoid": assembled.store.recent_questions(),
        }
        session = InterviewSession.create(assembled.graph, assembled.store, config, assembled.mode)
    try:
        return run_plain(session)
    except KeyboardInterrupt:
        print(
            f"\nInterrupted. Nothing is lost: rehearse interview --resume {session.session_id}",
            file=sys.stderr,
        )
        return 130


def _seed() -> int:
    import secrets

    return secrets.randbelow(2**31)


def _run_app(args: argparse.Namespace) -> int:
    """The Textual app; it indexes the corpus itself on first run, with a progress bar."""
    from agent.launcher import Launcher
    from rehearse.settings import DEFAULT_CORPUS
    from tui.app import make_app

    # A configured endpoint is offered on the start screen even without --llm openai, which
    # only makes it the preselected interviewer.
    wants_llm = args.llm == "openai"
    llm = llm_settings(args) if wants_llm else configured_llm(args)
    launcher = Launcher(
        open_layout(args),
        DEFAULT_CORPUS,
        llm=llm,
        rubric=args.rubric,
        chroma_url=args.chroma_url,
        prefer_llm=wants_llm,
    )
    make_app(launcher, resume=args.resume).run()
    return 0
