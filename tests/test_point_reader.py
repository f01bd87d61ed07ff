"""The point reader's plumbing: claims inside a key point, the window of the answer each claim
is read against, how claims' readings make a point's, and the committed weights loading into
the same model they were trained as."""

from __future__ import annotations

import numpy as np
import pytest

from agent.scoring.point_claims import point_claims
from agent.scoring.point_reader import ReadingPlan, answer_window


def test_a_point_is_split_where_people_separate_facts_and_keeps_its_label():
    assert point_claims(
        "SELECT * scans every column -> expensive; LIMIT does NOT reduce bytes"
    ) == [
        "SELECT * scans every column -> expensive",
        "LIMIT does NOT reduce bytes",
    ]
    assert point_claims(
        "L2 (Ridge): sum w^2 -> shrinks weights smoothly; handles correlated features better"
    ) == [
        "L2 (Ridge): sum w^2 -> shrinks weights smoothly",
        "L2 (Ridge): handles correlated features better",
    ]
    # Commas join a list within one fact, and a short tail stays with its claim.
    assert point_claims("both add a weight penalty to the loss; lambda = strength") == [
        "both add a weight penalty to the loss; lambda = strength"
    ]
    assert point_claims("Retries with exponential backoff, jitter and a cap") == [
        "Retries with exponential backoff, jitter and a cap"
    ]


def _unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_window_holds_the_sentences_most_like_the_claim_in_their_own_order():
    sentences = ["Alpha " * 40, "Beta " * 40, "Gamma " * 40]
    vectors = _unit([[1, 0, 0], [0, 1, 0], [0.9, 0, 0.1]])
    window, best = answer_window(sentences, vectors, _unit([[1, 0, 0]])[0], budget=90)
    assert best == 0
    assert window == " ".join([sentences[0], sentences[2]])  # Beta is least like the claim
    short, _ = answer_window(["One.", "Two."], vectors[:2], vectors[1])
    assert short == "One. Two."


class FixedReader:
    name = "fixed"

    def __init__(self, rows):
        self.rows = np.asarray(rows, dtype=np.float64)
        self.pairs = []

    def read(self, pairs):
        self.pairs = list(pairs)
        return self.rows[: len(pairs)]


def _plan(points, sentences, claim_vectors, sentence_vectors):
    table = dict(zip([c for p in points for c in point_claims(p)], claim_vectors, strict=True))
    plan = ReadingPlan()
    plan.add(points, lambda texts: np.stack([table[t] for t in texts]), sentences, sentence_vectors)
    return plan


def test_a_point_is_as_covered_as_its_claims_on_average_and_as_contradicted_as_its_worst():
    points = ["Parquet is columnar; LIMIT does not reduce bytes scanned"]
    sentences = ["Parquet stores columns together.", "LIMIT makes queries cheaper."]
    vectors = _unit([[1, 0], [0, 1]])
    plan = _plan(points, sentences, vectors, vectors)
    (chances,) = plan.read(FixedReader([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]]))
    covered, contradicted, missed = chances[0]
    assert covered == pytest.approx(0.5 / 1.3)  # (0.9 + 0.1) / 2, then normalised with 0.8
    assert contradicted == pytest.approx(0.8 / 1.3) and missed == pytest.approx(0.0)


def test_a_claim_no_sentence_is_about_is_missed_whatever_the_reader_says():
    """The reader, trained on answers that stay on topic, once called a paragraph on Python's
    mutable objects "covered" for a Kafka pipeline point; relevance gates it."""
    points = ["Kafka pipelines for customer events"]
    sentences = ["Lists are mutable, tuples are not."]
    plan = _plan(points, sentences, _unit([[1, 0]]), _unit([[0.1, 1.0]]))
    (chances,) = plan.read(FixedReader([[0.96, 0.01, 0.03]]))
    assert chances[0].tolist() == pytest.approx([0.0, 0.0, 1.0])


def test_a_claim_said_word_for_word_is_covered_whatever_the_reader_makes_of_it():
    points = ["Sensitive data: certificates"]
    sentences = ["It keeps passwords, API keys and certificates."]
    vectors = _unit([[1, 0]])
    plan = _plan(points, sentences, vectors, vectors)
    (chances,) = plan.read(FixedReader([[0.05, 0.9, 0.05]]))
    assert chances[0].tolist() == pytest.approx([1.0, 0.0, 0.0])
    # "does not reduce" is not said by "does reduce": no word-for-word match there.
    plan = _plan(["LIMIT does not reduce cost"], ["LIMIT does reduce cost."], vectors, vectors)
    (chances,) = plan.read(FixedReader([[0.05, 0.9, 0.05]]))
    assert chances[0][1] == pytest.approx(0.9)


@pytest.mark.slow
def test_the_committed_weights_read_like_the_model_they_were_trained_as():
    """Merged adapters in float32 and bfloat16 agree; a paraphrase reads as covered, a
    negation reusing the point's words as contradicted and an unrelated line as missed."""
    from agent.scoring.point_reader import MiniLMPointReader

    pairs = [
        (
            "Retry failed tasks with backoff",
            "If a task fails we run it again, waiting longer each time.",
        ),
        (
            "Retry failed tasks with backoff",
            "Failed tasks are never retried here, we just alert someone instead.",
        ),
        (
            "INNER JOIN -> only rows that match in both tables",
            "I enjoy hiking in the mountains at weekends.",
        ),
    ]
    exact = MiniLMPointReader(bf16=False).read(pairs)
    fast = MiniLMPointReader(bf16=True).read(pairs)
    assert np.abs(exact - fast).max() < 0.05
    assert exact.argmax(axis=1).tolist() == [0, 1, 2]


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="known gap: the reader catches negations but reads a wrong value said in the "
    "point's words as covering it (issue 11's own examples)",
)
def test_a_wrong_value_in_the_points_words_reads_as_contradicting_it():
    from agent.scoring.point_reader import MiniLMPointReader

    pairs = [
        ("A view is a virtual table", "A view is a physical copy of a table."),
        (
            "ROW_NUMBER gives unique numbers even for ties",
            "ROW_NUMBER gives tied rows the same number.",
        ),
    ]
    assert MiniLMPointReader().read(pairs).argmax(axis=1).tolist() == [1, 1]
