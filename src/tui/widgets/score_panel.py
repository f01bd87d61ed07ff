"""The side panel: where the current question comes from, and how the last answer scored."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from agent.events import ScoreEvent


class ScorePanel(VerticalScroll):
    DEFAULT_CSS = """
    ScorePanel { width: 40%; min-width: 30; border-left: solid $primary; padding: 0 1; }
    ScorePanel .title { text-style: bold; color: $accent; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("Source"), classes="title")
        yield Static(Text("-"), id="source")
        yield Static(Text("Last answer"), classes="title")
        yield Static(Text("Answer a question to see its scores here."), id="scores")
        yield Static(Text(""), id="missed")

    def show_source(self, source: str) -> None:
        self.query_one("#source", Static).update(Text(source))

    def show_grade(self, event: ScoreEvent) -> None:
        """While a follow-up probes the missed points, the session hides them: the panel says
        how many were missed but not which."""
        grade = event.grade
        text = Text()
        text.append(f"{grade.score:.1f} / 5\n", style="bold")
        text.append(f"scored by {grade.scorer}\n", style="dim")
        for name, value in grade.criteria.items():
            text.append(f"{name:<12} {'■' * value}{'□' * (5 - value)} {value}\n")
        text.append(
            f"confidence {grade.confidence:.2f}",
            style="bold" if grade.confidence >= 0.5 else "yellow",
        )
        if not event.grounded:
            text.append("  (no prepared answer: graded against passages)", style="yellow")
        text.append("\n")
        late = set(event.after_follow_up)
        for point in grade.covered:
            text.append("✓ ", style="green")
            text.append(point + (" (after follow-up)" if point in late else "") + "\n")
        self.query_one("#scores", Static).update(text)
        missed = Text()
        if event.missing_hidden and grade.missing:
            missed.append(
                f"✗ {len(grade.missing)} point(s) missed; the follow-up asks about one of them.",
                style="red",
            )
        for point in event.visible_missing:
            missed.append("✗ ", style="red")
            missed.append(f"{point}\n")
        self.query_one("#missed", Static).update(missed)
        self.call_after_refresh(self.reveal_missing)

    def reveal_missing(self) -> None:
        """Scroll so the missed points are in view: they are what to work on."""
        self.scroll_to_widget(self.query_one("#missed", Static), animate=False, top=False)
