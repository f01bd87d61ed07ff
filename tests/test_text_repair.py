from __future__ import annotations

from retrieval.text_repair import repair_text


def test_repairs_cp1252_and_mac_roman_mojibake():
    assert repair_text("Load â†’ transform") == "Load → transform"
    assert repair_text("you don‚Äôt") == "you don’t"
    assert repair_text("## 5 ¬øQu√© es IAM?") == "## 5 ¿Qué es IAM?"
    assert repair_text("What is BigQuery? ‚Üí **Amazon Redshift**") == (
        "What is BigQuery? → **Amazon Redshift**"
    )


def test_leaves_clean_text_alone_including_curly_quotes_and_emoji():
    clean = "café — “quoted” it’s naïve 🎯 ✅ ¿Qué?\n"
    assert repair_text(clean) == clean
