"""The conflict signals of the pair model's features, and the human set's split and metrics."""

from __future__ import annotations

import json

import numpy as np

from agent.scoring.pair_features import (
    _antonym,
    _negation_mismatch,
    _number_mismatch,
    _swap,
    content_words,
    shared_label_bodies,
    stem,
    subject,
)
from evaluation import human_set

JOINS = [
    "INNER JOIN -> only rows that match in both tables",
    "LEFT JOIN -> all rows from left table + matching right rows",
]


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def test_a_negation_counts_only_where_it_governs_a_shared_word():
    point = "Terminal 1 and the positive terminal are connected"
    assert _negation_mismatch(point, "terminal 1 is not connected to it", _stems(point)) == 1.0
    assert _negation_mismatch(point, "they are connected, no doubt", _stems(point)) == 0.0
    negated = "NOT for big data (DataFrames)"
    said = "You shouldn't shove a dataframe through it"
    assert _negation_mismatch(negated, said, _stems(negated)) == 0.0


def test_an_opposite_word_is_a_conflict_unless_the_point_uses_both():
    assert _antonym(["view", "virtual", "table"], ["view", "physical", "copy"], {"view"}) == 1.0
    assert _antonym(["view", "virtual", "table"], ["view", "virtual"], {"view", "virtua"}) == 0.0
    both = ["precision", "up", "recall", "down"]
    assert _antonym(both, ["precision", "goes", "up"], {"precis", "up"}) == 0.0


def test_a_different_number_in_the_matching_sentence_is_a_conflict():
    assert _number_mismatch("Cut false positives by 30%", "we cut them by 22 percent") == 1.0
    assert _number_mismatch("Retry 3 times", "it retries three times") == 0.0
    assert _number_mismatch("Retry 3 times", "it retries a few times") == 0.0


def test_a_claim_about_the_wrong_subject_is_a_swap():
    subjects = [subject(p) for p in JOINS]
    assert subjects == ["inner join", "left join"]
    swapped = [
        "Left join gives you only the rows that match in both tables; "
        "inner join keeps all the rows from the left table."
    ]
    right = [
        "Inner join gives you only the rows that match in both tables; "
        "left join keeps all the rows from the left table."
    ]
    assert _swap(JOINS[0], swapped, subjects[1:]) == 1.0
    assert _swap(JOINS[0], right, subjects[1:]) == 0.0


def _row(qid: str, notes: str, cls: str, label: int) -> dict[str, object]:
    return {
        "id": f"{qid}-{cls}",
        "notes": notes,
        "question_id": qid,
        "question": "Q?",
        "reference": "- a\n- b",
        "answer": "x",
        "class": cls,
        "label": label,
        "reason": "",
        "missed": [],
    }


def test_the_human_set_splits_by_question_evenly_per_field_and_deterministically(tmp_path):
    rows = [
        _row(f"{field}-q{i}", f"notes/{field}.md", cls, label)
        for field in ("sql", "kafka")
        for i in range(10)
        for cls, label in (("strong", 5), ("partial", 3), ("wrong", 1))
    ]
    (tmp_path / "all.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    answers = human_set.load(tmp_path)
    parts = human_set.split(answers)
    dev = {a.question_id for a in parts["dev"]}
    test = {a.question_id for a in parts["test"]}
    assert not dev & test and len(dev) == len(test) == 10
    assert sum(q.startswith("sql") for q in dev) == 5
    assert {a.question_id for a in human_set.split(answers)["dev"]} == dev


def test_agreement_metrics_on_a_hand_checked_example(tmp_path):
    rows = [_row("q1", "n", c, lab) for c, lab in (("strong", 5), ("partial", 3), ("wrong", 1))]
    rows += [_row("q2", "n", c, lab) for c, lab in (("strong", 5), ("partial", 3), ("wrong", 1))]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    answers = human_set.load(tmp_path)
    scores = [4.5, 3.0, 1.5, 4.0, 2.0, 2.5]  # q2 puts wrong above partial
    m = human_set.agreement(answers, scores)
    assert m["strict_order_share"] == 0.5 and m["ordered_questions"] == 2
    assert m["per_class"]["strong"]["mean"] == 4.25 and m["per_class"]["wrong"]["mean"] == 2.0
    assert np.isclose(m["mae"], np.mean([0.5, 0, 0.5, 1, 1, 1.5]))


def test_only_a_label_other_points_share_is_set_aside_for_matching():
    points = [
        "IAM controls: Users",
        "IAM controls: Roles",
        "Write-through: write cache + DB",
        "Grouping: Uses: GROUP BY",
        "Grouping: Uses: HAVING",
        "Simple answer: no colon here",
    ]
    assert shared_label_bodies(points) == ["Users", "Roles", None, "GROUP BY", "HAVING", None]
    assert shared_label_bodies(["Examples: INSERT"]) == [None]
    assert shared_label_bodies([]) == []


def test_one_as_a_word_is_not_a_count():
    """ "one thread at a time" says nothing against "Python 3.13"."""
    assert _number_mismatch("Python 3.13 has a free-threaded build", "one thread at a time") == 0.0
    assert _number_mismatch("Retry 3 times", "it retries two times") == 1.0


def test_a_sentence_naming_the_subject_in_passing_is_not_the_claim_about_it():
    """The claim about "GIL = ... one thread runs bytecode" is the sentence that says so, not
    the later "a build with no GIL", whose "no" would read as a negation of the point."""
    from agent.scoring.pair_features import FEATURES, answer_view, pair_features
    from conftest import FakeEmbedder

    embedder = FakeEmbedder()

    def vectors(texts):
        return embedder.embed(list(texts))

    point = "GIL = global interpreter lock: only one thread runs Python bytecode at a time"
    sentences = [
        "It is the global interpreter lock: only one thread runs bytecode at a time.",
        "And Python 3.13 ships an experimental build with no GIL.",
    ]
    rows = vectors(sentences)
    view = answer_view(sentences, rows, rows.mean(axis=0), vectors)
    f = pair_features(point, vectors([point])[0], view, vectors, [])
    assert f.values[FEATURES.index("negation_mismatch")] == 0.0
    assert f.conflict is None
