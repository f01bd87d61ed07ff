"""Opening the data dir, the store and the embedder from a command's arguments."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rehearse.errors import UserError
from rehearse.settings import StoreSettings, resolve_llm, resolve_store_settings
from retrieval.embedder import MiniLMEmbedder
from retrieval.layout import DataLayout

if TYPE_CHECKING:
    from agent.providers.openai_chat import LLMSettings
    from retrieval.chunk_store import ChunkStore


@dataclass
class Context:
    settings: StoreSettings
    layout: DataLayout
    store: ChunkStore
    embedder: MiniLMEmbedder


def open_context(args: argparse.Namespace) -> Context:
    from retrieval.chunk_store import ChunkStore, open_client

    settings = resolve_store_settings(args.data_dir, args.chroma_url)
    layout = DataLayout(settings.data_dir)
    store = ChunkStore(open_client(settings.data_dir, settings.chroma_url))
    return Context(settings, layout, store, MiniLMEmbedder())


def open_layout(args: argparse.Namespace) -> DataLayout:
    """The data dir alone, for commands that read the question bank and nothing else."""
    return DataLayout(resolve_store_settings(args.data_dir, args.chroma_url).data_dir)


def llm_settings(args: argparse.Namespace) -> LLMSettings | None:
    """None in offline mode; in openai mode, the resolved endpoint or a UserError."""
    if getattr(args, "llm", "offline") != "openai":
        return None
    settings = configured_llm(args)
    if settings is None:
        raise UserError("--llm openai needs a model: pass --model NAME or set REHEARSE_MODEL.")
    return settings


def configured_llm(args: argparse.Namespace) -> LLMSettings | None:
    """The endpoint configured by flag, env or config file, whatever --llm says; None when no
    model is set. The app offers it beside offline mode."""
    from agent.providers.openai_chat import LLMSettings

    try:
        resolved = resolve_llm(
            {
                "base_url": args.base_url,
                "model": args.model,
                "api_key": args.api_key,
                "timeout": args.timeout,
            }
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    model = resolved["model"].value
    if not model:
        return None
    try:
        timeout = float(resolved["timeout"].value or 60)
    except ValueError as exc:
        raise UserError(
            f"timeout must be a number of seconds ({resolved['timeout'].source})"
        ) from exc
    return LLMSettings(
        base_url=resolved["base_url"].value,
        model=model,
        api_key=resolved["api_key"].value or "",
        timeout_s=timeout,
    )
