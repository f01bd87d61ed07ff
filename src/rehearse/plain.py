"""The plain front end: the whole interview on stdin/stdout, for any terminal or script.

An answer is the lines typed until a blank line (type `/multi` first for answers with blank
lines, and finish them with a line holding only `.`). Slash commands come from
`agent.actions`. End of input ends the interview; everything is already checkpointed. When
answers are piped in, each one is echoed after its prompt so the output reads as a transcript.
"""

from __future__ import annotations

import sys
from typing import TextIO

from agent.actions import BY_COMMAND, plain_help
from agent.events import (
    ClarifyEvent,
    Event,
    HintEvent,
    ModelAnswerEvent,
    NoticeEvent,
    QuestionEvent,
    ReportEvent,
    ScoreEvent,
)
from agent.interfaces import Session
from agent.report import Report
from agent.report_lines import Line, report_lines

_PREFIX = {
    "title": "",
    "summary": "",
    "overall": "",
    "criterion": "  ",
    "section": "\n== ",
    "question": "\n",
    "meta": "   ",
    "status": "   ",
    "answer": "   > ",
    "covered": "   + ",
    "covered_late": "   + ",
    "missed": "   - missed: ",
    "notice": "   note: ",
    "model_answer": "   prepared answer: ",
    "attempt": "   ",
    "reread": "   ",
    "item": "  - ",
}


def plain_line(line: Line) -> str:
    text = line.text.replace("\n", "\n     ")
    suffix = " ==" if line.kind == "section" else ""
    return f"{_PREFIX.get(line.kind, '')}{text}{suffix}"


class PlainFrontEnd:
    def __init__(
        self, session: Session, stdin: TextIO, stdout: TextIO, echo: bool | None = None
    ) -> None:
        self._session = session
        self._in = stdin
        self._out = stdout
        self._echo = (not _isatty(stdin)) if echo is None else echo

    def say(self, text: str = "") -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def run(self) -> int:
        self.say(f"Session {self._session.session_id}. {plain_help()}")
        self.show(self._session.start())
        while not self._session.finished:
            line = self._read_answer()
            if line is None:
                self.say("\n(end of input: finishing the interview)")
                self.show(self._session.end())
                break
            if line.strip().lower() == "/quit":
                self.say(
                    f"Saved. Resume with: rehearse interview --resume {self._session.session_id}"
                )
                return 0
            self.show(self._dispatch(line))
        return 0

    def _dispatch(self, text: str) -> list[Event]:
        command = text.strip().lower()
        action = BY_COMMAND.get(command)
        if action is not None:
            return getattr(self._session, action.name)()
        if command == "/help":
            self.say(plain_help())
            return []
        if command.startswith("/") and " " not in command:
            self.say(f"  note: no command {command}; /help lists them.")
            return []
        return self._session.answer(text)

    def _read_answer(self) -> str | None:
        self._out.write("> ")
        self._out.flush()
        text = self._collect()
        if text is not None and self._echo:
            self.say(text.replace("\n", "\n  "))
        elif text is None and self._echo:
            self.say("")
        return text

    def _collect(self) -> str | None:
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
        for event in events:
            if isinstance(event, QuestionEvent):
                self._question(event)
            elif isinstance(event, HintEvent):
                self.say(f"  hint {event.level}: {event.text}")
            elif isinstance(event, ClarifyEvent):
                self.say(f"Interviewer: {event.text}")
            elif isinstance(event, ScoreEvent):
                self._score(event)
            elif isinstance(event, NoticeEvent):
                self.say(f"  note: {event.text}")
            elif isinstance(event, ModelAnswerEvent):
                self._model_answer(event)
            elif isinstance(event, ReportEvent):
                self._report(event.report)

    def _question(self, e: QuestionEvent) -> None:
        label = "Follow-up" if e.follow_up else f"Question {e.index} of {e.total}"
        self.say("")
        self.say(f"{label}: {e.text}")
        if not e.follow_up:
            self.say(f"  (from {e.source})")

    def _score(self, e: ScoreEvent) -> None:
        g = e.grade
        criteria = ", ".join(f"{k} {v}" for k, v in g.criteria.items())
        self.say(f"  score {g.score:.1f}/5 ({criteria}); {g.scorer}, confidence {g.confidence:.2f}")
        late = set(e.after_follow_up)
        for point in g.covered:
            self.say(f"  + {point}" + (" (after follow-up)" if point in late else ""))
        if e.missing_hidden and g.missing:
            self.say(f"  - missed {len(g.missing)} point(s); the follow-up asks about one")
        for point in e.visible_missing:
            self.say(f"  - missed: {point}")

    def _model_answer(self, e: ModelAnswerEvent) -> None:
        self.say(f"\nModel answer for: {e.question}")
        if not e.model_answer:
            self.say("  Your notes have no prepared answer for this question.")
        else:
            for row in e.model_answer.splitlines():
                self.say(f"  | {row}")
        self.say("Your answer:")
        for row in e.answer.splitlines():
            self.say(f"  > {row}")
        for point in e.covered:
            said = e.evidence.get(point)
            self.say(f"  + {point}" + (f"  <- you said: {said}" if said else ""))
        self.say("  (/retry answers it again)")

    def _report(self, report: Report) -> None:
        self.say("")
        self.say("=" * 60)
        for line in report_lines(report):
            self.say(plain_line(line))
        self.say(f"\nExport: rehearse sessions export {self._session.session_id} --format md")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_plain(session: Session) -> int:
    return PlainFrontEnd(session, sys.stdin, sys.stdout).run()
