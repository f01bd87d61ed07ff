"""The pair model: from the features of a (key point, answer) pair to the chances that the answer
covers the point, contradicts it, or misses it.

A small classifier (standardised features, optionally one tanh hidden layer, softmax over three
classes) whose weights are a few kilobytes of JSON committed beside this module, so nothing is
downloaded or built at run time. It is trained by `python -m evaluation.train_pair_model` from
data in the repository and beside it (SemEval-2013 3-way labels, synthetic contradictions of the
seed notes' key points); that command rewrites `pair_model.json` and records its figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from agent.scoring.pair_features import FEATURES

CLASSES = ("covered", "contradicted", "missed")
COVERED, CONTRADICTED, MISSED = range(3)
MODEL_FILE = "pair_model.json"


@dataclass(frozen=True)
class PairModel:
    mean: np.ndarray
    scale: np.ndarray
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]
    """(weights, bias) per layer; tanh between layers, softmax after the last."""
    features: tuple[str, ...] = FEATURES

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Rows of P(covered), P(contradicted), P(missed) for rows of features."""
        if len(x) == 0:
            return np.zeros((0, len(CLASSES)), dtype=np.float64)
        h = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < len(self.layers) - 1:
                h = np.tanh(h)
        h = h - h.max(axis=1, keepdims=True)
        e = np.exp(h)
        return e / e.sum(axis=1, keepdims=True)

    def to_json(self, **extra: Any) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "classes": list(CLASSES),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "layers": [
                {"weights": w.round(6).tolist(), "bias": b.round(6).tolist()}
                for w, b in self.layers
            ],
            **extra,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PairModel:
        features = tuple(data["features"])
        if features != FEATURES:
            raise ValueError(
                "pair model was trained on other features; re-run "
                "`python -m evaluation.train_pair_model`"
            )
        layers = tuple(
            (np.asarray(layer["weights"], dtype=np.float64), np.asarray(layer["bias"]))
            for layer in data["layers"]
        )
        return cls(np.asarray(data["mean"]), np.asarray(data["scale"]), layers, features)


def model_path() -> Path:
    return Path(str(resources.files("agent").joinpath(f"scoring/{MODEL_FILE}")))


def load_pair_model(path: Path | None = None) -> PairModel:
    """The committed model, or the one at `path`."""
    source = path or model_path()
    return PairModel.from_json(json.loads(source.read_text(encoding="utf-8")))
