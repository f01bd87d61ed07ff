"""The report: `agent.report_lines` styled for the terminal, two labelled charts, export to
Markdown and JSON (into the data dir's exports/ folder), and a way back to start another."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Sparkline, Static

from agent.exporting import export_report
from agent.report import Report
from agent.report_lines import Line, report_lines
from agent.state import Turn
from tui.navigator import Navigator

_STYLE = {
    "title": "bold",
    "overall": "bold",
    "section": "bold underline",
    "question": "bold",
    "meta": "dim",
    "covered": "green",
    "covered_late": "green",
    "missed": "red",
    "reread": "cyan",
    "notice": "yellow",
    "attempt": "magenta",
    "answer": "italic",
}
_MARK = {"covered": "✓ ", "covered_late": "✓ ", "missed": "✗ ", "item": "• ", "criterion": "  "}
_INDENT = {"meta", "status", "answer", "covered", "covered_late", "missed", "notice", "reread"}


def styled(lines: list[Line]) -> Text:
    text = Text()
    for line in lines:
        if line.kind in ("section", "question"):
            text.append("\n")
        indent = "   " if line.kind in _INDENT or line.kind in ("model_answer", "attempt") else ""
        body = line.text
        if line.kind == "model_answer":
            body = "Prepared answer:\n" + "\n".join(f"   │ {row}" for row in body.splitlines())
        text.append(f"{indent}{_MARK.get(line.kind, '')}{body}\n", style=_STYLE.get(line.kind, ""))
    return text


def _chart_label(values: list[float], what: str) -> str:
    return f"{what} (1-5): low {min(values):.1f}, high {max(values):.1f}"


class ReportScreen(Screen):
    BINDINGS = [
        Binding("m", "export('md')", "Export Markdown"),
        Binding("j", "export('json')", "Export JSON"),
        Binding("n", "new", "New interview"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(
        self,
        session_id: str,
        report: Report,
        history: list[dict[str, Any]],
        transcript: list[Turn],
        export_dir: Path,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.report = report
        self.history = history
        self.transcript = transcript
        self.export_dir = export_dir

    def compose(self) -> ComposeResult:
        yield Header()
        lines = report_lines(self.report)
        split = next((i for i, line in enumerate(lines) if line.kind == "section"), len(lines))
        head, body = lines[:split], lines[split:]
        with VerticalScroll(id="report"):
            yield Static(styled(head), id="summary")
            scores = self.report.scores
            if len(scores) > 1:  # one bar says nothing a number does not
                yield Label(_chart_label(scores, "Score per answer, in order"))
                yield Sparkline(scores, id="session-spark")
            past = [
                h["overall"]
                for h in reversed(self.history)
                if h.get("overall") and h.get("session_id") != self.session_id
            ]
            if self.report.overall is not None:
                past.append(self.report.overall)
            if len(past) > 1:
                yield Label(_chart_label(past, "Overall per session, oldest first"))
                yield Sparkline(past, id="history-spark")
            yield Static(styled(body), id="questions")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Rehearse · report for session {self.session_id}"

    def action_export(self, kind: str) -> None:
        try:
            path = export_report(
                self.session_id,
                self.report,
                self.transcript,
                "json" if kind == "json" else "md",
                self.export_dir,
            )
        except OSError as exc:
            self.notify(f"Could not write the export: {exc}", severity="error")
            return
        self.notify(f"Saved {path}")

    def action_new(self) -> None:
        cast(Navigator, self.app).back_to_start()
