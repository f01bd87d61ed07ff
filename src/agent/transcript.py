"""Building transcript turns, and keeping candidate text literal but safe to store and show."""

from __future__ import annotations

import re
from typing import Any

from agent.state import Turn

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """Control characters as visible escapes (`\\x1b`); newlines and tabs stay as they are."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def turn(
    role: str,
    kind: str,
    text: str,
    at: float,
    question_id: str | None = None,
    **data: Any,
) -> Turn:
    out: dict[str, Any] = {
        "role": role,
        "kind": kind,
        "text": text,
        "at": at,
        "question_id": question_id,
    }
    if data:
        out["data"] = data
    return out  # type: ignore[return-value]
