"""Credit for what a follow-up drew out.

A point the candidate gives only after the interviewer probed for it counts, but for less than
one they offered unprompted: the rubric's `follow_up_credit` sets the share. The first answer's
grade is the base; whatever the answers together gained over it is added at that share, and
the points first covered after a follow-up are named so every report can mark them.
"""

from __future__ import annotations

from agent.grade import Grade


def credit_follow_up(first: Grade, joint: Grade, rate: float) -> tuple[Grade, list[str]]:
    """`first`: the first answer alone; `joint`: every answer to the question so far."""
    order = list(dict.fromkeys([*first.covered, *first.missing, *joint.covered, *joint.missing]))
    late = [p for p in joint.covered if p not in first.covered]
    covered = [p for p in order if p in first.covered or p in late]
    missing = [p for p in order if p not in covered and (p in first.missing or p in joint.missing)]
    criteria = {
        name: int(round(value + max(0, joint.criteria.get(name, value) - value) * rate))
        for name, value in first.criteria.items()
    }
    score = first.score + max(0.0, joint.score - first.score) * rate
    grade = joint.model_copy(
        update={
            "score": round(min(5.0, score), 3),
            "criteria": criteria,
            "covered": covered,
            "missing": missing,
            "evidence": {**joint.evidence, **first.evidence},
            "confidence": min(first.confidence, joint.confidence),
        }
    )
    return grade, late
