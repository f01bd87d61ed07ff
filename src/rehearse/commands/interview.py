"""`rehearse interview`: start or resume an interview."""

from __future__ import annotations

import argparse
import sys

from agent.assembly import assemble
from agent.session import InterviewSession, SessionNotFound
from agent.session_store import SessionStoreError
from rehearse.context import llm_settings, open_layout
from rehearse.errors import UserError
from rehearse.plain import run_plain


def run(args: argparse.Namespace) -> int:
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
