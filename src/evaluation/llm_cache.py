"""A disk cache in front of an OpenAI-compatible client, for eval runs.

Keyed by model, messages and parameters, so a re-run costs nothing and CI can replay a run
recorded elsewhere. Only the reply text is stored: never the API key or the base URL.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any


class CachedClient:
    def __init__(self, client: Any, directory: Path) -> None:
        self._client = client
        self._dir = directory
        self._dir.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self._create))

    def _key(self, request: dict[str, Any]) -> str:
        stable = json.dumps(request, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(stable.encode("utf-8")).hexdigest()

    def _create(self, **request: Any) -> Any:
        path = self._dir / f"{self._key(request)}.json"
        if path.exists():
            self.hits += 1
            text = json.loads(path.read_text(encoding="utf-8"))["text"]
        else:
            self.misses += 1
            text = self._call(request)
            path.write_text(
                json.dumps({"model": request.get("model"), "text": text}), encoding="utf-8"
            )
        if request.get("stream"):
            delta = SimpleNamespace(content=text)
            choice = SimpleNamespace(delta=delta, finish_reason="stop")
            return iter([SimpleNamespace(choices=[choice])])
        message = SimpleNamespace(content=text)
        return SimpleNamespace(choices=[SimpleNamespace(message=message)])

    def _call(self, request: dict[str, Any]) -> str:
        response = self._client.chat.completions.create(**request)
        if request.get("stream"):
            return "".join(c.choices[0].delta.content or "" for c in response if c.choices)
        return response.choices[0].message.content or ""
