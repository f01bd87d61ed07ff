"""The seed corpus's answered questions, mined the way ingest mines them, and the ordering check
built on them (golden answer > half of its key points > another question's answer > empty).

Used by the pair model's training (synthetic pairs), the scorer benchmark, and tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from agent.grade import Grade, GradeRequest
from evaluation import semeval
from retrieval.chunker import chunk_sections
from retrieval.documents import Document, read_document
from retrieval.markdown_blocks import parse_markdown
from retrieval.question_bank import Question
from retrieval.question_miner import mine_questions
from retrieval.sections import build_sections

CORPUS = semeval.REPO_ROOT / "corpus"
MIN_ORDERED = 0.95


def answered_questions(corpus: Path = CORPUS) -> list[Question]:
    """The corpus's questions that have a golden answer, mined the way ingest mines them,
    without embedding anything."""
    out: list[Question] = []
    for path in sorted(corpus.glob("*.md")):
        doc = read_document(path)
        if not isinstance(doc, Document):
            continue
        parsed = parse_markdown(doc.text)
        sections = build_sections(parsed, doc.doc_id)
        chunks = chunk_sections(parsed, sections, doc.doc_id)
        out.extend(
            q for q in mine_questions(parsed, sections, chunks, doc.doc_id) if q.golden_answer
        )
    return out


def seed_questions(corpus: Path = CORPUS) -> list[Question]:
    """Interview questions whose golden answer has two key points or more: those a half answer
    can be built for (the same set as the slow ordering test in tests/test_offline_scorer.py)."""
    return [
        q for q in answered_questions(corpus) if q.kind == "interview" and len(q.key_points) > 1
    ]


def ordering_requests(questions: Sequence[Question]) -> list[GradeRequest]:
    """Four answers per question, best first: the golden answer, its first half of key points,
    the golden answer of the question half the list away, and nothing."""
    requests = []
    for i, q in enumerate(questions):
        other = questions[(i + len(questions) // 2) % len(questions)]
        half = " ".join(q.key_points[: len(q.key_points) // 2])
        for answer in (q.golden_answer or "", half, other.golden_answer or "", ""):
            requests.append(
                GradeRequest(id=q.id, question=q.question, reference=q.golden_answer, answer=answer)
            )
    return requests


def ordered_share(grades: Sequence[Grade]) -> float:
    """Share of questions whose four answers (see `ordering_requests`) score strictly in order."""
    groups = [grades[i : i + 4] for i in range(0, len(grades), 4)]
    ordered = sum(1 for g in groups if g[0].score > g[1].score > g[2].score > g[3].score)
    return ordered / len(groups) if groups else 0.0
