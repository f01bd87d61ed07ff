"""A parsed document cut into heading sections, with question headings kept whole.

A section is a heading and the blocks under it up to the next heading. A heading that is itself
a question ("### 4.1 How does Kafka work?") owns everything beneath it down to the next heading
at its level or above, or the next question heading, so its answer is never cut from it even
when the answer has sub-headings of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval.answer_text import is_answer_heading
from retrieval.markdown_blocks import Block, ParsedDocument
from retrieval.plain_text import clean_inline, is_prompt, looks_like_question


@dataclass
class Section:
    path: tuple[str, ...]
    """Heading titles from the outermost down to this section's own heading."""
    level: int
    start_line: int
    end_line: int
    blocks: list[Block] = field(default_factory=list)
    is_question: bool = False

    @property
    def title(self) -> str:
        return self.path[-1] if self.path else ""


def build_sections(parsed: ParsedDocument, doc_title: str) -> list[Section]:
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    current = Section(path=(doc_title,), level=0, start_line=0, end_line=0)
    for block in parsed.blocks:
        if block.kind != "heading":
            current.blocks.append(block)
            current.end_line = block.end_line
            continue
        if current.blocks or current.level:
            sections.append(current)
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        title = clean_inline(block.title) or doc_title
        if " " not in title:  # SHOUTY_SNAKE_CASE headings read better as words
            title = title.replace("_", " ")
        stack.append((block.level, title))
        current = Section(
            path=tuple(t for _, t in stack),
            level=block.level,
            start_line=block.start_line,
            end_line=block.end_line,
            is_question=looks_like_question(block.title, strict=True),
        )
    if current.blocks or current.level:
        sections.append(current)
    return _absorb_answer_subsections(_prompts_with_topics_are_titles(parsed, sections))


def _prompts_with_topics_are_titles(
    parsed: ParsedDocument, sections: list[Section]
) -> list[Section]:
    """ "Design a Production-Grade Data Platform" over sub-headings of its own is a title for
    the questions beneath it. A prompt without "?" is a question when it has no sub-heading,
    an answer of its own before the first one (more than a "Consider these:" lead-in), or a
    first sub-heading that labels the answer ("Sample answer", "Your response")."""
    for index, section in enumerate(sections):
        if not section.is_question or "?" in section.title or not is_prompt(section.title):
            continue
        following = sections[index + 1] if index + 1 < len(sections) else None
        if following and following.level > section.level:
            section.is_question = _has_own_answer(parsed, section) or is_answer_heading(
                following.title
            )
    return sections


def _has_own_answer(parsed: ParsedDocument, section: Section) -> bool:
    for block in section.blocks:
        text = parsed.span_text(block.start_line, block.end_line).strip()
        if block.kind != "paragraph" or not text.endswith((":", ":**", ":__")):
            return True
    return False


def _absorb_answer_subsections(sections: list[Section]) -> list[Section]:
    merged: list[Section] = []
    owner: Section | None = None
    for section in sections:
        if owner is not None and section.level > owner.level and not section.is_question:
            owner.blocks.extend(section.blocks)
            owner.end_line = max(owner.end_line, section.end_line)
            continue
        owner = section if section.is_question else None
        merged.append(section)
    return merged
