"""`rehearse config`: the effective settings and where each came from, key masked."""

from __future__ import annotations

import argparse

from rehearse.settings import config_file, resolve_llm, resolve_store_settings


def mask(secret: str | None) -> str:
    """Enough to recognise a key ("sk-…3f9a"), never enough to use it."""
    if not secret:
        return "(not set)"
    return "****" if len(secret) < 12 else f"{secret[:3]}…{secret[-4:]}"


def run(args: argparse.Namespace) -> int:
    store = resolve_store_settings(args.data_dir, args.chroma_url)
    llm = resolve_llm(
        {
            "base_url": args.base_url,
            "model": args.model,
            "api_key": args.api_key,
            "timeout": args.timeout,
        }
    )
    rows = [
        ("data_dir", str(store.data_dir), store.data_dir_from),
        ("chroma_url", store.chroma_url or "(local store)", store.chroma_url_from),
        ("llm.base_url", llm["base_url"].value or "(OpenAI default)", llm["base_url"].source),
        ("llm.model", llm["model"].value or "(not set: offline only)", llm["model"].source),
        ("llm.api_key", mask(llm["api_key"].value), llm["api_key"].source),
        ("llm.timeout", f"{llm['timeout'].value} s", llm["timeout"].source),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, source in rows:
        print(f"{name:<{width}}  {value}    [{source}]")
    print(
        f"\nconfig file: {config_file()}"
        + ("" if config_file().exists() else " (absent; optional)")
    )
    return 0
