"""The side panel: where the current question comes from, and how the last answer scored."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static


class ScorePanel(VerticalScroll):
    DEFAULT_CSS = """
    ScorePanel { width: 40%; min-width: 30; border-left: solid $primary; padding: 0 1; }
    ScorePanel .title { text-style: bold; color: $accent; margin-top: 1; }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text("Source"), classes="title")
        yield Static(Text("-"), id="source")
        yield Static(Text("Last answer"), classes="title")
        yield Static(Text("Answer a question to see its scores here."), id="scores")

    def show_source(self, source: str) -> None:
        self.query_one("#source", Static).update(Text(source))

    def show_grade(self, grade: dict[str, Any], grounded: bool, conceal: bool = False) -> None:
        """`conceal`: a follow-up is about to probe the missed points, so name how many were
        missed but not what they are (that would answer the follow-up)."""
        text = Text()
        text.append(f"{grade['score']:.1f} / 5", style="bold")
        text.append(f"   {grade['scorer']}\n")
        for name, value in grade["criteria"].items():
            text.append(f"{name:<12} {'■' * value}{'□' * (5 - value)} {value}\n")
        sure = grade["confidence"]
        text.append(f"confidence {sure:.2f}", style="bold" if sure >= 0.5 else "yellow")
        if not grounded:
            text.append("  (no prepared answer: graded against passages)", style="yellow")
        text.append("\n")
        for point in grade["covered"]:
            text.append("✓ ", style="green")
            text.append(f"{point}\n")
        if conceal and grade["missing"]:
            text.append(
                f"✗ {len(grade['missing'])} point(s) missed; the follow-up asks about "
                "one of them.\n",
                style="red",
            )
            return self.query_one("#scores", Static).update(text)
        for point in grade["missing"]:
            text.append("✗ ", style="red")
            text.append(f"{point}\n")
        self.query_one("#scores", Static).update(text)
