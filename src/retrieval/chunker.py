"""Sections to chunks: the unit that is embedded, stored and retrieved.

Chunks follow the document's structure. Blocks are packed into chunks of up to `MAX_CHARS`, but
a code block, a table, a question heading with its answer, and a `Q:`/`A:` pair are atomic: a
chunk may be larger than the limit rather than cut one of them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from retrieval.markdown_blocks import Block, ParsedDocument
from retrieval.sections import Section

MAX_CHARS = 1200

_ANSWER_START = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(?:A|Answer)\s*(?:\*\*|__)?\s*:|^\s*(?:→|->)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    heading_path: tuple[str, ...]
    text: str
    start: int
    """Character offset of the chunk in the repaired document text."""
    end: int
    start_line: int
    end_line: int

    @property
    def heading(self) -> str:
        return " > ".join(self.heading_path)

    def embedding_text(self) -> str:
        # The heading path carries the topic ("Kafka > Consumer groups") that a short chunk's
        # body often omits; prefixing it is what lets a question find its section.
        return f"{self.heading}\n\n{self.text}"


def chunk_id_for(doc_id: str, heading_path: tuple[str, ...], text: str) -> str:
    digest = hashlib.sha256("\x1f".join((doc_id, *heading_path, text)).encode("utf-8"))
    return digest.hexdigest()[:20]


def chunk_sections(
    parsed: ParsedDocument, sections: list[Section], doc_id: str, max_chars: int = MAX_CHARS
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in sections:
        for start, end in _pack(parsed, section, max_chars):
            text = parsed.span_text(start, end).strip("\n")
            if not text.strip():
                continue
            char_start, char_end = parsed.char_span(start, end)
            chunks.append(
                Chunk(
                    chunk_id=chunk_id_for(doc_id, section.path, text),
                    doc_id=doc_id,
                    heading_path=section.path,
                    text=text,
                    start=char_start,
                    end=char_end,
                    start_line=start,
                    end_line=end,
                )
            )
    return chunks


def _pack(parsed: ParsedDocument, section: Section, max_chars: int) -> list[tuple[int, int]]:
    if not section.blocks:
        return [(section.start_line, section.end_line)]
    if section.is_question:
        return [(section.start_line, section.end_line)]
    units = _glue_answers(parsed, _units(parsed, section.blocks, max_chars))
    # The heading line belongs to the first unit, so every section's first chunk names it.
    units[0] = (section.start_line, units[0][1])
    packed: list[tuple[int, int]] = []
    for start, end in units:
        if packed and _size(parsed, packed[-1][0], end) <= max_chars:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed


def _units(parsed: ParsedDocument, blocks: list[Block], max_chars: int) -> list[tuple[int, int]]:
    units: list[tuple[int, int]] = []
    for block in blocks:
        start = units[-1][1] if units else block.start_line
        if block.kind == "list" and _size(parsed, start, block.end_line) > max_chars:
            first = True
            for item_start, item_end in block.items:
                units.append((start if first else item_start, item_end))
                first = False
        else:
            units.append((start, block.end_line))
    return units


def _glue_answers(parsed: ParsedDocument, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a unit that opens with an answer (`A:`, `**Answer**:`, `→`) to the one before it,
    and a lead-in that ends with a colon ("**Tasks:**") to the one after it."""
    glued: list[tuple[int, int]] = []
    for start, end in units:
        if glued and (
            _ANSWER_START.match(_first_text_line(parsed, start, end))
            or _last_text_line(parsed, *glued[-1]).rstrip().endswith((":", ":**"))
        ):
            glued[-1] = (glued[-1][0], end)
        else:
            glued.append((start, end))
    return glued


def _first_text_line(parsed: ParsedDocument, start: int, end: int) -> str:
    return next((line for line in parsed.lines[start:end] if line.strip()), "")


def _last_text_line(parsed: ParsedDocument, start: int, end: int) -> str:
    return next((line for line in reversed(parsed.lines[start:end]) if line.strip()), "")


def _size(parsed: ParsedDocument, start: int, end: int) -> int:
    return parsed.line_offsets[end] - parsed.line_offsets[start]
