"""Opening the data dir, the store and the embedder from a command's arguments."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from rehearse.settings import StoreSettings, resolve_store_settings
from retrieval.chunk_store import ChunkStore, open_client
from retrieval.embedder import MiniLMEmbedder
from retrieval.layout import DataLayout


@dataclass
class Context:
    settings: StoreSettings
    layout: DataLayout
    store: ChunkStore
    embedder: MiniLMEmbedder


def open_context(args: argparse.Namespace) -> Context:
    settings = resolve_store_settings(args.data_dir, args.chroma_url)
    layout = DataLayout(settings.data_dir)
    store = ChunkStore(open_client(settings.data_dir, settings.chroma_url))
    return Context(settings, layout, store, MiniLMEmbedder())


def open_layout(args: argparse.Namespace) -> DataLayout:
    """The data dir alone, for commands that read the question bank and nothing else."""
    return DataLayout(resolve_store_settings(args.data_dir, args.chroma_url).data_dir)
