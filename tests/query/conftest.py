"""Fixtures for the query stage: a small hand-written graph loaded into an on-disk store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI_GRAPH = FIXTURES / "mini.ttl"


def write_store(turtle: Path, out_dir: Path) -> Path:
    """Load ``turtle`` into ``out_dir/store`` as ``kg build`` would, and close it."""
    store = ox.Store(str(out_dir / "store"))
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    return out_dir


@pytest.fixture(scope="session")
def mini_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build-like output directory holding the store of ``fixtures/mini.ttl`` and a graph view."""
    out = write_store(MINI_GRAPH, tmp_path_factory.mktemp("mini-graph"))
    (out / "kg.html").write_text(
        "<!doctype html><title>graph view</title><p>mini graph view</p>\n", encoding="utf-8"
    )
    return out
