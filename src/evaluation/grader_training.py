"""The grader training packs (`evals/grader_training/`), written by hand to train the point
reader: interview answers labelled 1-5 with a verdict per key point (`<pack>.jsonl`), and short
statements each judged against one key point (`claims/<pack>.jsonl`: paraphrases, negations,
swaps, wrong values, partial and off-point statements). Loading checks each line, so a pack with
a broken row fails loudly instead of teaching the model something wrong.

`python -m evaluation.grader_training` checks every pack and prints its counts.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation import semeval

PACK_DIR = semeval.REPO_ROOT / "evals" / "grader_training"
CLASSES = (
    "strong",
    "partial",
    "wrong",
    "contradict",
    "swap",
    "padded",
    "one_line",
    "pasted",
    "keywords",
    "vague",
)
VERDICTS = ("covered", "partial", "missed", "contradicted")
FIELDS = (
    "id",
    "pack",
    "field",
    "notes",
    "question_id",
    "question",
    "reference",
    "key_points",
    "answer",
    "class",
    "label",
    "reason",
    "verdicts",
)


@dataclass(frozen=True)
class PackAnswer:
    id: str
    pack: str
    question_id: str
    question: str
    reference: str
    key_points: tuple[str, ...]
    answer: str
    cls: str
    label: int
    verdicts: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    id: str
    pack: str
    question_id: str
    question: str
    key_point: str
    statement: str
    verdict: str
    kind: str


class PackError(ValueError):
    """A pack line that breaks the format or contradicts itself."""


def load(directory: Path = PACK_DIR) -> list[PackAnswer]:
    """Every answer of every pack, checked; raises PackError naming the first bad lines."""
    rows, problems = [], []
    for path in sorted(directory.glob("*.jsonl")):
        notes_cache: dict[str, str] = {}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e.msg})")
                continue
            found = _problems(row, directory, notes_cache)
            problems.extend(f"{where}: {p}" for p in found)
            if not found:
                rows.append(_answer(row))
    problems.extend(_question_problems(rows))
    if problems:
        raise PackError("; ".join(problems[:10]))
    return rows


def _answer(row: dict) -> PackAnswer:
    return PackAnswer(
        id=row["id"],
        pack=row["pack"],
        question_id=row["question_id"],
        question=row["question"],
        reference=row["reference"],
        key_points=tuple(row["key_points"]),
        answer=row["answer"],
        cls=row["class"],
        label=int(row["label"]),
        verdicts=tuple(row["verdicts"]),
    )


def _problems(row: dict, directory: Path, notes_cache: dict[str, str]) -> list[str]:
    missing = [f for f in FIELDS if f not in row]
    if missing:
        return [f"missing {', '.join(missing)}"]
    out = []
    points, verdicts, label, cls = row["key_points"], row["verdicts"], row["label"], row["class"]
    if cls not in CLASSES:
        out.append(f"class {cls!r} is not one of {', '.join(CLASSES)}")
    if label not in (1, 2, 3, 4, 5):
        out.append("label must be 1-5")
    if not isinstance(points, list) or len(points) < 2:
        out.append("key_points needs at least two facts")
    if not isinstance(verdicts, list) or len(verdicts) != len(points or []):
        out.append("verdicts needs one entry per key point")
    elif any(v not in VERDICTS for v in verdicts):
        out.append(f"verdicts must be {', '.join(VERDICTS)}")
    elif label == 5 and any(v != "covered" for v in verdicts):
        out.append("label 5 with a point not covered")
    if cls in ("contradict", "swap") and "contradicted" not in verdicts:
        out.append(f"a {cls} answer with no contradicted point")
    if row["notes"] not in notes_cache:
        notes = directory / row["notes"]
        notes_cache[row["notes"]] = notes.read_text(encoding="utf-8") if notes.exists() else ""
    text = notes_cache[row["notes"]]
    if not text:
        out.append(f"notes file {row['notes']} not found")
    elif row["reference"] not in text or row["question"] not in text:
        out.append(f"question or reference not copied exactly from {row['notes']}")
    return out


def _question_problems(rows: Sequence[PackAnswer]) -> list[str]:
    by_question: dict[str, list[PackAnswer]] = defaultdict(list)
    for r in rows:
        by_question[r.question_id].append(r)
    out = []
    ids = Counter(r.id for r in rows)
    out.extend(f"duplicate id {i}" for i, n in ids.items() if n > 1)
    for qid, answers in by_question.items():
        if len({(a.reference, a.key_points) for a in answers}) != 1:
            out.append(f"{qid}: answers disagree on the reference or key points")
    return out


def load_statements(directory: Path = PACK_DIR) -> list[Statement]:
    """Every statement of `claims/*.jsonl`, checked against its pack: its key point must be
    one of the pack's, copied exactly; raises PackError naming the first bad lines."""
    points = {(a.question_id, p) for a in load(directory) for p in a.key_points}
    out, problems = [], []
    for path in sorted((directory / "claims").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"claims/{path.name}:{n}"
            try:
                row = json.loads(line)
                item = Statement(
                    **{k: str(row[k]) for k in Statement.__dataclass_fields__ if k != "kind"},
                    kind=str(row.get("kind", "")),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                problems.append(f"{where}: not a statement row ({e})")
                continue
            if item.verdict not in VERDICTS:
                problems.append(f"{where}: verdict must be {', '.join(VERDICTS)}")
            elif (item.question_id, item.key_point) not in points:
                problems.append(f"{where}: key point is not one of {item.question_id}'s")
            elif not item.statement.strip():
                problems.append(f"{where}: empty statement")
            else:
                out.append(item)
    if problems:
        raise PackError("; ".join(problems[:10]))
    return out


def summary(rows: Sequence[PackAnswer], statements: Sequence[Statement] = ()) -> str:
    classes = Counter(r.cls for r in rows)
    verdicts = Counter(v for r in rows for v in r.verdicts)
    said = Counter(s.verdict for s in statements)
    return (
        f"{len(rows)} answers to {len({r.question_id for r in rows})} questions in "
        f"{len({r.pack for r in rows})} packs\n"
        + "classes: "
        + ", ".join(f"{c} {classes[c]}" for c in CLASSES)
        + "\nverdicts: "
        + ", ".join(f"{v} {verdicts[v]}" for v in VERDICTS)
        + f"\nstatements: {len(statements)} ("
        + ", ".join(f"{v} {said[v]}" for v in VERDICTS)
        + ")"
    )


def main() -> int:
    try:
        rows, statements = load(), load_statements()
    except PackError as e:
        print(f"grader training packs: {e}", file=sys.stderr)
        return 1
    print(summary(rows, statements))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
