"""The same ingest and search against a real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS
from helpers import free_port
from retrieval.chunk_store import ChunkStore, open_client
from retrieval.ingest import ingest
from retrieval.layout import DataLayout
from retrieval.search import Retriever

pytestmark = pytest.mark.chroma_server


@pytest.fixture
def chroma_url(tmp_path):
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.fail(f"the chroma CLI is missing next to {sys.executable}")
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                open_client(tmp_path, url)
                break
            except Exception:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "chroma.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_ingest_and_search_through_a_chroma_server(tmp_path, chroma_url, fake_embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    layout = DataLayout(tmp_path / "data")
    store = ChunkStore(open_client(layout.root, chroma_url))
    report = ingest([corpus], layout, store, fake_embedder)
    assert report.embedded == store.count() == report.chunks
    assert not (layout.root / "chroma").exists()  # vectors went to the server
    again = ingest(
        [corpus], layout, ChunkStore(open_client(layout.root, chroma_url)), fake_embedder
    )
    assert again.embedded == 0
    hits = Retriever.open(layout, store, fake_embedder).search(
        "Kafka consumer groups offsets", k=3, mode="dense"
    )
    assert hits and hits[0].doc_id == "data-engineering-qa-bank"
