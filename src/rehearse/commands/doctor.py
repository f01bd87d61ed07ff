"""`rehearse doctor`: is everything in place? Corpus, index, sessions, and the LLM endpoint.

Each check prints ok / warn / FAIL and one line a newcomer can act on; the exit code is 1 only
when something that blocks interviews failed.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rehearse.commands.config import mask
from rehearse.context import open_layout
from rehearse.settings import DEFAULT_CORPUS, resolve_llm


class _Report:
    def __init__(self) -> None:
        self.failed = False

    def line(self, status: str, what: str, detail: str) -> None:
        self.failed |= status == "FAIL"
        print(f"[{status:>4}] {what}: {detail}")


def run(args: argparse.Namespace) -> int:
    report = _Report()
    _corpus(report)
    _index(report, args)
    _endpoint(report, args)
    print(
        "\nverdict: "
        + ("something needs fixing (see FAIL above)" if report.failed else "ready to rehearse")
    )
    return 1 if report.failed else 0


def _corpus(report: _Report) -> None:
    files = sorted(p for p in DEFAULT_CORPUS.glob("**/*") if p.suffix in (".md", ".txt"))
    if files:
        report.line("ok", "corpus", f"{len(files)} notes in {DEFAULT_CORPUS}/")
    else:
        report.line(
            "warn",
            "corpus",
            f"no .md/.txt notes in {DEFAULT_CORPUS}/ (here: "
            f"{Path.cwd()}); pass paths to `rehearse ingest`",
        )


def _index(report: _Report, args: argparse.Namespace) -> None:
    from retrieval.question_bank import load_bank

    layout = open_layout(args)
    if not layout.questions.exists():
        report.line("FAIL", "index", f"none in {layout.root}: run `rehearse ingest`")
        return
    try:
        bank = load_bank(layout.questions)
    except (OSError, ValueError) as exc:
        report.line("FAIL", "index", f"question bank unreadable ({exc}); run `rehearse ingest`")
        return
    asked = bank.filter()
    answered = sum(1 for q in asked if q.golden_answer)
    status = "ok" if asked else "FAIL"
    report.line(
        status,
        "question bank",
        f"{len(asked)} questions, {answered} with prepared answers ({layout.root})",
    )


def _endpoint(report: _Report, args: argparse.Namespace) -> None:
    llm = resolve_llm(
        {
            "base_url": args.base_url,
            "model": args.model,
            "api_key": args.api_key,
            "timeout": args.timeout,
        }
    )
    model = llm["model"].value
    if not model:
        report.line(
            "ok",
            "llm",
            "no model configured: offline mode only (set REHEARSE_MODEL "
            "and OPENAI_BASE_URL to use an endpoint)",
        )
        return
    from openai import OpenAI

    base = llm["base_url"].value
    key = llm["api_key"].value or "not-needed"
    client = OpenAI(
        api_key=key, base_url=base, timeout=float(llm["timeout"].value or 60), max_retries=0
    )
    where = f"{base or 'OpenAI'} (key {mask(llm['api_key'].value)})"
    try:
        listed = [m.id for m in client.models.list().data]
    except Exception as exc:  # any failure here means "not reachable" to the user
        report.line("FAIL", "llm endpoint", f"{where} unreachable: {type(exc).__name__}")
        return
    if model in listed:
        report.line("ok", "llm model", f"{model} is listed by {where}")
    else:
        report.line(
            "warn",
            "llm model",
            f"{model} not in the listed models "
            f"({', '.join(listed[:5]) or 'none'}); some servers accept any name",
        )
    began = time.perf_counter()
    try:
        reply = client.chat.completions.create(
            model=model,
            temperature=0,
            max_tokens=40,
            messages=[{"role": "user", "content": 'Reply with the JSON {"ok": true}.'}],
            response_format={"type": "json_object"},
        )
        json.loads(reply.choices[0].message.content or "")
        report.line("ok", "llm json", f"a JSON reply parsed in {time.perf_counter() - began:.2f} s")
    except json.JSONDecodeError:
        report.line(
            "warn",
            "llm json",
            "the reply was not valid JSON; judging will fall back "
            "to offline scoring when that happens",
        )
    except Exception as exc:
        report.line("FAIL", "llm json", f"chat call failed: {type(exc).__name__}")
