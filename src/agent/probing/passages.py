"""Passages of the notes as plain sentences, for hints and clarifying answers.

Chunks are Markdown: bullets, bold, code ticks, quotes, arrows and labels ("Goal: ...") would
read as noise inside a hint or an answer, so they go before a sentence is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_WORDS = 6
"""Shorter pieces are headings, labels or fragments, not sentences to quote..."""
MIN_WORDS_WITH_NUMBER = 3
"""...unless they carry a number: "Current scale: 1M bets/day, 500K customers." is a fact."""


def clean(sentence: str) -> str:
    """A passage sentence as plain words: no bullets, arrows, bold, code ticks or quotes."""
    text = re.sub(r"^\s*(?:[-*+>→]|\d+[.)])\s*", "", sentence)
    text = re.sub(r"\*+|__|`|^[\"“”']+|[\"“”']+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def sentences(passages: Sequence[str]) -> list[str]:
    """The prose sentences of `passages`, cleaned, in order, without repeats: no headings,
    table rows, questions or lead-ins ending in a colon."""
    pieces = (clean(s) for p in passages for s in re.split(r"(?<=[.!?])\s+|\n+", p))
    kept = [
        s
        for s in pieces
        if (
            len(s.split()) >= MIN_WORDS
            or (len(s.split()) >= MIN_WORDS_WITH_NUMBER and re.search(r"\d", s))
        )
        and not s.startswith(("#", "|"))
        and not s.endswith(("?", ":"))
    ]
    return list(dict.fromkeys(kept))
