"""What a grader takes and gives: the records of the `rehearse grade` JSONL contract."""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator


class GradeRequest(BaseModel):
    id: str
    question: str
    reference: list[str]
    """One or more reference answers; alternatives, not parts of one answer."""
    answer: str
    key_points: list[str] | None = None

    @field_validator("reference", mode="before")
    @classmethod
    def _as_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class Grade(BaseModel):
    id: str
    score: float = Field(ge=1, le=5)
    criteria: dict[str, int]
    covered: list[str]
    missing: list[str]
    scorer: str
    confidence: float = Field(ge=0, le=1)
    evidence: dict[str, str] = Field(default_factory=dict)
    """Key point -> the answer sentence that covered it."""
    notices: list[str] = Field(default_factory=list)
    """Things the candidate should know about how this answer was graded."""
    contradicted: list[str] = Field(default_factory=list)
    """Key points the answer says the opposite of (also listed in `missing`); the sentence that
    does so is named in `notices`."""
