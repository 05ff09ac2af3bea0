"""Export tests reuse the hand-made corpus of the graph tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.records import ResolvedCorpus

_GRAPH_CONFTEST = Path(__file__).parent.parent / "graph" / "conftest.py"
_spec = importlib.util.spec_from_file_location("graph_fixtures", _GRAPH_CONFTEST)
assert _spec is not None and _spec.loader is not None
graph_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(graph_fixtures)


@pytest.fixture
def small_corpus() -> ResolvedCorpus:
    return graph_fixtures.make_corpus()


@pytest.fixture
def small_build(tmp_path: Path, small_corpus: ResolvedCorpus) -> Path:
    """The files a build writes for the hand-made corpus (no HTML)."""
    from kg.pipeline import BuildConfig, write_outputs

    out = tmp_path / "out"
    write_outputs(small_corpus, BuildConfig(out_dir=out, html=False))
    return out
