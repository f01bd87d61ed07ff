"""Mine the questions a candidate's notes contain, with the answers they prepared.

Prep notes phrase questions in many ways; the seeds show headings that are questions with the
answer beneath, `**Question**: ... **Answer**: ...` paragraphs, `Q:`/`A:` lines, `→` answers
under a question bullet, quoted numbered questions and bare bullets of discussion questions.
Each form is one small function over the parsed document.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from retrieval.chunker import Chunk
from retrieval.key_points import key_points
from retrieval.markdown_blocks import ListItem, ParsedDocument
from retrieval.plain_text import (
    clean_inline,
    is_quoted,
    looks_like_question,
    question_text,
    starts_with_question_word,
    strip_label,
    strip_numbering,
)
from retrieval.question_bank import Difficulty, Question
from retrieval.sections import Section

_Q_LABEL = re.compile(r"^\s*(?:\*\*|__)?\s*(?:Q|Question)\s*(?:\*\*|__)?\s*:", re.IGNORECASE)
_A_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:A|Answer)\s*(?:\*\*|__)?\s*:", re.IGNORECASE
)
_ARROW_LINE = re.compile(r"^\s*(?:→|->)\s*")
_HEADING_ARROW = re.compile(r"^(.*?\?)\s*(?:→|->)\s*(.+)$")
# "[Write your answer based on decisions.md]" is a note to self, not an answer.
_PLACEHOLDER = re.compile(r"^\[\s*(write|think|fill|add|todo|tbd|review|prepare)\b", re.I)
_TO_ASK = re.compile(
    r"questions? (to ask|for (the|them|the interviewer))|ask (them|the interviewer)|\bFAQs?\b",
    re.IGNORECASE,
)
# "Can I use Google during the exercise?" is the candidate asking, not being asked.
_FIRST_PERSON = re.compile(r"^(?:\w+\s+){0,2}I\b(?!')", re.IGNORECASE)


@dataclass
class _Found:
    question: str
    answer: str | None
    section: Section
    line: int
    end_line: int
    form: str


def mine_questions(
    parsed: ParsedDocument, sections: list[Section], chunks: list[Chunk], doc_id: str
) -> list[Question]:
    found: list[_Found] = []
    for section in sections:
        if section.is_question:
            found.append(_heading_question(parsed, section))
            continue
        found.extend(_paragraph_questions(parsed, section))
        found.extend(_list_questions(parsed, section))
    return _merge_duplicates([_to_question(f, chunks, doc_id) for f in found if f.question])


def _heading_question(parsed: ParsedDocument, section: Section) -> _Found:
    title = parsed.lines[section.start_line].lstrip("#").strip()
    body = parsed.span_text(section.start_line + 1, section.end_line)
    match = _HEADING_ARROW.match(title)
    if match:  # "What is BigQuery? → **Amazon Redshift**": the arrow half is part of the answer
        title, aside = match.groups()
        body = f"{clean_inline(aside)}\n\n{body}"
    return _Found(
        question_text(title),
        _answer(body),
        section,
        section.start_line,
        section.end_line,
        "heading",
    )


def _paragraph_questions(parsed: ParsedDocument, section: Section) -> Iterator[_Found]:
    blocks = section.blocks
    for index, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        lines = parsed.lines[block.start_line : block.end_line]
        if not _Q_LABEL.match(lines[0]):
            continue
        # "**Q: ...?**\nA: ..." in one paragraph, or the answer in the next paragraph.
        answer_at = next((i for i, line in enumerate(lines) if _A_LABEL.match(line)), None)
        if answer_at is not None:
            question = " ".join(lines[:answer_at])
            answer = "".join(lines[answer_at:])
            end = block.end_line
        else:
            question = " ".join(lines)
            answer, end = "", block.end_line
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following and _A_LABEL.match(parsed.lines[following.start_line]):
                answer = parsed.span_text(following.start_line, following.end_line)
                end = following.end_line
        yield _Found(
            question_text(question), _answer(answer), section, block.start_line, end, "qa_label"
        )


def _list_questions(parsed: ParsedDocument, section: Section) -> Iterator[_Found]:
    items = [
        item
        for item in parsed.list_items
        if section.start_line <= item.start_line < section.end_line
    ]
    heading_says_questions = bool(_QUESTION_LIST.search(" ".join(section.path[1:])))
    for index, item in enumerate(items):
        lead_in = _lead_in(parsed, section, item)
        if _NOT_INTERVIEW_LEAD_IN.search(lead_in):
            continue
        in_question_list = heading_says_questions or bool(_QUESTION_LIST.search(lead_in))
        first = parsed.lines[item.start_line]
        form = _item_question_form(first, in_question_list)
        if form is None:
            continue
        question, inline_answer = _split_inline_answer(question_text(first))
        parent = _parent_lead_in(parsed, item, items)
        if parent:  # "- How do you document this for:\n  - New team members?"
            question = f"{parent} {question[0].lower()}{question[1:]}"
        answer = inline_answer or _item_answer(parsed, item, items)
        end = item.end_line
        if not answer.strip():
            sibling = _next_sibling(items, index)
            if sibling and _A_LABEL.match(parsed.lines[sibling.start_line]):
                answer = parsed.span_text(sibling.start_line, sibling.end_line)
                end = sibling.end_line
        yield _Found(question, _answer(answer), section, item.start_line, end, form)


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


def _item_question_form(first_line: str, in_question_list: bool) -> str | None:
    text = clean_inline(first_line)
    if _A_LABEL.match(first_line) or _A_LABEL.match(text):
        return None
    if _Q_LABEL.match(text):
        return "q_line"
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
            if _item_question_form(parsed.lines[nested.start_line], False):
                stop = nested.start_line
                break
    return parsed.span_text(item.start_line + 1, stop)


def _next_sibling(items: list[ListItem], index: int) -> ListItem | None:
    item = items[index]
    return next((o for o in items[index + 1 :] if o.list_id == item.list_id), None)


def _answer(source: str) -> str | None:
    lines = [_ARROW_LINE.sub("", line.rstrip()) for line in source.strip("\n").splitlines()]
    text = _dedent("\n".join(lines)).strip()
    if _A_LABEL.match(text):  # "- A: ..." as a sibling bullet: drop the bullet with the label
        text = re.sub(r"^[-*+]\s+", "", text)
    text = re.sub(
        r"^(?:\*\*|__)?\s*(?:A|Answer)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*",
        "",
        text,
        flags=re.IGNORECASE,
    ).strip()
    text = re.sub(r"^[-*+]\s+(?=\S)", "", text) if text.count("\n") == 0 else text
    if not text or re.fullmatch(r"[-=_*\s]+", text):
        return None
    if text.startswith("[") and text.endswith("]"):
        if _PLACEHOLDER.match(text):
            return None
        text = text[1:-1].strip()
    return text


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


def _to_question(found: _Found, chunks: list[Chunk], doc_id: str) -> Question:
    section = found.section
    path = list(section.path)
    if section.is_question:
        path_for_topics = path[:-1]
    else:
        path_for_topics = path
    topics = [t for t in (_topic(p) for p in path_for_topics[1:] or path_for_topics) if t]
    asked_by_candidate = any(_TO_ASK.search(p) for p in path) or _FIRST_PERSON.search(
        found.question
    )
    kind = "to_ask" if asked_by_candidate else "interview"
    overlapping = [
        c.chunk_id for c in chunks if c.start_line < found.end_line and found.line < c.end_line
    ]
    answer = found.answer
    return Question(
        id=_question_id(doc_id, path, found.question),
        question=found.question,
        golden_answer=answer,
        key_points=key_points(answer) if answer else [],
        doc_id=doc_id,
        heading_path=path,
        line=found.line + 1,
        chunk_ids=overlapping,
        topics=topics,
        difficulty=_difficulty(found.question, path, answer),
        kind=kind,
        form=found.form,
    )


def _topic(heading: str) -> str:
    text = re.sub(
        r"^(?:SECTION\s+[\d.]+\s*[—:-]\s*|Block\s+\d+\s*:\s*|Part\s+\d+\s*:\s*)",
        "",
        heading,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\s*\([^)]*\)\s*$", "", strip_numbering(text)).strip(" :—-")
    return text


def _question_id(doc_id: str, path: list[str], question: str) -> str:
    key = "\x1f".join([doc_id, *path[:-1], _normalise(question)])
    return "q-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


_HARD = re.compile(
    r"\b(design|scale|scaling|architect\w*|trade-?offs?|production|senior|advanced|"
    r"optimi[sz]\w*|real-time|multi-|governance|evolution|idempoten\w*)\b",
    re.I,
)
_EASY = re.compile(r"^(what is|what are|what's a|define)\b|\b(basic|simple|background)\b", re.I)


def _difficulty(question: str, path: list[str], answer: str | None) -> Difficulty:
    """A rough guess from wording and answer length; good enough to balance an interview."""
    score = 1
    context = " ".join([question, *path[1:]])  # path[0] is the document's title
    if _HARD.search(context):
        score += 1
    if _EASY.search(question) or _EASY.search(" ".join(path[1:])):
        score -= 1
    if answer and len(answer) > 700:
        score += 1
    return ("easy", "medium", "hard")[max(0, min(score, 2))]


def _merge_duplicates(questions: list[Question]) -> list[Question]:
    """A question listed twice in one document is one question; the answered copy wins.

    Copies with different answers ("What is BigQuery?" under GCP and under AWS) stay apart.
    """
    kept: dict[str, Question] = {}
    out: list[Question] = []
    for q in questions:
        key = _normalise(q.question)
        first = kept.get(key)
        if first is None:
            kept[key] = q
            out.append(q)
            continue
        if first.golden_answer and q.golden_answer and first.golden_answer != q.golden_answer:
            out.append(q)
            continue
        if not first.golden_answer and q.golden_answer:
            first.golden_answer, first.key_points = q.golden_answer, q.key_points
        first.chunk_ids = list(dict.fromkeys([*first.chunk_ids, *q.chunk_ids]))
    return out
