"""The Oxigraph store is replaced whole, and reads back through rdflib."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

from kg.errors import InputError
from kg.graph import load_graph, rdf_lines, turtle_bytes, write_store
from kg.graph.store import ntriples_bytes
from kg.iris import Iris
from kg.records import ResolvedCorpus

IRIS = Iris()


def write_nt(path: Path, lines: list[str]) -> Path:
    path.write_bytes(ntriples_bytes(lines))
    return path


def test_store_loads_and_answers_sparql_through_rdflib(tmp_path: Path, small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    write_store(write_nt(tmp_path / "kg.nt", lines), tmp_path / "store")
    graph = load_graph(tmp_path)
    assert len(graph) == len(lines)
    rows = list(
        graph.query(
            "PREFIX mlkg: <https://w3id.org/mlkg/ontology#> "
            "SELECT ?p (COUNT(?e) AS ?n) WHERE { ?p mlkg:mentions ?e } GROUP BY ?p ORDER BY DESC(?n)"
        )
    )
    assert [int(n) for _, n in rows] == [6, 2]
    assert graph.value(IRIS.entity("model/vit-b-16"), RDFS.label).toPython() == Literal("ViT-B/16").toPython()


def test_store_is_replaced_not_merged(tmp_path: Path, small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    write_store(write_nt(tmp_path / "a.nt", lines), tmp_path / "store")
    write_store(write_nt(tmp_path / "b.nt", lines[:10]), tmp_path / "store")
    assert len(load_graph(tmp_path)) == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.nt", "b.nt", "store"]


def test_failed_load_keeps_the_old_store_and_leaves_no_temporary_folder(
    tmp_path: Path, small_corpus: ResolvedCorpus
) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    write_store(write_nt(tmp_path / "good.nt", lines), tmp_path / "store")
    bad = tmp_path / "bad.nt"
    bad.write_text(lines[0] + "\n<broken\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        write_store(bad, tmp_path / "store")
    assert len(load_graph(tmp_path)) == len(lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nt", "good.nt", "store"]


def test_load_graph_without_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="run 'kg build' first"):
        load_graph(tmp_path)


def test_turtle_is_deterministic_grouped_and_prefixed(small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    first = turtle_bytes(lines, IRIS)
    assert first == turtle_bytes(list(lines), IRIS)
    text = first.decode()
    head = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert head == sorted(head) and "@prefix model: <https://w3id.org/mlkg/resource/model/> ." in head
    assert "model:vit-b-16 a mlkg:Model ;" in text
    assert text.count("model:vit-b-16 a mlkg:Model") == 1  # one block per subject
