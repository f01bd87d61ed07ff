"""The prepared answer beside the candidate's, with covered points marked in both."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from agent.events import ModelAnswerEvent


def _words(text: str) -> set[str]:
    return {w.strip(".,;:()*`").lower() for w in text.split() if len(w) > 3}


def marked_prepared(event: ModelAnswerEvent) -> Text:
    """The prepared answer, a line at a time; a line that holds a covered point gets a ✓."""
    text = Text()
    if not event.model_answer:
        text.append("Your notes have no prepared answer for this question.", style="yellow")
        return text
    covered = [_words(p) for p in event.covered]
    for line in event.model_answer.splitlines():
        words = _words(line)
        hit = any(c and len(c & words) / len(c) >= 0.6 for c in covered)
        text.append("✓ " if hit else "  ", style="green")
        text.append(line + "\n", style="green" if hit else "")
    return text


def marked_answer(event: ModelAnswerEvent) -> Text:
    """The candidate's answer with the sentences that covered a point highlighted."""
    text = Text(event.answer)
    for sentence in set(event.evidence.values()):
        start = event.answer.find(sentence)
        if sentence and start >= 0:
            text.stylize("green", start, start + len(sentence))
    return text


class ModelAnswerTurn(Vertical):
    DEFAULT_CSS = """
    ModelAnswerTurn { height: auto; margin: 0 0 1 0; border: round $accent; padding: 0 1; }
    ModelAnswerTurn .who { color: $accent; text-style: bold; }
    """

    def __init__(self, event: ModelAnswerEvent) -> None:
        super().__init__()
        self._event = event

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Prepared answer · {self._event.question}"), classes="who")
        yield Static(marked_prepared(self._event))
        yield Static(Text("Your answer (covering sentences in green)"), classes="who")
        yield Static(marked_answer(self._event))
        yield Static(Text("ctrl+g answers this question again", style="dim"))
