"""The question bank: every question mined from the corpus, stored beside the index.

It is a JSON file, not a Chroma collection, because the interviewer reads it whole at start-up
and a candidate may want to read or diff it; it is small (hundreds of entries).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

Difficulty = Literal["easy", "medium", "hard"]
QuestionKind = Literal["interview", "to_ask"]


class Passage(BaseModel):
    """A piece of the candidate's notes: what to re-read, or what grounds a question."""

    chunk_id: str
    doc_id: str
    heading_path: list[str]
    text: str

    @property
    def source(self) -> str:
        return f"{self.doc_id} > {self.heading_path[-1]}"


class Question(BaseModel):
    id: str
    question: str
    """The question as it is asked: plain text, standing on its own (a question that leans on
    its heading, "Why this partitioning?", carries the heading's subject)."""
    written_as: str | None = None
    """The question as the notes word it, when that differs from `question`."""
    golden_answer: str | None = None
    """The candidate's own prepared answer, when the notes have one: readable text with its
    lists and code blocks kept, and links, HTML, images and in-page navigation taken out."""
    key_points: list[str] = Field(default_factory=list)
    """What a full answer covers: the golden answer's bullets or sentences, cleaned."""
    doc_id: str
    heading_path: list[str]
    line: int
    """1-based line of the question in its document."""
    chunk_ids: list[str] = Field(default_factory=list)
    """Chunks that hold the question and its answer."""
    topics: list[str] = Field(default_factory=list)
    difficulty: Difficulty = "medium"
    kind: QuestionKind = "interview"
    """`to_ask`: a question the candidate plans to ask the interviewer; never asked in a mock."""
    form: str
    """How the notes phrase it: heading, qa_label, q_line, list_item, quoted, paragraph."""
    references: list[Passage] = Field(default_factory=list)
    """Passages retrieved for questions without a golden answer, so they can still be graded."""

    @property
    def source(self) -> str:
        """Document > nearest heading > line: enough to find it, short enough to read."""
        return f"{self.doc_id} > {self.heading_path[-1]} (line {self.line})"

    @property
    def full_source(self) -> str:
        return f"{self.doc_id} > {' > '.join(self.heading_path)}"

    @property
    def primary_topic(self) -> str:
        return self.topics[-1] if self.topics else self.doc_id


class QuestionBank(BaseModel):
    version: int = 1
    questions: list[Question] = Field(default_factory=list)

    def filter(
        self,
        docs: list[str] | None = None,
        topics: list[str] | None = None,
        kind: QuestionKind | None = "interview",
        difficulty: Difficulty | None = None,
    ) -> list[Question]:
        """Questions matching every given filter; docs and topics match case-insensitive
        substrings, so `--doc qa-bank` and `--topic kafka` work without exact names."""
        out = []
        for q in self.questions:
            if kind and q.kind != kind:
                continue
            if difficulty and q.difficulty != difficulty:
                continue
            if docs and not any(d.lower() in q.doc_id.lower() for d in docs):
                continue
            if topics and not any(
                t.lower() in tag.lower() for t in topics for tag in [*q.topics, q.question]
            ):
                continue
            out.append(q)
        return out

    def by_id(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def save_bank(bank: QuestionBank, path: Path) -> None:
    # Write then rename, so a crash mid-write never leaves a truncated bank behind.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".questions-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(bank.model_dump_json(indent=1))
    os.replace(tmp, path)


def load_bank(path: Path) -> QuestionBank:
    return QuestionBank.model_validate(json.loads(path.read_text(encoding="utf-8")))
