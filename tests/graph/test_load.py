"""GraphML written by a build reads back as the same NetworkX graph, attribute types included."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.export import write_graphml
from kg.graph import load_networkx, to_networkx
from kg.iris import Iris
from kg.records import ResolvedCorpus


def test_graphml_round_trip_keeps_nodes_edges_keys_and_types(
    tmp_path: Path, small_corpus: ResolvedCorpus
) -> None:
    graph = to_networkx(small_corpus, Iris())
    write_graphml(graph, tmp_path / "kg.graphml")
    back = load_networkx(tmp_path)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    edge = next(iter(back.edges(keys=True, data=True)))[3]
    assert type(edge["confidence"]) is float and type(edge["evidence_count"]) is int
    node = back.nodes[str(Iris().entity("model/vit-b-16"))]
    assert type(node["paper_count"]) is int


def test_load_networkx_without_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="run 'kg build' first"):
        load_networkx(tmp_path)
