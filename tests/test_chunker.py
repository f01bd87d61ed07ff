from __future__ import annotations

import re

from conftest import CORPUS, FIXTURES
from helpers import parse_file
from retrieval.chunker import chunk_id_for
from retrieval.documents import read_document


def test_code_blocks_and_tables_are_never_split_even_when_tiny_chunks_are_asked_for():
    chunks, _ = parse_file(FIXTURES / "blocks.md", max_chars=40)
    code = [c for c in chunks if "def f():" in c.text]
    assert len(code) == 1 and "```python" in code[0].text and "return 1" in code[0].text
    assert code[0].heading_path == ("Blocks", "Code")  # "# Not a heading" stays code
    table = [c for c in chunks if "| dbt |" in c.text]
    assert len(table) == 1 and "| Airflow |" in table[0].text


def test_question_and_answer_stay_in_one_chunk_with_tiny_limits():
    for name in ("q_lines.md", "qa_labels.md", "heading_questions.md"):
        chunks, questions = parse_file(FIXTURES / name, max_chars=30)
        by_id = {c.chunk_id: c for c in chunks}
        for q in questions:
            if q.golden_answer:
                first_words = q.golden_answer.split()[0].strip('"*')
                assert any(first_words in by_id[c].text for c in q.chunk_ids), (name, q.question)
                assert len(q.chunk_ids) == 1, (name, q.question)


def test_offsets_point_at_the_chunk_text_and_ids_are_content_hashes():
    path = CORPUS / "data-engineering-qa-bank.md"
    doc = read_document(path)
    chunks, _ = parse_file(path)
    for c in chunks:
        assert doc.text[c.start : c.end].strip("\n") == c.text
        assert c.chunk_id == chunk_id_for(c.doc_id, c.heading_path, c.text)
    assert parse_file(path)[0] == chunks  # stable across runs


_MOJIBAKE = re.compile(r"â†’|â€|‚Äô|‚Äî|‚Üí|√©|¬ø|Ã©|Ã¨|Â |â€™|â€œ")


def test_no_mojibake_left_in_any_chunk_of_the_seed_corpus_and_quotes_stay_curly():
    all_text = ""
    for path in sorted(CORPUS.glob("*.md")):
        chunks, questions = parse_file(path)
        for c in chunks:
            assert not _MOJIBAKE.search(c.text), (path.name, _MOJIBAKE.search(c.text), c.heading)
        all_text += " ".join(c.text for c in chunks)
        all_text += " ".join(q.question + (q.golden_answer or "") for q in questions)
    assert not _MOJIBAKE.search(all_text)
    assert "’" in all_text and "→" in all_text and "¿Qué es IAM?" in all_text
    raw = (CORPUS / "data-engineering-qa-bank.md").read_text(encoding="utf-8")
    assert "‚Äô" in raw  # the files themselves are never edited
