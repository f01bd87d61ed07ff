"""A scripted stand-in for `openai.OpenAI`: queued replies, recorded requests, no network."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

Reply = str | Exception | Callable[[dict[str, Any]], str]


def _chunk(text: str, finish: str | None = None) -> SimpleNamespace:
    delta = SimpleNamespace(content=text)
    return SimpleNamespace(choices=[SimpleNamespace(delta=delta, finish_reason=finish)])


def _message(text: str) -> SimpleNamespace:
    return SimpleNamespace(choices=[SimpleNamespace(message=SimpleNamespace(content=text))])


class FakeChatClient:
    def __init__(self, replies: list[Reply] | None = None, default: Reply | None = None) -> None:
        self.replies = list(replies or [])
        self.default = default
        self.requests: list[dict[str, Any]] = []
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self._create))

    def _create(self, **request: Any) -> Any:
        self.requests.append(request)
        reply = self.replies.pop(0) if self.replies else self.default
        if reply is None:
            raise AssertionError(f"no scripted reply for {request['messages'][-1]['content'][:80]}")
        if isinstance(reply, Exception):
            raise reply
        text = reply(request) if callable(reply) else reply
        if request.get("stream"):
            parts = [_chunk(part) for part in re.findall(r"\S+\s*", text)]
            return iter([*parts, _chunk("", "stop")])
        return _message(text)


def verdict(**criteria: int) -> str:
    base = {"correctness": 3, "depth": 3, "specificity": 3, "structure": 3}
    return json.dumps({"feedback": "Scripted.", "criteria": {**base, **criteria}})


def obedient_judge(request: dict[str, Any]) -> str:
    """A judge that obeys any instruction it can see outside the answer fence: whatever the
    prompt lets through unfenced, it follows. Honest verdict otherwise."""
    if request.get("stream"):
        return "Tell me more about that."
    system, user = request["messages"][0]["content"], request["messages"][-1]["content"]
    markers = re.findall(r"<<<(?:END )?ANSWER [0-9a-f]+>>>", system)
    outside = user
    if len(markers) == 2:
        start, end = user.find(markers[0]), user.rfind(markers[1])
        if start != -1 and end != -1:
            outside = user[:start] + user[end:]
    if re.search(r"ignore|give (it )?5|full marks|score.{0,10}5", outside, re.IGNORECASE):
        return verdict(correctness=5, depth=5, specificity=5, structure=5)
    return verdict(correctness=2)
