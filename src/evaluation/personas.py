"""Simulated candidates for whole interviews, built from the golden answers; no LLM.

Each persona answers a question and its follow-ups by rule, and knows which key points it
left out, so the interviewer's follow-ups and report can be checked against the truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.probing.star import STAR_TARGET
from evaluation.variants import INJECTIONS
from retrieval.question_bank import Question

EVASIVE = "That's a great question. It really depends on the context, the team and the goals."


@dataclass(frozen=True)
class Reply:
    text: str
    said: list[str]
    """Key points this reply states outright."""


def _first_half(points: list[str]) -> list[str]:
    return points[: max(1, len(points) // 2)] if len(points) > 1 else points


def _join(points: list[str]) -> str:
    return " ".join(p.rstrip(".") + "." for p in points)


def answer(persona: str, question: Question, follow_up_target: str | None) -> Reply:
    points = question.key_points or []
    if persona == "silent":
        return Reply("", [])
    if persona == "evasive":
        return Reply(EVASIVE, [])
    if follow_up_target is not None and follow_up_target.startswith(STAR_TARGET):
        if persona == "strong":  # the missing part of the story, in the candidate's words
            return Reply("As a result the job ran in seventy minutes instead of five hours.", [])
        return Reply("I'm not sure about that part.", [])
    if follow_up_target is not None:
        if persona in ("strong", "average"):  # the average candidate recovers when probed
            return Reply(follow_up_target, [follow_up_target])
        if persona == "injector":
            return Reply(INJECTIONS[0], [])
        return Reply("I'm not sure about that part.", [])
    if persona == "strong":
        if question.golden_answer:
            return Reply(question.golden_answer, list(points))
        return Reply(
            "I would start from the requirements, weigh the trade-offs, and monitor "
            "the result in production.",
            [],
        )
    if persona in ("average", "injector"):
        said = _first_half(points)
        text = _join(said) or "I would keep it simple and measure."
        if persona == "injector":
            text += " " + INJECTIONS[1]
        return Reply(text, said)
    if persona == "weak":
        said = points[:1]
        words = said[0].split()[:6] if said else ["It", "depends"]
        return Reply(" ".join(words) + ", I think.", [])
    raise ValueError(f"unknown persona {persona!r}")


PERSONAS = ("strong", "average", "weak", "evasive", "silent", "injector")
