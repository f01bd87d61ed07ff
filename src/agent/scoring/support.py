"""How much of what an answer says the notes back up: the share of its content words that the
prepared answer uses too, or a close synonym of them.

A short answer that gets one fact right says little the notes do not; a fluent wrong answer
brings in claims of its own ("Python copies the default every time", "the CDN returns the
cached response"), and their words are not in the notes. On the human dev split this share
tells partial answers from wrong ones far better than key-point coverage does (AUC 0.90
against 0.67), so it earns a low-coverage answer the partial credit a person gives for a fact
stated correctly, and nothing for a wrong one. Words of the question are left out: restating
the question is not support. And the credit is for statements: a string of the notes' terms
with no sentence around them ("hash table slot collisions probing") says nothing a person
would credit, so it earns the less the fewer function words the answer has.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from agent.scoring.pair_features import AnswerView, WordVectors, content_words, stem, words

PROSE = 0.2
"""Share of function words ("is", "the", "so") from which an answer reads as statements, not
a list of terms: people's answers have 0.3-0.4 (one-liners 0.2 and up), a string of terms 0."""


def supported_share(
    answer: AnswerView, points: Sequence[str], question: str, vectors: WordVectors
) -> float:
    """Mean over the answer's own content words (not the question's) of the best similarity
    to a word of the key points, a shared stem counting 1; 0 when the answer adds no word."""
    asked = {stem(w) for w in content_words(question)}
    mask = np.array([stem(w) not in asked for w in answer.all_words], dtype=bool)
    noted = list(dict.fromkeys(w for p in points for w in content_words(p)))
    if not mask.any() or not noted:
        return 0.0
    similarity = answer.word_matrix[mask] @ vectors(noted).T
    noted_stems = np.array([stem(w) for w in noted])
    similarity[answer.word_stems[mask][:, None] == noted_stems[None, :]] = 1.0
    return float(np.clip(similarity.max(axis=1), 0.0, 1.0).mean())


def prose_share(sentences: Sequence[str]) -> float:
    """How far the answer reads as statements: its share of function words over `PROSE`."""
    said = [w for s in sentences for w in words(s)]
    if not said:
        return 0.0
    function = 1.0 - sum(len(content_words(s)) for s in sentences) / len(said)
    return min(1.0, max(0.0, function / PROSE))


def supported_credit(
    value: float, share: float, prose: float, weight: float, floor: float, reach: float
) -> float:
    """Coverage `value` raised as far as the answer's words are backed by the notes above
    `floor` and it reads as statements (`prose`): an answer that covers no whole point but says
    only what the notes say gains `weight`, one that covers `reach` or more gains nothing.
    With `weight` <= `reach` more coverage never earns less."""
    lift = min(1.0, max(0.0, (share - floor) / (1.0 - floor)))
    return value + weight * lift * prose * max(0.0, 1.0 - value / reach)
