"""The console script, run in-process with the fake embedder standing in for the model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT, FakeEmbedder
from helpers import free_port
from rehearse import cli


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("REHEARSE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("rehearse.context.MiniLMEmbedder", FakeEmbedder)
    return tmp_path / "data"


def test_help_teaches_and_is_fast_because_it_imports_nothing_heavy():
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from rehearse import cli; rc = cli.main(['--help']) if False else 0;"
            "cli.build_parser().format_help();"
            "print(sorted(m for m in ('torch','chromadb','sentence_transformers','textual') "
            "if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"
    text = cli.build_parser().format_help()
    for word in ("ingest", "questions", "eval", "REHEARSE_DATA_DIR"):
        assert word in text


def test_ingest_then_questions_with_filters_and_json(data_dir, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    assert cli.main(["ingest", str(corpus)]) == 0
    summary = capsys.readouterr().out
    assert "5 files" in summary and "questions" in summary and str(data_dir) in summary
    assert cli.main(["questions", "--doc", "qa-bank", "--topic", "kafka", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["doc_id"] == "data-engineering-qa-bank" for r in rows)
    assert any(r["golden_answer"] and "Kafka" in r["golden_answer"] for r in rows)
    assert cli.main(["questions", "--difficulty", "hard", "--answers"]) == 0
    assert "prepared answer" in capsys.readouterr().out


def test_data_dir_flag_beats_the_env_var(data_dir, tmp_path, capsys):
    other = tmp_path / "elsewhere"
    note = tmp_path / "n.md"
    note.write_text("# N\n\n## What is dbt?\n\nA tool.\n")
    assert cli.main(["ingest", str(note), "--data-dir", str(other)]) == 0
    assert (other / "questions.json").exists() and not data_dir.exists()


def test_missing_index_says_to_run_ingest(data_dir, capsys):
    assert cli.main(["questions"]) == 2
    assert "rehearse ingest" in capsys.readouterr().err


def test_ingest_of_nothing_readable_exits_non_zero_with_reasons(data_dir, tmp_path, capsys):
    (tmp_path / "bad.md").write_bytes(b"\x00\x01\x02")
    assert cli.main(["ingest", str(tmp_path / "bad.md"), str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert "bad.md: binary file" in err and "missing: no such file" in err


def test_unreachable_chroma_url_names_it(data_dir, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    assert cli.main(["ingest", "--chroma-url", url]) == 2
    err = capsys.readouterr().err
    assert f"Cannot reach the Chroma server at {url}" in err and "Traceback" not in err


def test_eval_retrieval_writes_json(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    assert cli.main(["ingest", str(corpus)]) == 0
    out = tmp_path / "results"
    assert cli.main(["eval", "retrieval", "--out", str(out)]) == 0
    result = json.loads((out / "results.json").read_text())["retrieval"]
    assert set(result["modes"]) == {"dense", "bm25", "hybrid"}
    assert result["queries"] > 90
    assert (out / "report.md").exists() and (out / "report.html").exists()


def test_a_configured_endpoint_is_offered_without_being_forced(tmp_path, monkeypatch):
    from agent.launcher import Launcher
    from rehearse.context import configured_llm, llm_settings
    from retrieval.layout import DataLayout

    args = cli.build_parser().parse_args(["interview"])
    monkeypatch.delenv("REHEARSE_MODEL", raising=False)
    monkeypatch.delenv("OPENAI_MODEL", raising=False)
    monkeypatch.setenv("REHEARSE_CONFIG", str(tmp_path / "none.toml"))
    assert configured_llm(args) is None and llm_settings(args) is None
    monkeypatch.setenv("REHEARSE_MODEL", "tiny")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    llm = configured_llm(args)
    assert llm is not None and llm.model == "tiny" and llm_settings(args) is None
    offered = Launcher(DataLayout(tmp_path), tmp_path, llm=llm)
    assert offered.mode == "offline"
    assert offered.modes == ["offline", "openai:tiny @ http://127.0.0.1:9/v1"]
    chosen = Launcher(DataLayout(tmp_path), tmp_path, llm=llm, prefer_llm=True)
    assert chosen.mode == offered.modes[-1]
