"""How nodes speak: stream a provider's words to the front end, falling back to the offline
phrasing (visibly) when the model fails; and the passages of the notes a question rests on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langgraph.config import get_stream_writer

from agent.deps import Deps
from agent.providers.base import ProviderError
from retrieval.question_bank import Passage


def speak(
    deps: Deps, pieces: Iterator[str], fallback: Iterator[str], offline_first: bool = False
) -> tuple[str, str | None]:
    """Stream a provider's text to the front end; on failure, use the offline phrasing.
    `offline_first`: in offline mode the fallback is the phrasing meant (STAR probes)."""
    if offline_first and deps.interviewer is deps.fallback_interviewer:
        return "".join(fallback), None
    try:
        write = get_stream_writer()
    except RuntimeError:  # called outside a graph run (unit tests of a node)

        def write(_chunk: Any) -> None:
            return None

    text = ""
    try:
        for piece in pieces:
            text += piece
            write({"token": piece})
        if text.strip():
            return text.strip(), None
        raise ProviderError("the model returned no text")
    except ProviderError as exc:
        if text:
            write({"retract": True})
        return "".join(fallback), f"The model failed ({exc}); the question comes from your notes."


def passages_for(deps: Deps, question_id: str) -> list[Passage]:
    q = deps.question(question_id)
    own = [
        Passage(
            chunk_id=c.chunk_id, doc_id=c.doc_id, heading_path=list(c.heading_path), text=c.text
        )
        for c in (deps.chunks.get(cid) for cid in q.chunk_ids)
        if c is not None
    ]
    return own + list(q.references)
