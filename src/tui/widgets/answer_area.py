"""The answer box: a TextArea that submits its own text, in keystroke order.

Why this exists: a submit key bound on the screen or app with priority runs the moment the key
arrives, while keystrokes and pastes that came just before it may still wait in the TextArea's
queue. Pasting and submitting at once then sent only the first part, and the rest spilled into
the next question's box. Bound here, submit runs in the TextArea's own queue, after everything
typed before it and before everything typed after it. The box locks itself as it submits, so
a second submit cannot send text typed for the next turn while this one is being scored; what is
typed meanwhile stays in the box.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class AnswerArea(TextArea):
    BINDINGS = [Binding("ctrl+s", "submit", "Submit", show=True)]

    class Submitted(Message):
        def __init__(self, text: str, timed_out: bool = False) -> None:
            super().__init__()
            self.text = text
            self.timed_out = timed_out

    class Refused(Message):
        """Submit pressed with nothing to send, or while the last turn is still scored."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(soft_wrap=True, tab_behavior="indent", **kwargs)
        self.locked = False
        """True from a submit until the screen has the interviewer's reply."""

    def action_submit(self) -> None:
        self.submit()

    def submit(self, timed_out: bool = False) -> None:
        if self.locked:
            self.post_message(self.Refused("One moment: the last answer is still being scored."))
            return
        text = self.text
        if not text.strip() and not timed_out:
            self.post_message(self.Refused("Write an answer first, or ctrl+k to skip."))
            return
        self.locked = True
        self.clear()
        self.post_message(self.Submitted(text, timed_out))
