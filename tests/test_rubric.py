from __future__ import annotations

import pytest

from agent.rubric import load_rubric


def test_shipped_rubrics_load_and_bad_rubrics_say_why(tmp_path):
    from agent.rubric import shipped_rubrics

    assert {"default", "system_design", "behavioural"} <= set(shipped_rubrics())
    for name in shipped_rubrics():
        rubric = load_rubric(name)
        assert all(sorted(c.levels) == [1, 2, 3, 4, 5] for c in rubric.criteria)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: x\ncriteria:\n  - name: c\n    weight: 1\n    description: d\n"
        "    levels: {1: a, 2: b}\n"
    )
    with pytest.raises(ValueError, match="not valid"):
        load_rubric(bad)
    with pytest.raises(ValueError, match="no rubric"):
        load_rubric(tmp_path / "missing.yaml")
