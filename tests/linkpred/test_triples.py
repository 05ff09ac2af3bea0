from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import PROV

from kg.errors import MlkgError
from kg.linkpred.triples import LinkTriple, read_triples, resource_label
from kg.vocab import MLKG

from .conftest import IRIS, MENTIONS, PROPOSES, RELATIONS


def test_reads_every_paper_and_entity_link_and_nothing_else(fixture_graph: Path) -> None:
    ts = read_triples(fixture_graph)
    expected = (
        {(f"paper/{p}", "mentions", e) for p, e in MENTIONS}
        | {(f"paper/{p}", "proposes", e) for p, e in PROPOSES}
        | {(h, r, t) for h, r, t, _ in RELATIONS}
    )
    assert {(t.head, t.relation, t.tail) for t in ts.triples} == expected
    assert "reports" not in ts.relations() and "ofModel" not in ts.relations()
    assert ts.checksum.startswith("sha256:")


def test_a_fact_is_dated_by_its_earliest_paper(fixture_graph: Path) -> None:
    by_key = {(t.head, t.relation, t.tail): t.first_seen for t in read_triples(fixture_graph).triples}
    # stated in p3 (2022-06-01) and p4 (2023-02-02): first seen in 2022
    assert by_key[("model/tinyclip", "evaluatedOn", "dataset/coco")] == date(2022, 6, 1)
    assert by_key[("paper/p1", "mentions", "model/resnet")] == date(2020, 1, 10)
    assert by_key[("paper/p5", "mentions", "model/resnet")] is None


def test_relations_can_be_restricted_and_unknown_ones_are_refused(fixture_graph: Path) -> None:
    ts = read_triples(fixture_graph, ("evaluatedOn",))
    assert ts.relations() == ["evaluatedOn"] and len(ts.triples) == 3
    with pytest.raises(MlkgError, match="unknown relation"):
        read_triples(fixture_graph, ("cites",))


def test_missing_graph_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(MlkgError, match="kg build"):
        read_triples(tmp_path)


def test_resource_label_keeps_class_folder_and_slug() -> None:
    assert resource_label("https://w3id.org/mlkg/resource/model/vit-b-16") == "model/vit-b-16"
    assert LinkTriple("a", "r", "b") < LinkTriple("a", "r", "c")


def test_a_link_stated_only_by_an_undated_paper_is_kept_undated(fixture_graph: Path) -> None:
    graph = Graph().parse(fixture_graph / "kg.nt", format="nt")
    head, tail = IRIS.entity("model/resnet"), IRIS.entity("hardware/a100")
    statement = IRIS.statement("model/resnet", "runsOn", "hardware/a100", "p5")
    graph.add((head, MLKG.runsOn, tail))
    for prop, value in ((RDF.subject, head), (RDF.predicate, MLKG.runsOn), (RDF.object, tail)):
        graph.add((statement, prop, value))
    graph.add((statement, PROV.wasDerivedFrom, IRIS.paper("p5")))  # p5 has no date
    graph.serialize(fixture_graph / "kg.nt", format="nt", encoding="utf-8")
    by_key = {(t.head, t.relation, t.tail): t.first_seen for t in read_triples(fixture_graph).triples}
    assert ("model/resnet", "runsOn", "hardware/a100") in by_key
    assert by_key[("model/resnet", "runsOn", "hardware/a100")] is None


def test_every_entity_link_of_the_bundled_graph_is_read(bundled_build: Path) -> None:
    graph = Graph().parse(bundled_build / "kg.nt", format="nt")
    read = Counter(t.relation for t in read_triples(bundled_build).triples)
    for relation in ("evaluatedOn", "runsOn", "outperforms", "usesMethod", "trainedOn"):
        in_graph = len(set(graph.subject_objects(MLKG[relation])))
        assert in_graph > 0 and read[relation] == in_graph, relation
