"""A small OpenAI-compatible HTTP server on 127.0.0.1 that misbehaves on purpose.

`behaviour` decides every reply: ok, timeout, 429 (with Retry-After), 500, stream_cut,
invalid_json, invalid_schema, empty. Requests are recorded. Started and stopped by tests.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

VERDICT = {
    "feedback": "fine",
    "criteria": {"correctness": 4, "depth": 3, "specificity": 3, "structure": 4},
}


class FaultServer:
    def __init__(self, behaviour: str = "ok") -> None:
        self.behaviour = behaviour
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def do_GET(self) -> None:  # /v1/models
                self._json(200, {"object": "list", "data": [{"id": "tiny", "object": "model"}]})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                server.reply(self, body)

            def _json(self, status: int, payload: Any, headers: dict | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self._handler = Handler
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._http.shutdown()
        self._http.server_close()

    def reply(self, h: Any, body: dict[str, Any]) -> None:
        mode = self.behaviour
        if mode == "timeout":
            time.sleep(3)
            return self._complete(h, body, "late")
        if mode == "429":
            return h._json(429, {"error": {"message": "slow down"}}, {"Retry-After": "0.2"})
        if mode == "500":
            return h._json(500, {"error": {"message": "boom"}})
        if body.get("stream"):
            return self._stream(h, "How would you approach this problem?", cut=mode == "stream_cut")
        content = {
            "invalid_json": "this is { not json",
            "invalid_schema": json.dumps({"feedback": "x", "criteria": {"correctness": 9}}),
            "empty": "",
        }.get(mode, json.dumps(VERDICT))
        return self._complete(h, body, content)

    def _complete(self, h: Any, body: dict[str, Any], content: str) -> None:
        h._json(
            200,
            {
                "id": "c1",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model"),
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": content},
                    }
                ],
            },
        )

    def _stream(self, h: Any, text: str, cut: bool) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.end_headers()
        words = text.split(" ")
        for i, word in enumerate(words):
            chunk = {
                "id": "s1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "m",
                "choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}],
            }
            h.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            h.wfile.flush()
            if cut and i == 1:
                h.wfile.write(b'data: {"id": "s1", "choi')  # cut mid-event
                h.wfile.flush()
                h.close_connection = True
                return
        done = {
            "id": "s1",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
        }
        h.wfile.write(f"data: {json.dumps(done)}\n\n".encode())
        h.wfile.write(b"data: [DONE]\n\n")
