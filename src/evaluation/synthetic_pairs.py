"""Synthetic (key point, answer, verdict) triples from the seed notes, for training only.

SemEval-2013 teaches the pair model what students get right and wrong about circuits and
science; these teach it the ways an interview answer goes wrong in the topic's own words: a
negated key point, an opposite in place of one of its words, and two points' subjects swapped
(the ROW_NUMBER / RANK mix-up). Covered examples are the point reworded or inside the full
prepared answer; missed ones are another point of the same answer. Never used for reported
figures: those come from people's labels.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from agent.scoring.antonyms import ANTONYMS
from agent.scoring.pair_features import subject, words
from evaluation.variants import _SYNONYMS
from retrieval.question_bank import Question

_AUX = re.compile(
    r"\b(is|are|was|were|can|does|do|will|should|must|has|have)\b(?! not\b)", re.IGNORECASE
)
_NOT = re.compile(r"\b(is|are|was|were|can|does|do|will|should|must|has|have) not\b|n't\b")


@dataclass(frozen=True)
class Triple:
    group: str
    """The question the pair comes from: cross-validation holds questions out together."""
    points: list[str]
    point: int
    """Index of the point being judged within `points` (the reference's key points)."""
    answer: str
    label: int
    """0 covered, 1 contradicted, 2 missed (agent.scoring.pair_model.CLASSES)."""
    kind: str


def negate(point: str) -> str | None:
    """The point with its first auxiliary negated, or its negation removed."""
    if _NOT.search(point):
        return _NOT.sub(lambda m: m.group(1) if m.group(1) else "", point, count=1)
    label, sep, claim = point.partition(": ")
    if not sep:
        label, claim = "", point
    if _AUX.search(claim):
        return label + sep + _AUX.sub(lambda m: f"{m.group(1)} not", claim, count=1)
    return None


def oppose(point: str) -> str | None:
    """The point with one of its words replaced by an opposite."""
    for word in words(point):
        opposites = sorted(ANTONYMS.get(word, ()))
        if opposites:
            return re.sub(rf"\b{re.escape(word)}\b", opposites[0], point, count=1, flags=re.I)
    return None


def reword(point: str) -> str:
    def swap(match: re.Match[str]) -> str:
        new = _SYNONYMS.get(match.group(0).lower())
        return new if new else match.group(0)

    return re.sub(r"[A-Za-z]+", swap, point)


def swapped(points: list[str]) -> list[str] | None:
    """The points with the subjects of the first two that have distinct subjects exchanged."""
    subjects = [subject(p) for p in points]
    named = [
        (i, s) for i, s in enumerate(subjects) if s and re.search(re.escape(s), points[i], re.I)
    ]
    pairs = [(a, b) for a in named for b in named if a[0] < b[0] and a[1] != b[1]]
    if not pairs:
        return None
    (i, si), (j, sj) = pairs[0]
    out = list(points)
    out[i] = re.sub(
        re.escape(si), sj.upper() if sj.isupper() else sj, points[i], count=1, flags=re.I
    )
    out[j] = re.sub(re.escape(sj), si, points[j], count=1, flags=re.I)
    return out


def triples(questions: list[Question], seed: int = 13) -> list[Triple]:
    rng = random.Random(seed)
    out: list[Triple] = []
    for q in questions:
        points = q.key_points
        if len(points) < 2:
            continue
        full = q.golden_answer or " ".join(points)
        for i, point in enumerate(points):
            others = [p for k, p in enumerate(points) if k != i]
            out.append(Triple(q.id, points, i, reword(point), 0, "reworded"))
            out.append(Triple(q.id, points, i, full, 0, "full"))
            out.append(
                Triple(
                    q.id, points, i, " ".join(rng.sample(others, min(2, len(others)))), 2, "other"
                )
            )
            for kind, changed in (("negated", negate(point)), ("opposite", oppose(point))):
                if changed and changed != point:
                    answer = " ".join([*others[:1], changed])
                    out.append(Triple(q.id, points, i, answer, 1, kind))
        swap = swapped(points)
        if swap:
            for i, (a, b) in enumerate(zip(points, swap, strict=True)):
                if a != b:
                    out.append(Triple(q.id, points, i, " ".join(swap), 1, "swapped"))
    return out
