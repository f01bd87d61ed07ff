"""One turn of the transcript. Candidate and corpus text is shown literally: `[bold]` or
`[link=...]` in an answer is text, never Rich markup."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Markdown, Static


class Turn(Vertical):
    DEFAULT_CSS = """
    Turn { height: auto; margin: 0 0 1 0; }
    Turn .who { color: $text-muted; text-style: bold; }
    Turn.interviewer .who { color: $accent; }
    Turn.candidate { padding-left: 4; }
    Turn.candidate .who { color: $success; }
    Turn.system { color: $text-muted; }
    Turn Markdown { margin: 0; padding: 0; }
    """

    def __init__(self, who: str, text: str, role: str, markdown: bool = False) -> None:
        super().__init__(classes=role)
        self._who = who
        self._text = text
        self._markdown = markdown

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text(self._who), classes="who")
        if self._markdown:
            # Markdown parses Markdown, not Rich markup, so "[bold]" stays literal text.
            yield Markdown(self._text)
        else:
            yield Static(Text(self._text), classes="body")


class StreamingTurn(Static):
    """Interviewer text arriving token by token (LLM mode); replaced by a Turn when done."""

    DEFAULT_CSS = "StreamingTurn { height: auto; color: $accent; margin: 0 0 1 0; }"

    def __init__(self) -> None:
        super().__init__(Text("Interviewer: "))
        self._buffer = ""

    def add(self, token: str) -> None:
        self._buffer += token
        self.update(Text(f"Interviewer: {self._buffer}"))
