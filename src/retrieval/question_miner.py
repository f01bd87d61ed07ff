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

from retrieval.answer_text import clean_answer, is_answer_heading, is_placeholder
from retrieval.chunker import Chunk
from retrieval.found_question import Found
from retrieval.key_points import key_points
from retrieval.markdown_blocks import Block, ListItem, ParsedDocument
from retrieval.navigation import navigation_lines
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
from retrieval.question_bank import Difficulty, Question
from retrieval.question_dedupe import merge_duplicates
from retrieval.question_forms import (
    A_LABEL,
    Q_LABEL,
    bold_lead,
    callout_questions,
    details_questions,
    paragraph_form,
    paragraph_questions,
    table_questions,
)
from retrieval.question_marks import difficulty_line, difficulty_mark, has_question_label
from retrieval.sections import Section
from retrieval.standalone import standalone

_Q_LABEL = Q_LABEL
_A_LABEL = A_LABEL
_ARROW_LINE = re.compile(r"^\s*(?:→|->)\s*")
_HEADING_ARROW = re.compile(r"^(.*?\?)\s*(?:→|->)\s*(.+)$")
_TO_ASK = re.compile(
    r"questions? (to ask|for (the|them|the interviewer))|ask (them|the interviewer)", re.IGNORECASE
)
# A FAQ is the candidate's when it speaks in their voice ("Can I use Google?", "What if I
# can't finish?"); a company's engineering FAQ copied into notes is study material.
_FAQ = re.compile(r"\bFAQs?\b|frequently asked", re.IGNORECASE)
# "Can I use Google during the exercise?" is the candidate asking, not being asked.
_FIRST_PERSON = re.compile(r"^(?:\w+\s+){0,2}I\b(?!')", re.IGNORECASE)


def mine_questions(
    parsed: ParsedDocument, sections: list[Section], chunks: list[Chunk], doc_id: str
) -> list[Question]:
    found: list[Found] = []
    navigation = navigation_lines(parsed)
    for section in sections:
        if section.is_question:
            found.append(_heading_question(parsed, section))
            continue
        # Lines already part of a question or its answer are never mined again.
        consumed: set[int] = set()
        found.extend(details_questions(parsed, section, consumed))
        found.extend(callout_questions(parsed, section, consumed))
        found.extend(table_questions(parsed, section, navigation))
        found.extend(paragraph_questions(parsed, section, navigation | consumed, consumed))
        found.extend(_list_questions(parsed, section, navigation | consumed))
    found.sort(key=lambda f: f.line)
    questions = [_to_question(f, chunks, doc_id) for f in found if f.question]
    return merge_duplicates(_candidate_faqs(questions))


def _candidate_faqs(questions: list[Question]) -> list[Question]:
    """Questions under a FAQ heading are the candidate's to ask when most speak as "I"."""
    faq = [q for q in questions if any(_FAQ.search(p) for p in q.heading_path)]
    first_person = sum(1 for q in faq if _FIRST_PERSON.search(q.question))
    if faq and first_person * 2 >= len(faq):
        for q in faq:
            q.kind = "to_ask"
    return questions


def _heading_question(parsed: ParsedDocument, section: Section) -> Found:
    title, mark = difficulty_mark(parsed.lines[section.start_line].strip().lstrip("#").strip())
    body, line_mark = difficulty_line(_answer_part(parsed, section))
    mark = mark or line_mark
    match = _HEADING_ARROW.match(title)
    if match:  # "What is BigQuery? → **Amazon Redshift**": the arrow half is part of the answer
        title, aside = match.groups()
        body = f"{clean_inline(aside)}\n\n{body}"
    return Found(
        question_text(title),
        _answer(body),
        section,
        section.start_line,
        section.end_line,
        "heading",
        mark,
    )


def _answer_part(parsed: ParsedDocument, section: Section) -> str:
    """The body under a question heading; only the part under "Your response" or "Sample
    answer" when the notes label it, so "Feedback from mock" beside it stays out."""
    headings = [
        b
        for b in parsed.blocks
        if b.kind == "heading" and section.start_line < b.start_line < section.end_line
    ]
    labelled = next((b for b in headings if is_answer_heading(b.title)), None)
    if labelled is None:
        return parsed.span_text(section.start_line + 1, section.end_line)
    after = [
        b for b in headings if b.start_line > labelled.start_line and b.level <= labelled.level
    ]
    end = after[0].start_line if after else section.end_line
    return parsed.span_text(labelled.end_line, end)


def _list_questions(parsed: ParsedDocument, section: Section, skip: set[int]) -> Iterator[Found]:
    items = [
        item
        for item in parsed.list_items
        if section.start_line <= item.start_line < section.end_line
    ]
    if _TEAM_QUESTIONS.search(section.title):
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
        answer = inline_answer or _item_answer(parsed, item, items)
        end = item.end_line
        if not answer.strip():
            sibling = _next_sibling(items, index)
            if sibling and _A_LABEL.match(parsed.lines[sibling.start_line]):
                answer = parsed.span_text(sibling.start_line, sibling.end_line)
                end = sibling.end_line
            elif item.depth == 0:
                answer, end = _answer_after_lone_item(parsed, section, item, end)
        yield Found(question, _answer(answer), section, item.start_line, end, form, mark)


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
# "Open questions" in meeting notes and design docs are the team's, not an interviewer's.
_TEAM_QUESTIONS = re.compile(r"open questions|unresolved|questions for (?:the )?team", re.I)
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


def _item_question_form(
    first_line: str, in_question_list: bool, has_body: bool = False
) -> str | None:
    text = clean_inline(first_line)
    if _A_LABEL.match(first_line) or _A_LABEL.match(text):
        return None
    if _Q_LABEL.match(text) or has_question_label(text):
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


def _answer(source: str) -> str | None:
    lines = [_ARROW_LINE.sub("", line.rstrip()) for line in source.strip("\n").splitlines()]
    text = _dedent("\n".join(lines)).strip()
    if _A_LABEL.match(text):  # "- A: ..." as a sibling bullet: drop the bullet with the label
        text = re.sub(r"^[-*+]\s+", "", text)
    text = re.sub(
        r"^(?:\*\*|__)?\s*(?:A|Ans|Answer)\s*(?:\*\*|__)?\s*(?::|\.(?=\s))\s*(?:\*\*|__)?\s*",
        "",
        text,
        flags=re.IGNORECASE,
    ).strip()
    if is_placeholder(text) or re.fullmatch(r"[-=_*\s]+", text):
        return None
    text = clean_answer(text)
    text = re.sub(r"^[-*+]\s+(?=\S)", "", text) if text.count("\n") == 0 else text
    if is_placeholder(text) or re.fullmatch(r"[-=_*\s]+", text):
        return None
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    return text


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


def _to_question(found: Found, chunks: list[Chunk], doc_id: str) -> Question:
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
    asked = standalone(found.question, path[:-1] if section.is_question else path, doc_id)
    return Question(
        id=_question_id(doc_id, path, found.question),
        question=asked,
        written_as=found.question if asked != found.question else None,
        golden_answer=answer,
        key_points=key_points(answer) if answer else [],
        doc_id=doc_id,
        heading_path=path,
        line=found.line + 1,
        chunk_ids=overlapping,
        topics=topics,
        difficulty=found.difficulty or _difficulty(found.question, path, answer),
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
