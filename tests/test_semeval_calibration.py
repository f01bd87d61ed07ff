"""The SemEval-2013 yardstick: its loader, its metrics, and the recorded calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.rubric import load_rubric
from agent.scoring.offline_scorer import OfflineScorer
from evaluation import semeval

DATA = semeval.DEFAULT_DATA_DIR
AUC_FLOOR = 0.69
F1_FLOOR = 0.64
needs_data = pytest.mark.skipif(
    not semeval.available(DATA), reason=f"SemEval-2013 data not found under {DATA}"
)

BEETLE = """<?xml version="1.0"?>
<question qtype="Q_EXPLAIN_SPECIFIC" id="GAP_Q" module="FaultFinding">
  <questionText>Why was the bulb off?</questionText>
  <referenceAnswers>
    <referenceAnswer category="BEST" id="a1">The switch was open, so there was a gap
    </referenceAnswer>
    <referenceAnswer category="KEYWORD" id="a2">a gap</referenceAnswer>
  </referenceAnswers>
  <studentAnswers>
    <studentAnswer id="s1" accuracy="correct">there was a gap in the circuit</studentAnswer>
    <studentAnswer count="2" id="s2" accuracy="incorrect">the  battery
      was dead</studentAnswer>
  </studentAnswers>
</question>
"""
SCIENTS = """<?xml version="1.0"?>
<question id="EM_45b" module="EM">
  <questionText>How did you separate the salt from the water?</questionText>
  <referenceAnswers>
    <referenceAnswer id="EM_45b-a1">The water was evaporated, leaving the salt.</referenceAnswer>
  </referenceAnswers>
  <studentAnswers>
    <studentAnswer id="x1" accuracy="correct">We let the water evaporate.</studentAnswer>
    <studentAnswer id="x2" accuracy="incorrect">By pouring it in a tray.</studentAnswer>
    <studentAnswer id="x3" accuracy="correct">The water dried up.</studentAnswer>
  </studentAnswers>
</question>
"""


def _write_data(root: Path) -> Path:
    for domain, name, text in (
        ("beetle", "GAP_Q.xml", BEETLE),
        ("sciEntsBank", "EM_45b.xml", SCIENTS),
    ):
        folder = root / "training" / "2way" / domain
        folder.mkdir(parents=True)
        (folder / name).write_text(text, encoding="utf-8")
    return root


def test_loader_reads_questions_references_and_labels(tmp_path):
    questions = semeval.load_questions(_write_data(tmp_path))
    assert [(q.domain, q.id) for q in questions] == [("beetle", "GAP_Q"), ("sciEntsBank", "EM_45b")]
    beetle, scients = questions
    assert beetle.question == "Why was the bulb off?"
    assert beetle.references == ["The switch was open, so there was a gap", "a gap"]
    assert [(a.id, a.text, a.correct) for a in beetle.answers] == [
        ("s1", "there was a gap in the circuit", True),
        ("s2", "the battery was dead", False),
    ]
    assert [a.correct for a in scients.answers] == [True, False, True]

    requests, labels = semeval.requests_and_labels(questions)
    assert len(requests) == 5 and labels == [True, False, True, False, True]
    assert requests[0].reference == beetle.references and requests[0].id == "beetle/GAP_Q/s1"
    sample, sample_labels = semeval.requests_and_labels(questions, every=2)
    assert [r.answer for r in sample] == [requests[i].answer for i in (0, 2, 4)]
    assert sample_labels == [True, True, True]


def test_a_missing_data_dir_is_reported_not_crashed_on(tmp_path):
    assert not semeval.available(tmp_path)
    with pytest.raises(FileNotFoundError, match="SemEval-2013 data not found"):
        semeval.load_questions(tmp_path)


@needs_data
def test_the_shared_training_split_has_the_documented_size():
    questions = semeval.load_questions(DATA)
    for domain, n_questions, n_answers in (("beetle", 47, 3941), ("sciEntsBank", 135, 4969)):
        subset = [q for q in questions if q.domain == domain]
        assert len(subset) == n_questions
        assert sum(len(q.answers) for q in subset) == n_answers
    assert all(q.references and q.question for q in questions)


def test_metrics_on_hand_checked_examples():
    values = [0.9, 0.8, 0.4, 0.3, 0.8]
    labels = [True, True, False, False, False]
    # Pairs (correct, incorrect): 6, won 5, one tie at 0.8 counts half.
    assert semeval.roc_auc(values, labels) == pytest.approx(5.5 / 6)
    assert semeval.roc_auc([1, 1], [True, False]) == 0.5
    # At 0.85: one of two correct found, all three incorrect rejected.
    assert semeval.macro_f1(values, labels, 0.85) == pytest.approx((2 / 3 + 6 / 7) / 2)
    threshold, f1 = semeval.best_threshold([0.1, 0.2, 0.7, 0.9], [False, False, True, True])
    assert 0.2 < threshold < 0.7 and f1 == 1.0


@needs_data
@pytest.mark.slow
def test_the_real_model_separates_correct_from_incorrect_answers():
    """Every 10th answer of the training split (891 answers), at the calibrated defaults.

    Calibration measured AUC 0.722 and macro-F1 0.668 on all 8,910 answers (see
    evals/semeval_calibration.json), and this subsample gave AUC 0.718 and macro-F1 0.667;
    the floors sit about 0.03 below, room for float32 vectors on a CPU without bf16 and for
    library updates, not for a scorer that got worse.
    """
    from retrieval.embedder import MiniLMEmbedder

    scorer = OfflineScorer(MiniLMEmbedder(), load_rubric())
    questions = semeval.load_questions(DATA)
    figures = semeval.evaluate(
        scorer.score_many, questions, every=10, threshold=scorer.params.correct_threshold
    )
    assert figures.answers == 891
    assert figures.auc >= AUC_FLOOR, figures
    assert figures.macro_f1 >= F1_FLOOR, figures
