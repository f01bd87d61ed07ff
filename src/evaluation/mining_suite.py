"""`rehearse eval mining`: how well question mining works on notes in many real-world shapes.

The golden set (`evals/mining/golden.yaml`) lists, by hand, the questions each notes file asks
and whether the notes answer them. A mined question matches an expected one when their
normalised texts agree (rapidfuzz token_set_ratio >= MATCH_AT; ties go to the closer plain
ratio, so "Data quality: how do you test it?" finds its own section's copy). Matching is
one-to-one; a second mined copy of a matched question is a duplicate.

The seeds are checked against floors (questions, answered) and against a snapshot of what the
miner found in them before, so a new rule cannot quietly lose old questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from retrieval.document_mining import mine_document
from retrieval.documents import Document, read_document
from retrieval.question_bank import Question

MATCH_AT = 85.0

# Markup a candidate should never read: tags, link and image syntax, emphasis markers,
# in-page navigation, table rows, heading hashes, entities.
_MARKUP = re.compile(
    r"</?[a-zA-Z][\w-]*(?:\s[^>]*)?/?>|\]\(|!\[|back to top|[↥⬆]"
    r"|\*\*(?=\S)[^*\n]*?(?<=\S)\*\*|(?<!\w)__(?=\S)[^_\n]*\s[^_\n]*(?<=\S)__(?!\w)"
    r"|^\s*\|.*\|\s*$|\|\s*:?-{3,}|^\s*#{1,6}\s|&(?:nbsp|amp|lt|gt|quot);",
    re.IGNORECASE | re.MULTILINE,
)
# Only in questions: labels and numbering that should have come off.
_QUESTION_NOISE = re.compile(
    r"^(?:Q|Question|A|Ans|Answer)\s*\d*\s*[:.)]|^\d+[.)]\s|^#\d+|^[-*+•]\s", re.IGNORECASE
)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Expected:
    question: str
    answered: bool
    context: str = ""
    """Heading words the asked form must carry to stand on its own."""

    @property
    def full(self) -> str:
        return f"{self.context}: {self.question}" if self.context else self.question


@dataclass
class FileScore:
    file: str
    shape: str
    expected: int
    expected_answered: int
    mined: int
    found: int = 0
    found_answered: int = 0
    duplicates: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    missed_answers: list[str] = field(default_factory=list)
    placeholder_answers: int = 0
    standalone_needed: int = 0
    standalone_ok: int = 0
    markup: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def mine_file(path: Path) -> list[Question]:
    doc = read_document(path)
    if not isinstance(doc, Document):
        raise ValueError(f"{path}: {doc.reason}")
    return mine_document(doc).questions


def score_file(
    name: str, shape: str, expected: list[Expected], questions: list[Question]
) -> FileScore:
    mined = [q for q in questions if q.kind == "interview"]
    score = FileScore(name, shape, len(expected), sum(e.answered for e in expected), len(mined))
    pairs = _matching_pairs(expected, mined)
    taken_e: set[int] = set()
    taken_m: set[int] = set()
    for _, e, m in pairs:
        if e in taken_e or m in taken_m:
            continue
        taken_e.add(e)
        taken_m.add(m)
        _credit(score, expected[e], mined[m])
    matched_any = {m for _, _, m in pairs}
    for m, q in enumerate(mined):
        if m in taken_m:
            continue
        if m in matched_any:
            score.duplicates += 1
        else:
            score.false_positives.append(q.question)
    score.missed = [expected[e].full for e in range(len(expected)) if e not in taken_e]
    score.markup = [noise for q in mined for noise in markup_noise(q)]
    return score


def _matching_pairs(
    expected: list[Expected], mined: list[Question]
) -> list[tuple[tuple[float, float], int, int]]:
    pairs = []
    for e, exp in enumerate(expected):
        wanted = [normalise(exp.question), normalise(exp.full)]
        for m, q in enumerate(mined):
            texts = [normalise(t) for t in (q.question, q.written_as) if t]
            best = max(
                (fuzz.token_set_ratio(w, t), fuzz.ratio(w, t)) for w in wanted for t in texts
            )
            if best[0] >= MATCH_AT:
                pairs.append((best, e, m))
    pairs.sort(key=lambda p: p[0], reverse=True)
    return pairs


def _credit(score: FileScore, exp: Expected, q: Question) -> None:
    score.found += 1
    if exp.answered and q.golden_answer:
        score.found_answered += 1
    elif exp.answered:
        score.missed_answers.append(exp.full)
    elif q.golden_answer:
        score.placeholder_answers += 1
    if exp.context:
        score.standalone_needed += 1
        asked = set(normalise(q.question).split())
        if set(normalise(exp.context).split()) <= asked:
            score.standalone_ok += 1


def markup_noise(q: Question) -> list[str]:
    """Each field of a mined question that still carries markup, as `field: text`."""
    out = []
    if _MARKUP.search(q.question) or _QUESTION_NOISE.search(q.question):
        out.append(f"question: {q.question}")
    if q.golden_answer and _MARKUP.search(_FENCE.sub("", q.golden_answer)):
        out.append(f"answer of {q.question!r}: {q.golden_answer[:120]!r}")
    for point in q.key_points:
        if _MARKUP.search(point) or point.lstrip().startswith(("```", "~~~")):
            out.append(f"key point of {q.question!r}: {point}")
    return out


def load_golden(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_mining_suite(golden_path: Path) -> dict[str, Any]:
    golden = load_golden(golden_path)
    root = golden_path.parent
    scores = []
    for entry in golden["files"]:
        expected = [
            Expected(e["q"], bool(e["answered"]), e.get("context", "")) for e in entry["expected"]
        ]
        path = root / entry["file"]
        scores.append(score_file(path.name, entry.get("shape", ""), expected, mine_file(path)))
    results = _totals(scores)
    if "seeds" in golden:
        results["seeds"] = _seeds(root, golden["seeds"])
    return results


def _totals(scores: list[FileScore]) -> dict[str, Any]:
    expected = sum(s.expected for s in scores)
    answered = sum(s.expected_answered for s in scores)
    mined = sum(s.mined for s in scores)
    found = sum(s.found for s in scores)
    needed = sum(s.standalone_needed for s in scores)
    return {
        "files": len(scores),
        "expected": expected,
        "mined": mined,
        "recall": _ratio(found, expected),
        "answered_recall": _ratio(sum(s.found_answered for s in scores), answered),
        "precision": _ratio(found, mined),
        "duplicates": sum(s.duplicates for s in scores),
        "markup": sum(len(s.markup) for s in scores),
        "placeholder_answers": sum(s.placeholder_answers for s in scores),
        "standalone": _ratio(sum(s.standalone_ok for s in scores), needed),
        "per_file": {s.file: _file_summary(s) for s in scores},
    }


def _file_summary(s: FileScore) -> dict[str, Any]:
    return {
        "shape": s.shape,
        "expected": s.expected,
        "mined": s.mined,
        "recall": _ratio(s.found, s.expected),
        "answered_recall": _ratio(s.found_answered, s.expected_answered),
        "precision": _ratio(s.found, s.mined),
        "duplicates": s.duplicates,
        "markup": s.markup,
        "missed": s.missed,
        "missed_answers": s.missed_answers,
        "false_positives": s.false_positives,
    }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def _seeds(root: Path, spec: dict[str, Any]) -> dict[str, Any]:
    """Seed floors, and how many questions of the earlier snapshot are still found."""
    corpus = (root / spec["dir"]).resolve()
    mined: dict[str, list[Question]] = {p.name: mine_file(p) for p in sorted(corpus.glob("*.md"))}
    interview = [q for qs in mined.values() for q in qs if q.kind == "interview"]
    out: dict[str, Any] = {
        "questions": len(interview),
        "answered": sum(1 for q in interview if q.golden_answer),
        "duplicates": 0,
        "markup": sum(len(markup_noise(q)) for q in interview),
    }
    snapshot_path = root / spec["snapshot"]
    if snapshot_path.exists():
        snapshot = yaml.safe_load(snapshot_path.read_text(encoding="utf-8"))
        kept = kept_answered = total_answered = dupes = 0
        for name, items in snapshot.items():
            expected = [Expected(i["q"], bool(i["answered"])) for i in items]
            score = score_file(name, "seed", expected, mined.get(name, []))
            kept += score.found
            kept_answered += score.found_answered
            total_answered += score.expected_answered
            dupes += score.duplicates
        out["retained"] = _ratio(kept, sum(len(v) for v in snapshot.values()))
        out["retained_answered"] = _ratio(kept_answered, total_answered)
        out["duplicates"] = dupes
    return out


def summary_lines(results: dict[str, Any]) -> list[str]:
    """One line per golden file, then the totals and the seed figures."""
    lines = [
        f"{'mining file':<38} {'exp':>4} {'mined':>5} {'recall':>6} {'ans.rec':>7} "
        f"{'prec':>5} {'dup':>3} {'markup':>6}"
    ]
    for name, s in results["per_file"].items():
        lines.append(
            f"{name:<38} {s['expected']:>4} {s['mined']:>5} {s['recall']:>6.2f} "
            f"{s['answered_recall']:>7.2f} {s['precision']:>5.2f} {s['duplicates']:>3} "
            f"{len(s['markup']):>6}"
        )
    lines.append(
        f"mining: recall {results['recall']:.3f}, answered recall "
        f"{results['answered_recall']:.3f}, precision {results['precision']:.3f}, "
        f"{results['duplicates']} duplicates, {results['markup']} with markup, "
        f"{results['placeholder_answers']} placeholder answers, standalone "
        f"{results['standalone']:.2f}"
    )
    seeds = results.get("seeds")
    if seeds:
        lines.append(
            f"mining.seeds: {seeds['questions']} questions, {seeds['answered']} answered, "
            f"retained {seeds.get('retained', 1.0):.3f} of the snapshot, "
            f"{seeds['duplicates']} duplicates, {seeds['markup']} with markup"
        )
    return lines
