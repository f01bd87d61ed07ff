"""Question mining on notes in shapes the seeds never used, one small fixture per shape.

The fixtures under tests/fixtures/mining/ were written for these tests; the larger golden set
in evals/mining/ is measured by `rehearse eval mining` (see test_mining_suite.py).
"""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES
from helpers import by_text, parse_file
from retrieval.answer_text import clean_answer

MINING = FIXTURES / "mining"
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\]\(|!\[|\*\*|back to top|[↥⬆]|^\s*\|", re.MULTILINE)


def _questions(name: str):  # type: ignore[no-untyped-def]
    return parse_file(MINING / name)[1]


def _pairs(tmp_path, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """(question, golden answer) of every question mined from `text` as a notes file."""
    note = tmp_path / "note.md"
    note.write_text(text)
    return [(q.question, q.golden_answer) for q in parse_file(note)[1]]


def _texts(name: str) -> list[str]:
    return [q.question for q in _questions(name)]


def test_bold_and_italic_paragraph_questions_lose_their_marks_and_keep_the_difficulty():
    questions = _questions("bold_questions.md")
    assert [q.question for q in questions] == [
        "What is ownership?",
        "What is borrowing?",
        "What is a lifetime?",
        "How does Rc differ from Arc?",
    ]
    assert [q.difficulty for q in questions[:3]] == ["easy", "medium", "hard"]
    ownership = by_text(questions, "ownership")
    assert ownership.golden_answer.startswith("Every value has one owner")
    assert "Back to top" not in ownership.golden_answer  # the HTML nav after the answer


def test_details_blocks_including_an_unclosed_last_one():
    questions = _questions("details_blocks.md")
    assert [q.question for q in questions] == [
        "What is a subnet mask?",
        "What does ARP do?",
        "Explain NAT",
    ]
    assert all(q.golden_answer and q.form == "details" for q in questions)
    assert by_text(questions, "NAT").key_points == [
        "Rewrites private source addresses to a public one",
        "Keeps a translation table so replies find their way back",
    ]
    assert "e.g. 255.255.255.0" in by_text(questions, "subnet").key_points[0]


def test_prompts_without_a_question_mark_as_headings_bullets_and_bold_lines():
    texts = _texts("prompts.md")
    for prompt in (
        "Explain event sourcing",
        "Describe the saga pattern",
        "Compare choreography and orchestration",
        "Tell me about a time you simplified a design",
        "Difference between a queue and a topic",
        "Idempotency: explain",
        "Types of consistency models",
        "Design a rate limiter for a public API",
    ):
        assert prompt in texts, prompt
    # A goal bullet with nothing under it, and a blog title, are not prompts.
    assert not [t for t in texts if "confidently" in t or "Explained" in t]
    assert len(texts) == 8


def test_numbering_and_labels_come_off_questions_and_answers():
    questions = _questions("labels.md")
    assert [q.question for q in questions] == [
        "What is the JVM?",
        "What is a checked exception?",
        "What does final mean on a class?",
        "What is autoboxing?",
    ]
    answers = [q.golden_answer for q in questions]
    assert answers[0] == "The virtual machine that runs Java bytecode."
    assert answers[1] == "One the compiler makes you catch or declare."
    assert answers[2] == "The class cannot be subclassed."


def test_answers_in_fences_indented_blocks_bullets_and_sample_answer_subheadings():
    questions = _questions("answer_shapes.md")
    star = by_text(questions, "conflict")
    assert star.golden_answer.splitlines()[0] == "S: Two seniors disagreed on the message broker."
    assert "```" not in star.golden_answer and len(star.key_points) == 4
    mistake = by_text(questions, "biggest mistake")
    assert mistake.golden_answer.startswith("I dropped a production table")
    leave = by_text(questions, "leave your current job")
    assert leave.golden_answer.startswith("I want to own a platform")
    assert "liked the honesty" not in leave.golden_answer  # a sibling sub-heading, not the answer
    mesh = by_text(questions, "service mesh")
    assert mesh.key_points == [
        "A dedicated infrastructure layer for service-to-service traffic",
        "Sidecar proxies handle retries, mTLS and telemetry",
    ]


def test_code_blocks_stay_in_the_answer_but_are_never_key_points():
    diagram = by_text(_questions("answer_shapes.md"), "draw the architecture")
    assert "```mermaid" in diagram.golden_answer
    assert diagram.key_points == ["The API writes to a queue that workers drain."]
    only_code = by_text(_questions("clean_text.md"), "diagram")
    assert only_code.key_points == []


def test_a_table_of_contents_is_navigation_never_questions():
    questions = _questions("toc.md")
    assert [q.question for q in questions] == [
        "What is a VPC?",
        "What is an availability zone?",
        "What is autoscaling?",
    ]
    assert all(q.form == "heading" and q.golden_answer for q in questions)


def test_placeholder_answers_leave_the_question_unanswered():
    questions = _questions("placeholders.md")
    unanswered = [q.question for q in questions if not q.golden_answer]
    assert unanswered == [
        "What is a DaemonSet?",
        "What is a StatefulSet?",
        "What is a ConfigMap?",
        "What is a Secret?",
    ]
    assert by_text(questions, "Ingress").golden_answer.startswith("Routes external")


def test_clean_text_links_images_html_tables_and_urls():
    questions = _questions("clean_text.md")
    https = by_text(questions, "HTTPS")
    assert https.golden_answer.startswith("HTTPS is HTTP over TLS.")
    assert "padlock icon" in https.golden_answer  # an image keeps its alt text
    table = by_text(questions, "401 and 403")
    assert table.key_points == [
        "Code: 401; Meaning: Unauthorised; When: no valid credentials",
        "Code: 403; Meaning: Forbidden; When: credentials fine, access denied",
    ]
    # "?" inside a URL or an HTML attribute is not a question.
    assert not [q for q in questions if "quiz" in q.question or "retiredLocale" in q.question]
    for q in questions:
        for text in (q.question, q.golden_answer or "", *q.key_points):
            assert not _MARKUP.search(re.sub(r"```.*?```", "", text, flags=re.S)), text


def test_questions_that_lean_on_their_heading_are_asked_with_it():
    questions = _questions("duplicates.md")
    sizing = [q for q in questions if q.written_as == "How do you size it?"]
    assert [q.question for q in sizing] == [
        "Block storage: how do you size it?",
        "File storage: how do you size it?",
    ]
    diagram = by_text(_questions("clean_text.md"), "diagram")
    assert diagram.question == "Web: how do you read this diagram?"


def test_near_duplicates_merge_but_different_answers_stay_apart():
    questions = _questions("duplicates.md")
    uploads = [q for q in questions if "upload fails halfway" in q.question]
    assert len(uploads) == 1 and uploads[0].golden_answer.startswith("Multipart")
    assert len([q for q in questions if "size it" in q.question]) == 2


def test_one_question_per_line_without_bullets_is_one_question_each():
    questions = _questions("question_lines.md")
    assert [(q.question, q.golden_answer) for q in questions[:3]] == [
        ("What is a pod?", None),
        ("What is a node?", None),
        ("What does the kubelet do?", None),
    ]
    service = by_text(questions, "Service find its pods")
    assert service.golden_answer.startswith("Through a label selector")


def test_a_follow_up_inside_an_answer_is_a_question_of_its_own(tmp_path):
    notes = (
        "# Go\n\n## What is a goroutine?\n\nA function running concurrently.\n\n"
        "**Follow-up:** How many can you run?\n\nHundreds of thousands; stacks start small.\n"
    )
    assert _pairs(tmp_path, notes) == [
        ("What is a goroutine?", "A function running concurrently."),
        ("How many can you run?", "Hundreds of thousands; stacks start small."),
    ]


def test_quoted_emoji_and_numbered_label_questions_and_a_q_inside_a_question_heading():
    questions = _questions("more_labels.md")
    assert [(q.question, q.golden_answer) for q in questions] == [
        (
            "What is a bloom filter?",
            "A probabilistic set: no false negatives, some false positives.",
        ),
        (
            "What is a skip list?",
            "Layers of linked lists that let search skip ahead; O(log n) expected.",
        ),
        ("What is a trie?", "A prefix tree keyed by characters."),
        ("What is a heap?", "A tree where each parent is ordered against its children."),
        ("What is memoization", "Caching a function's results by its arguments."),
        ("What is a B-tree?", "A balanced tree with many keys per node, built for disks."),
    ]


def test_a_project_readme_is_documentation_not_interview_questions(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "# cachey\n\n## Why cachey?\n\nBecause redis is too much.\n\n## Installation\n\npip\n\n"
        "## Usage\n\nRun it.\n\n## License\n\nMIT\n"
    )
    assert parse_file(readme)[1] == []


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Answer text.\n\n[Table of Contents](#table-of-contents)", "Answer text."),
        ("Text.\n\n**[⬆ back to top](#table-of-contents)**", "Text."),
        ("Text.\n\n⬆️ [Back to top](#)", "Text."),
        ('Text\n\n<p align="right">(<a href="#readme-top">back to top</a>)</p>', "Text"),
        ("Go on ([up](#top))", "Go on"),
        (
            "See [the docs](https://x.io/a?b=c) and <https://y.io>.",
            "See the docs and https://y.io.",
        ),
        ("![diagram](img.png)\n\nIt works.", "diagram\n\nIt works."),
        ("x &amp; y", "x & y"),
        ("f(x) = [] is empty", "f(x) = [] is empty"),
        ("**Answer:** Use *args.", "Use *args."),
    ],
)
def test_answer_markdown_becomes_readable_text(markdown, text):
    assert clean_answer(markdown) == text


def test_a_mock_interview_transcript_and_a_tracker_notes_column(tmp_path):
    notes = (
        "# Mock\n\n**Interviewer:** How did you measure success?\n\n"
        "**Me:** Latency p95 and support tickets.\n\n**Interviewer:** Any questions for me?\n\n"
        "**Me:** How is on-call run?\n\n## Tracker\n\n"
        "| Question | Status | Notes |\n| --- | --- | --- |\n"
        "| How does a hash map handle collisions? | ok | chaining, load factor 0.75 |\n"
        "| How do you find a duplicate? | todo | revisit |\n"
    )
    assert _pairs(tmp_path, notes) == [
        ("How did you measure success?", "Latency p95 and support tickets."),
        ("How does a hash map handle collisions?", "chaining, load factor 0.75"),
        ("How do you find a duplicate?", None),
    ]


def test_setext_and_html_headings_and_a_bold_question_inside_a_prompt_heading():
    questions = _questions("setext_and_html.md")
    assert [(q.question, q.form) for q in questions] == [
        ("What is a socket?", "paragraph"),
        ("What is DNS?", "paragraph"),
        ("What is a proxy?", "paragraph"),
        ("Describe how TLS works", "heading"),
        ("What is a VPN?", "follow_up"),
        ("What is latency vs bandwidth?", "heading"),
    ]
    assert by_text(questions, "DNS").golden_answer == "The system that maps names to addresses."
    assert by_text(questions, "TLS").golden_answer.startswith("Handshake, certificate check")


def test_terse_question_lines_prompt_sentences_and_annotations(tmp_path):
    notes = (
        "# Screen\n\nTell me about yourself.\nSix years of backend work.\n\n"
        "Notice period?\nThree months.\n\n"
        "What is an error budget? (follow-up)\n- 1 minus the SLO\n\n"
        "What is IAM? (Identity and Access Management)\n- Who can do what\n"
    )
    assert _pairs(tmp_path, notes) == [
        ("Tell me about yourself.", "Six years of backend work."),
        ("Notice period?", "Three months."),
        ("What is an error budget?", "1 minus the SLO"),
        ("What is IAM? (Identity and Access Management)", "Who can do what"),
    ]


def test_a_leaning_question_under_a_definition_question_takes_its_subject(tmp_path):
    notes = (
        "# Notes\n\n## 4 What is Apache Kafka ?\n\nA log.\n\n### 4.1 How its works?\n\nTopics.\n"
    )
    assert [q for q, _ in _pairs(tmp_path, notes)] == [
        "What is Apache Kafka ?",
        "Apache Kafka: how its works?",
    ]
