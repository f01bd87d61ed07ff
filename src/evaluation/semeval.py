"""SemEval-2013 Task 7 as a yardstick: how well the offline scorer separates answers that trained
annotators marked correct from those they marked incorrect.

The data (training split only; see its README.md) lives outside the repository, by default in
`../shared/data/semeval2013` relative to the repo root, so every entry point takes the directory
as an argument. Figures are threshold-free (ROC AUC) and at one global decision threshold
(macro-F1), because Rehearse grades questions it has never seen: a threshold tuned per question
would measure memorisation, not the scorer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from agent.grade import Grade, GradeRequest

DOMAINS = ("beetle", "sciEntsBank")
REPO_ROOT = Path(__file__).resolve().parents[2]  # src/evaluation/semeval.py -> repo
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "semeval2013"


@dataclass(frozen=True)
class StudentAnswer:
    id: str
    text: str
    correct: bool


@dataclass(frozen=True)
class SemEvalQuestion:
    id: str
    domain: str
    question: str
    references: list[str]
    """Every reference answer (BEST, GOOD, MINIMAL, KEYWORD): alternatives, not parts."""
    answers: list[StudentAnswer]


@dataclass(frozen=True)
class Figures:
    auc: float
    macro_f1: float
    threshold: float
    """Values >= threshold are predicted correct."""
    answers: int
    correct: int
    questions: int


def two_way_dir(data_dir: Path | None = None) -> Path:
    return (data_dir or DEFAULT_DATA_DIR) / "training" / "2way"


def available(data_dir: Path | None = None) -> bool:
    return two_way_dir(data_dir).is_dir()


def load_question(path: Path, domain: str) -> SemEvalQuestion:
    root = ET.parse(path).getroot()
    references = [_text(r) for r in root.iterfind("referenceAnswers/referenceAnswer") if _text(r)]
    answers = [
        StudentAnswer(a.get("id", ""), _text(a), a.get("accuracy") == "correct")
        for a in root.iterfind("studentAnswers/studentAnswer")
    ]
    question = root.find("questionText")
    return SemEvalQuestion(
        id=root.get("id", path.stem),
        domain=domain,
        question=_text(question) if question is not None else "",
        references=references,
        answers=answers,
    )


def load_questions(
    data_dir: Path | None = None, domains: Sequence[str] = DOMAINS
) -> list[SemEvalQuestion]:
    """Every question of the 2-way training split, in a stable order (domain, file name)."""
    base = two_way_dir(data_dir)
    if not base.is_dir():
        raise FileNotFoundError(f"SemEval-2013 data not found at {base}")
    return [
        load_question(path, domain)
        for domain in domains
        for path in sorted((base / domain).glob("*.xml"))
    ]


def requests_and_labels(
    questions: Sequence[SemEvalQuestion], every: int = 1
) -> tuple[list[GradeRequest], list[bool]]:
    """One grade request per student answer (every `every`-th, for a deterministic subsample);
    the question's references are all passed as alternatives."""
    pairs = [(q, a) for q in questions for a in q.answers][::every]
    requests = [
        GradeRequest(
            id=f"{q.domain}/{q.id}/{a.id}",
            question=q.question,
            reference=q.references,
            answer=a.text,
        )
        for q, a in pairs
    ]
    return requests, [a.correct for _, a in pairs]


def roc_auc(values: Sequence[float], labels: Sequence[bool]) -> float:
    """Probability that a random correct answer outranks a random incorrect one (ties: half)."""
    x = np.asarray(values, dtype=float)
    y = np.asarray(labels, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    if not positives or not negatives:
        return float("nan")
    ranks = _average_ranks(x)
    return float((ranks[y].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def macro_f1(values: Sequence[float], labels: Sequence[bool], threshold: float) -> float:
    """Mean of the F1 of the `correct` class and the F1 of the `incorrect` class."""
    predicted = np.asarray(values, dtype=float) >= threshold
    y = np.asarray(labels, dtype=bool)
    return (_f1(predicted, y) + _f1(~predicted, ~y)) / 2


def best_threshold(values: Sequence[float], labels: Sequence[bool]) -> tuple[float, float]:
    """The global threshold with the highest macro-F1, and that F1. Candidates are midpoints
    between consecutive distinct values (and one below all), so a threshold never sits on an
    observed value; counts come from cumulative sums, so all candidates cost one sort."""
    x = np.asarray(values, dtype=float)
    y = np.asarray(labels, dtype=bool)
    distinct, inverse = np.unique(x, return_inverse=True)
    positives_at = np.bincount(inverse, weights=y, minlength=len(distinct))
    totals_at = np.bincount(inverse, minlength=len(distinct)).astype(float)
    # Predicting "correct" from distinct[i] upwards: counts over values >= distinct[i].
    predicted = np.cumsum(totals_at[::-1])[::-1]
    true_pos = np.cumsum(positives_at[::-1])[::-1]
    positives, total = float(y.sum()), float(len(y))
    f1_correct = _safe_ratio(2 * true_pos, predicted + positives)
    true_neg = (total - predicted) - (positives - true_pos)
    f1_incorrect = _safe_ratio(2 * true_neg, (total - predicted) + (total - positives))
    # Predicting nothing correct at all is a candidate too (threshold above every value).
    macro = np.append((f1_correct + f1_incorrect) / 2, macro_f1(x, y, np.inf))
    thresholds = np.append(
        np.concatenate([[distinct[0] - 1e-3], (distinct[:-1] + distinct[1:]) / 2]),
        distinct[-1] + 1e-3,
    )
    best = int(np.argmax(macro))
    return float(thresholds[best]), float(macro[best])


def figures(
    values: Sequence[float],
    labels: Sequence[bool],
    questions: int,
    threshold: float | None = None,
) -> Figures:
    """AUC and macro-F1; at `threshold` if given (held-out use), else at the best one."""
    if threshold is None:
        threshold, f1 = best_threshold(values, labels)
    else:
        f1 = macro_f1(values, labels, threshold)
    return Figures(
        auc=round(roc_auc(values, labels), 4),
        macro_f1=round(f1, 4),
        threshold=round(threshold, 4),
        answers=len(labels),
        correct=int(sum(labels)),
        questions=questions,
    )


def evaluate(
    score_many: Callable[[Sequence[GradeRequest]], list[Grade]],
    questions: Sequence[SemEvalQuestion],
    every: int = 1,
    threshold: float | None = None,
) -> Figures:
    """Grade the student answers with `score_many` (e.g. `OfflineScorer.score_many`) and
    measure how well Grade.score separates correct from incorrect."""
    requests, labels = requests_and_labels(questions, every)
    grades = score_many(requests)
    return figures([g.score for g in grades], labels, len(questions), threshold)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _f1(predicted: np.ndarray, truth: np.ndarray) -> float:
    true_positives = int((predicted & truth).sum())
    denominator = int(predicted.sum()) + int(truth.sum())
    return 2 * true_positives / denominator if denominator else 0.0


def _safe_ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0)


def _average_ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x), dtype=float)
    ranks[order] = np.arange(1, len(x) + 1)
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return sums[inverse] / counts[inverse]


def three_way_labels(data_dir: Path | None = None) -> dict[str, str]:
    """Student answer id -> its 3-way label (correct, contradictory, incorrect)."""
    base = (data_dir or DEFAULT_DATA_DIR) / "training" / "3way"
    labels: dict[str, str] = {}
    for path in sorted(base.glob("*/*.xml")):
        for a in ET.parse(path).getroot().iterfind("studentAnswers/studentAnswer"):
            labels[a.get("id", "")] = a.get("accuracy", "")
    return labels
