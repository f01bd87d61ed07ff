"""`rehearse sessions list | show ID | export ID --format md|json [--output FILE]`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from agent.exporting import export_report, export_text, transcript_lines
from agent.report_lines import report_lines
from agent.session_store import SessionRow, SessionStore, SessionStoreError
from rehearse.context import open_layout
from rehearse.errors import UserError
from rehearse.plain import plain_line


def run(args: argparse.Namespace) -> int:
    layout = open_layout(args)
    if not layout.sessions_db.exists():
        print("No sessions yet: start one with `rehearse interview`.")
        return 0
    try:
        store = SessionStore.open(layout.sessions_db)
    except SessionStoreError as exc:
        raise UserError(str(exc)) from exc
    if args.sessions_command == "list":
        return _list(store)
    row = store.get(args.id)
    if row is None:
        raise UserError(f"No session {args.id!r}; see `rehearse sessions list`.")
    if args.sessions_command == "show":
        return _show(store, row)
    return _export(args, store, row, layout.exports)


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def _list(store: SessionStore) -> int:
    rows = store.list()
    if not rows:
        print("No sessions yet: start one with `rehearse interview`.")
    for r in rows:
        overall = (r.report or {}).get("overall")
        score = f"{overall:.2f}/5" if overall is not None else "-"
        planned = len(r.config.get("plan", []))
        asked = store.asked(r.id)
        print(
            f"{r.id}  {_when(r.created)}  {r.status:<11} {r.mode:<8} "
            f"{asked} of {planned} questions asked  {score}"
        )
    return 0


def _show(store: SessionStore, row: SessionRow) -> int:
    print(f"Session {row.id} ({row.status}, {row.mode}, started {_when(row.created)})")
    for line in transcript_lines(store.transcript(row.id)):
        print(line)
    report = store.report(row.id)
    if report is not None:
        print()
        for line in report_lines(report):
            print(plain_line(line))
    return 0


def _export(
    args: argparse.Namespace, store: SessionStore, row: SessionRow, exports_dir: Path
) -> int:
    report = store.report(row.id)
    transcript = store.transcript(row.id)
    if args.output == "-":
        sys.stdout.write(export_text(row.id, report, transcript, args.format, row.status))
        return 0
    try:
        path = export_report(
            row.id,
            report,
            transcript,
            args.format,
            exports_dir,
            Path(args.output) if args.output else None,
        )
    except OSError as exc:
        raise UserError(f"cannot write the export: {exc}") from exc
    print(f"wrote {path}", file=sys.stderr)
    return 0
