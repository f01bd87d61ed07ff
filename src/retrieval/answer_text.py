"""A prepared answer's Markdown as readable text, and the test for "this is not an answer yet".

Golden answers are shown to the candidate and split into key points, so they keep what helps a
reader (paragraphs, list structure, code blocks for display) and lose what does not: links
become their text, HTML becomes its visible text, images their alt text, in-page navigation
goes, a table becomes one "header: value" line per data row, and an "Answer:" label or a
"Sample answer" sub-heading is dropped. The walk is over markdown-it-py's token stream.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from retrieval.html_text import html_to_text
from retrieval.inline_text import inline_plain
from retrieval.question_marks import A_LABEL

# "Answer here", "TODO", "--", "see above": the notes have a slot for an answer, not an answer.
_PLACEHOLDER = re.compile(
    r"^\W*(?:answer(?:\s+(?:here|goes here|tbd|todo))?|todo|to do|tbd|tba|wip|n/?a|none|"
    r"coming soon|see above|same as above|as above|see below|fill (?:in|me)|write (?:it|this)|"
    r"revisit|revise|redo|\.\.\.|…|\?+|no idea.*|look (?:it |this )?up.*|"
    r"need to (?:look up|research|revise|learn).*|"
    r"(?:i )?(?:haven'?t|have not|not yet) (?:practi[sc]ed|written|prepared|answered|done)"
    r"(?: (?:this|it)(?: one)?)?(?: yet)?)\W*$",
    re.IGNORECASE,
)
# "[Write your answer based on decisions.md]" is a note to self.
_NOTE_TO_SELF = re.compile(r"^\[\s*(write|think|fill|add|todo|tbd|review|prepare)\b", re.I)
_ANSWER_LABEL = re.compile(
    r"^(?:(?:my |sample |suggested |model |example )?answer|ans|a|response|my response|me)"
    r"\s*\d*\s*(?::|[.)](?=\s)|\s[-–—](?:\s|$))\s*",
    re.IGNORECASE,
)
_ANSWER_HEADING = re.compile(
    r"^(?:(?:my|your|sample|suggested|model|example|short|long)\s+)?"
    r"(?:answer|response|story|solution)s?\s*:?$",
    re.IGNORECASE,
)
_BULLET_CHARS = "•◦▪▸►‣∙·–"
# "**Related:** [Process vs thread](https://...)": a pointer elsewhere, not part of the answer.
_RELATED = re.compile(
    r"^\W*(?:related|see also|read more|further reading|references?|sources?|links?)\W*:"
    r"(?:\W*\[[^\]]*\]\([^)]*\)\W*)+$",
    re.IGNORECASE,
)
_PROSE_INFO = frozenset(("", "text", "txt", "md", "markdown", "plain", "plaintext", "star"))
_CODE_CHARS = re.compile(r"[{};=<>$]|\(\)|^\s*(?:def|class|import|SELECT|from)\b")


def is_answer_heading(title: str) -> bool:
    """ "Your response", "Sample answer", "Answer": a label over the answer, not a topic."""
    return bool(_ANSWER_HEADING.match(inline_plain(title).strip()))


def is_placeholder(text: str) -> bool:
    plain = text.strip().strip("_*`()").strip()
    if not re.search(r"\w", plain):  # "--", "—", "?": a slot left empty
        return True
    return bool(_PLACEHOLDER.match(plain)) or bool(_NOTE_TO_SELF.match(plain))


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def clean_answer(markdown: str) -> str:
    """Readable text of an answer written in Markdown (see the module docstring)."""
    lines = _render(markdown_parser().parse(markdown))
    text = "\n".join(lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return _ANSWER_LABEL.sub("", text, count=1).strip()


def _render(tokens: list[Token]) -> list[str]:
    renderer = _Renderer(tokens)
    renderer.run()
    return renderer.out


class _Renderer:
    """One pass over the block tokens; list nesting decides indents and markers."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.out: list[str] = []
        self.lists: list[int] = []  # per open list: next number, or 0 for bullets
        self.first_in_item = False

    @property
    def indent(self) -> str:
        return "  " * max(len(self.lists) - 1, 0)

    def run(self) -> None:
        i = 0
        while i < len(self.tokens):
            i = self.block(i) + 1

    def block(self, i: int) -> int:
        """Render the block starting at token i; return the index of its last token."""
        token = self.tokens[i]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
            self.lists.append(start)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            if not self.lists:
                self.out.append("")
        elif kind == "list_item_open":
            self.first_in_item = True
        elif kind == "paragraph_open":
            self.paragraph(self.tokens[i + 1].content)
            return i + 2
        elif kind == "heading_open":
            title = inline_plain(self.tokens[i + 1].content)
            if title and not is_answer_heading(title):
                self.out.append(title if title.endswith((":", "?")) else f"{title}:")
            return i + 2
        elif kind in ("fence", "code_block"):
            self.out += _code(token, self.indent if self.lists else "")
        elif kind == "table_open":
            close = next(
                j for j in range(i, len(self.tokens)) if self.tokens[j].type == "table_close"
            )
            rows = table_rows(self.tokens[i : close + 1])
            self.out += [f"{self.indent}- {row}" for row in rows] + [""]
            return close
        elif kind == "html_block":
            self.out += [*html_to_text(token.content).splitlines(), ""]
        return i

    def paragraph(self, content: str) -> None:
        lines = _paragraph(content)
        if not self.lists:
            self.out += [*lines, ""]
            return
        prefix = ""
        if self.first_in_item:
            number = self.lists[-1]
            prefix = f"{number}. " if number else "- "
            if number:
                self.lists[-1] = number + 1
            self.first_in_item = False
        for n, line in enumerate(lines):
            lead = prefix if n == 0 else ("  " if prefix else "")
            self.out.append(f"{self.indent}{lead}{line}")


def _paragraph(content: str) -> list[str]:
    """Wrapped lines join into one; a line that opens with a bullet character or a label
    ("S: ...") starts a new one. Inline markup is parsed per joined line, so emphasis that
    wraps across a line break still comes off."""
    groups: list[str] = []
    for raw in content.split("\n"):
        stripped = raw.strip()
        if stripped and stripped[0] in _BULLET_CHARS:
            groups.append("- " + stripped[1:].strip())
        elif groups and stripped and not _is_label_line(stripped):
            groups[-1] = f"{groups[-1]} {stripped}"
        elif stripped:
            groups.append(stripped)
    lines = [
        "- " + inline_plain(g[2:]) if g.startswith("- ") else inline_plain(g)
        for g in groups
        if not _RELATED.match(g)
    ]
    return [line for line in lines if line and line != "-"]


def _is_label_line(line: str) -> bool:
    """ "S: ...", "Situation: ...": a STAR line starts a new line, not a wrapped one."""
    return bool(re.match(r"^[A-Z][A-Za-z ]{0,20}:\s", line))


def _code(token: Token, indent: str) -> list[str]:
    info = (token.info or "").strip().split(" ")[0].lower()
    body = token.content.rstrip("\n")
    if info in _PROSE_INFO and _is_prose(body):
        # A STAR story or a sample answer pasted in a fence or indented: it is text to say.
        return [*(_paragraph(body) if not _has_line_labels(body) else _label_lines(body)), ""]
    fence = f"```{info}"
    return [f"{indent}{fence}", *(f"{indent}{line}" for line in body.splitlines()), "```", ""]


def _is_prose(body: str) -> bool:
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines:
        return False
    wordy = [ln for ln in lines if len(ln.split()) >= 4 and not _CODE_CHARS.search(ln)]
    return len(wordy) >= 0.7 * len(lines)


def _has_line_labels(body: str) -> bool:
    return sum(1 for line in body.splitlines() if _is_label_line(line.strip())) >= 2


def _label_lines(body: str) -> list[str]:
    """Labelled lines ("S: ...") each start a line; their wrapped continuations join them."""
    out: list[str] = []
    for raw in body.splitlines():
        line = inline_plain(raw.strip())
        if not line:
            continue
        if _is_label_line(line) or not out:
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
    return out


def table_cells(tokens: list[Token]) -> tuple[list[str], list[list[str]]]:
    """A table's header cells and data rows, as plain text."""
    headers: list[str] = []
    rows: list[list[str]] = []
    in_head = False
    for token in tokens:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open" and not in_head:
            rows.append([])
        elif token.type == "inline":
            (headers if in_head else rows[-1]).append(inline_plain(token.content))
    return headers, rows


def table_rows(tokens: list[Token]) -> list[str]:
    """A table's data rows as "header: value; header: value"; the header row is not a row."""
    headers, rows = table_cells(tokens)
    out = []
    for row in rows:
        pairs = [
            f"{h}: {v}" if h else v
            for h, v in zip(headers, row, strict=False)
            if v and h.strip().lower().rstrip(".") not in ("#", "no", "nr", "id")
        ]
        if pairs:
            out.append("; ".join(pairs))
    return out


_ARROW_LINE = re.compile(r"^\s*(?:→|->)\s*")


def answer_from_notes(source: str) -> str | None:
    """A prepared answer as cut from the notes (labels, arrows, indentation and all) as
    readable text, or None when the notes hold no answer yet."""
    raw = source.strip("\n").splitlines()
    # Several "→ ..." lines are points of their own; a single one is just the answer.
    arrow = "- " if sum(1 for line in raw if _ARROW_LINE.match(line)) > 1 else ""
    lines = [_ARROW_LINE.sub(arrow, line.rstrip()) for line in raw]
    text = dedent("\n".join(lines)).strip()
    if A_LABEL.match(text):  # "- A: ..." as a sibling bullet: drop the bullet with the label
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


def dedent(text: str) -> str:
    """Text with the indentation its lines share taken off."""
    lines = text.splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)
