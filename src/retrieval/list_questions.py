"""Questions in bullet and numbered lists, with their answers nested, inline or after them.

The seeds' discussion bullets ("- How do you structure the data lake?"), quoted numbered
questions, `- Q:` / `- A:` sibling bullets, `→` inline answers, `1. **What is X?** answer`,
prompts with a nested answer ("- Describe the token bucket" over its explanation), and a lone
numbered item ("9. What is X?") answered by the paragraphs after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from retrieval.answer_text import answer_from_notes
from retrieval.found_question import Found
from retrieval.markdown_blocks import Block, ListItem, ParsedDocument
from retrieval.mining_findings import TEAM_QUESTIONS
from retrieval.plain_text import (
    clean_inline,
    is_prompt,
    is_quoted,
    looks_like_question,
    question_text,
    starts_with_question_word,
    strip_label,
    strip_numbering,
)
from retrieval.question_forms import bold_lead, paragraph_form
from retrieval.question_marks import A_LABEL, Q_LABEL, difficulty_mark, has_question_label
from retrieval.sections import Section


def list_questions(parsed: ParsedDocument, section: Section, skip: set[int]) -> Iterator[Found]:
    items = [
        item
        for item in parsed.list_items
        if section.start_line <= item.start_line < section.end_line
    ]
    if TEAM_QUESTIONS.search(section.title):
        return
    heading_says_questions = bool(_QUESTION_LIST.search(" ".join(section.path[1:])))
    for index, item in enumerate(items):
        lead_in = _lead_in(parsed, section, item)
        if item.start_line in skip or _NOT_INTERVIEW_LEAD_IN.search(lead_in):
            continue
        in_question_list = heading_says_questions or bool(_QUESTION_LIST.search(lead_in))
        first = parsed.lines[item.start_line]
        has_body = any(line.strip() for line in parsed.lines[item.start_line + 1 : item.end_line])
        form = _item_question_form(first, in_question_list, has_body)
        if form is None:
            continue
        raw, mark = difficulty_mark(first)
        lead = bold_lead(raw)
        if lead:  # "1. **What is Docker?** A platform to ..." with the answer running on
            question = question_text(lead[0])
            inline_answer = lead[1] + "\n" + parsed.span_text(item.start_line + 1, item.end_line)
        else:
            question, inline_answer = _split_inline_answer(question_text(raw))
        parent = _parent_lead_in(parsed, item, items)
        if parent:  # "- How do you document this for:\n  - New team members?"
            question = f"{parent} {question[0].lower()}{question[1:]}"
        follows = _parent_question(parsed, item, items)
        answer = inline_answer or _item_answer(parsed, item, items)
        end = item.end_line
        if not answer.strip():
            sibling = _next_sibling(items, index)
            if sibling and A_LABEL.match(parsed.lines[sibling.start_line]):
                answer = parsed.span_text(sibling.start_line, sibling.end_line)
                end = sibling.end_line
            elif item.depth == 0:
                answer, end = _answer_after_lone_item(parsed, section, item, end)
        found = Found(
            question, answer_from_notes(answer), section, item.start_line, end, form, mark
        )
        found.follows = follows
        yield found


def _answer_after_lone_item(
    parsed: ParsedDocument, section: Section, item: ListItem, end: int
) -> tuple[str, int]:
    """ "9. What is X?" numbered in the notes is a one-item list; its answer is the paragraphs
    after it, up to the next question."""
    blocks = section.blocks
    at = next(
        (i for i, b in enumerate(blocks) if b.start_line <= item.start_line < b.end_line), None
    )
    if at is None or blocks[at].kind != "list" or len(blocks[at].items) != 1:
        return "", end
    stop = at + 1
    while stop < len(blocks) and _answers_on(parsed, blocks[stop]):
        stop += 1
    if stop == at + 1:
        return "", end
    return parsed.span_text(blocks[at + 1].start_line, blocks[stop - 1].end_line), blocks[
        stop - 1
    ].end_line


def _answers_on(parsed: ParsedDocument, block: Block) -> bool:
    if block.kind in ("rule", "heading"):
        return False
    first = parsed.lines[block.start_line]
    if block.kind == "paragraph":
        return paragraph_form(first) is None
    if block.kind == "list":
        return _item_question_form(first, False, False) is None
    return True


_QUESTION_LIST = re.compile(r"question|mock interview|interview script", re.IGNORECASE)

# A list introduced by "**Self-Critique:**" asks the candidate about their rehearsal, not an
# interview question.
_NOT_INTERVIEW_LEAD_IN = re.compile(r"self-|checklist|remember|tips|mistakes", re.IGNORECASE)


def _lead_in(parsed: ParsedDocument, section: Section, item: ListItem) -> str:
    """The short paragraph ending in a colon that introduces the item's top-level list."""
    block = next(
        (
            b
            for b in section.blocks
            if b.kind == "list" and b.start_line <= item.start_line < b.end_line
        ),
        None,
    )
    if block is None:
        return ""
    before = [b for b in section.blocks if b.end_line <= block.start_line]
    if not before or before[-1].kind != "paragraph":
        return ""
    text = clean_inline(parsed.span_text(before[-1].start_line, before[-1].end_line))
    return text if text.endswith(":") and len(text) < 80 else ""


def _parent_question(parsed: ParsedDocument, item: ListItem, items: list[ListItem]) -> str | None:
    """The question of the item this one is nested under, if that item asks one."""
    parents = [
        o
        for o in items
        if o.depth == item.depth - 1 and o.start_line < item.start_line < o.end_line
    ]
    if not parents:
        return None
    first = parsed.lines[parents[-1].start_line]
    return question_text(first) if _item_question_form(first, False) else None


def _parent_lead_in(parsed: ParsedDocument, item: ListItem, items: list[ListItem]) -> str:
    if item.depth == 0:
        return ""
    parents = [
        o
        for o in items
        if o.depth == item.depth - 1 and o.start_line < item.start_line < o.end_line
    ]
    if not parents:
        return ""
    text = clean_inline(parsed.lines[parents[-1].start_line])
    return text if text.endswith(":") and starts_with_question_word(text) else ""


def _split_inline_answer(question: str) -> tuple[str, str]:
    """ "Why PySpark?" → "Mirrors production." on one line: question and answer apart."""
    match = re.match(r'^(.*?\?)["”]?\s*(?:→|->)\s*(.+)$', question)
    if not match:
        return question, ""
    return match.group(1).strip().strip('"“”'), match.group(2).strip()


def _item_question_form(
    first_line: str, in_question_list: bool, has_body: bool = False
) -> str | None:
    text = clean_inline(first_line)
    if A_LABEL.match(first_line) or A_LABEL.match(text):
        return None
    if Q_LABEL.match(text) or has_question_label(text):
        return "q_line"
    bare = question_text(text)
    if has_body and is_prompt(bare) and not bare.endswith(":"):
        return "list_item"  # "- Describe the token bucket" with the answer nested under it
    bare = strip_numbering(strip_label(text))
    if is_quoted(bare) and (
        in_question_list
        or starts_with_question_word(bare)
        or looks_like_question(bare, prompts=False)
    ):
        return "quoted"
    if looks_like_question(text, prompts=False):
        return "list_item"
    if in_question_list and starts_with_question_word(bare) and not bare.endswith(":"):
        return "list_item"
    return None


def _item_answer(parsed: ParsedDocument, item: ListItem, items: list[ListItem]) -> str:
    """The item's lines after its first, up to a nested item that is itself a question."""
    stop = item.end_line
    for nested in items:
        if item.start_line < nested.start_line < item.end_line and nested.depth > item.depth:
            if _item_question_form(parsed.lines[nested.start_line], False, False):
                stop = nested.start_line
                break
    return parsed.span_text(item.start_line + 1, stop)


def _next_sibling(items: list[ListItem], index: int) -> ListItem | None:
    item = items[index]
    return next((o for o in items[index + 1 :] if o.list_id == item.list_id), None)
