"""The session index beside LangGraph's checkpoints, in the same SQLite file.

Checkpoints hold every turn; this table holds what listing and planning need without replaying
them: when a session ran, its status, its mode, its plan and its final report.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SessionStoreError(RuntimeError):
    """The sessions database cannot be used; the message says which file and why."""


@dataclass(frozen=True)
class SessionRow:
    id: str
    created: float
    updated: float
    status: str
    mode: str
    config: dict[str, Any]
    report: dict[str, Any] | None


_SCHEMA = """
CREATE TABLE IF NOT EXISTS rehearse_sessions (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    status TEXT NOT NULL,
    mode TEXT NOT NULL,
    config TEXT NOT NULL,
    report TEXT
)
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the sessions database; a damaged file is reported, never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(_SCHEMA)
        conn.execute("SELECT count(*) FROM rehearse_sessions").fetchone()
    except sqlite3.DatabaseError as exc:
        raise SessionStoreError(
            f"The sessions database {path} is unreadable ({exc}). It was left untouched; move "
            "it aside to start fresh, or pass another --data-dir."
        ) from exc
    return conn


class SessionStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def create(self, session_id: str, mode: str, config: dict[str, Any]) -> None:
        now = time.time()
        self._conn.execute(
            "INSERT INTO rehearse_sessions VALUES (?, ?, ?, 'in progress', ?, ?, NULL)",
            (session_id, now, now, mode, json.dumps(config)),
        )

    def update(
        self,
        session_id: str,
        *,
        status: str | None = None,
        report: dict[str, Any] | None = None,
        config: dict[str, Any] | None = None,
    ) -> None:
        row = self.get(session_id)
        if row is None:
            return
        self._conn.execute(
            "UPDATE rehearse_sessions SET updated=?, status=?, report=?, config=? WHERE id=?",
            (
                time.time(),
                status or row.status,
                json.dumps(report)
                if report is not None
                else (json.dumps(row.report) if row.report else None),
                json.dumps(config if config is not None else row.config),
                session_id,
            ),
        )

    def get(self, session_id: str) -> SessionRow | None:
        cur = self._conn.execute("SELECT * FROM rehearse_sessions WHERE id=?", (session_id,))
        found = cur.fetchone()
        return _row(found) if found else None

    def list(self, limit: int = 50) -> list[SessionRow]:
        cur = self._conn.execute(
            "SELECT * FROM rehearse_sessions ORDER BY created DESC LIMIT ?", (limit,)
        )
        return [_row(r) for r in cur.fetchall()]

    def reports(self, exclude: str | None = None) -> list[dict[str, Any]]:
        return [r.report for r in self.list(200) if r.report and r.id != exclude]

    def recent_questions(self, sessions: int = 3) -> list[str]:
        asked: list[str] = []
        for row in self.list(sessions):
            asked.extend(row.config.get("plan", []))
        return asked


def _row(r: tuple) -> SessionRow:
    return SessionRow(
        r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]) if r[6] else None
    )
