"""The sessions database: LangGraph's checkpoints and a session index, in one SQLite file.

Checkpoints hold every turn; the index holds what listing, planning and trends need without
replaying them: when a session ran, its status, its mode, its plan and its report (stored here
once). This module owns the file: nothing else opens it or reads checkpoint internals, so
transcripts are asked of the store.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.report import Report

if TYPE_CHECKING:
    from agent.state import Turn


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
    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self._conn = conn
        self._path = path
        self._saver: Any = None

    @classmethod
    def open(cls, path: Path) -> SessionStore:
        return cls(connect(path), path)

    @property
    def checkpointer(self) -> Any:
        """LangGraph's SQLite saver on this database (made on first use: it imports
        langgraph, which the first screen must not wait for)."""
        if self._saver is None:
            from langgraph.checkpoint.sqlite import SqliteSaver

            try:
                saver = SqliteSaver(self._conn)
                saver.setup()
            except sqlite3.DatabaseError as exc:
                raise SessionStoreError(
                    f"The sessions database {self._path} is unreadable ({exc})."
                ) from exc
            self._saver = saver
        return self._saver

    def transcript(self, session_id: str) -> list[Turn]:
        """Every turn of a session, from its latest checkpoint."""
        checkpoint = self.checkpointer.get({"configurable": {"thread_id": session_id}})
        if not checkpoint:
            return []
        return list(checkpoint["channel_values"].get("transcript", []))

    def asked(self, session_id: str) -> int:
        """How many questions were put to the candidate (not how many were planned)."""
        checkpoint = self.checkpointer.get({"configurable": {"thread_id": session_id}})
        if not checkpoint:
            return 0
        return len(checkpoint["channel_values"].get("records", {}))

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

    def finish(self, session_id: str, report: Report) -> None:
        self.update(session_id, status="finished", report=report.model_dump(mode="json"))

    def report(self, session_id: str) -> Report | None:
        row = self.get(session_id)
        if row is None or not row.report:
            return None
        try:
            return Report.model_validate(row.report)
        except ValueError:  # a report from an older version: shown as missing, not a crash
            return None

    def reports(self, exclude: str | None = None) -> list[dict[str, Any]]:
        """Earlier reports, newest first, as stored (trends read only their `topics`)."""
        return [r.report for r in self.list(200) if r.report and r.id != exclude]

    def recent_questions(self, sessions: int = 3) -> list[str]:
        """Questions asked in the last few sessions; plans without a seed avoid them."""
        asked: list[str] = []
        for row in self.list(sessions):
            asked.extend(row.config.get("plan", []))
        return asked


def _row(r: tuple) -> SessionRow:
    return SessionRow(
        r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]) if r[6] else None
    )
