"""The answer timer: a countdown per question that means something when it runs out.

Pure (no widgets), so its rules are tested without an app. Modes, from the interview config:
`off` shows no countdown; `warn` says once that time is up; `submit` (the default) says so,
then after a grace period submits what has been typed, which the transcript marks. Nothing typed
is ever dropped: an answer sent after the limit is only marked "over time".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

GRACE_S = 30.0

Due = Literal["warn", "grace", "submit"]


class AnswerTimer:
    def __init__(
        self, config: Mapping[str, Any], clock: Callable[[], float], grace_s: float = GRACE_S
    ) -> None:
        self.limit: float | None = config.get("answer_time_limit_s") or None
        self.mode: str = config.get("timer_mode") or "submit"
        self.grace_s = grace_s
        self._clock = clock
        self._asked_at = clock()
        self._said: set[str] = set()

    @property
    def active(self) -> bool:
        return self.limit is not None and self.mode != "off"

    def restart(self) -> None:
        """A new question (not a repeat): the clock starts again."""
        self._asked_at = self._clock()
        self._said.clear()

    def left(self) -> float:
        return (self.limit or 0.0) - (self._clock() - self._asked_at)

    def overdue(self) -> bool:
        return self.limit is not None and self.left() < 0

    def status(self) -> str:
        if not self.active:
            return ""
        left = self.left()
        shown = max(int(left), 0)
        text = f"answer time left {shown // 60:02d}:{shown % 60:02d}"
        if left >= 0:
            return text
        if self.mode == "submit":
            grace = max(int(self.grace_s + left), 0)
            return f"{text} (time up: submitting in {grace} s)"
        return f"{text} (time up)"

    def due(self) -> Due | None:
        """What should happen now, each at most once per question."""
        if not self.active or self.left() >= 0:
            return None
        if self.mode == "warn":
            return self._once("warn")
        if self.left() <= -self.grace_s:
            return self._once("submit")
        return self._once("grace")

    def _once(self, what: Due) -> Due | None:
        if what in self._said:
            return None
        self._said.add(what)
        return what
