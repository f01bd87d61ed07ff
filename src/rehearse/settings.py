"""Where Rehearse keeps its data, and which store it talks to.

Precedence for every setting: command-line flag, then environment variable, then default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

DEFAULT_CORPUS = Path("corpus")


@dataclass(frozen=True)
class StoreSettings:
    data_dir: Path
    data_dir_from: str
    chroma_url: str | None
    chroma_url_from: str


def resolve_store_settings(data_dir: str | None, chroma_url: str | None) -> StoreSettings:
    if data_dir:
        resolved, source = Path(data_dir), "flag --data-dir"
    elif os.environ.get("REHEARSE_DATA_DIR"):
        resolved, source = Path(os.environ["REHEARSE_DATA_DIR"]), "env REHEARSE_DATA_DIR"
    else:
        resolved, source = Path(user_data_dir("rehearse", appauthor=False)), "default"
    if chroma_url:
        url, url_from = chroma_url, "flag --chroma-url"
    elif os.environ.get("REHEARSE_CHROMA_URL"):
        url, url_from = os.environ["REHEARSE_CHROMA_URL"], "env REHEARSE_CHROMA_URL"
    else:
        url, url_from = None, "default (local store in the data dir)"
    return StoreSettings(resolved.expanduser(), source, url, url_from)
