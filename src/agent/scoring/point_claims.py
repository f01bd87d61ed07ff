"""The separate claims inside one key point, read one by one.

People pack several facts into one bullet of their notes: "SELECT * scans every column ->
expensive; LIMIT does NOT reduce bytes scanned", or a STAR "Action:" line with four things they
did. Read whole, a point like that looks covered by an answer that says the first half and gets
the second half wrong, and the report cannot say which half is missing. So each point is split
where people separate facts (semicolons, sentence ends) and each claim is read on its own; a
"Label:" in front ("Star:", "L2 (Ridge):") goes with every claim, since it names their subject.
Commas and arrows are left alone: they join a list or a cause to its effect within one fact.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^([^:;.]{2,40}?):\s+(?=\S)")
_BREAK = re.compile(r";\s+|(?<=[a-z0-9)%\]])\.\s+(?=[A-Z(])")
_WORD = re.compile(r"[A-Za-z]{2,}|\d+")
MIN_WORDS = 3
"""A piece with fewer words is not a claim of its own ("lambda = strength" has three): it
stays with the claim before it."""


def without_label(claim: str) -> str:
    """The claim without its "Label:" ("L2 (Ridge): handles..." -> "handles...")."""
    found = _LABEL.match(claim)
    return claim[found.end() :] if found else claim


def point_claims(point: str) -> list[str]:
    """The point's claims in order; a point with one claim gives itself."""
    text = point.strip()
    label_match = _LABEL.match(text)
    label = label_match.group(1) if label_match else ""
    body = text[label_match.end() :] if label_match else text
    pieces: list[str] = []
    for piece in _BREAK.split(body):
        piece = piece.strip().rstrip(".;")
        if not piece:
            continue
        if pieces and len(_WORD.findall(piece)) < MIN_WORDS:
            pieces[-1] = f"{pieces[-1]}; {piece}"
        else:
            pieces.append(piece)
    if len(pieces) <= 1:
        return [text]
    return [f"{label}: {p}" if label else p for p in pieces]
