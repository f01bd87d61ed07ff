"""Behavioural answers graded as STAR stories, offline.

The behavioural rubric scores situation, task, action, result and measurable outcome. Each comes
from `star_parts` (spoken cues, deterministic): level = 1 + 4 x the part's share. A story also
has to be the right story: when the notes hold a prepared one, the result and the measurable
outcome cannot beat the key-point coverage (correctness) by more than a level, and the score is
the mean of the STAR score and the coverage score, so a well-told story about something else
does not pay. Covered and missed points still come from the coverage grader.
"""

from __future__ import annotations

from agent.grade import Grade, GradeRequest
from agent.probing.star import STAR_PARTS, star_parts
from agent.providers.base import Grader
from agent.rubric import Rubric
from agent.scoring.answer_text import prepare

CAPPED = ("result", "measurable_outcome")


def is_star_rubric(rubric: Rubric) -> bool:
    return set(STAR_PARTS) <= {c.name for c in rubric.criteria}


class StarGrader:
    def __init__(self, coverage: Grader, rubric: Rubric) -> None:
        self._coverage = coverage
        self._rubric = rubric
        self.name = f"{coverage.name}+star"

    def grade(self, request: GradeRequest, grounded: bool = True) -> Grade:
        base = self._coverage.grade(request, grounded)
        answer = prepare(request.answer)
        if answer.empty:
            criteria = {c.name: 1 for c in self._rubric.criteria}
            return base.model_copy(update={"criteria": criteria, "score": 1.0})
        correctness = 1.0 + 4.0 * (len(base.covered) / max(len(base.covered + base.missing), 1))
        parts = star_parts(" ".join(answer.sentences))
        levels = {name: 1.0 + 4.0 * parts.get(name, 0.0) for name in STAR_PARTS}
        if grounded:
            for name in CAPPED:
                levels[name] = min(levels[name], correctness + 1.0)
        values = {c.name: levels.get(c.name, correctness) for c in self._rubric.criteria}
        star_score = self._rubric.weighted(values)  # type: ignore[arg-type]
        score = (star_score + base.score) / 2 if grounded else star_score
        return base.model_copy(
            update={
                "criteria": {name: int(round(v)) for name, v in values.items()},
                "score": round(min(5.0, max(1.0, score)), 3),
                "scorer": self.name,
            }
        )
