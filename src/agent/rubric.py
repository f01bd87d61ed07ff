"""Rubrics as data: named criteria on a 1-5 scale with a description for every level.

The shipped rubrics live in `agent/rubrics/*.yaml`; a user passes their own file to override.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, field_validator


class Criterion(BaseModel):
    name: str
    weight: float = Field(gt=0)
    description: str
    levels: dict[int, str]

    @field_validator("levels")
    @classmethod
    def _one_to_five(cls, levels: dict[int, str]) -> dict[int, str]:
        if sorted(levels) != [1, 2, 3, 4, 5]:
            raise ValueError("levels must describe exactly 1, 2, 3, 4 and 5")
        return levels


class Rubric(BaseModel):
    name: str
    description: str = ""
    criteria: list[Criterion]

    def weighted(self, scores: dict[str, int]) -> float:
        total = sum(c.weight for c in self.criteria)
        return sum(c.weight * scores[c.name] for c in self.criteria) / total


def load_rubric(path: Path | None = None) -> Rubric:
    """The rubric at `path`, or the shipped default."""
    if path is None:
        text = resources.files("agent").joinpath("rubrics/default.yaml").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return Rubric.model_validate(yaml.safe_load(text))
