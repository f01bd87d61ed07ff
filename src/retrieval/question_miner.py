"""Mine the questions a candidate's notes contain, with the answers they prepared.

Prep notes phrase questions in many ways. Question headings live here; paragraph, details,
callout and table forms in `question_forms`, list forms in `list_questions`. Every form skips
navigation (tables of contents) and lines another form already took as a question or answer;
then each question gets its asked form, kind, difficulty and key points, and duplicates merge.
"""

from __future__ import annotations

import hashlib
import re

from retrieval.answer_text import answer_from_notes, is_answer_heading
from retrieval.chunker import Chunk
from retrieval.found_question import Found
from retrieval.key_points import key_points
from retrieval.list_questions import list_questions
from retrieval.markdown_blocks import ParsedDocument
from retrieval.navigation import navigation_lines
from retrieval.plain_text import clean_inline, question_text, strip_numbering
from retrieval.question_bank import Difficulty, Question
from retrieval.question_dedupe import merge_duplicates
from retrieval.question_forms import (
    callout_questions,
    details_questions,
    follow_up_questions,
    follow_up_starts,
    paragraph_questions,
    table_questions,
)
from retrieval.question_marks import difficulty_line, difficulty_mark
from retrieval.sections import Section
from retrieval.standalone import standalone

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
    project_docs = _is_project_docs(sections)
    for section in sections:
        if section.is_question and project_docs:
            continue  # "## Why tasklet?" in a README is a section title, not an interview
        if section.is_question:
            follow_ups = follow_up_starts(parsed, section)
            end = follow_ups[0].start_line if follow_ups else section.end_line
            found.append(_heading_question(parsed, section, end))
            for follow_up in follow_up_questions(parsed, section, follow_ups):
                follow_up.follows = found[-1].question
                found.append(follow_up)
            continue
        # Lines already part of a question or its answer are never mined again.
        consumed: set[int] = set()
        found.extend(details_questions(parsed, section, consumed))
        found.extend(callout_questions(parsed, section, consumed))
        found.extend(table_questions(parsed, section, navigation))
        found.extend(paragraph_questions(parsed, section, navigation | consumed, consumed))
        found.extend(list_questions(parsed, section, navigation | consumed))
    found.sort(key=lambda f: f.line)
    questions = [
        _to_question(f, chunks, doc_id)
        for f in found
        if f.question and not _CLOSING.match(f.question)
    ]
    return merge_duplicates(_candidate_faqs(questions))


# "Any questions for me?" closes an interview; there is nothing to practise in it.
_CLOSING = re.compile(
    r"^(?:do you have |have you got |any )(?:any )?(?:other |more )?questions"
    r"(?: for (?:me|us))?\W*$",
    re.IGNORECASE,
)
# A project README or docs page: its "Why tasklet?" heading introduces a section.
_PROJECT_DOC_HEADING = re.compile(
    r"^(?:installation|install|usage|license|licen[cs]ing|contributing|getting started|"
    r"quick ?start|changelog|api reference|configuration|acknowledg\w*|roadmap|building)$",
    re.IGNORECASE,
)
PROJECT_DOC_HEADINGS = 3


def _is_project_docs(sections: list[Section]) -> bool:
    titles = {strip_numbering(s.title).strip().lower() for s in sections if s.level}
    return sum(1 for t in titles if _PROJECT_DOC_HEADING.match(t)) >= PROJECT_DOC_HEADINGS


def _candidate_faqs(questions: list[Question]) -> list[Question]:
    """Questions under a FAQ heading are the candidate's to ask when most speak as "I"."""
    faq = [q for q in questions if any(_FAQ.search(p) for p in q.heading_path)]
    first_person = sum(1 for q in faq if _FIRST_PERSON.search(q.question))
    if faq and first_person * 2 >= len(faq):
        for q in faq:
            q.kind = "to_ask"
    return questions


def _heading_question(parsed: ParsedDocument, section: Section, end: int) -> Found:
    title, mark = difficulty_mark(parsed.lines[section.start_line].strip().lstrip("#").strip())
    body, line_mark = difficulty_line(_answer_part(parsed, section, end))
    mark = mark or line_mark
    match = _HEADING_ARROW.match(title)
    if match:  # "What is BigQuery? → **Amazon Redshift**": the arrow half is part of the answer
        title, aside = match.groups()
        body = f"{clean_inline(aside)}\n\n{body}"
    return Found(
        question_text(title),
        answer_from_notes(body),
        section,
        section.start_line,
        section.end_line,
        "heading",
        mark,
    )


def _answer_part(parsed: ParsedDocument, section: Section, stop: int) -> str:
    """The body under a question heading; only the part under "Your response" or "Sample
    answer" when the notes label it, so "Feedback from mock" beside it stays out."""
    headings = [
        b
        for b in parsed.blocks
        if b.kind == "heading" and section.start_line < b.start_line < section.end_line
    ]
    labelled = next((b for b in headings if is_answer_heading(b.title)), None)
    if labelled is None:
        return parsed.span_text(section.start_line + 1, stop)
    after = [
        b for b in headings if b.start_line > labelled.start_line and b.level <= labelled.level
    ]
    end = after[0].start_line if after else section.end_line
    return parsed.span_text(labelled.end_line, end)


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
    asked = standalone(
        found.question, path[:-1] if section.is_question else path, doc_id, found.follows
    )
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
