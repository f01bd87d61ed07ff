"""A report as lines: the one place that decides what a report says and in what order.

Each front end only dresses the lines: plain mode prints them with ASCII marks, the app styles
them by kind, and `render_markdown` (for exports) turns kinds into Markdown. So the report reads
the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from agent.report import QuestionResult, Report

LineKind = Literal[
    "title",
    "summary",
    "overall",
    "criterion",
    "section",
    "question",
    "meta",
    "status",
    "answer",
    "covered",
    "covered_late",
    "missed",
    "notice",
    "model_answer",
    "attempt",
    "reread",
    "item",
]


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str


def _status_line(q: QuestionResult) -> str:
    if q.status == "skipped":
        return "Skipped."
    if q.status == "not_answered" or q.grade is None:
        return "Not answered: the interview ended before an answer."
    g = q.grade
    criteria = ", ".join(f"{k} {v}" for k, v in g.criteria.items())
    low = " (low confidence: no prepared answer or thin evidence)" if q.low_confidence else ""
    extras = [f"{q.follow_ups} follow-up(s)"] if q.follow_ups else []
    extras += [f"{q.hints} hint(s)"] if q.hints else []
    extras += ["LLM failed: scored offline"] if q.fallback else []
    tail = f" · {' · '.join(extras)}" if extras else ""
    return (
        f"Score {g.score:.1f}/5 ({criteria}) · {g.scorer}, confidence {g.confidence:.2f}{low}{tail}"
    )


def _question_lines(i: int, q: QuestionResult) -> list[Line]:
    lines = [Line("question", f"{i}. {q.question}"), Line("meta", f"Source: {q.source}")]
    for attempt in q.attempts:
        score = f"{attempt.score:.1f}/5" if attempt.score is not None else "not scored"
        lines.append(Line("attempt", f"Earlier attempt: {score}"))
        lines += [Line("answer", f"You said: {a}") for a in attempt.answers]
    lines.append(Line("status", _status_line(q)))
    if q.attempts and q.score is not None and q.attempts[-1].score is not None:
        before = q.attempts[-1]
        gained = [p for p in (q.grade.covered if q.grade else []) if p not in before.covered]
        change = f"{before.score:.1f} → {q.score:.1f}"
        verdict = (
            "Improved"
            if q.score > before.score
            else "Lower than before"
            if q.score < before.score
            else "Same score"
        )
        newly = f"; newly covered: {'; '.join(gained)}" if gained else ""
        lines.append(Line("attempt", f"{verdict}: {change}{newly}"))
    for n, answer in enumerate(q.answers):
        lines.append(Line("answer", ("You said: " if n == 0 else "Then: ") + answer))
    if q.grade:
        late = set(q.after_follow_up)
        lines += [
            Line("covered_late", f"{p} (after follow-up)") if p in late else Line("covered", p)
            for p in q.grade.covered
        ]
        lines += [Line("missed", p) for p in q.grade.missing]
        lines += [Line("notice", n) for n in q.grade.notices]
    if q.model_answer:
        lines.append(Line("model_answer", q.model_answer))
    lines += [Line("reread", f"Re-read: {source}") for source in q.reread]
    return lines


def report_lines(report: Report) -> list[Line]:
    title = f"Rehearse report — session {report.session_id}" if report.session_id else "Report"
    counts = (
        f"Mode {report.mode} · asked {report.asked} · answered {report.answered} · "
        f"skipped {report.skipped} · not answered {report.not_answered} · "
        f"follow-ups {report.follow_ups}"
        + (f" ({report.follow_ups_skipped} follow-up skipped)" if report.follow_ups_skipped else "")
    )
    overall = (
        f"Overall {report.overall:.2f} / 5"
        if report.overall is not None
        else "Overall: no answers were scored"
    )
    lines = [Line("title", title), Line("summary", counts), Line("overall", overall)]
    lines += [Line("criterion", f"{k} {v:.2f}") for k, v in report.criteria.items()]
    if report.questions:
        lines.append(Line("section", "Questions"))
    for i, q in enumerate(report.questions, start=1):
        lines += _question_lines(i, q)
    if report.trend:
        lines.append(Line("section", "Trend: mean score per topic, earlier sessions → now"))
        lines += [
            Line("item", f"{t.topic}: {t.before:.2f} → {t.now:.2f} ({t.sessions} earlier)")
            for t in report.trend
        ]
    if report.practise:
        lines.append(Line("section", "Practise next (weakest first)"))
        for p in report.practise:
            state = {"skipped": "skipped", "not_answered": "not answered"}.get(p.status)
            how = state or f"{p.score:.1f}/5"
            missed = f"; missed: {'; '.join(p.missing)}" if p.missing else ""
            lines.append(Line("item", f"{p.question} ({how}{missed}). Re-read: {p.source}"))
    return lines


_MD_PREFIX: dict[str, str] = {
    "title": "# ",
    "section": "## ",
    "question": "### ",
    "covered": "- ✓ covered: ",
    "covered_late": "- ✓ covered: ",
    "missed": "- ✗ missed: ",
    "notice": "- note: ",
    "reread": "- ",
    "item": "- ",
    "answer": "> ",
}


def render_markdown(report: Report) -> str:
    out: list[str] = []
    for line in report_lines(report):
        if line.kind == "overall":
            out += ["", f"**{line.text}**", ""]
        elif line.kind == "criterion":
            out.append(f"- {line.text}")
        elif line.kind == "model_answer":
            out += ["", "Prepared answer (from your notes):", "", line.text, ""]
        elif line.kind in ("title", "section", "question"):
            out += ["", _MD_PREFIX[line.kind] + line.text, ""]
        elif line.kind == "answer":
            out += ["", *("> " + row for row in line.text.splitlines()), ""]
        else:
            out.append(_MD_PREFIX.get(line.kind, "") + line.text)
    return "\n".join(out).strip() + "\n"
