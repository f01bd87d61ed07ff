"""Short questions that lean on their section are asked with its subject."""

from __future__ import annotations

from retrieval.standalone import standalone


def test_a_continuation_question_takes_its_sections_subject():
    path = ["Prep plan", "Block 8: Validation & Edge Cases"]
    asked = standalone("What about substitute players?", path, "prep-plan")
    assert asked.endswith("what about substitute players?") and ":" in asked
    assert "Validation" in asked


def test_a_question_that_names_its_subject_is_left_alone():
    path = ["Prep plan", "Block 8: Validation & Edge Cases"]
    question = "What about substitute players in the per-90 metrics when they play ten minutes?"
    assert standalone(question, path, "prep-plan") == question
