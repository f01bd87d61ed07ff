"""ask, follow_up, give_hint, repeat_prompt, retry_question, skip_question: everything the
interviewer says, and the candidate's moves that change what is being asked."""

from __future__ import annotations

from typing import Any

from agent.deps import Deps
from agent.nodes.speaking import passages_for, speak
from agent.probing.star import STAR_TARGET, star_follow_up
from agent.providers.base import ProviderError
from agent.report import Attempt
from agent.state import InterviewState, Prompt, QuestionRecord
from agent.transcript import turn
from retrieval.question_bank import Question


def _new_record(q: Question) -> QuestionRecord:
    return {
        "question_id": q.id,
        "question": q.question,
        "source": q.source,
        "topic": q.primary_topic,
        "answers": [],
        "grade": None,
        "first_grade": None,
        "after_follow_up": [],
        "probed": [],
        "hints": 0,
        "hint_texts": [],
        "attempts": [],
        "skipped": False,
        "fallback": False,
    }


def ask(state: InterviewState, deps: Deps) -> dict[str, Any]:
    index = state["index"]
    question_id = state["plan"][index]
    q = deps.question(question_id)
    existing = state.get("records", {}).get(question_id)
    text, failure = speak(
        deps,
        deps.interviewer.question(q, passages_for(deps, question_id)),
        deps.fallback_interviewer.question(q, []),
    )
    now = deps.clock()
    prompt: Prompt = {
        "kind": "question",
        "question_id": question_id,
        "text": text,
        "source": q.source,
        "index": index + 1,
        "total": len(state["plan"]),
        "target_point": None,
    }
    # Asked again after a retry of the question before it: what was said here is kept.
    record = existing if existing and existing.get("answers") else _new_record(q)
    turns = [
        turn(
            "interviewer",
            "question",
            text,
            now,
            question_id,
            source=q.source,
            index=index + 1,
            total=len(state["plan"]),
        )
    ]
    if failure:
        turns.insert(0, turn("system", "notice", failure, now, question_id))
    return {"prompt": prompt, "records": {question_id: record}, "transcript": turns}


def follow_up(state: InterviewState, deps: Deps) -> dict[str, Any]:
    prompt = state["prompt"]
    question_id = prompt["question_id"]
    record = dict(state["records"][question_id])
    grade = record["grade"] or {}
    targets = record.get("probe_targets", grade.get("missing", []))
    target = next(p for p in targets if p not in record["probed"])
    q = deps.question(question_id)
    passages = passages_for(deps, question_id)
    covered = grade.get("covered", [])
    answer = "\n\n".join(a for a in record["answers"] if a.strip())
    asked = list(record.get("follow_up_texts", []))
    if target.startswith(STAR_TARGET):
        # A missing part of a behavioural story: asked for as such, whatever the model.
        part = target.removeprefix(STAR_TARGET)
        about = f"the {part.replace('_', ' ')} of their story (STAR)"
        text, failure = speak(
            deps,
            deps.interviewer.follow_up(q, covered, about, None, answer=answer, asked=asked),
            iter([star_follow_up(part, q, asked, answer)]),
            offline_first=True,
        )
    else:
        text, failure = speak(
            deps,
            deps.interviewer.follow_up(
                q, covered, target, passages[0] if passages else None, answer=answer, asked=asked
            ),
            deps.fallback_interviewer.follow_up(
                q, covered, target, None, answer=answer, asked=asked
            ),
        )
    record["probed"] = [*record["probed"], target]
    record["follow_up_texts"] = [*asked, text]
    now = deps.clock()
    turns = [
        turn(
            "interviewer",
            "follow_up",
            text,
            now,
            question_id,
            source=q.source,
            index=prompt["index"],
            total=prompt["total"],
            target_point=target,
        )
    ]
    if failure:
        turns.insert(0, turn("system", "notice", failure, now, question_id))
    new_prompt: Prompt = {
        **prompt,
        "kind": "follow_up",
        "text": text,
        "target_point": target,
    }
    return {"prompt": new_prompt, "records": {question_id: record}, "transcript": turns}


def give_hint(state: InterviewState, deps: Deps) -> dict[str, Any]:
    prompt = state["prompt"]
    question_id = prompt["question_id"]
    record = dict(state["records"][question_id])
    q = deps.question(question_id)
    target = prompt.get("target_point")
    if target is None or target.startswith(STAR_TARGET):  # hints lead to a key point
        missing = (record.get("grade") or {}).get("missing") or q.key_points
        target = missing[0] if missing else None
    given = list(record.get("hint_texts", []))
    texts = [p.text for p in passages_for(deps, question_id)]
    try:
        text = deps.interviewer.hint(q, target, record["hints"], given=given, passages=texts)
    except ProviderError:
        text = deps.fallback_interviewer.hint(
            q, target, record["hints"], given=given, passages=texts
        )
    record["hints"] = record["hints"] + 1
    record["hint_texts"] = [*record.get("hint_texts", []), text]
    return {
        "records": {question_id: record},
        "transcript": [
            turn("interviewer", "hint", text, deps.clock(), question_id, level=record["hints"])
        ],
    }


def repeat_prompt(state: InterviewState, deps: Deps) -> dict[str, Any]:
    prompt = state["prompt"]
    return {
        "transcript": [
            turn(
                "interviewer",
                "repeat",
                prompt["text"],
                deps.clock(),
                prompt["question_id"],
                source=prompt["source"],
                index=prompt["index"],
                total=prompt["total"],
            )
        ]
    }


def skip_question(state: InterviewState, deps: Deps) -> dict[str, Any]:
    question_id = state["prompt"]["question_id"]
    record = dict(state["records"][question_id])
    if not record["answers"]:
        record["skipped"] = True
    else:  # the question was answered; what was skipped is its follow-up
        record["follow_ups_skipped"] = record.get("follow_ups_skipped", 0) + 1
    return {
        "records": {question_id: record},
        "transcript": [turn("candidate", "skip", "(skipped)", deps.clock(), question_id)],
    }


def retry_question(state: InterviewState, deps: Deps) -> dict[str, Any]:
    """Ask the last graded question again. Its answers and grade become an earlier attempt,
    so the report can show both; the interview then carries on where it was."""
    now = deps.clock()
    plan = state["plan"]
    prompt = state["prompt"]
    records = state.get("records", {})
    target = next(
        (
            qid
            for qid in reversed(plan[: state["index"] + 1])
            if (records.get(qid) or {}).get("grade")
        ),
        None,
    )
    if target is None:
        notice = "Nothing to answer again yet: answer this question first."
        return {"transcript": [turn("system", "notice", notice, now, prompt["question_id"])]}
    q = deps.question(target)
    old = records[target]
    grade = old.get("grade") or {}
    attempt = Attempt(
        answers=[a for a in old["answers"] if a.strip()],
        score=grade.get("score"),
        covered=grade.get("covered", []),
    )
    record = {**_new_record(q), "attempts": [*old.get("attempts", []), attempt.model_dump()]}
    index = plan.index(target)
    text = q.question
    new_prompt: Prompt = {
        "kind": "question",
        "question_id": target,
        "text": text,
        "source": q.source,
        "index": index + 1,
        "total": len(plan),
        "target_point": None,
    }
    turns = [
        turn("candidate", "retry", "(answering again)", now, target),
        turn(
            "interviewer",
            "question",
            text,
            now,
            target,
            source=q.source,
            index=index + 1,
            total=len(plan),
        ),
    ]
    return {"index": index, "prompt": new_prompt, "records": {target: record}, "transcript": turns}
