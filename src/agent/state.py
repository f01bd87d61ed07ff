"""The interview's state: what the graph checkpoints after every step.

Everything here is plain JSON-able data (dicts, lists, strings, numbers), so a checkpoint is
readable with `sqlite3` and survives upgrades; models and the question bank are never in state,
they are passed to the graph builder.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, TypedDict

from agent.actions import Action

__all__ = ["Action", "InterviewConfig", "InterviewState", "Prompt", "QuestionRecord", "Turn"]


class InterviewConfig(TypedDict, total=False):
    n_questions: int
    docs: list[str]
    topics: list[str]
    difficulty: str | None
    max_follow_ups: int
    time_limit_s: float | None
    """Whole-interview time limit; the interview wraps up at the next question boundary."""
    answer_time_limit_s: float | None
    """Per-answer limit, shown by front ends; answers past it are marked late, never dropped."""
    seed: int | None
    """Fixes the plan: the same seed gives the same questions whatever the history."""
    avoid: list[str]
    """Question ids asked in the candidate's recent sessions; planned around when possible
    (only without a seed)."""
    rubric: str | None
    """The rubric's name or file, as chosen; behavioural questions use `behavioural` unless a
    rubric was chosen."""
    timer_mode: Literal["off", "warn", "submit"]
    """What the app does when the answer time is up."""


class Turn(TypedDict, total=False):
    role: Literal["interviewer", "candidate", "system"]
    kind: str
    """question, follow_up, repeat, hint, answer, clarify, clarification, skip, notice, score,
    model_answer, retry, report."""
    text: str
    question_id: str | None
    at: float


class Prompt(TypedDict, total=False):
    kind: Literal["question", "follow_up"]
    question_id: str
    text: str
    source: str
    index: int
    """1-based position of the question in the plan."""
    total: int
    target_point: str | None
    """For a follow-up: the missed key point it probes."""


class QuestionRecord(TypedDict, total=False):
    question_id: str
    question: str
    source: str
    topic: str
    answers: list[str]
    """The candidate's answers to the question and its follow-ups, in order, verbatim."""
    grade: dict[str, Any] | None
    """The latest Grade (model_dump) over all answers so far, follow-up credit included."""
    first_grade: dict[str, Any] | None
    """The grade of the first answer alone: follow-up credit is measured from it."""
    after_follow_up: list[str]
    """Key points first covered in answer to a follow-up."""
    probed: list[str]
    """Key points already asked about in follow-ups."""
    hints: int
    hint_texts: list[str]
    """Hints already given for this question, so none is given twice."""
    attempts: list[dict[str, Any]]
    """Earlier attempts (report.Attempt dumps) when the candidate answered again."""
    skipped: bool
    """Skipped before any answer."""
    follow_ups_skipped: int
    """Follow-ups skipped after the question was answered."""
    fallback: bool
    """True when an LLM call failed and offline scoring stood in."""


class InterviewState(TypedDict, total=False):
    config: InterviewConfig
    plan: list[str]
    """Question ids in asking order."""
    index: int
    """Position in `plan` of the question being asked."""
    prompt: Prompt
    """What the candidate is answering now."""
    last_input: dict[str, Any]
    """The latest thing the candidate did: {"action": Action, "text": str}."""
    records: Annotated[dict[str, QuestionRecord], operator.or_]
    """Per question: answers, grade, probes. Merged by key so nodes return only what changed."""
    transcript: Annotated[list[Turn], operator.add]
    """Every turn, appended; nothing is ever removed."""
    started_at: float
    ended: bool
