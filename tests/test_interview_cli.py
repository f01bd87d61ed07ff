"""`rehearse interview --plain` and `rehearse sessions`, in-process and as a real process."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import CORPUS
from helpers import use_fake_embedder
from rehearse import cli


@pytest.fixture
def indexed(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("REHEARSE_DATA_DIR", str(data))
    use_fake_embedder(monkeypatch)
    shutil.copytree(CORPUS, tmp_path / "corpus")
    assert cli.main(["ingest", str(tmp_path / "corpus")]) == 0
    return data


def _interview(monkeypatch, capsys, stdin: str, *args: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert cli.main(["interview", "--plain", "--seed", "5", *args]) == 0
    return capsys.readouterr().out


def test_plain_interview_from_stdin_shows_sources_scores_follow_ups_and_report(
    indexed, monkeypatch, capsys
):
    out = _interview(
        monkeypatch,
        capsys,
        "Partitioning keeps scans small\nand cheap.\n\n/hint\n/skip\n/end\n",
        "-n",
        "3",
    )
    assert "Question 1 of 3:" in out and "(from " in out
    assert "score " in out and "confidence" in out
    assert "hint 1:" in out
    assert "Rehearse report" in out and "Overall" in out and "Re-read:" in out
    # Piped answers are echoed after their prompt, so the output reads as a transcript.
    assert "> Partitioning keeps scans small\n  and cheap." in out
    session_id = out.split("Session ", 1)[1].split(".", 1)[0]

    assert cli.main(["sessions", "list"]) == 0
    listed = capsys.readouterr().out
    assert session_id in listed and "of 3 questions asked" in listed
    assert cli.main(["sessions", "show", session_id]) == 0
    shown = capsys.readouterr().out
    assert "Partitioning keeps scans small\nand cheap." in shown
    assert "Score: " in shown and "\n  : " not in shown  # every line says who spoke
    assert cli.main(["sessions", "export", session_id, "--format", "json", "--output", "-"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["report"]["asked"] >= 2 and exported["transcript"]
    answers = [a for q in exported["report"]["questions"] for a in q["answers"]]
    assert "Partitioning keeps scans small\nand cheap." in answers
    # Without --output the export goes to the data dir, never the current folder.
    assert cli.main(["sessions", "export", session_id, "--format", "md"]) == 0
    written = indexed / "exports" / f"rehearse-{session_id}.md"
    assert str(written) in capsys.readouterr().err
    markdown = written.read_text(encoding="utf-8")
    assert (
        "# Rehearse report" in markdown and "You said: Partitioning keeps scans small" in markdown
    )
    # The /skip came during a follow-up: counted as a skipped follow-up, not lost.
    assert "1 follow-up skipped" in markdown


def test_end_of_input_finishes_with_a_report(indexed, monkeypatch, capsys):
    out = _interview(monkeypatch, capsys, "", "-n", "2")
    assert "end of input" in out and "Rehearse report" in out


def test_unknown_resume_id_is_a_clear_error(indexed, capsys):
    assert cli.main(["interview", "--plain", "--resume", "deadbeef"]) == 2
    assert "No session 'deadbeef'" in capsys.readouterr().err


def test_interview_without_an_index_says_to_ingest(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REHEARSE_DATA_DIR", str(tmp_path / "none"))
    assert cli.main(["interview", "--plain"]) == 2
    assert "rehearse ingest" in capsys.readouterr().err


@pytest.mark.slow
def test_killed_mid_interview_resumes_at_the_exact_question(tmp_path):
    """A real process with the real model, killed with SIGKILL after one answer."""
    env = {**os.environ, "REHEARSE_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    rehearse = [sys.executable, "-m", "rehearse.cli"]
    shutil.copytree(CORPUS, tmp_path / "corpus")
    subprocess.run(
        [*rehearse, "ingest", str(tmp_path / "corpus")], env=env, check=True, capture_output=True
    )
    log = tmp_path / "out.txt"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*rehearse, "interview", "--plain", "--seed", "2", "-n", "3", "--follow-ups", "0"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        proc.stdin.write("My first answer about partitioning and idempotency.\n\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        while "Question 2 of 3" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        proc.kill()
        proc.wait()
    first = log.read_text()
    assert "Question 2 of 3" in first, first
    session_id = first.split("Session ", 1)[1].split(".", 1)[0]
    question_two = first.split("Question 2 of 3: ", 1)[1].splitlines()[0]

    resumed = subprocess.run(
        [*rehearse, "interview", "--plain", "--resume", session_id],
        env=env,
        input="/end\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert f"Question 2 of 3: {question_two}" in resumed.stdout
    assert "Rehearse report" in resumed.stdout
    exported = subprocess.run(
        [*rehearse, "sessions", "export", session_id, "--format", "json", "--output", "-"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    transcript = json.loads(exported.stdout)["transcript"]
    assert any(
        t["text"] == "My first answer about partitioning and idempotency." for t in transcript
    )


def test_a_closed_pipe_ends_quietly(indexed, tmp_path):
    """`rehearse questions --answers | head -1`: no BrokenPipeError traceback, exit 0."""
    env = {**os.environ, "REHEARSE_DATA_DIR": str(indexed)}
    run = subprocess.run(
        f"'{sys.executable}' -m rehearse.cli questions --answers | head -1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.stdout.strip()
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr


def test_plain_mode_follows_stdin_not_stdout(monkeypatch):
    """`make run | tee log` keeps the app; answers piped into stdin get plain mode."""
    from rehearse.commands import interview

    chosen: list[str] = []
    monkeypatch.setattr(interview, "_run_app", lambda args: chosen.append("app") or 0)
    monkeypatch.setattr(interview, "_run_plain", lambda args: chosen.append("plain") or 0)

    class Stream(io.StringIO):
        def __init__(self, tty: bool) -> None:
            super().__init__()
            self._tty = tty

        def isatty(self) -> bool:
            return self._tty

    args = cli.build_parser().parse_args(["interview"])
    for stdin_tty, stdout_tty, plain, expected in [
        (True, False, False, "app"),  # stdout piped to tee: still the app
        (True, True, False, "app"),
        (False, True, False, "plain"),  # answers piped in
        (True, True, True, "plain"),  # asked for
    ]:
        monkeypatch.setattr(sys, "stdin", Stream(stdin_tty))
        monkeypatch.setattr(sys, "stdout", Stream(stdout_tty))
        args.plain = plain
        interview.run(args)
        assert chosen[-1] == expected, (stdin_tty, stdout_tty, plain)
