"""A Markdown document as a flat list of top-level blocks with their line spans.

Chunking and question mining both need the same view of a document: which lines form a heading,
a paragraph, a list (and its items), a code block or a table, so that neither ever cuts through
one of them. markdown-it-py does the parsing; this module only flattens its token stream.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

BlockKind = str  # "heading", "paragraph", "list", "code", "table", "rule", "quote", "html"

_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "fence": "code",
    "code_block": "code",
    "table_open": "table",
    "hr": "rule",
    "blockquote_open": "quote",
    "html_block": "html",
}


@dataclass(frozen=True)
class Block:
    """One top-level block: lines [start_line, end_line) of the source."""

    kind: BlockKind
    start_line: int
    end_line: int
    level: int = 0
    """Heading level 1-6 for ATX headings; 0 otherwise."""
    title: str = ""
    """Inline text of a heading."""
    items: tuple[tuple[int, int], ...] = field(default=())
    """Line spans of a list's top-level items."""


@dataclass(frozen=True)
class ListItem:
    """A list item at any depth: lines [start_line, end_line), nested content included."""

    start_line: int
    end_line: int
    depth: int
    list_id: int
    """Items with the same list_id are siblings in one list."""


@dataclass(frozen=True)
class ParsedDocument:
    text: str
    lines: list[str]
    line_offsets: list[int]
    """Character offset at which each line starts; one extra entry for the end of the text."""
    blocks: list[Block]
    list_items: list[ListItem]

    def span_text(self, start_line: int, end_line: int) -> str:
        return "".join(self.lines[start_line:end_line])

    def char_span(self, start_line: int, end_line: int) -> tuple[int, int]:
        return self.line_offsets[start_line], self.line_offsets[end_line]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def parse_markdown(text: str) -> ParsedDocument:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    for index, token in enumerate(tokens):
        if token.level != 0 or token.map is None or token.type not in _KINDS:
            continue
        start, end = token.map
        kind = _KINDS[token.type]
        if kind == "heading":
            # Setext headings ("Title\n-----") are used in notes as underlined labels inside an
            # answer, not as document structure: treat them as text so they never cut an answer.
            if token.markup in ("=", "-"):
                blocks.append(Block("paragraph", start, end))
                continue
            title = tokens[index + 1].content.strip()
            blocks.append(Block("heading", start, end, level=int(token.tag[1]), title=title))
        elif kind == "list":
            items = tuple(
                tuple(t.map)
                for t in tokens[index + 1 :]
                if t.type == "list_item_open" and t.level == 1 and t.map and start <= t.map[0] < end
            )
            blocks.append(Block("list", start, end, items=_close_item_spans(items, end)))
        else:
            blocks.append(Block(kind, start, end))
    return ParsedDocument(text, lines, offsets, blocks, _list_items(tokens, len(lines)))


def _list_items(tokens: list, line_count: int) -> list[ListItem]:
    """Every list item with its span; an item runs until its next sibling or its list's end."""
    items: list[ListItem] = []
    stack: list[tuple[int, int]] = []  # (list token index, list end line)
    open_items: dict[int, list[int]] = {}
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            end = token.map[1] if token.map else line_count
            stack.append((index, end))
            open_items[index] = []
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_index, end = stack.pop()
            starts = open_items.pop(list_index)
            for i, start in enumerate(starts):
                stop = starts[i + 1] if i + 1 < len(starts) else end
                items.append(ListItem(start, stop, len(stack), list_index))
        elif token.type == "list_item_open" and token.map and stack:
            open_items[stack[-1][0]].append(token.map[0])
    return sorted(items, key=lambda item: (item.start_line, item.depth))


def _close_item_spans(items: tuple, list_end: int) -> tuple[tuple[int, int], ...]:
    """Make item spans contiguous: each item runs to the next one (blank lines included)."""
    spans = []
    for i, (start, _end) in enumerate(items):
        stop = items[i + 1][0] if i + 1 < len(items) else list_end
        spans.append((start, stop))
    return tuple(spans)
