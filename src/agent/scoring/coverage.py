"""Key-point coverage read by the pair model: which points an answer covers, which it
contradicts, and which it misses.

Each key point is read against the whole answer (`pair_features`), and the pair model gives the
chances that the answer covers it, contradicts it, or misses it. A covered point earns its full
credit, a missed one the chance that it is covered after all, and a contradicted point earns
nothing and costs `contradiction_penalty`: a wrong claim in the topic's words is worse than
silence, which is what a person grading the answer does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from agent.scoring.pair_features import (
    FEATURES,
    AnswerView,
    WordVectors,
    pair_features,
    shared_label_bodies,
    subject,
)
from agent.scoring.pair_model import CONTRADICTED, COVERED, MISSED, PairModel


@dataclass(frozen=True)
class CoverageParams:
    cover_threshold: float = 0.5
    """P(covered) from which a key point is listed as covered."""
    contradict_threshold: float = 0.5
    """P(contradicted) from which a key point is listed as contradicted."""
    contradiction_penalty: float = 1.0
    """Credit a contradicted point costs, in key points."""
    full_credit: float = 0.8
    """P(covered) that earns a point's full credit; below it, credit falls linearly to 0 at
    `no_credit`. A ramp, not a step: the grade keeps ranking answers the model is unsure of."""
    no_credit: float = 0.1
    reader_weight: float = 0.0
    """Share of each point's chances taken from the point reader's reading, when there is one."""


@dataclass
class Coverage:
    value: float
    covered: list[str]
    missing: list[str]
    evidence: dict[str, str] = field(default_factory=dict)
    contradicted: dict[str, str] = field(default_factory=dict)
    """Key point -> the answer sentence that says otherwise."""
    credit: dict[str, float] = field(default_factory=dict)
    """Key point -> its credit in [0, 1]."""
    ambiguous: int = 0


def empty_coverage(points: Sequence[str]) -> Coverage:
    return Coverage(0.0, [], list(points), credit=dict.fromkeys(points, 0.0))


def coverage(
    points: Sequence[str],
    point_vectors: WordVectors,
    answer: AnswerView,
    vectors: WordVectors,
    model: PairModel,
    params: CoverageParams,
    reading: np.ndarray | None = None,
) -> Coverage:
    """`point_vectors` gives the vectors of texts it is asked for: the points, and the bodies
    of points whose label others share (`label_bodies`). `reading`: the point reader's
    P(covered), P(contradicted), P(missed) per point, blended in at `params.reader_weight`."""
    if not points:
        return Coverage(0.0, [], [])
    subjects = distinct_subjects(points)
    point_rows = point_vectors(points)
    feats = []
    for i, point in enumerate(points):
        others = [s for j, s in enumerate(subjects) if j != i and s]
        feats.append(pair_features(point, point_rows[i], answer, vectors, others))
    probs = model.probabilities(np.stack([f.vector() for f in feats]))
    if reading is not None and params.reader_weight > 0:
        probs = params.reader_weight * reading + (1.0 - params.reader_weight) * probs
    _require_bodies(points, point_vectors, answer, vectors, model, probs)
    out = Coverage(0.0, [], [])
    total = 0.0
    for point, f, p in zip(points, feats, probs, strict=True):
        sentence = answer.sentences[f.best_sentence]
        if abs(p[COVERED] - params.cover_threshold) < 0.1:
            out.ambiguous += 1
        if p[CONTRADICTED] >= params.contradict_threshold and p[CONTRADICTED] > p[COVERED]:
            out.missing.append(point)
            out.contradicted[point] = f.conflict or sentence
            out.credit[point] = 0.0
            total -= params.contradiction_penalty
        else:
            credit = _ramp(float(p[COVERED]), params.no_credit, params.full_credit)
            if p[COVERED] >= params.cover_threshold:
                out.covered.append(point)
                out.evidence[point] = sentence
            else:
                out.missing.append(point)
            out.credit[point] = credit
            total += credit
    out.value = max(0.0, total / len(points))
    return out


_SAID_SHARE = FEATURES.index("lex_whole")
"""The share of a text's content words the answer says anywhere (a pair-model feature)."""


def label_bodies(points: Sequence[str]) -> list[str]:
    """The bodies of points whose "Label:" other points share: texts to embed before
    grading (see `shared_label_bodies`)."""
    return [b for b in shared_label_bodies(points) if b]


def _require_bodies(
    points: Sequence[str],
    point_vectors: WordVectors,
    answer: AnswerView,
    vectors: WordVectors,
    model: PairModel,
    probs: np.ndarray,
) -> None:
    """A point under a shared label is covered only as far as its body is: "IAM controls:
    Users" must not cover "IAM controls: Roles". A body is read by the pair model and by its
    words: the model reads a one-word body ("Roles") poorly, so a body whose every content word
    the answer says counts as said. The lost chance moves to "missed"; a contradiction read on
    the whole point stands."""
    bodies = shared_label_bodies(points)
    rows = [i for i, b in enumerate(bodies) if b]
    if not rows:
        return
    texts = [bodies[i] or "" for i in rows]
    body_vectors = point_vectors(texts)
    feats = [
        pair_features(text, body_vectors[k], answer, vectors, []).vector()
        for k, text in enumerate(texts)
    ]
    read = model.probabilities(np.stack(feats))[:, COVERED]
    for i, f, by_model in zip(rows, feats, read, strict=True):
        covered = max(float(by_model), float(f[_SAID_SHARE]))
        if covered < probs[i, COVERED]:
            probs[i, MISSED] += probs[i, COVERED] - covered
            probs[i, COVERED] = covered


def distinct_subjects(points: Sequence[str]) -> list[str | None]:
    """Each point's subject unless another point has the same one: two points about "bias"
    give no swap evidence, ROW_NUMBER, RANK and DENSE_RANK do."""
    subjects = [subject(p) for p in points]
    return [s if s and subjects.count(s) == 1 else None for s in subjects]


def _ramp(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def point_features(
    points: Sequence[str],
    point_vectors: np.ndarray,
    answer: AnswerView,
    vectors: WordVectors,
) -> np.ndarray:
    """The features of every point against the answer, for training (no model needed)."""
    subjects = distinct_subjects(points)
    rows = []
    for i, point in enumerate(points):
        others = [s for j, s in enumerate(subjects) if j != i and s]
        rows.append(pair_features(point, point_vectors[i], answer, vectors, others).vector())
    return np.stack(rows) if rows else np.zeros((0, 0), np.float32)
