"""`rehearse ingest [PATH ...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from rehearse.context import open_context
from rehearse.settings import DEFAULT_CORPUS
from retrieval.ingest import IngestReport, ingest
from retrieval.ingest import Progress as IngestProgress


class _RichProgress(IngestProgress):
    def __init__(self, console: Console) -> None:
        self._bar = Progress(
            TextColumn("embedding chunks"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = None

    def start(self, total: int) -> None:
        self._bar.start()
        self._task = self._bar.add_task("embed", total=total)

    def advance(self, n: int) -> None:
        if self._task is not None:
            self._bar.advance(self._task, n)

    def stop(self) -> None:
        self._bar.stop()


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    paths = [Path(p) for p in args.paths] or [DEFAULT_CORPUS]
    ctx = open_context(args)
    report = ingest(paths, ctx.layout, ctx.store, ctx.embedder, _RichProgress(console))
    # Plain prints: one line per file, never wrapped, so scripts can grep them.
    for skipped in report.skipped:
        print(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for notice in report.notices:
        print(f"note: {notice}", file=sys.stderr)
    _print_per_file(report)
    if not report.ok:
        print(
            f"Nothing was ingested from {', '.join(map(str, paths))}: no readable Markdown or "
            "text files.",
            file=sys.stderr,
        )
        return 1
    print(
        f"{report.files} files, {report.chunks} chunks ({report.embedded} embedded, "
        f"{report.deleted} removed), {report.questions} questions "
        f"({report.answered} with prepared answers) in {report.seconds:.1f} s "
        f"-> {ctx.settings.data_dir}"
    )
    return 0


def _print_per_file(report: IngestReport) -> None:
    """Questions found per file, and a warning naming any file that asks but yielded none."""
    for path, found in report.per_file:
        extra = f", {found.to_ask} to ask the interviewer" if found.to_ask else ""
        noun = "question" if found.questions == 1 else "questions"
        print(f"  {path}: {found.questions} {noun}, {found.answered} with answers{extra}")
    for path, found in report.per_file:
        if found.warning:
            print(f"warning: {path}: {found.warning}", file=sys.stderr)
