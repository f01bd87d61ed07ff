"""Key points of a prepared answer: the units a candidate's answer is checked against.

An answer's bullets are its points; prose is split into sentences. A short label that introduces
bullets ("Immutable objects:") is kept as a prefix of each bullet, because "Their value cannot
change" means nothing without it. Code blocks are part of the golden answer but not points: a
candidate speaks, they do not recite code.
"""

from __future__ import annotations

import re

from retrieval.plain_text import clean_inline, strip_label

MAX_POINTS = 12

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s*[-=_*]{3,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")


def key_points(answer: str, max_points: int = MAX_POINTS) -> list[str]:
    points: list[str] = []
    label = ""
    paragraph: list[str] = []
    in_code = False

    def flush() -> None:
        if paragraph:
            points.extend(_sentences(" ".join(paragraph)))
            paragraph.clear()

    for raw in answer.splitlines():
        if raw.strip().startswith(("```", "~~~")):
            flush()
            in_code = not in_code
            continue
        if in_code or _RULE.match(raw) or _TABLE_SEPARATOR.match(raw):
            continue
        if not raw.strip():
            flush()
            continue
        if raw.lstrip().startswith("|"):
            flush()
            cells = [clean_inline(c) for c in raw.strip().strip("|").split("|")]
            points.append(" — ".join(c for c in cells if c))
            continue
        text = strip_label(clean_inline(raw))
        if raw.lstrip().startswith("#"):
            flush()
            label = text.lstrip("#").strip().rstrip(":")
            continue
        if _is_label(text):
            flush()
            label = text.rstrip(":").strip()
            continue
        if _BULLET.match(raw):
            flush()
            points.append(f"{label}: {text}" if label else text)
        else:
            paragraph.append(text)
    flush()
    return _dedupe([p for p in (_tidy(p) for p in points) if _worth_keeping(p)])[:max_points]


def _is_label(text: str) -> bool:
    return text.endswith(":") and len(text.split()) <= 6


_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|approx|cf|incl|esp)\.$", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in (s.strip() for s in _SENTENCE_END.split(text)):
        if out and _ABBREVIATION.search(out[-1]):  # "e.g. 255.255.255.0" is one sentence
            out[-1] = f"{out[-1]} {piece}"
        elif piece:
            out.append(piece)
    return out


def _tidy(point: str) -> str:
    return point.strip().strip('"“”').strip()


def _worth_keeping(point: str) -> bool:
    words = re.findall(r"\w+", point)
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) > 3)


def _dedupe(points: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for point in points:
        key = re.sub(r"\W+", " ", point.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(point)
    return out
