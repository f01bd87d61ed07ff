"""The plain front end: the whole interview on stdin/stdout, for any terminal or script.

An answer is the lines typed until a blank line (or a line with a single `.`, for answers that
contain blank lines, type `/multi` first). Commands: /hint /skip /repeat /end /help.
End of input ends the interview; everything is already checkpointed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from agent.events import Event, HintEvent, NoticeEvent, QuestionEvent, ReportEvent, ScoreEvent
from agent.session import InterviewSession

HELP = (
    "Type your answer; a blank line submits it. Commands: /hint (a nudge from your notes), "
    "/skip, /repeat, /end (finish now, with a report), /multi (answer with blank lines; "
    "finish with a line holding only '.'), /help."
)


class PlainFrontEnd:
    def __init__(self, session: InterviewSession, stdin: TextIO, stdout: TextIO) -> None:
        self._session = session
        self._in = stdin
        self._out = stdout

    def say(self, text: str = "") -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def run(self) -> int:
        self.say(f"Session {self._session.session_id}. {HELP}")
        self.show(self._session.start())
        while not self._session.finished:
            line = self._read_answer()
            if line is None:
                self.say("\n(end of input: finishing the interview)")
                self.show(self._session.end())
                break
            self.show(self._dispatch(line))
        return 0

    def _dispatch(self, text: str) -> list[Event]:
        commands: dict[str, Callable[[], list[Event]]] = {
            "/hint": self._session.hint,
            "/skip": self._session.skip,
            "/repeat": self._session.repeat,
            "/end": self._session.end,
        }
        command = text.strip().lower()
        if command in commands:
            return commands[command]()
        if command == "/help":
            self.say(HELP)
            return []
        return self._session.answer(text)

    def _read_answer(self) -> str | None:
        self._out.write("> ")
        self._out.flush()
        lines: list[str] = []
        multi = False
        while True:
            line = self._in.readline()
            if not line:
                return "\n".join(lines) if lines else None
            line = line.rstrip("\n")
            if not lines and line.strip().lower() == "/multi":
                multi = True
                continue
            if (multi and line.strip() == ".") or (not multi and not line.strip() and lines):
                return "\n".join(lines)
            if not multi and not lines and line.strip().startswith("/"):
                return line.strip()
            if line.strip() or multi:
                lines.append(line)

    def show(self, events: list[Event]) -> None:
        # When a follow-up comes next, its missed points stay hidden: naming them would answer
        # the follow-up. They are shown once the question is done, and in the report.
        conceal = any(isinstance(e, QuestionEvent) and e.follow_up for e in events)
        for event in events:
            if isinstance(event, QuestionEvent):
                self._question(event)
            elif isinstance(event, HintEvent):
                self.say(f"  hint: {event.text}")
            elif isinstance(event, ScoreEvent):
                self._score(event, conceal)
            elif isinstance(event, NoticeEvent):
                self.say(f"  note: {event.text}")
            elif isinstance(event, ReportEvent):
                self._report(event.report)

    def _question(self, e: QuestionEvent) -> None:
        label = "Follow-up" if e.follow_up else f"Question {e.index} of {e.total}"
        self.say("")
        self.say(f"{label}: {e.text}")
        if not e.follow_up:
            self.say(f"  (from {e.source})")

    def _score(self, e: ScoreEvent, conceal: bool) -> None:
        g = e.grade
        criteria = ", ".join(f"{k} {v}" for k, v in g["criteria"].items())
        self.say(
            f"  score {g['score']:.1f}/5 ({criteria}); {g['scorer']}, "
            f"confidence {g['confidence']:.2f}"
        )
        for point in g["covered"]:
            self.say(f"  + {point}")
        if conceal and g["missing"]:
            self.say(f"  - missed {len(g['missing'])} point(s); the follow-up asks about one")
            return
        for point in g["missing"]:
            self.say(f"  - missed: {point}")

    def _report(self, report: dict) -> None:
        self.say("")
        self.say("=" * 60)
        overall = report.get("overall")
        self.say(
            f"Report: overall {overall:.2f}/5"
            if overall is not None
            else "Report: no answers were scored"
        )
        for name, value in report.get("criteria", {}).items():
            self.say(f"  {name:<12} {value:.2f}")
        for q in report.get("questions", []):
            status = (
                "skipped"
                if q["skipped"]
                else (f"{q['score']:.1f}/5" if q["score"] is not None else "not answered")
            )
            low = " (low confidence)" if q.get("low_confidence") else ""
            self.say(f"- {q['question']}: {status}{low}")
            for point in q["missing"]:
                self.say(f"    missed: {point}")
            for source in q["reread"]:
                self.say(f"    re-read: {source}")
        for topic, t in report.get("trend", {}).items():
            self.say(f"  trend {topic}: {t['before']:.2f} -> {t['now']:.2f}")
        if report.get("weakest_topics"):
            self.say("Practise next: " + "; ".join(report["weakest_topics"]))
        self.say(f"Export: rehearse sessions export {self._session.session_id} --format md")


def run_plain(session: InterviewSession) -> int:
    return PlainFrontEnd(session, sys.stdin, sys.stdout).run()
