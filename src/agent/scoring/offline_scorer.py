"""The offline scorer: key-point coverage by embedding similarity plus lexical overlap.

No generative model, deterministic, and every number traceable: each key point is covered by
the answer sentence most similar to it (a blend of cosine similarity and the share of the key
point's content words the sentence contains), and the criteria of the rubric are read off the
covered points and the answer's relevant sentences. Depth and specificity only count in
sentences relevant to the question, and can never exceed correctness by more than a level, so
padding and name-dropping do not pay.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from agent.grade import Grade, GradeRequest
from agent.rubric import Rubric
from agent.scoring.answer_text import PreparedAnswer, prepare
from agent.scoring.fast_encoder import scoring_embedder
from retrieval.embedder import Embedder
from retrieval.key_points import key_points as derive_key_points

SCORER_NAME = "offline-keypoint-v1"
CACHE_LIMIT = 50_000  # texts; about 77 MB of vectors


@dataclass(frozen=True)
class ScorerParams:
    """Global settings; never tuned per question.

    The defaults were chosen by a grid search on the SemEval-2013 training data and checked on
    the seed golden answers: see evals/semeval_calibration.json (how: evaluation.calibrate).
    There, Grade.score separates human-judged correct and incorrect answers with ROC AUC 0.722
    and macro-F1 0.668 at `correct_threshold`, and keeps golden > half > unrelated > empty in
    every seed question. Re-run the calibration after changing how answers are scored.
    """

    embed_weight: float = 0.5
    """Share of cosine similarity in the blended similarity; the rest is lexical overlap."""
    cover_threshold: float = 0.55
    """Blended similarity at which a key point counts as covered."""
    floor: float = 0.0
    """Similarity below which a key point earns no partial credit at all."""
    relevance: float = 0.4
    """Cosine similarity to the question or a key point for a sentence to count as on topic."""
    correct_threshold: float = 2.795
    """Grade.score from which an answer counts as correct, for evals; grading never uses it."""


_STOP = frozenset(
    "a an the and or of to in on for with by is are was were be been it its this that these those "
    "as at from into your you i we they he she them our us my me do does did can could should "
    "would will what why how when which who there their then than so if not no yes also use used "
    "using about".split()
)
_DEPTH_CUES = re.compile(
    r"\b(trade-?offs?|because|however|but|instead|whereas|versus|vs\.?|downside|cost|latency|"
    r"fail\w*|retr(y|ies)|scal\w*|production|monitor\w*|bottleneck\w*|idempoten\w*|consisten\w*|"
    r"edge cases?|risk\w*|throughput|reliab\w*|backfill\w*|recover\w*|alert\w*)\b",
    re.IGNORECASE,
)
_SPECIFICS = re.compile(
    r"\b\d[\d.,]*\s*(%|ms|s|gb|tb|mb|x|k|m|km/h|hours?|minutes?|days?)?\b"
    r"|\b[A-Z][a-zA-Z]+[A-Z]\w*\b|\b[A-Z]{2,}\b|\b\w+_\w+\b|\w+\(\)"
    r"|\b(for example|e\.g\.|such as|in my last|at my)\b",
)


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {w[:6] for w in words if w not in _STOP and len(w) > 1}


class OfflineScorer:
    name = SCORER_NAME

    def __init__(self, embedder: Embedder, rubric: Rubric, params: ScorerParams | None = None):
        self._embedder = scoring_embedder(embedder)
        self._rubric = rubric
        self.params = params or ScorerParams()
        self._cache: dict[str, np.ndarray] = {}
        self._key_points: dict[str, list[str]] = {}

    def with_params(self, params: ScorerParams) -> OfflineScorer:
        """A scorer with other settings that shares this one's model and vector cache, so a
        calibration grid embeds every text once, however many settings it tries."""
        clone = copy.copy(self)
        clone.params = params
        return clone

    def score(self, request: GradeRequest, grounded: bool = True) -> Grade:
        return self.score_many([request], grounded)[0]

    def score_many(self, requests: Sequence[GradeRequest], grounded: bool = True) -> list[Grade]:
        """Grade a batch; all texts not seen before are embedded in one batched call (each
        distinct text once, by the bf16 copy of the model where it can be used: see
        fast_encoder), which is what makes batch grading fast (benchmarks/bench_scorer.py)."""
        prepared = [prepare(r.answer) for r in requests]
        points = [self._points(r) for r in requests]
        texts = [r.question for r in requests]
        for p, kps in zip(prepared, points, strict=True):
            texts.extend(p.sentences)
            texts.extend(kp for options in kps for kp in options)
        self._embed_missing(texts)
        return [
            self._grade(r, p, kps, grounded)
            for r, p, kps in zip(requests, prepared, points, strict=True)
        ]

    def _points(self, request: GradeRequest) -> list[list[str]]:
        """Key points per reference answer; references are alternatives, best one counts."""
        if request.key_points:
            return [list(request.key_points)]
        options = [self._derived_points(ref) for ref in request.reference]
        return [o for o in options if o and o[0]] or [[]]

    def _derived_points(self, reference: str) -> list[str]:
        # A batch grades many answers against the same references; parse each one once.
        if reference not in self._key_points:
            if len(self._key_points) > CACHE_LIMIT:
                self._key_points.clear()
            self._key_points[reference] = derive_key_points(reference) or [reference.strip()]
        return self._key_points[reference]

    def _embed_missing(self, texts: list[str]) -> None:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not missing:
            return
        # Bound a long batch run's memory, but clear before adding: the batch being graded
        # needs every one of its vectors.
        if len(self._cache) + len(missing) > CACHE_LIMIT:
            self._cache.clear()
            missing = list(dict.fromkeys(texts))
        for text, vector in zip(missing, self._embedder.embed(missing), strict=True):
            self._cache[text] = vector

    def _grade(
        self,
        request: GradeRequest,
        answer: PreparedAnswer,
        options: list[list[str]],
        grounded: bool,
    ) -> Grade:
        notices = []
        if answer.truncated:
            notices.append("Only the first 6,000 characters of this answer were scored.")
        if answer.set_aside:
            notices.append(
                f"{len(answer.set_aside)} sentence(s) addressed to the grader were not scored."
            )
        best = max(
            (self._coverage(answer, points) for points in options),
            key=lambda c: c.value,
        )
        criteria_float = self._criteria(request, answer, best)
        criteria = {name: int(round(value)) for name, value in criteria_float.items()}
        score = 1.0 if answer.empty else self._rubric.weighted(criteria_float)
        return Grade(
            id=request.id,
            score=round(min(5.0, max(1.0, score)), 3),
            criteria=criteria,
            covered=best.covered,
            missing=best.missing,
            scorer=self.name,
            confidence=round(self._confidence(best, answer, grounded), 3),
            evidence=best.evidence,
            notices=notices,
        )

    def _coverage(self, answer: PreparedAnswer, points: list[str]) -> _Coverage:
        p = self.params
        if not points:
            return _Coverage(0.0, [], [], {}, 0)
        if answer.empty:
            return _Coverage(0.0, [], list(points), {}, 0)
        sentence_vectors = np.stack([self._cache[s] for s in answer.sentences])
        sentence_words = [_content_words(s) for s in answer.sentences]
        covered, missing, evidence, credit, ambiguous = [], [], {}, 0.0, 0
        for point in points:
            cosine = sentence_vectors @ self._cache[point]
            words = _content_words(point) or {point.lower()}
            lexical = np.array([len(words & sw) / len(words) for sw in sentence_words])
            blended = p.embed_weight * cosine + (1 - p.embed_weight) * lexical
            best = int(np.argmax(blended))
            value = float(blended[best])
            if abs(value - p.cover_threshold) < 0.05:
                ambiguous += 1
            if value >= p.cover_threshold:
                covered.append(point)
                evidence[point] = answer.sentences[best]
                credit += 1.0
            else:
                missing.append(point)
                credit += 0.5 * max(0.0, value - p.floor) / (p.cover_threshold - p.floor)
        return _Coverage(credit / len(points), covered, missing, evidence, ambiguous)

    def _criteria(
        self, request: GradeRequest, answer: PreparedAnswer, coverage: _Coverage
    ) -> dict[str, float]:
        names = [c.name for c in self._rubric.criteria]
        if answer.empty:
            return dict.fromkeys(names, 1.0)
        correctness = 1.0 + 4.0 * coverage.value
        relevant = self._relevant_sentences(request, answer, coverage)
        on_topic = " ".join(relevant)
        depth = 1.0 + min(4.0, len({m.group(0).lower() for m in _DEPTH_CUES.finditer(on_topic)}))
        specifics = {m.group(0).lower() for m in _SPECIFICS.finditer(on_topic)}
        specificity = 1.0 + min(4.0, len(specifics) / 1.5)
        share = len(relevant) / len(answer.sentences)
        structure = 1.0 + 4.0 * share
        values = {
            "correctness": correctness,
            "depth": min(depth, correctness + 1.0),
            "specificity": min(specificity, correctness + 1.0),
            "structure": min(structure, correctness + 2.0),
        }
        # Criteria a user's rubric adds and this scorer cannot measure follow correctness.
        return {name: min(5.0, values.get(name, correctness)) for name in names}

    def _relevant_sentences(
        self, request: GradeRequest, answer: PreparedAnswer, coverage: _Coverage
    ) -> list[str]:
        anchors = [request.question, *coverage.covered, *coverage.missing]
        anchor_vectors = np.stack([self._cache[a] for a in anchors if a in self._cache])
        return [
            s
            for s in answer.sentences
            if float(np.max(anchor_vectors @ self._cache[s])) >= self.params.relevance
        ]

    def _confidence(self, coverage: _Coverage, answer: PreparedAnswer, grounded: bool) -> float:
        """Low without a prepared answer, with few key points, or with borderline matches."""
        n = len(coverage.covered) + len(coverage.missing)
        if n == 0:
            return 0.1
        confidence = (0.85 if grounded else 0.35) * (0.6 + 0.4 * min(1.0, n / 4))
        confidence *= 1.0 - 0.5 * coverage.ambiguous / n
        if answer.truncated:
            confidence *= 0.9
        return max(0.0, min(1.0, confidence))


@dataclass(frozen=True)
class _Coverage:
    value: float
    covered: list[str]
    missing: list[str]
    evidence: dict[str, str]
    ambiguous: int
