"""Support credit: a short answer that says only what the notes say earns part of a point; a
fluent wrong one, a string of the notes' terms, or a restated question does not."""

from __future__ import annotations

import numpy as np
import pytest

from agent.grade import GradeRequest
from agent.rubric import load_rubric
from agent.scoring.offline_scorer import OfflineScorer, ScorerParams
from agent.scoring.pair_features import answer_view, content_words
from agent.scoring.support import prose_share, supported_credit, supported_share
from conftest import FakeEmbedder

POINTS = [
    "Python dicts are hash tables: a key's hash picks its slot",
    "Lookups take constant time on average",
]


def _view(answer: str):
    embedder = FakeEmbedder()
    sentences = [answer]

    def vectors(texts):
        return embedder.embed(list(texts))

    rows = vectors(sentences)
    return answer_view(sentences, rows, rows[0], vectors), vectors


def test_words_the_notes_use_are_supported_and_the_questions_words_are_not():
    question = "How does a Python dict work?"
    view, vectors = _view("It is a hash table, the hash picks the slot.")
    assert supported_share(view, POINTS, question, vectors) == pytest.approx(1.0)
    view, vectors = _view("It is a garbage collector that freezes memory pages.")
    assert supported_share(view, POINTS, question, vectors) < 0.6
    # Restating the question adds nothing of the answer's own.
    view, vectors = _view("A Python dict works like a dict in Python.")
    assert supported_share(view, POINTS, question, vectors) == 0.0


def test_a_string_of_terms_is_not_a_statement():
    assert prose_share(["hash table slot collisions probing resize"]) == 0.0
    assert prose_share(["It is a hash table, so a lookup is fast on average."]) == 1.0
    assert prose_share([]) == 0.0


def test_support_credit_never_pays_more_for_less_coverage_and_stops_at_its_reach():
    values = np.linspace(0.0, 1.0, 101)
    credited = [supported_credit(v, 1.0, 1.0, 0.3, 0.6, 0.6) for v in values]
    assert all(b >= a for a, b in zip(credited, credited[1:], strict=False))
    assert credited[0] == pytest.approx(0.3)
    assert all(c == v for c, v in zip(credited, values, strict=True) if v >= 0.6)
    # Unsupported words or a list of terms earn nothing.
    assert supported_credit(0.1, 0.6, 1.0, 0.3, 0.6, 0.6) == pytest.approx(0.1)
    assert supported_credit(0.1, 1.0, 0.0, 0.3, 0.6, 0.6) == pytest.approx(0.1)
    with pytest.raises(ValueError, match="support_reach"):
        ScorerParams(support_credit=0.6, support_reach=0.6)


def test_a_short_true_answer_earns_more_than_a_wrong_one_or_a_list_of_terms():
    scorer = OfflineScorer(FakeEmbedder(), load_rubric())
    reference = "\n".join(f"- {p}" for p in POINTS)
    question = "How does a Python dict work?"
    answers = {
        "true": "It's a hash table, the hash of the key picks the slot.",
        "wrong": "It's a sorted binary tree, so every insert rebalances the nodes.",
        "terms": "hash table slot key lookups constant",
    }
    grades = scorer.score_many(
        [
            GradeRequest(id=k, question=question, reference=reference, answer=a)
            for k, a in answers.items()
        ]
    )
    scores = {g.id: g.score for g in grades}
    assert scores["true"] > scores["terms"] and scores["true"] > scores["wrong"]
    off = scorer.with_params(ScorerParams(support_credit=0.0)).score_many(
        [GradeRequest(id="true", question=question, reference=reference, answer=answers["true"])]
    )
    assert scores["true"] > off[0].score
    assert content_words(answers["terms"])  # the list has words; it is their form that fails
