"""The report: overall and per-criterion scores, each question, what to re-read, trends,
export to Markdown and JSON, and a way back to start another interview."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Sparkline, Static

from agent.report import render_markdown


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
        report: dict[str, Any],
        history: list[dict[str, Any]],
        transcript: list[dict[str, Any]],
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
        with VerticalScroll(id="report"):
            yield Static(self._summary(), id="summary")
            scores = [q["score"] for q in self.report["questions"] if q["score"] is not None]
            if len(scores) > 1:  # one bar says nothing a number does not
                yield Label("Scores across this session")
                yield Sparkline(scores, id="session-spark")
            past = [h["overall"] for h in reversed(self.history) if h.get("overall")]
            if self.report.get("overall") is not None:
                past.append(self.report["overall"])
            if len(past) > 1:
                yield Label(f"Overall across your last {len(past)} sessions")
                yield Sparkline(past, id="history-spark")
            yield Static(self._questions(), id="questions")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Rehearse · report for session {self.session_id}"

    def _summary(self) -> Text:
        r = self.report
        text = Text()
        overall = r.get("overall")
        text.append(
            "Overall " + (f"{overall:.2f} / 5" if overall is not None else "—"), style="bold"
        )
        text.append(
            f"   asked {r['asked']} · answered {r['answered']} · skipped {r['skipped']}"
            f" · {r['mode']}\n\n"
        )
        for name, value in r.get("criteria", {}).items():
            filled = int(round(value))
            text.append(f"{name:<12} {'■' * filled}{'□' * (5 - filled)} {value:.2f}\n")
        for topic, t in r.get("trend", {}).items():
            text.append(f"trend {topic}: {t['before']:.2f} → {t['now']:.2f}\n")
        if r.get("weakest_topics"):
            text.append("Practise next: " + "; ".join(r["weakest_topics"]) + "\n", style="yellow")
        return text

    def _questions(self) -> Text:
        text = Text()
        for i, q in enumerate(self.report["questions"], start=1):
            text.append(f"\n{i}. {q['question']}\n", style="bold")
            text.append(f"   {q['source']}\n", style="dim")
            if q["skipped"]:
                text.append("   skipped\n", style="yellow")
            elif q["score"] is not None:
                crit = ", ".join(f"{k} {v}" for k, v in q["criteria"].items())
                low = " · low confidence" if q.get("low_confidence") else ""
                text.append(f"   {q['score']:.1f}/5 ({crit}) · {q['scorer']}{low}\n")
            for point in q["covered"]:
                text.append("   ✓ ", style="green")
                text.append(f"{point}\n")
            for point in q["missing"]:
                text.append("   ✗ ", style="red")
                text.append(f"{point}\n")
            for source in q["reread"]:
                text.append(f"   re-read: {source}\n", style="cyan")
        return text

    def action_export(self, kind: str) -> None:
        path = self.export_dir / f"rehearse-{self.session_id}.{kind}"
        if kind == "json":
            payload = {"id": self.session_id, "report": self.report, "transcript": self.transcript}
            content = json.dumps(payload, ensure_ascii=False, indent=1)
        else:
            content = render_markdown(self.report, self.session_id)
        try:
            path.write_text(content, encoding="utf-8")
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"Saved {path}")

    def action_new(self) -> None:
        self.app.back_to_start()  # type: ignore[attr-defined]
