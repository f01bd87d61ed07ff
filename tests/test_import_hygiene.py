"""Imports flow tui -> agent -> retrieval, and heavy libraries load only when used."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_retrieval_does_not_import_the_agent_the_tui_or_the_model():
    loaded = _modules_after("import retrieval.ingest, retrieval.search, retrieval.question_bank")
    assert not {"agent", "tui", "textual", "torch", "sentence_transformers"} & loaded
    assert "chromadb" not in loaded  # imported when a store is opened


def test_the_agent_does_not_import_the_tui_or_textual():
    loaded = _modules_after("import agent.graph, agent.session, agent.assembly")
    assert not {"tui", "textual"} & loaded
    assert "torch" not in loaded  # the model loads in a background thread, on demand


def test_the_import_contracts_in_pyproject_hold():
    """The layer rules, stated once in pyproject.toml ([tool.importlinter]), checked here."""
    from pathlib import Path

    lint = Path(sys.executable).with_name("lint-imports")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=root)
    assert out.returncode == 0, out.stdout[-2000:]
    assert "0 broken" in out.stdout


def test_the_runtime_does_not_load_the_offline_tooling():
    loaded = _modules_after("import agent.graph, agent.session, agent.launcher, tui.app")
    assert "evaluation" not in loaded
