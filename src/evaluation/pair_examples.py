"""Training examples for the pair model: features of (key point, answer) pairs with verdicts.

Features come from the scorer itself (`OfflineScorer.prime` / `view`), so the model is trained on
exactly what it reads when grading.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from agent.grade import GradeRequest
from agent.scoring.coverage import point_features
from agent.scoring.offline_scorer import OfflineScorer
from agent.scoring.pair_model import CONTRADICTED, COVERED, MISSED
from evaluation import semeval
from evaluation.human_set import WRONG_CLASSES, HumanAnswer
from evaluation.synthetic_pairs import Triple

LABELS = {"correct": 0, "contradictory": 1, "incorrect": 2}


@dataclass
class Examples:
    x: np.ndarray
    y: np.ndarray
    groups: list[str]
    """Question of each row: cross-validation holds questions out together."""
    source: list[str]
    """"beetle", "sciEntsBank" or "synthetic:<kind>"."""

    def __len__(self) -> int:
        return len(self.y)

    def take(self, mask: np.ndarray) -> Examples:
        keep = np.flatnonzero(mask)
        return Examples(
            self.x[keep],
            self.y[keep],
            [self.groups[i] for i in keep],
            [self.source[i] for i in keep],
        )

    @staticmethod
    def join(parts: Sequence[Examples]) -> Examples:
        return Examples(
            np.concatenate([p.x for p in parts]),
            np.concatenate([p.y for p in parts]),
            [g for p in parts for g in p.groups],
            [s for p in parts for s in p.source],
        )


def fold_of(group: str, folds: int) -> int:
    """A stable fold per question, the same on every machine and run."""
    return zlib.crc32(group.encode("utf-8")) % folds


def _best_row(
    scorer: OfflineScorer, request: GradeRequest, options: list[list[str]], view
) -> np.ndarray:
    rows = [point_features(o, scorer.point_vectors(o), view, scorer.word_vectors) for o in options]
    stacked = np.concatenate(rows)
    # The reference the answer is closest to, by cosine and lexical overlap: the one a person
    # would compare it with.
    return stacked[int(np.argmax(stacked[:, 0] + stacked[:, 2]))]


def semeval_examples(
    scorer: OfflineScorer,
    questions: Sequence[semeval.SemEvalQuestion],
    labels: dict[str, str],
    every: int = 1,
) -> tuple[Examples, list[GradeRequest]]:
    requests, _ = semeval.requests_and_labels(questions, every)
    prepared, options = scorer.prime(requests)
    rows, ys, groups, sources = [], [], [], []
    for request, answer, opts in zip(requests, prepared, options, strict=True):
        domain, qid, aid = request.id.split("/", 2)
        if answer.empty or aid not in labels:
            continue
        rows.append(_best_row(scorer, request, opts, scorer.view(answer)))
        ys.append(LABELS[labels[aid]])
        groups.append(f"{domain}/{qid}")
        sources.append(domain)
    return Examples(np.stack(rows), np.array(ys), groups, sources), requests


def synthetic_examples(scorer: OfflineScorer, triples: Sequence[Triple]) -> Examples:
    requests = [
        GradeRequest(id=str(i), question="", reference=[""], answer=t.answer, key_points=t.points)
        for i, t in enumerate(triples)
    ]
    prepared, _ = scorer.prime(requests)
    rows = []
    for t, answer in zip(triples, prepared, strict=True):
        feats = point_features(
            t.points, scorer.point_vectors(t.points), scorer.view(answer), scorer.word_vectors
        )
        rows.append(feats[t.point])
    return Examples(
        np.stack(rows),
        np.array([t.label for t in triples]),
        [f"synthetic/{t.group}" for t in triples],
        [f"synthetic:{t.kind}" for t in triples],
    )


def point_verdicts(points: list[str], answer: HumanAnswer, vectors: np.ndarray) -> list[int]:
    """Per key point verdicts read off a person's grade of the whole answer: each fact in the
    answer's `missed` list marks the key point most like it as missed (contradicted when the
    person wrote "contradicted" or "swapped"); the other points are covered, except in an
    answer graded 1, which covers nothing. `vectors`: the points' then the facts' vectors."""
    if answer.label >= 5 or not answer.missed:
        return [COVERED] * len(points)
    verdicts = [MISSED if answer.label <= 1 else COVERED] * len(points)
    point_vectors, fact_vectors = vectors[: len(points)], vectors[len(points) :]
    for fact, vector in zip(answer.missed, fact_vectors, strict=True):
        best = int(np.argmax(point_vectors @ vector))
        wrong = any(w in fact.lower() for w in ("contradict", "swap", "wrong", "not "))
        if wrong and answer.cls in WRONG_CLASSES:
            verdicts[best] = CONTRADICTED
        elif verdicts[best] != CONTRADICTED:
            verdicts[best] = MISSED
    return verdicts


def human_examples(scorer: OfflineScorer, answers: Sequence[HumanAnswer]) -> Examples:
    """Per key point rows from people's grades of whole interview answers (dev split only)."""
    requests = [a.request() for a in answers]
    prepared, options = scorer.prime(requests)
    scorer.embed_texts([f for a in answers for f in a.missed])
    rows, ys, groups = [], [], []
    for a, answer, opts in zip(answers, prepared, options, strict=True):
        points = opts[0]
        if answer.empty or not points:
            continue
        vectors = (
            np.concatenate([scorer.point_vectors(points), scorer.point_vectors(list(a.missed))])
            if a.missed
            else scorer.point_vectors(points)
        )
        feats = point_features(
            points, scorer.point_vectors(points), scorer.view(answer), scorer.word_vectors
        )
        rows.append(feats)
        ys.extend(point_verdicts(points, a, vectors))
        groups.extend([f"human/{a.question_id}"] * len(points))
    return Examples(np.concatenate(rows), np.array(ys), groups, ["human"] * len(ys))
