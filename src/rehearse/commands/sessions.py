"""`rehearse sessions list | show ID | export ID --format md|json`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from agent.report import render_markdown
from agent.session_store import SessionStore, SessionStoreError, connect
from rehearse.context import open_layout
from rehearse.errors import UserError


def run(args: argparse.Namespace) -> int:
    layout = open_layout(args)
    if not layout.sessions_db.exists():
        print("No sessions yet: start one with `rehearse interview --plain`.")
        return 0
    try:
        store = SessionStore(connect(layout.sessions_db))
    except SessionStoreError as exc:
        raise UserError(str(exc)) from exc
    if args.sessions_command == "list":
        return _list(store)
    row = store.get(args.id)
    if row is None:
        raise UserError(f"No session {args.id!r}; see `rehearse sessions list`.")
    if args.sessions_command == "show":
        return _show(layout.sessions_db, args.id, row)
    return _export(args, layout.sessions_db, row)


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def _list(store: SessionStore) -> int:
    rows = store.list()
    if not rows:
        print("No sessions yet: start one with `rehearse interview --plain`.")
    for r in rows:
        overall = (r.report or {}).get("overall")
        score = f"{overall:.2f}/5" if overall is not None else "-"
        planned = len(r.config.get("plan", []))
        print(
            f"{r.id}  {_when(r.created)}  {r.status:<11} {r.mode:<8} {planned} questions  {score}"
        )
    return 0


def _transcript(db: Path, session_id: str) -> list[dict]:
    from langgraph.checkpoint.sqlite import SqliteSaver

    from agent.session_store import connect as open_db

    saver = SqliteSaver(open_db(db))
    checkpoint = saver.get({"configurable": {"thread_id": session_id}})
    if not checkpoint:
        return []
    return list(checkpoint["channel_values"].get("transcript", []))


def _show(db: Path, session_id: str, row) -> int:  # type: ignore[no-untyped-def]
    print(f"Session {session_id} ({row.status}, {row.mode}, started {_when(row.created)})")
    for t in _transcript(db, session_id):
        who = {"interviewer": "Interviewer", "candidate": "You", "system": "  "}[t["role"]]
        if t["kind"] == "report":
            continue
        print(f"{who}: {t['text']}")
    if row.report:
        print()
        print(render_markdown(row.report, session_id))
    return 0


def _export(args: argparse.Namespace, db: Path, row) -> int:  # type: ignore[no-untyped-def]
    transcript = _transcript(db, args.id)
    if args.format == "json":
        text = json.dumps(
            {
                "id": row.id,
                "status": row.status,
                "mode": row.mode,
                "created": row.created,
                "config": row.config,
                "report": row.report,
                "transcript": transcript,
            },
            ensure_ascii=False,
            indent=1,
        )
    else:
        if row.report is None:
            text = (
                f"# Session {row.id} ({row.status})\n\nNo report yet: resume it with "
                f"`rehearse interview --resume {row.id}`.\n"
            )
        else:
            text = render_markdown(row.report, row.id)
        text += (
            "\n## Transcript\n\n"
            + "\n".join(
                f"- **{t['role']}** ({t['kind']}): {t['text']}"
                for t in transcript
                if t["kind"] != "report"
            )
            + "\n"
        )
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        print(text)
    return 0
