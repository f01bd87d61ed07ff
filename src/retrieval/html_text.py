"""HTML inside Markdown notes, as the text a reader sees.

Notes copied from GitHub interview-question repos are full of HTML: centred titles, badges,
`<details>` blocks and a "↥ back to top" link after every answer. A real HTML parser (the
standard library's) turns a fragment into its visible text: images give their alt text, and
in-page navigation links are dropped, because reading "back to top" to a candidate is noise.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_NAV_TEXT = re.compile(
    r"^\W*(?:(?:back\s+to\s+|go\s+to\s+)?(?:the\s+)?"
    r"(?:top|table\s+of\s+contents|contents|toc|index)|home|up|back)\W*$",
    re.IGNORECASE,
)
_BREAKS = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 details summary table ul ol pre blockquote".split()
)
_SKIP = frozenset(("script", "style", "head"))


def is_navigation_text(text: str) -> bool:
    """True for link texts such as "↥ back to top", "Back to Table of Contents", "⬆ top"."""
    stripped = text.strip()
    return not re.sub(r"[\W_]+", "", stripped) or bool(_NAV_TEXT.match(stripped))


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._anchor: list[str] | None = None
        """Text of an open in-page link (`href="#..."`), kept until we see whether it is nav."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _SKIP:
            self._skip += 1
        elif tag == "img" and values.get("alt"):
            self._emit(values["alt"] or "")
        elif tag == "a" and (values.get("href") or "").startswith("#"):
            self._anchor = []
        elif tag in _BREAKS:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._anchor is not None:
            text, self._anchor = "".join(self._anchor), None
            if not is_navigation_text(text):
                self._emit(text)
        elif tag in _BREAKS:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._emit(data)

    def _emit(self, text: str) -> None:
        if self._anchor is not None:
            self._anchor.append(text)
        else:
            self.parts.append(text)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment: one line per block element, spaces collapsed."""
    parser = _Visible()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    # A line left with no word in it ("()" around a dropped "back to top") is not text.
    return "\n".join(line for line in lines if re.search(r"\w", line))
