"""The API key never appears in any artefact a session writes, nor in any message printed."""

from __future__ import annotations

import io
import json
import shutil
import sys

import pytest

from conftest import CORPUS
from fault_server import FaultServer
from helpers import use_fake_embedder
from rehearse import cli

KEY = "sk-live-TOPSECRET-9f8e7d6c5b4a"


@pytest.mark.parametrize("behaviour", ["ok", "500"])
def test_the_key_is_in_no_file_and_no_output(tmp_path, monkeypatch, capsys, behaviour):
    data = tmp_path / "data"
    monkeypatch.setenv("REHEARSE_DATA_DIR", str(data))
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("REHEARSE_MODEL", "tiny")
    monkeypatch.setenv("REHEARSE_LLM_TIMEOUT", "2")
    use_fake_embedder(monkeypatch)
    shutil.copytree(CORPUS, tmp_path / "corpus")
    out = tmp_path / "out"
    out.mkdir()
    with FaultServer(behaviour) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        assert cli.main(["ingest", str(tmp_path / "corpus")]) == 0
        monkeypatch.setattr(sys, "stdin", io.StringIO("An answer about partitions.\n\n/end\n"))
        assert cli.main(["interview", "--plain", "--llm", "openai", "-n", "2", "--seed", "1"]) == 0
        printed = capsys.readouterr()
        session_id = printed.out.split("Session ", 1)[1].split(".", 1)[0]
        for fmt in ("md", "json"):
            assert (
                cli.main(
                    [
                        "sessions",
                        "export",
                        session_id,
                        "--format",
                        fmt,
                        "--output",
                        str(out / f"export.{fmt}"),
                    ]
                )
                == 0
            )
        assert cli.main(["sessions", "show", session_id]) == 0
        grade_in = out / "in.jsonl"
        grade_in.write_text(
            json.dumps(
                {
                    "id": "1",
                    "question": "What is Kafka?",
                    "reference": "A distributed log.",
                    "answer": "A log.",
                }
            )
        )
        assert (
            cli.main(
                [
                    "grade",
                    "--input",
                    str(grade_in),
                    "--output",
                    str(out / "g.jsonl"),
                    "--llm",
                    "openai",
                ]
            )
            == 0
        )
        assert cli.main(["config"]) == 0
        cli.main(["doctor"])
        seen = [server.requests]
    printed_all = printed.out + printed.err + "".join(capsys.readouterr())
    assert KEY not in printed_all
    for path in [*data.rglob("*"), *out.rglob("*")]:
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
    assert seen  # the server was really called with the key in a header only
