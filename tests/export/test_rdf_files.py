"""Turtle, N-Triples and JSON-LD say the same graph; JSON-LD uses the compact context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export.rdf_files import jsonld_context


@pytest.mark.parametrize(("name", "fmt"), [("kg.ttl", "turtle"), ("kg.jsonld", "json-ld")])
def test_every_serialisation_parses_back_to_the_same_graph(small_build: Path, name: str, fmt: str) -> None:
    reference = Graph().parse(small_build / "kg.nt", format="nt")
    other = Graph().parse(small_build / name, format=fmt)
    assert len(reference) == 118
    assert isomorphic(reference, other)


def test_ntriples_file_is_sorted_unique_lines(small_build: Path) -> None:
    lines = (small_build / "kg.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert all(line.endswith(" .") for line in lines)


def test_jsonld_uses_the_compact_context_from_the_ontology_folder(small_build: Path) -> None:
    document = json.loads((small_build / "kg.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == jsonld_context()
    tiny = next(node for node in document["@graph"] if node["@id"].endswith("/paper/2309.12314"))
    assert tiny["title"].startswith("TinyCLIP:")
    assert tiny["proposes"] == "https://w3id.org/mlkg/resource/model/tinyclip"
    assert tiny["@type"] == "mlkg:Paper"
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
