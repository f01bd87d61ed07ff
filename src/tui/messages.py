"""Messages the interview worker posts to the screen: small, typed, one per happening."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class TurnDone(Message):
    def __init__(self, events: list[Any]) -> None:
        super().__init__()
        self.events = events


class TurnFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class TokenReceived(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class PrepareProgress(Message):
    def __init__(self, what: str, done: int, total: int) -> None:
        super().__init__()
        self.what = what
        self.done = done
        self.total = total


class PrepareDone(Message):
    def __init__(self, problems: list[str], error: str | None = None) -> None:
        super().__init__()
        self.problems = problems
        self.error = error
