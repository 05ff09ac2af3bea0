"""An interrupted write leaves the previous file whole and no temporary file behind."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest

from kg.export import graphml, rdf_files
from kg.pipeline import BuildConfig, write_outputs
from kg.records import ResolvedCorpus


def test_failure_while_writing_graphml_keeps_the_old_file(
    small_build: Path, small_corpus: ResolvedCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (small_build / "kg.graphml").read_bytes()

    def half_write(graph: nx.MultiDiGraph, path: Path, **_: object) -> None:
        Path(path).write_text("<graphml><node id=", encoding="utf-8")
        raise OSError("No space left on device")

    monkeypatch.setattr(graphml.nx, "write_graphml", half_write)
    with pytest.raises(OSError, match="No space left"):
        write_outputs(small_corpus, BuildConfig(out_dir=small_build, html=False))
    assert (small_build / "kg.graphml").read_bytes() == before
    assert not [p.name for p in small_build.iterdir() if p.name.startswith(".")]


def test_failure_while_serialising_jsonld_keeps_the_old_file(
    small_build: Path, small_corpus: ResolvedCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (small_build / "kg.jsonld").read_bytes()

    def broken(*_: object) -> str:
        raise MemoryError("simulated")

    monkeypatch.setattr(rdf_files, "jsonld_text", broken)
    with pytest.raises(MemoryError):
        write_outputs(small_corpus, BuildConfig(out_dir=small_build, html=False))
    assert (small_build / "kg.jsonld").read_bytes() == before
    assert not [p.name for p in small_build.iterdir() if p.name.startswith(".")]


def test_invalid_graph_replaces_no_file(small_build: Path, small_corpus: ResolvedCorpus) -> None:
    from kg.pipeline import GraphValidationError

    before = {p.name: p.read_bytes() for p in small_build.iterdir() if p.is_file()}
    too_sure = replace(small_corpus.facts[0], confidence=1.5)  # a buggy extractor
    broken = replace(small_corpus, facts=(too_sure,) + small_corpus.facts[1:])
    with pytest.raises(GraphValidationError, match="between 0 and 1"):
        write_outputs(broken, BuildConfig(out_dir=small_build, html=False))
    assert {p.name: p.read_bytes() for p in small_build.iterdir() if p.is_file()} == before
