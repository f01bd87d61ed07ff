"""The offline scorer: key-point coverage read by a trained pair model, mapped onto the rubric.

No generative model, deterministic, and every number traceable: each key point of the prepared
answer is read against the candidate's answer by the pair model (`pair_model`, over the features
of `pair_features`), which tells a paraphrase that covers the point from an answer that uses the
point's words to say something else (a negation, an opposite, a swapped subject). Covered,
missed and contradicted points are listed, with the sentence that covered or contradicted each.
The criteria of the rubric are read off that coverage (`criteria`), so depth and specificity pay
for content a person would credit, not for cue words, and padding pays nothing.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from agent.grade import Grade, GradeRequest
from agent.rubric import Rubric
from agent.scoring.answer_text import PreparedAnswer, prepare
from agent.scoring.coverage import (
    Coverage,
    CoverageParams,
    coverage,
    empty_coverage,
    label_bodies,
)
from agent.scoring.criteria import criteria_values
from agent.scoring.fast_encoder import scoring_embedder
from agent.scoring.pair_features import AnswerView, answer_view, content_words, key_words
from agent.scoring.pair_model import PairModel, load_pair_model
from agent.scoring.point_claims import point_claims
from agent.scoring.point_reader import MiniLMPointReader, PointReader, ReadingPlan
from agent.scoring.support import prose_share, supported_credit, supported_share
from retrieval.embedder import Embedder, MiniLMEmbedder
from retrieval.key_points import key_points as derive_key_points

SCORER_NAME = "offline-keypoint-v1"
CACHE_LIMIT = 50_000  # texts; about 77 MB of vectors


@dataclass(frozen=True)
class ScorerParams:
    """Global settings; never tuned per question. The credit ramp and the contradiction
    settings were chosen by a grid on the human dev split (Spearman + ordering - MAE; the
    optimum is flat: 0.61-0.62 Spearman across the best 10), never on the test split."""

    cover_threshold: float = 0.75
    """P(covered) from which a key point is listed as covered (credit follows the ramp below,
    not this). At 0.5 the interview report listed as covered a fifth of the points simulated
    candidates had left out (missing recall 0.81); at 0.7, 0.94 with precision 1. The point
    reader credits more, and at 0.7 the report's missed-point recall fell 0.719 -> 0.679;
    at 0.75 it is 0.714 with precision 1 (0.8: precision 0.925)."""
    contradict_threshold: float = 0.45
    """P(contradicted) from which a key point is listed as contradicted (if above P(covered)).
    With the point reader, 0.45 measured best on the human dev split (Spearman 0.700 at 0.3)."""
    contradiction_penalty: float = 1.0
    """Credit a contradicted point costs, in key points."""
    full_credit: float = 0.8
    """P(covered) that earns a point's full credit (see CoverageParams)."""
    no_credit: float = 0.2
    """P(covered) below which a point earns nothing."""
    support_credit: float = 0.3
    """Coverage an answer that covers no whole point earns when the notes back up all its words
    (see `support`): the credit a person gives a short answer for a fact stated correctly.
    The three support settings were chosen on the human dev split (Spearman 0.645 -> 0.662,
    MAE 0.857 -> 0.812; flat within 0.005 for credit 0.3-0.4 and reach 0.5-0.7)."""
    support_floor: float = 0.6
    """Share of supported words below which an answer earns no such credit."""
    support_reach: float = 0.6
    """Coverage from which an answer earns no such credit: a near-full answer that says one
    thing against the notes must not earn it back this way. Below it, a supported answer keeps
    1 - support_credit / support_reach of what more coverage earns (half, here)."""
    reader_weight: float = 0.5
    """Share of a key point's chances that comes from the point reader (the cross-encoder);
    the rest comes from the pair model over sentence-pair features. On the human dev split:
    Spearman 0.714 at 0.5, 0.697 at 0.7, lower at 0.9."""
    relevance: float = 0.4
    """Cosine similarity to the question or a key point for a sentence to count as on topic."""
    correct_threshold: float = 3.0
    """Grade.score from which an answer counts as correct, for evals; grading never uses it."""

    def __post_init__(self) -> None:
        if self.support_credit >= self.support_reach:
            raise ValueError(
                "support_credit must be below support_reach, or more coverage earns nothing"
            )

    def coverage_params(self) -> CoverageParams:
        return CoverageParams(
            self.cover_threshold,
            self.contradict_threshold,
            self.contradiction_penalty,
            self.full_credit,
            self.no_credit,
            self.reader_weight,
        )


class OfflineScorer:
    name = SCORER_NAME

    def __init__(
        self,
        embedder: Embedder,
        rubric: Rubric,
        params: ScorerParams | None = None,
        model: PairModel | None = None,
        reader: PointReader | None = None,
    ):
        self._embedder = scoring_embedder(embedder)
        self._rubric = rubric
        self.params = params or ScorerParams()
        self.model = model or load_pair_model()
        self.reader = reader if reader is not None else default_reader(embedder)
        self._cache: dict[str, np.ndarray] = {}
        self._key_points: dict[str, list[str]] = {}

    def with_params(self, params: ScorerParams) -> OfflineScorer:
        """A scorer with other settings that shares this one's model and vector cache, so a
        calibration grid embeds every text once, however many settings it tries."""
        clone = copy.copy(self)
        clone.params = params
        return clone

    def with_model(self, model: PairModel) -> OfflineScorer:
        """The same, with another pair model (cross-validation trains one per fold)."""
        clone = copy.copy(self)
        clone.model = model
        return clone

    def with_reader(self, reader: PointReader | None) -> OfflineScorer:
        """The same, with another point reader (a SemEval fold's), or none."""
        clone = copy.copy(self)
        clone.reader = reader
        return clone

    def score(self, request: GradeRequest, grounded: bool = True) -> Grade:
        return self.score_many([request], grounded)[0]

    def score_many(self, requests: Sequence[GradeRequest], grounded: bool = True) -> list[Grade]:
        """Grade a batch; all texts not seen before (sentences, key points and their words) are
        embedded in one batched call, each distinct text once, which is what makes batch
        grading fast (benchmarks/bench_scorer.py)."""
        prepared, options = self.prime(requests)
        readings = self._read(prepared, options)
        return [
            self._grade(r, p, kps, grounded, read)
            for r, p, kps, read in zip(requests, prepared, options, readings, strict=True)
        ]

    @property
    def _reads(self) -> bool:
        """Whether grading reads with the point reader (and so needs the claims' vectors)."""
        return self.reader is not None and self.params.reader_weight > 0

    def _read(
        self, prepared: Sequence[PreparedAnswer], options: Sequence[list[list[str]]]
    ) -> list[list[np.ndarray | None]]:
        """The point reader's chances for every option of every answer, in one batch."""
        if not self._reads:
            return [[None] * len(kps) for kps in options]
        plan = ReadingPlan()
        slots: list[list[int | None]] = []
        for answer, kps in zip(prepared, options, strict=True):
            if answer.empty:
                slots.append([None] * len(kps))
                continue
            rows = np.stack([self._cache[t] for t in answer.sentences])
            slots.append(
                [
                    plan.add(o, self.point_vectors, answer.sentences, rows) if o else None
                    for o in kps
                ]
            )
        read = plan.read(self.reader)
        return [[None if i is None else read[i] for i in row] for row in slots]

    def prime(
        self, requests: Sequence[GradeRequest]
    ) -> tuple[list[PreparedAnswer], list[list[list[str]]]]:
        """Prepare the answers, find the key points, and embed every text they need."""
        prepared = [prepare(r.answer) for r in requests]
        options = [self._points(r) for r in requests]
        texts = [r.question for r in requests]
        for p, kps in zip(prepared, options, strict=True):
            texts.extend(p.sentences)
            points = [kp for option in kps for kp in option]
            texts.extend(points)
            if self._reads:
                texts.extend(c for point in points for c in point_claims(point))
            for option in kps:
                texts.extend(label_bodies(option))
            for text in p.sentences:
                texts.extend(content_words(text))
            for point in points:
                texts.extend(key_words(point))
        self._embed_missing(texts)
        return prepared, options

    def view(self, answer: PreparedAnswer) -> AnswerView:
        vectors = np.stack([self._cache[s] for s in answer.sentences])
        whole = vectors.mean(axis=0)
        whole = whole / (np.linalg.norm(whole) or 1.0)
        return answer_view(answer.sentences, vectors, whole, self.word_vectors)

    def embed_texts(self, texts: Sequence[str]) -> None:
        """Embed texts not seen before, so `point_vectors` can read them (training uses it)."""
        self._embed_missing(list(texts))

    def word_vectors(self, words: Sequence[str]) -> np.ndarray:
        return np.stack([self._cache[w] for w in words])

    def point_vectors(self, points: Sequence[str]) -> np.ndarray:
        return np.stack([self._cache[p] for p in points])

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
        readings: list[np.ndarray | None],
    ) -> Grade:
        best = self._best_coverage(request, answer, options, readings)
        values = criteria_values(
            self._rubric, answer, best, self._relevant_sentences(request, answer, best)
        )
        score = 1.0 if answer.empty else self._rubric.weighted(values)
        return Grade(
            id=request.id,
            score=round(min(5.0, max(1.0, score)), 3),
            criteria={name: int(round(value)) for name, value in values.items()},
            covered=best.covered,
            missing=best.missing,
            contradicted=list(best.contradicted),
            scorer=self.name,
            confidence=round(self._confidence(best, answer, grounded), 3),
            evidence=best.evidence,
            notices=_notices(answer, best),
        )

    def _best_coverage(
        self,
        request: GradeRequest,
        answer: PreparedAnswer,
        options: list[list[str]],
        readings: list[np.ndarray | None],
    ) -> Coverage:
        if answer.empty:
            return empty_coverage(options[0])
        view = self.view(answer)
        params = self.params.coverage_params()
        best = max(
            (
                coverage(
                    o, self.point_vectors, view, self.word_vectors, self.model, params, reading
                )
                for o, reading in zip(options, readings, strict=True)
            ),
            key=lambda c: c.value,
        )
        # An answer that says something against the notes does not "say only what they say".
        if not best.contradicted and self.params.support_credit > 0:
            points = [*best.covered, *best.missing]
            best.value = supported_credit(
                best.value,
                supported_share(view, points, request.question, self.word_vectors),
                prose_share(answer.sentences),
                self.params.support_credit,
                self.params.support_floor,
                self.params.support_reach,
            )
        return best

    def _relevant_sentences(
        self, request: GradeRequest, answer: PreparedAnswer, best: Coverage
    ) -> list[str]:
        anchors = [request.question, *best.covered, *best.missing]
        anchor_vectors = np.stack([self._cache[a] for a in anchors if a in self._cache])
        return [
            s
            for s in answer.sentences
            if float(np.max(anchor_vectors @ self._cache[s])) >= self.params.relevance
        ]

    def _confidence(self, best: Coverage, answer: PreparedAnswer, grounded: bool) -> float:
        """Low without a prepared answer, with few key points, or with borderline matches."""
        n = len(best.covered) + len(best.missing)
        if n == 0:
            return 0.1
        confidence = (0.85 if grounded else 0.35) * (0.6 + 0.4 * min(1.0, n / 4))
        confidence *= 1.0 - 0.5 * best.ambiguous / n
        if answer.truncated:
            confidence *= 0.9
        return max(0.0, min(1.0, confidence))


def default_reader(embedder: Embedder) -> PointReader | None:
    """The committed point reader, one per process, for the real MiniLM embedder; none for any
    other embedder (a test's fake), whose vectors the reader's windows could not be read by."""
    return _shared_reader() if isinstance(embedder, MiniLMEmbedder) else None


@functools.cache
def _shared_reader() -> MiniLMPointReader:
    return MiniLMPointReader()


def _notices(answer: PreparedAnswer, best: Coverage) -> list[str]:
    notices = []
    if answer.truncated:
        notices.append("Only the first 6,000 characters of this answer were scored.")
    if answer.set_aside:
        notices.append(
            f"{len(answer.set_aside)} sentence(s) addressed to the grader were not scored."
        )
    for point, sentence in best.contradicted.items():
        notices.append(f'Says "{_clip(sentence)}"; your notes say "{_clip(point)}".')
    return notices


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
