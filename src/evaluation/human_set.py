"""The human-judged set: realistic interview answers that people graded 1-5 before any grader
ran (`evals/human_grades/*.jsonl`), and how well a grader agrees with them.

Each line: {"id", "notes", "question_id", "question", "reference", "answer", "class", "label",
"reason", "missed"}; classes are strong, partial, wrong, contradict, swap, padded and one_line.
The set is split by question into a dev half (for tuning) and a test half (for reporting),
deterministically and balanced within each notes file (a field: SQL, Kafka, ...): a question's
answers never straddle the split, so test figures are on questions nothing was tuned on.
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from agent.grade import Grade, GradeRequest
from evaluation import semeval

HUMAN_DIR = semeval.REPO_ROOT / "evals" / "human_grades"
CLASSES = ("strong", "partial", "wrong", "contradict", "swap", "padded", "one_line")
WRONG_CLASSES = ("wrong", "contradict", "swap")
"""Answers that say something false: a person gives them 1-2 whatever their vocabulary."""
ScoreMany = Callable[[Sequence[GradeRequest]], list[Grade]]


@dataclass(frozen=True)
class HumanAnswer:
    id: str
    notes: str
    question_id: str
    question: str
    reference: str
    answer: str
    cls: str
    label: int
    missed: tuple[str, ...] = ()

    def request(self) -> GradeRequest:
        return GradeRequest(
            id=self.id, question=self.question, reference=self.reference, answer=self.answer
        )


def available(directory: Path = HUMAN_DIR) -> bool:
    return any(directory.glob("*.jsonl"))


def load(directory: Path = HUMAN_DIR) -> list[HumanAnswer]:
    out = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(
                HumanAnswer(
                    id=str(row["id"]),
                    notes=str(row.get("notes") or path.stem),
                    question_id=str(row["question_id"]),
                    question=row["question"],
                    reference=row["reference"],
                    answer=row["answer"],
                    cls=row["class"],
                    label=int(row["label"]),
                    missed=tuple(row.get("missed") or ()),
                )
            )
    return out


def split(answers: Sequence[HumanAnswer]) -> dict[str, list[HumanAnswer]]:
    """{"dev": ..., "test": ...}: within each notes file, questions ordered by a hash of their
    id go alternately to dev and test, so each field is split about evenly."""
    questions: dict[str, set[str]] = defaultdict(set)
    for a in answers:
        questions[a.notes].add(a.question_id)
    side: dict[tuple[str, str], str] = {}
    for notes, ids in questions.items():
        ordered = sorted(ids, key=lambda q: (zlib.crc32(f"{notes}/{q}".encode()), q))
        for i, qid in enumerate(ordered):
            side[(notes, qid)] = "dev" if i % 2 == 0 else "test"
    out: dict[str, list[HumanAnswer]] = {"dev": [], "test": []}
    for a in answers:
        out[side[(a.notes, a.question_id)]].append(a)
    return out


def agreement(answers: Sequence[HumanAnswer], scores: Sequence[float]) -> dict[str, Any]:
    """Spearman with the labels, strict strong > partial > wrong ordering per question, mean
    score per class (next to the people's mean label), and mean absolute error."""
    from scipy.stats import spearmanr

    labels = [a.label for a in answers]
    rho = spearmanr(labels, list(scores)).statistic if len(set(scores)) > 1 else 0.0
    by_class: dict[str, list[tuple[float, int]]] = defaultdict(list)
    by_question: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for a, s in zip(answers, scores, strict=True):
        by_class[a.cls].append((s, a.label))
        by_question[a.question_id][a.cls].append(s)
    ordered, judged = 0, 0
    for classes in by_question.values():
        if all(c in classes for c in ("strong", "partial", "wrong")):
            judged += 1
            strong, partial, wrong = (mean(classes[c]) for c in ("strong", "partial", "wrong"))
            ordered += strong > partial > wrong
    wrongs = [s for c in WRONG_CLASSES for s, _ in by_class.get(c, [])]
    return {
        "answers": len(answers),
        "questions": len(by_question),
        "spearman": round(float(rho if rho == rho else 0.0), 4),
        "strict_order_share": round(ordered / judged, 4) if judged else 0.0,
        "ordered_questions": judged,
        "mae": round(mean(abs(s - a.label) for a, s in zip(answers, scores, strict=True)), 4),
        "per_class": {
            c: {
                "n": len(v),
                "mean": round(mean(s for s, _ in v), 3),
                "label_mean": round(mean(label for _, label in v), 3),
                "max": round(max(s for s, _ in v), 3),
                "min": round(min(s for s, _ in v), 3),
            }
            for c, v in sorted(by_class.items())
        },
        "wrong_like_mean": round(mean(wrongs), 3) if wrongs else 0.0,
    }


def evaluate(score_many: ScoreMany, answers: Sequence[HumanAnswer]) -> dict[str, Any]:
    grades = score_many([a.request() for a in answers])
    return agreement(answers, [g.score for g in grades])


def evaluate_splits(
    graders: dict[str, ScoreMany], directory: Path = HUMAN_DIR, splits: Sequence[str] = ("test",)
) -> dict[str, Any]:
    """Agreement per grader and split, e.g. {"offline": {"test": {...}}, "llm-judge:x": ...}."""
    parts = split(load(directory))
    return {
        name: {s: evaluate(score_many, parts[s]) for s in splits}
        for name, score_many in graders.items()
    }
