"""Tables of contents and other navigation: lines that are never questions.

A table of contents repeats the document's questions as links or as a list of their titles;
mining it gave every question a second, answerless copy. Two shapes are recognised: a list or
table whose entries are mostly links to in-page anchors (`[What is X?](#what-is-x)`), and a
list whose items are mostly the titles of headings further down.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from retrieval.markdown_blocks import Block, ParsedDocument
from retrieval.plain_text import clean_inline, strip_numbering

_IN_PAGE_LINK = re.compile(r"\]\(\s*#|href\s*=\s*[\"']#")
_ONLY_A_LINK = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]]+\]\([^)]*\)\s*$")
# Most entries must be navigation for the block to be navigation.
SHARE = 0.6
SAME_TITLE = 90.0


def navigation_lines(parsed: ParsedDocument) -> set[int]:
    """Line numbers of every list or table that is navigation, plus link-only list items."""
    headings = [(b.start_line, _title(b.title)) for b in parsed.blocks if b.kind == "heading"]
    lines: set[int] = set()
    for block in parsed.blocks:
        if block.kind not in ("list", "table"):
            continue
        entries = _entries(parsed, block)
        if len(entries) < 2:
            continue
        if _mostly(entries, lambda e: bool(_IN_PAGE_LINK.search(e))) or (
            block.kind == "list" and _repeats_headings(entries, block, headings)
        ):
            lines.update(range(block.start_line, block.end_line))
    for item in parsed.list_items:  # "- [How big should a service be?](https://...)": a reference
        if _ONLY_A_LINK.match(parsed.lines[item.start_line]):
            lines.add(item.start_line)
    return lines


def _entries(parsed: ParsedDocument, block: Block) -> list[str]:
    if block.kind == "list":
        return [parsed.lines[start] for start, _ in block.items]
    body = parsed.lines[block.start_line + 2 : block.end_line]  # rows after header + separator
    return [row for row in body if row.strip()]


def _mostly(entries: list[str], test: object) -> bool:
    hits = sum(1 for e in entries if test(e))  # type: ignore[operator]
    return hits >= SHARE * len(entries)


def _repeats_headings(entries: list[str], block: Block, headings: list[tuple[int, str]]) -> bool:
    later = [title for line, title in headings if line >= block.end_line and title]
    if not later:
        return False
    hits = sum(
        1
        for e in entries
        if process.extractOne(_title(e), later, scorer=fuzz.ratio, score_cutoff=SAME_TITLE)
    )
    return hits >= SHARE * len(entries)


def _title(text: str) -> str:
    return re.sub(r"\W+", " ", strip_numbering(clean_inline(text)).lower()).strip()
