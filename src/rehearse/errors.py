"""Errors that end a command with a one-line message instead of a traceback."""

from __future__ import annotations

from retrieval.chunk_store import StoreUnavailable
from retrieval.layout import IndexMissing


class UserError(RuntimeError):
    """Something the user can fix: the message says what and how."""


USER_ERRORS: tuple[type[Exception], ...] = (UserError, StoreUnavailable, IndexMissing)
