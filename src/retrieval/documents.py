"""Finding and reading corpus files, with a one-line reason for every file we cannot use.

A candidate's corpus folder holds whatever they dropped in: exported notes, a PDF by mistake, an
empty file. One bad file must never stop the rest from being ingested.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from retrieval.text_repair import repair_text

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Document:
    doc_id: str
    """The file name without its suffix: stable, readable, and what `--doc` matches."""
    path: Path
    text: str
    """The repaired text; character offsets of chunks refer to it."""
    sha: str
    """Hash of the file's bytes: an unchanged file is skipped on re-ingest."""


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


def discover(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to read under `paths`; a named file with another suffix is reported, not read."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUFFIXES and not _hidden(p, path)
            )
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                found.append(path)
            else:
                skipped.append(
                    Skipped(path, f"not a Markdown or text file ({path.suffix or 'no suffix'})")
                )
        else:
            skipped.append(Skipped(path, "no such file or directory"))
    return list(dict.fromkeys(found)), skipped


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_document(path: Path) -> Document | Skipped:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(
                path, f"too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)"
            )
        raw = path.read_bytes()
    except OSError as exc:
        return Skipped(path, f"cannot read: {exc.strerror or exc}")
    if not raw.strip():
        return Skipped(path, "empty file")
    if b"\x00" in raw[:8192]:
        return Skipped(path, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(path, f"not UTF-8 text (undecodable byte at offset {exc.start})")
    text = repair_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    return Document(doc_id=path.stem, path=path, text=text, sha=hashlib.sha256(raw).hexdigest())
