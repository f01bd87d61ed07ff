"""Train the pair model: `python -m evaluation.train_pair_model` (one command, data in the repo and
SemEval-2013 beside it; about a minute on 2 cores).

Examples: every SemEval-2013 training answer against the reference closest to it (3-way labels:
correct -> covered, contradictory -> contradicted, incorrect -> missed) plus synthetic negated,
opposed and swapped key points of the seed notes (`synthetic_pairs`). First the model is
measured with questions held out (5 folds by a hash of the question id; AUC of Grade.score on
the held-out SemEval answers), then trained on everything and written to
`src/agent/scoring/pair_model.json` with those figures in `evals/pair_model.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from agent.rubric import load_rubric
from agent.scoring.offline_scorer import OfflineScorer
from agent.scoring.pair_features import FEATURES
from agent.scoring.pair_model import CLASSES, CONTRADICTED, PairModel, model_path
from agent.scoring.point_reader import MiniLMPointReader, PointReader
from evaluation import human_set, semeval
from evaluation.pair_examples import (
    Examples,
    fold_of,
    human_examples,
    semeval_examples,
    synthetic_examples,
)
from evaluation.seed_corpus import CORPUS, answered_questions
from evaluation.synthetic_pairs import triples

REPORT = semeval.REPO_ROOT / "evals" / "pair_model.json"
FOLDS = 5
HIDDEN = 16
WEIGHTS = {"synthetic": 2.0, "human": 4.0}
"""Rows from these sources weigh more: there are few of them, and they are interview answers
(the human dev split) or carry the swaps (synthetic), which SemEval has none of."""
EPOCHS = 400


def placeholder_model() -> PairModel:
    """A model that knows nothing, to build the scorer that computes the features."""
    n = len(FEATURES)
    return PairModel(np.zeros(n), np.ones(n), ((np.zeros((n, len(CLASSES))), np.zeros(3)),))


CONFLICTS = [FEATURES.index(f) for f in ("negation_mismatch", "antonym", "number_mismatch", "swap")]


def without_blind_contradictions(data: Examples) -> Examples:
    """Drop contradictions that no conflict feature can see. SemEval's contradictory answers
    mostly restate the reference with one word changed; without a visible conflict, all the
    features say is "very similar", and learning "very similar -> contradicted" makes a strong
    answer in the candidate's own words look wrong (measured on the human dev split)."""
    visible = data.x[:, CONFLICTS].max(axis=1) > 0
    return data.take((data.y != CONTRADICTED) | visible)


def fit(data: Examples, hidden: int = HIDDEN, seed: int = 0) -> PairModel:
    """Softmax over three classes, one tanh hidden layer (none if `hidden` is 0), weight decay;
    rows weigh as `WEIGHTS` says."""
    import torch

    torch.manual_seed(seed)
    mean = data.x.mean(axis=0)
    scale = data.x.std(axis=0) + 1e-6
    x = torch.tensor((data.x - mean) / scale, dtype=torch.float32)
    y = torch.tensor(data.y, dtype=torch.long)
    weight = torch.tensor([WEIGHTS.get(s.split(":")[0], 1.0) for s in data.source])
    sizes = [x.shape[1], hidden, len(CLASSES)] if hidden else [x.shape[1], len(CLASSES)]
    layers = [torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:], strict=False)]
    params = [p for layer in layers for p in layer.parameters()]
    optimiser = torch.optim.Adam(params, lr=0.03, weight_decay=1e-3)
    for _ in range(EPOCHS):
        h = x
        for i, layer in enumerate(layers):
            h = layer(h)
            if i < len(layers) - 1:
                h = torch.tanh(h)
        loss = (torch.nn.functional.cross_entropy(h, y, reduction="none") * weight).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return PairModel(
        mean,
        scale,
        tuple(
            (layer.weight.detach().numpy().T.astype(np.float64), layer.bias.detach().numpy())
            for layer in layers
        ),
    )


def cross_validate(
    scorer: OfflineScorer,
    data: Examples,
    questions: list[semeval.SemEvalQuestion],
    hidden: int = HIDDEN,
    every: int = 1,
    readers: Callable[[int], PointReader | None] | None = None,
) -> dict[str, Any]:
    """AUC and macro-F1 of Grade.score (2-way labels) on SemEval questions held out, per
    domain, each fold's pair model trained without its questions, and read by `readers(k)`,
    the point reader trained without them (none: the scorer grades without a reader)."""
    scores: dict[str, float] = {}
    folds = np.array([fold_of(g, FOLDS) for g in data.groups])
    for k in range(FOLDS):
        model = fit(data.take(folds != k), hidden)
        held = [q for q in questions if fold_of(f"{q.domain}/{q.id}", FOLDS) == k]
        requests, _ = semeval.requests_and_labels(held, every)
        fold_scorer = scorer.with_model(model).with_reader(readers(k) if readers else None)
        grades = fold_scorer.score_many(requests)
        scores.update((r.id, g.score) for r, g in zip(requests, grades, strict=True))
    out: dict[str, Any] = {}
    for domain in semeval.DOMAINS:
        qs = [q for q in questions if q.domain == domain]
        requests, labels = semeval.requests_and_labels(qs)
        kept = [(scores[r.id], y) for r, y in zip(requests, labels, strict=True) if r.id in scores]
        values, truth = [v for v, _ in kept], [y for _, y in kept]
        out[domain] = asdict_figures(semeval.figures(values, truth, len(qs)))
    return out


def asdict_figures(f: semeval.Figures) -> dict[str, Any]:
    return dict(f.__dict__)


def training_data(
    scorer: OfflineScorer,
    questions: list[semeval.SemEvalQuestion],
    data_dir: Path | None = None,
    every: int = 1,
    human: bool = True,
) -> Examples:
    """Every kind of example: SemEval answers (every `every`-th), synthetic seed pairs, and the
    human dev split's per-point verdicts when the set is there."""
    real, _ = semeval_examples(scorer, questions, semeval.three_way_labels(data_dir), every)
    seed = [q for q in answered_questions(CORPUS) if q.kind == "interview"]
    parts = [real, synthetic_examples(scorer, triples(seed))]
    if human and human_set.available():
        parts.append(human_examples(scorer, human_set.split(human_set.load())["dev"]))
    return without_blind_contradictions(Examples.join(parts))


def held_out_figures(
    scorer: OfflineScorer, data_dir: Path | None = None, every: int = 2
) -> dict[str, Any]:
    """SemEval-2013 AUC with questions held out (5 folds), as `rehearse eval scorer` reports
    it: every fold's pair model is trained here without that fold's questions, and read with
    the point reader trained without them (`python -m evaluation.train_point_reader --folds`
    commits one per fold). A scorer with a reader but no fold readers is measured without a
    reader, and says so: the shipped reader has seen every SemEval question."""
    questions = semeval.load_questions(data_dir)
    data = training_data(scorer, questions, data_dir, every)
    readers = fold_readers() if scorer.reader is not None else None
    result = cross_validate(scorer, data, questions, HIDDEN, every, readers)
    note = "point reader per fold" if readers else "no point reader (fold readers not found)"
    return {**result, "every": every, "reader": note}


def fold_readers() -> Callable[[int], PointReader] | None:
    """The committed fold readers, or None when any is missing."""
    from evaluation.train_point_reader import fold_path

    paths = [fold_path(k) for k in range(FOLDS)]
    if not all(p.exists() for p in paths):
        return None
    return lambda k: MiniLMPointReader(paths[k])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=semeval.DEFAULT_DATA_DIR)
    parser.add_argument("--hidden", type=int, default=HIDDEN)
    parser.add_argument("--output", type=Path, default=None, help="model file (default: shipped)")
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--no-human", action="store_true", help="leave the human dev split out")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(2)
    from retrieval.embedder import MiniLMEmbedder

    started = time.perf_counter()
    scorer = OfflineScorer(MiniLMEmbedder(), load_rubric(), model=placeholder_model())
    questions = semeval.load_questions(args.data_dir)
    data = training_data(scorer, questions, args.data_dir, human=not args.no_human)
    print(f"{len(data)} examples ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    report: dict[str, Any] = {"date": dt.date.today().isoformat(), "hidden": args.hidden}
    if not args.no_cv:
        report["semeval_question_held_out"] = cross_validate(scorer, data, questions, args.hidden)
        print(json.dumps(report["semeval_question_held_out"], indent=1), file=sys.stderr)
    model = fit(data, args.hidden)
    kinds = sorted(set(data.source))
    report["examples"] = {k: data.source.count(k) for k in kinds}
    target = args.output or model_path()
    target.write_text(json.dumps(model.to_json(trained=report["date"])) + "\n", encoding="utf-8")
    report["seconds"] = round(time.perf_counter() - started)
    if args.output is None:
        REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
