"""The same question twice in one document is one question.

Notes repeat questions: a table of contents entry and its heading, a question revised further
down with a typo fixed ("transfering" / "transferring"). rapidfuzz scores near-identical text;
the answered copy wins. A copy with a genuinely different answer ("What is BigQuery?" under GCP
and under AWS) stays, because it asks for something else.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from retrieval.question_bank import Question

SAME_QUESTION = 92.0
SAME_WORD = 80.0
"""Two spellings of one word ("transfering", "transferring"); "would"/"do" are two words."""
SAME_ANSWER = 85.0
_SMALL = frozenset("a an the of to in on for and or".split())


def merge_duplicates(questions: list[Question]) -> list[Question]:
    out: list[Question] = []
    for q in questions:
        first = next((k for k in out if _same_question(k, q)), None)
        if first is None:
            out.append(q)
            continue
        if first.golden_answer and q.golden_answer and not _same_answer(first, q):
            out.append(q)
            continue
        if not first.golden_answer and q.golden_answer:
            first.golden_answer, first.key_points = q.golden_answer, q.key_points
        first.chunk_ids = list(dict.fromkeys([*first.chunk_ids, *q.chunk_ids]))
    return out


def _same_question(a: Question, b: Question) -> bool:
    """Near-identical text where every differing word is a misspelling of the other's."""
    if a.doc_id != b.doc_id:
        return False
    # The notes' own words: "Why these metrics?" under two headings is asked as two texts.
    x, y = _norm(a.written_as or a.question), _norm(b.written_as or b.question)
    if x == y:
        return True
    if fuzz.ratio(x, y) < SAME_QUESTION:
        return False
    only_x = [w for w in x.split() if w not in y.split() and w not in _SMALL]
    only_y = [w for w in y.split() if w not in x.split() and w not in _SMALL]
    if len(only_x) != len(only_y):
        return False
    return all(fuzz.ratio(u, v) >= SAME_WORD for u, v in zip(only_x, only_y, strict=True))


def _same_answer(a: Question, b: Question) -> bool:
    return fuzz.ratio(_norm(a.golden_answer or ""), _norm(b.golden_answer or "")) >= SAME_ANSWER


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
