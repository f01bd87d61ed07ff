"""score: grade everything the candidate has said about the current question."""

from __future__ import annotations

from typing import Any

from agent.credit import credit_follow_up
from agent.deps import Deps
from agent.grade import Grade, GradeRequest
from agent.judging import judge
from agent.probing.star import STAR_TARGET, is_behavioural, missing_star_parts, star_parts
from agent.state import InterviewState
from agent.transcript import escape_controls, turn
from retrieval.key_points import key_points
from retrieval.question_bank import Question


def grade_request(q: Question, answers: list[str]) -> tuple[GradeRequest, bool]:
    """The request for a bank question; `grounded` is False without a prepared answer."""
    if q.golden_answer:
        return GradeRequest(
            id=q.id,
            question=q.question,
            reference=[q.golden_answer],
            answer="\n\n".join(answers),
            key_points=q.key_points or None,
        ), True
    # Reference passages are alternatives, each graded on its own key points; their questions
    # ("How do you ensure data quality?") are not points an answer should cover.
    references = [_statements(p.text) for p in q.references]
    references = [r for r in references if key_points(r)] or [q.question]
    return GradeRequest(
        id=q.id, question=q.question, reference=references, answer="\n\n".join(answers)
    ), False


def _statements(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.rstrip().endswith("?"))


def probe_targets(q: Question, record: dict[str, Any], grade: Grade) -> list[str]:
    """What a follow-up may ask about, most important first: for a behavioural question the
    missing parts of the STAR story ("star:result"), then the missed key points. A point the
    answer contradicted is not probed: its notice already names what the notes say."""
    targets = [p for p in grade.missing if p not in grade.contradicted]
    if is_behavioural(q):
        story = " ".join(a for a in record["answers"] if a.strip())
        missing = missing_star_parts(star_parts(story)) if story else []
        targets = [f"{STAR_TARGET}{part}" for part in missing] + targets
    return targets


def score(state: InterviewState, deps: Deps) -> dict[str, Any]:
    """Grade everything said about the question so far. The first answer's grade is the base;
    points a follow-up answer adds are credited at the rubric's `follow_up_credit`."""
    text = state["last_input"]["text"]
    question_id = state["prompt"]["question_id"]
    record = dict(state["records"][question_id])
    record["answers"] = [*record["answers"], text]
    q = deps.question(question_id)
    grading = deps.grading_for(q)
    request, grounded = grade_request(q, [a for a in record["answers"] if a.strip()])
    grade, fell_back = judge(grading.grader, grading.fallback, request, grounded)
    record["fallback"] = record.get("fallback", False) or fell_back
    first = record.get("first_grade")
    if first is None:
        record["first_grade"] = grade.model_dump()
    else:
        rate = grading.rubric.follow_up_credit
        grade, late = credit_follow_up(Grade.model_validate(first), grade, rate)
        record["after_follow_up"] = late
    if not text.strip():
        grade.notices.append("No answer given: scored as no answer.")
    record["grade"] = grade.model_dump()
    record["probe_targets"] = probe_targets(q, record, grade)
    now = deps.clock()
    turns = [turn("candidate", "answer", escape_controls(text), now, question_id)]
    if state["last_input"].get("timed_out"):
        notice = "Time was up: this answer was submitted automatically with what was typed."
        turns.append(turn("system", "notice", notice, now, question_id))
    turns.extend(turn("system", "notice", n, now, question_id) for n in grade.notices)
    turns.append(
        turn("system", "score", f"{grade.score:.1f}/5", now, question_id, grounded=grounded)
    )
    return {"records": {question_id: record}, "transcript": turns}
