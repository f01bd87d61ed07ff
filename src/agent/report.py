"""The end-of-interview report: scores, what was covered and missed, what to re-read.

Built from state alone plus the candidate's earlier reports, as plain data; `render_markdown`
turns it into the text `rehearse sessions export --format md` writes.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import mean
from typing import Any

from agent.state import InterviewState

LOW_CONFIDENCE = 0.5


def build_report(
    state: InterviewState, history: list[dict[str, Any]], ended_at: float, mode: str
) -> dict[str, Any]:
    questions = []
    for question_id in state.get("plan", []):
        record = state.get("records", {}).get(question_id)
        if record is None:
            continue
        grade = record.get("grade") or {}
        questions.append(
            {
                "question_id": question_id,
                "question": record["question"],
                "source": record["source"],
                "topic": record["topic"],
                "skipped": record.get("skipped", False),
                "score": grade.get("score"),
                "criteria": grade.get("criteria", {}),
                "covered": grade.get("covered", []),
                "missing": grade.get("missing", []),
                "scorer": grade.get("scorer"),
                "confidence": grade.get("confidence"),
                "low_confidence": grade.get("confidence") is not None
                and grade["confidence"] < LOW_CONFIDENCE,
                "follow_ups": len(record.get("probed", [])),
                "hints": record.get("hints", 0),
                "fallback": record.get("fallback", False),
                "reread": [record["source"]]
                if grade.get("missing") or record.get("skipped")
                else [],
            }
        )
    scored = [q for q in questions if q["score"] is not None]
    topics = _topic_scores(questions)
    return {
        "started_at": state.get("started_at"),
        "ended_at": ended_at,
        "mode": mode,
        "asked": len(questions),
        "answered": len(scored),
        "skipped": sum(1 for q in questions if q["skipped"]),
        "overall": round(mean(q["score"] for q in scored), 2) if scored else None,
        "criteria": _criteria_means(scored),
        "questions": questions,
        "topics": topics,
        "trend": _trend(topics, history),
        "weakest_topics": sorted(topics, key=lambda t: topics[t])[:3],
    }


def _criteria_means(scored: list[dict[str, Any]]) -> dict[str, float]:
    values: dict[str, list[int]] = defaultdict(list)
    for q in scored:
        for name, value in q["criteria"].items():
            values[name].append(value)
    return {name: round(mean(v), 2) for name, v in values.items()}


def _topic_scores(questions: list[dict[str, Any]]) -> dict[str, float]:
    by_topic: dict[str, list[float]] = defaultdict(list)
    for q in questions:
        # A skipped question counts as the lowest score: it is what needs practice most.
        by_topic[q["topic"]].append(q["score"] if q["score"] is not None else 1.0)
    return {topic: round(mean(s), 2) for topic, s in by_topic.items()}


def _trend(topics: dict[str, float], history: list[dict[str, Any]]) -> dict[str, Any]:
    trend = {}
    for topic, now in topics.items():
        earlier = [h["topics"][topic] for h in history if topic in h.get("topics", {})]
        if earlier:
            trend[topic] = {"before": round(mean(earlier), 2), "now": now, "sessions": len(earlier)}
    return trend


def render_markdown(report: dict[str, Any], session_id: str) -> str:
    overall = report["overall"]
    lines = [
        f"# Rehearse report — session {session_id}",
        "",
        f"Mode: {report['mode']} · asked {report['asked']} · answered {report['answered']} · "
        f"skipped {report['skipped']}",
        "",
        f"**Overall: {overall:.2f} / 5**" if overall is not None else "**Overall: no answers**",
        "",
    ]
    if report["criteria"]:
        lines += ["| criterion | mean |", "| --- | --- |"]
        lines += [f"| {k} | {v:.2f} |" for k, v in report["criteria"].items()]
        lines.append("")
    for i, q in enumerate(report["questions"], start=1):
        lines.append(f"## {i}. {q['question']}")
        lines.append(f"Source: {q['source']}")
        if q["skipped"]:
            lines += ["", "Skipped.", ""]
        elif q["score"] is not None:
            crit = ", ".join(f"{k} {v}" for k, v in q["criteria"].items())
            sure = (
                " (low confidence: no prepared answer or thin evidence)"
                if q["low_confidence"]
                else ""
            )
            lines += [
                "",
                f"Score {q['score']:.1f}/5 — {crit} · scorer {q['scorer']}, "
                f"confidence {q['confidence']:.2f}{sure}",
                "",
            ]
        lines += [f"- covered: {p}" for p in q["covered"]]
        lines += [f"- missed: {p}" for p in q["missing"]]
        if q["reread"]:
            lines.append(f"- re-read: {'; '.join(q['reread'])}")
        lines.append("")
    if report["trend"]:
        lines += ["## Trend", ""]
        lines += [
            f"- {t}: {v['before']:.2f} → {v['now']:.2f} ({v['sessions']} earlier)"
            for t, v in report["trend"].items()
        ]
        lines.append("")
    if report["weakest_topics"]:
        lines += ["## Practise next", ""] + [f"- {t}" for t in report["weakest_topics"]] + [""]
    return "\n".join(lines)
