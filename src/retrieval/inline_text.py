"""One line or paragraph of Markdown as the plain text a reader sees.

markdown-it-py parses the inline syntax (emphasis, code, links, images, inline HTML), so a link
becomes its text, an image its alt text, and `*args and **kwargs` stays as written because it
is not emphasis. Regexes over raw Markdown got each of these wrong somewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from retrieval.html_text import html_to_text, is_navigation_text

_NAV_PHRASE = re.compile(r"[↥⬆⇧↑]\s*(?:back\s+to\s+top)?|\bback\s+to\s+top\b", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_TAG = re.compile(r"^<\s*(/)?\s*([a-zA-Z][\w-]*)")
_STRAY_EMPHASIS = re.compile(r"^(?:\*\*|__)\s*|\s*(?:\*\*|__)$")


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark")


@lru_cache(maxsize=8192)
def inline_plain(text: str) -> str:
    """Plain text of inline Markdown; line breaks become spaces."""
    tokens = _md().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    out: list[str] = []
    link: list[str] | None = None  # text of an open link, dropped if it is only navigation
    link_in_page = False
    html_anchor: list[str] | None = None
    for token in children:
        sink = html_anchor if html_anchor is not None else link if link is not None else out
        if token.type in ("text", "code_inline"):
            sink.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            sink.append(" ")
        elif token.type == "image":
            sink.append(token.content)
        elif token.type == "link_open":
            link, link_in_page = [], str(token.attrGet("href") or "").startswith("#")
        elif token.type == "link_close" and link is not None:
            text = "".join(link)
            if not (link_in_page and is_navigation_text(text)):
                (html_anchor if html_anchor is not None else out).append(text)
            link = None
        elif token.type == "html_inline":
            html_anchor = _html_inline(token.content, sink, html_anchor, out)
    joined = re.sub(r"\s+", " ", "".join(out))
    text = _NAV_PHRASE.sub("", joined).replace("\ufe0f", "")
    if text != joined or _dropped_navigation(children):
        text = _EMPTY_BRACKETS.sub("", text)  # "(↥ back to top)" leaves "()" behind
    return _STRAY_EMPHASIS.sub("", text.strip()).strip()


def _dropped_navigation(children: list) -> bool:
    return any(
        t.type == "link_open" and str(t.attrGet("href") or "").startswith("#") for t in children
    ) or any(
        t.type == "html_inline" and re.search(r"href\s*=\s*[\"']?#", t.content) for t in children
    )


def _html_inline(
    tag: str, sink: list[str], anchor: list[str] | None, out: list[str]
) -> list[str] | None:
    """Inline HTML: `<br>` is a space, `<img>` its alt text, an in-page `<a>` may be nav."""
    match = _TAG.match(tag)
    if not match:
        return anchor
    closing, name = bool(match.group(1)), match.group(2).lower()
    if name == "a" and not closing and re.search(r"href\s*=\s*[\"']?#", tag):
        return []
    if name == "a" and closing and anchor is not None:
        text = "".join(anchor)
        if not is_navigation_text(text):
            out.append(text)
        return None
    if name in ("br", "p", "div", "li"):
        sink.append(" ")
    elif name == "img":
        sink.append(html_to_text(tag))
    return anchor
