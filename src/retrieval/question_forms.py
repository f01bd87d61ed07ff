"""Question forms that live in paragraphs, quotes, `<details>` blocks and tables.

- A paragraph whose first line is a question: bold or italic (`**What is X? 👶**`,
  `**What is X?** answer`), labelled (`Q:`, `Question 12:`, `Q.`, `Q5)`, `#7`,
  `Interviewer:`) or a plain line ending in "?", also set off as a one-line quote. Its answer
  is the rest of the paragraph ("• bullets", "A: ...") and the following blocks, up to the
  next question, a rule, a list of questions or the end of the section. A paragraph made only
  of question lines is one question per line.
- `<details><summary>Question</summary> answer </details>`, the last block possibly unclosed,
  and Obsidian callouts (`> [!question] ...`).
- A table with a "Question" column, one question per row, answered by an "Answer" column (or
  a tracker's "Notes").
- "Follow-up: ..." or "Q: ..." inside a question heading's answer, a question of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from retrieval.answer_text import (
    answer_from_notes,
    clean_answer,
    dedent,
    is_placeholder,
    markdown_parser,
    table_cells,
)
from retrieval.found_question import Found
from retrieval.html_text import html_to_text
from retrieval.markdown_blocks import Block, ParsedDocument
from retrieval.plain_text import (
    clean_inline,
    is_prompt,
    looks_like_question,
    question_text,
    starts_with_question_word,
)
from retrieval.question_marks import (
    A_LABEL,
    Q_LABEL,
    difficulty_line,
    difficulty_mark,
    has_question_label,
)
from retrieval.sections import Section

# "**What is Docker?** A platform to ..." : the bold lead is the question, the rest answers it.
_BOLD_LEAD = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__)(?=\S)(.+?)(?<=\S)\1:?\s+(\S.*)$")
# Obsidian callouts: "> [!question] How does Docker isolate processes?"
_CALLOUT = re.compile(r"^\s*>\s*\[!(?:question|faq|help|q|query|ask)\][+-]?\s*(.*)$", re.IGNORECASE)
_EMPHASISED = re.compile(r"^\s*(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1\W*$")
_DETAILS_OPEN = re.compile(r"<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_QUESTION_HEADER = re.compile(r"^(?:q|questions?|interview questions?|prompt)$", re.IGNORECASE)
_ANSWER_HEADER = re.compile(
    r"^(?:a|answers?|my answer|response|short answer|one-liner)$", re.IGNORECASE
)


SHORT_ASK = 4
"""A question this short needs no question word ("Notice period?"), but needs an answer under
it in the same paragraph, or it is just a rhetorical aside."""
_STRONG_PROMPT = re.compile(
    r"^(?:tell (?:me|us) about|walk (?:me|us) through|talk (?:me|us) through|"
    r"give (?:me |us )?an example|describe a time)\b",
    re.IGNORECASE,
)


def paragraph_form(first_line: str) -> str | None:
    """ "qa_label", "bold" or "paragraph" when a paragraph's first line is a question."""
    if Q_LABEL.match(first_line) or has_question_label(clean_inline(first_line)):
        return "qa_label"
    if A_LABEL.match(first_line):
        return None
    unmarked = difficulty_mark(first_line)[0]
    text = clean_inline(unmarked)
    if _EMPHASISED.match(unmarked) and (looks_like_question(text) or is_prompt(text)):
        return "bold"
    if bold_lead(first_line):
        return "bold"
    # "What is IAM? (Identity and Access Management)": the aside does not change the question.
    sentence = re.sub(r"\?\s*\([^()]*\)$", "?", question_text(text))
    one_sentence = not re.search(r"[.!?]\s+\S", sentence.rstrip("?"))
    words = len(sentence.split())
    if sentence.endswith("?") and one_sentence and starts_with_question_word(sentence):
        return "paragraph"
    if sentence.endswith("?") and one_sentence and 2 <= words <= SHORT_ASK:
        return "short"  # "Salary expectations?", "Notice period?" over their answers
    if _STRONG_PROMPT.match(sentence) and one_sentence and words <= 12:
        return "paragraph"  # "Tell me about yourself." with the answer on the next lines
    return None


def paragraph_questions(
    parsed: ParsedDocument, section: Section, skip: set[int], consumed: set[int]
) -> Iterator[Found]:
    blocks = section.blocks
    texts = {i: _block_lines(parsed, b) for i, b in enumerate(blocks)}
    starts = [
        i
        for i, b in enumerate(blocks)
        if b.kind in ("paragraph", "quote", "html")
        and b.start_line not in skip
        and texts[i]
        and paragraph_form(texts[i][0])
        and (b.kind != "quote" or b.end_line - b.start_line == 1)
    ]
    for n, index in enumerate(starts):
        block = blocks[index]
        lines = texts[index]
        form = paragraph_form(lines[0]) or "paragraph"
        if len(lines) > 1 and all(paragraph_form(line) for line in lines):
            # One question per line with no bullets: Markdown joins them, the writer did not.
            consumed.update(range(block.start_line, block.end_line))
            yield from _one_per_line(lines, section, block.start_line)
            continue
        if form != "bold" and len(lines) > 1 and not _answer_follows(lines):
            continue  # a wrapped sentence of prose that happens to end its first line with "?"
        if form == "short" and len(lines) == 1:
            continue
        form = "paragraph" if form == "short" else form
        asked, rest = _split_question(lines, form)
        if rest and re.fullmatch(r"\s*(?:={2,}|-{3,})\s*", rest[0]):
            rest = rest[1:]  # the underline of a setext heading, not an answer
        stop = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        end = _answer_end(parsed, blocks, index + 1, stop)
        if rest and A_LABEL.match(rest[0]) and not A_LABEL.sub("", "".join(rest)).strip():
            end = block.end_line  # "A -" left empty: the notes have no answer yet
        body = "".join(rest)
        if index + 1 < len(blocks) and end > blocks[index + 1].start_line:
            body += "\n" + parsed.span_text(blocks[index + 1].start_line, end)
        body, line_mark = difficulty_line(body)
        consumed.update(range(block.start_line, max(end, block.end_line)))
        text, mark = difficulty_mark(asked)
        yield Found(
            question_text(text),
            answer_of(body),
            section,
            block.start_line,
            max(end, block.end_line),
            form,
            mark or line_mark,
        )


def callout_questions(
    parsed: ParsedDocument, section: Section, consumed: set[int]
) -> Iterator[Found]:
    """ "> [!question] How does X work?" with the answer in the rest of the callout."""
    for block in section.blocks:
        match = _CALLOUT.match(parsed.lines[block.start_line]) if block.kind == "quote" else None
        if not match or not match.group(1).strip():
            continue
        consumed.update(range(block.start_line, block.end_line))
        body = "".join(
            re.sub(r"^\s*>\s?", "", line)
            for line in parsed.lines[block.start_line + 1 : block.end_line]
        )
        text, mark = difficulty_mark(match.group(1))
        yield Found(
            question_text(text),
            answer_of(body),
            section,
            block.start_line,
            block.end_line,
            "callout",
            mark,
        )


_HTML_QUESTION_TAG = re.compile(r"^\s*<(?:h[1-6]|p|b|strong)\b", re.IGNORECASE)


def _block_lines(parsed: ParsedDocument, block: Block) -> list[str]:
    """A block's lines as a paragraph question sees them: a quote without its ">", an HTML
    heading or paragraph (`<h3>What is a proxy?</h3>`) as its visible text."""
    lines = parsed.lines[block.start_line : block.end_line]
    if block.kind == "quote":
        return [re.sub(r"^\s*>\s?", "", line) for line in lines]
    if block.kind == "html":
        if not _HTML_QUESTION_TAG.match(lines[0]):
            return []
        return [line + "\n" for line in html_to_text("".join(lines)).splitlines()]
    return lines


def _one_per_line(lines: list[str], section: Section, start: int) -> Iterator[Found]:
    for offset, line in enumerate(lines):
        text, mark = difficulty_mark(line)
        at = start + offset
        yield Found(question_text(text), None, section, at, at + 1, "paragraph", mark)


def _answer_follows(lines: list[str]) -> bool:
    """The lines after a question line are an answer: labelled, bulleted, or a "--" stub."""
    second = lines[1].strip()
    return bool(
        A_LABEL.match(second)
        or second[:1] in "•◦▪-*+–>"
        or re.match(r"^[-=_]{2,}$", second)
        or lines[0].rstrip().endswith(("?", "?**", "?__"))
        or _STRONG_PROMPT.match(question_text(clean_inline(lines[0])))
    )


def bold_lead(line: str) -> tuple[str, str] | None:
    """The bold question and the rest of the line, for "**What is X?** X is ..."."""
    match = _BOLD_LEAD.match(line)
    if not match:
        return None
    question = clean_inline(match.group(2))
    if not (question.endswith("?") or is_prompt(question)):
        return None
    return match.group(2), match.group(3)


def _split_question(lines: list[str], form: str) -> tuple[str, list[str]]:
    """The question's lines and the answer's lines of one paragraph."""
    answer_at = next((i for i, line in enumerate(lines) if A_LABEL.match(line)), None)
    if answer_at is not None:
        return " ".join(line.strip() for line in lines[:answer_at]), lines[answer_at:]
    lead = bold_lead(lines[0]) if form == "bold" else None
    if lead:
        return lead[0], [lead[1] + "\n", *lines[1:]]
    if form == "qa_label":
        end = next((i for i, line in enumerate(lines) if "?" in line), len(lines) - 1)
        return " ".join(line.strip() for line in lines[: end + 1]), lines[end + 1 :]
    return lines[0].strip(), lines[1:]


def _answer_end(parsed: ParsedDocument, blocks: list[Block], start: int, stop: int) -> int:
    """Line where the answer after a question paragraph ends: a rule, the next question, or a
    list of questions (then the paragraph was their lead-in, and they are asked one by one)."""
    end_index = stop
    for i in range(start, stop):
        if blocks[i].kind == "rule" or _question_list(parsed, blocks[i]):
            end_index = i
            break
    if end_index <= start:
        return blocks[start].start_line if start < len(blocks) else blocks[-1].end_line
    return blocks[end_index - 1].end_line


def _question_list(parsed: ParsedDocument, block: Block) -> bool:
    if block.kind != "list" or not block.items:
        return False
    asks = sum(1 for start, _ in block.items if looks_like_question(parsed.lines[start]))
    return asks * 2 > len(block.items)


def answer_of(markdown: str) -> str | None:
    markdown = A_LABEL.sub("", markdown.lstrip("\n"), count=1)
    text = clean_answer(markdown) if markdown.strip() else ""
    if "\n" not in text:  # a one-bullet answer is a sentence, not a list
        text = re.sub(r"^[-*+]\s+(?=\S)", "", text)
    return None if is_placeholder(text) else text


def details_questions(
    parsed: ParsedDocument, section: Section, consumed: set[int]
) -> Iterator[Found]:
    opens = [
        i
        for i in range(section.start_line, section.end_line)
        if _DETAILS_OPEN.search(parsed.lines[i])
    ]
    for n, start in enumerate(opens):
        limit = opens[n + 1] if n + 1 < len(opens) else section.end_line
        end = next(
            (i + 1 for i in range(start, limit) if _DETAILS_CLOSE.search(parsed.lines[i])), limit
        )
        source = parsed.span_text(start, end)
        summary = _SUMMARY.search(source)
        if not summary:
            continue
        consumed.update(range(start, end))
        body = source[summary.end() :]
        body = _DETAILS_CLOSE.split(body)[0]
        text, mark = difficulty_mark(html_to_text(summary.group(1)).replace("\n", " "))
        yield Found(
            question_text(text), answer_of(dedent(body)), section, start, end, "details", mark
        )


def table_questions(parsed: ParsedDocument, section: Section, skip: set[int]) -> Iterator[Found]:
    for block in section.blocks:
        if block.kind != "table" or block.start_line in skip:
            continue
        tokens = markdown_parser().parse(parsed.span_text(block.start_line, block.end_line))
        headers, rows = table_cells(tokens)
        q_col = next((i for i, h in enumerate(headers) if _QUESTION_HEADER.match(h)), None)
        if q_col is None:
            continue
        a_col = next((i for i, h in enumerate(headers) if _ANSWER_HEADER.match(h)), None)
        if a_col is None:  # a tracker's "Notes" column holds the answer sketch, if anything
            a_col = next((i for i, h in enumerate(headers) if h.lower() == "notes"), None)
        for offset, row in enumerate(rows):
            if q_col >= len(row) or not row[q_col]:
                continue
            text, mark = difficulty_mark(row[q_col])
            answer = row[a_col] if a_col is not None and a_col < len(row) else ""
            line = block.start_line + 2 + offset
            yield Found(
                question_text(text), answer_of(answer), section, line, line + 1, "table", mark
            )


_FOLLOW_UP = re.compile(r"^\s*(?:\*\*|__)?follow[- ]?up\b[^:]{0,12}:", re.IGNORECASE)


def follow_up_starts(parsed: ParsedDocument, section: Section) -> list[Block]:
    """ "Follow-up: What is the difference between launch and async?", "Q: ..." or a bold
    question inside a question heading's answer: each is a question of its own, answered by
    what follows it."""
    starts = []
    for block in section.blocks:
        first = parsed.lines[block.start_line]
        labelled = Q_LABEL.match(first) or has_question_label(clean_inline(first))
        marked = labelled or _FOLLOW_UP.match(first) or paragraph_form(first) == "bold"
        if block.kind == "paragraph" and "?" in first and marked:
            starts.append(block)
        elif block.kind == "list" and labelled and "?" in first:
            starts.append(block)  # "- **Q:** What is a B-tree?" under a question heading
    return starts


def follow_up_questions(
    parsed: ParsedDocument, section: Section, starts: list[Block]
) -> Iterator[Found]:
    for n, block in enumerate(starts):
        end = starts[n + 1].start_line if n + 1 < len(starts) else section.end_line
        first = parsed.lines[block.start_line].strip()
        lead = bold_lead(first)
        text, mark = difficulty_mark(lead[0] if lead else first)
        body = (lead[1] + "\n" if lead else "") + parsed.span_text(block.start_line + 1, end)
        answer = answer_from_notes(body) if body.strip() else None
        yield Found(question_text(text), answer, section, block.start_line, end, "follow_up", mark)
