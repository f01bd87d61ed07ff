"""Writing a report to a file, for the app's export keys and `rehearse sessions export`.

Markdown is the report's lines (every answer included) followed by the transcript; JSON is the
typed report and the transcript as data. Files go to the data dir's `exports/` folder unless a
path is given, so an export never lands in whatever folder the app was started from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from agent.report import Report
from agent.report_lines import render_markdown
from agent.state import Turn

Format = Literal["md", "json"]

_WHO = {"interviewer": "Interviewer", "candidate": "You", "system": "Rehearse"}


def transcript_lines(transcript: list[Turn]) -> list[str]:
    """One line per turn, labelled by who spoke; the same for `sessions show` and exports."""
    lines = []
    for t in transcript:
        # "report" turns exist only in sessions recorded before reports moved to the index.
        if t.get("kind") in ("report", "end"):
            continue
        who = _WHO.get(t.get("role", ""), "Rehearse")
        if t.get("kind") == "score":
            who = "Score"
        lines.append(f"{who}: {t.get('text', '')}")
    return lines


def export_text(
    session_id: str, report: Report | None, transcript: list[Turn], kind: Format, status: str = ""
) -> str:
    if kind == "json":
        payload = {
            "id": session_id,
            "status": status or ("finished" if report else "in progress"),
            "report": report.model_dump(mode="json") if report else None,
            "transcript": transcript,
        }
        return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    if report is None:
        head = (
            f"# Session {session_id} (in progress)\n\nNo report yet: resume it with "
            f"`rehearse interview --resume {session_id}`.\n"
        )
    else:
        head = render_markdown(report)
    body = "\n".join(f"- {line}" for line in transcript_lines(transcript))
    return f"{head}\n## Transcript\n\n{body}\n"


def export_report(
    session_id: str,
    report: Report | None,
    transcript: list[Turn],
    kind: Format,
    exports_dir: Path,
    path: Path | None = None,
) -> Path:
    """Write the export and return where it went. Raises OSError with the reason."""
    target = path or exports_dir / f"rehearse-{session_id}.{kind}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(export_text(session_id, report, transcript, kind), encoding="utf-8")
    return target
