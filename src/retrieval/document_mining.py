"""One document in, its chunks and mined questions out, without any model.

Ingestion embeds the chunks afterwards; the mining eval and the tests stop here. Keeping this
step model-free is what lets `rehearse eval mining` run in seconds on any machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.chunker import Chunk, chunk_sections
from retrieval.documents import Document
from retrieval.markdown_blocks import parse_markdown
from retrieval.mining_findings import Findings, findings_for
from retrieval.question_bank import Question
from retrieval.question_miner import mine_questions
from retrieval.sections import build_sections


@dataclass
class MinedDocument:
    document: Document
    chunks: list[Chunk]
    questions: list[Question]
    has_headings: bool
    findings: Findings
    """What mining found in this file, and why it found nothing when that looks wrong."""


def mine_document(doc: Document) -> MinedDocument:
    parsed = parse_markdown(doc.text)
    sections = build_sections(parsed, doc.doc_id)
    chunks = chunk_sections(parsed, sections, doc.doc_id)
    questions = mine_questions(parsed, sections, chunks, doc.doc_id)
    has_headings = any(b.kind == "heading" for b in parsed.blocks)
    return MinedDocument(
        doc, chunks, questions, has_headings, findings_for(parsed, sections, questions)
    )
