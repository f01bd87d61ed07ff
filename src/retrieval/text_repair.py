"""Repair of mojibake in prep documents.

Candidates paste notes between editors, and UTF-8 text often ends up decoded as cp1252 or Mac
Roman (`â†’` for `→`, `‚Äô` for `’`). We repair at ingestion and never touch the files, so the
candidate's originals stay as they wrote them.
"""

from __future__ import annotations

import re

import ftfy

# Only undo encoding damage. Everything else ftfy can "fix" (curly quotes to straight, ligatures,
# width) would change the candidate's text, and curly quotes must stay curly.
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
)


def repair_text(text: str) -> str:
    """Return `text` with UTF-8-read-as-cp1252/Mac-Roman damage undone, line by line.

    Line by line because one damaged line must not make ftfy doubt a whole clean file, and a
    line keeps its place, so line numbers stay meaningful.
    """
    return "".join(
        _redecode_runs(ftfy.fix_text(line, _CONFIG)) for line in text.splitlines(keepends=True)
    )


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def _redecode_runs(line: str) -> str:
    """Undo what ftfy judges too short to be sure of, such as a lone `‚Üí` (Mac Roman for →).

    A run of non-ASCII characters is replaced only when it re-encodes in the legacy charset to
    bytes that are valid UTF-8; real accented text ("café", "—") never does, because a lone
    legacy byte above 0x7f is not a UTF-8 sequence.
    """

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        for legacy in ("mac_roman", "cp1252"):
            try:
                return run.encode(legacy).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        return run

    return _NON_ASCII_RUN.sub(fix, line)
