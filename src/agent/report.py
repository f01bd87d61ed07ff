"""The end-of-interview report, typed, and the one function that builds it.

It is built from the interview's state and the candidate's earlier reports, stored once (in the
session index, by the session), carried to front ends as this model, and turned into text by
`agent.report_lines` for every front end alike.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import mean
from typing import Any, Literal

from pydantic import BaseModel, Field

from agent.grade import Grade
from agent.state import InterviewState, QuestionRecord

LOW_CONFIDENCE = 0.5
PRACTISE_LIMIT = 5

Status = Literal["answered", "skipped", "not_answered"]


class Attempt(BaseModel):
    """An earlier try at a question the candidate chose to answer again."""

    answers: list[str]
    score: float | None
    covered: list[str] = Field(default_factory=list)


class QuestionResult(BaseModel):
    question_id: str
    question: str
    source: str
    topic: str
    status: Status
    answers: list[str] = Field(default_factory=list)
    """Everything the candidate said to the question and its follow-ups, verbatim."""
    grade: Grade | None = None
    after_follow_up: list[str] = Field(default_factory=list)
    """Covered points first given in answer to a follow-up (credited at the rubric's rate)."""
    follow_ups: int = 0
    hints: int = 0
    fallback: bool = False
    """An LLM call failed and the offline scorer stood in."""
    attempts: list[Attempt] = Field(default_factory=list)
    """Earlier attempts, oldest first, when the question was answered again."""
    model_answer: str | None = None
    """The prepared answer from the notes, when there is one."""
    reread: list[str] = Field(default_factory=list)

    @property
    def score(self) -> float | None:
        return self.grade.score if self.grade else None

    @property
    def low_confidence(self) -> bool:
        return self.grade is not None and self.grade.confidence < LOW_CONFIDENCE


class TopicTrend(BaseModel):
    topic: str
    before: float
    now: float
    sessions: int


class PractiseItem(BaseModel):
    """A question to practise, weakest first, with what to re-read for it."""

    question: str
    status: Status
    score: float | None
    missing: list[str]
    source: str


class Report(BaseModel):
    session_id: str = ""
    started_at: float | None = None
    ended_at: float
    mode: str
    asked: int
    """Questions put to the candidate (a planned question never reached is not counted)."""
    answered: int
    skipped: int
    not_answered: int
    """Asked, then the interview ended before any answer."""
    follow_ups: int
    follow_ups_skipped: int = 0
    overall: float | None
    criteria: dict[str, float]
    questions: list[QuestionResult]
    topics: dict[str, float]
    """Mean score per topic over answered questions only."""
    trend: list[TopicTrend]
    practise: list[PractiseItem]

    @property
    def scores(self) -> list[float]:
        return [q.score for q in self.questions if q.score is not None]


def build_report(
    state: InterviewState,
    history: list[dict[str, Any]],
    ended_at: float,
    mode: str,
    session_id: str = "",
    model_answers: dict[str, str | None] | None = None,
) -> Report:
    records = state.get("records", {})
    answers = model_answers or {}
    questions = [
        _result(records[qid], answers.get(qid)) for qid in state.get("plan", []) if qid in records
    ]
    graded = [q for q in questions if q.grade is not None]
    topics = _topic_scores(graded)
    return Report(
        session_id=session_id,
        started_at=state.get("started_at"),
        ended_at=ended_at,
        mode=mode,
        asked=len(questions),
        answered=sum(q.status == "answered" for q in questions),
        skipped=sum(q.status == "skipped" for q in questions),
        not_answered=sum(q.status == "not_answered" for q in questions),
        follow_ups=sum(q.follow_ups for q in questions),
        follow_ups_skipped=sum(r.get("follow_ups_skipped", 0) for r in records.values()),
        overall=round(mean(q.grade.score for q in graded), 2) if graded else None,  # type: ignore[union-attr]
        criteria=_criteria_means(graded),
        questions=questions,
        topics=topics,
        trend=_trend(topics, history),
        practise=_practise(questions),
    )


def _status(record: QuestionRecord) -> Status:
    if any(a.strip() for a in record.get("answers", [])) and record.get("grade"):
        return "answered"
    return "skipped" if record.get("skipped") else "not_answered"


def _result(record: QuestionRecord, model_answer: str | None) -> QuestionResult:
    status = _status(record)
    grade = Grade.model_validate(record["grade"]) if status == "answered" else None
    needs_reread = status != "answered" or bool(grade and grade.missing)
    return QuestionResult(
        question_id=record["question_id"],
        question=record["question"],
        source=record["source"],
        topic=record["topic"],
        status=status,
        answers=[a for a in record.get("answers", []) if a.strip()],
        grade=grade,
        after_follow_up=list(record.get("after_follow_up", [])),
        follow_ups=len(record.get("probed", [])),
        hints=record.get("hints", 0),
        fallback=record.get("fallback", False),
        attempts=[Attempt.model_validate(a) for a in record.get("attempts", [])],
        model_answer=model_answer,
        reread=[record["source"]] if needs_reread else [],
    )


def _criteria_means(graded: list[QuestionResult]) -> dict[str, float]:
    values: dict[str, list[int]] = defaultdict(list)
    for q in graded:
        for name, value in q.grade.criteria.items():  # type: ignore[union-attr]
            values[name].append(value)
    return {name: round(mean(v), 2) for name, v in values.items()}


def _topic_scores(graded: list[QuestionResult]) -> dict[str, float]:
    # Only answers carry a score: a skipped or unreached question says nothing about skill,
    # so it never drags a topic's trend down as a made-up 1.
    by_topic: dict[str, list[float]] = defaultdict(list)
    for q in graded:
        by_topic[q.topic].append(q.grade.score)  # type: ignore[union-attr]
    return {topic: round(mean(s), 2) for topic, s in by_topic.items()}


def _trend(topics: dict[str, float], history: list[dict[str, Any]]) -> list[TopicTrend]:
    trend = []
    for topic, now in topics.items():
        earlier = [h["topics"][topic] for h in history if topic in (h.get("topics") or {})]
        if earlier:
            trend.append(
                TopicTrend(
                    topic=topic, before=round(mean(earlier), 2), now=now, sessions=len(earlier)
                )
            )
    return trend


def _practise(questions: list[QuestionResult]) -> list[PractiseItem]:
    """Questions with something left to learn, weakest first: skipped and unanswered ones,
    then answered ones by score. A question answered in full is not listed."""
    items = []
    for q in questions:
        missing = q.grade.missing if q.grade else []
        if q.status == "answered" and not missing:
            continue
        items.append(
            PractiseItem(
                question=q.question,
                status=q.status,
                score=q.score,
                missing=list(missing),
                source=q.source,
            )
        )
    items.sort(key=lambda p: (p.score is not None, p.score or 0.0))
    return items[:PRACTISE_LIMIT]
