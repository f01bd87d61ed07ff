"""Rubrics as data: named criteria on a 1-5 scale with a description for every level.

The shipped rubrics live in `agent/rubrics/*.yaml`; a user passes their own file to override.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator


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
    follow_up_credit: float = Field(default=0.75, ge=0, le=1)
    """The share of full credit a point earns when it is given only after a follow-up."""

    def weighted(self, scores: dict[str, int]) -> float:
        total = sum(c.weight for c in self.criteria)
        return sum(c.weight * scores[c.name] for c in self.criteria) / total


def shipped_rubrics() -> list[str]:
    folder = resources.files("agent").joinpath("rubrics")
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def load_rubric(path: Path | str | None = None) -> Rubric:
    """A shipped rubric by name (`default`, `system_design`, `behavioural`), a YAML file, or
    the default. Raises ValueError with the reason for a file that is not a valid rubric."""
    name = str(path) if path is not None else "default"
    if name in shipped_rubrics():
        text = resources.files("agent").joinpath(f"rubrics/{name}.yaml").read_text("utf-8")
    else:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(
                f"no rubric {name!r}: not one of {', '.join(shipped_rubrics())} "
                f"and not a readable file ({exc.strerror})"
            ) from exc
    try:
        return Rubric.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"rubric {name!r} is not valid: {str(exc).splitlines()[0]}") from exc
