"""The shapes accept what mlkg builds and name what is wrong in a broken graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.errors import InputError
from kg.graph import rdf_lines, validate_graph, validate_lines, validate_path
from kg.graph.shacl import sample_lines
from kg.iris import Iris
from kg.records import ResolvedCorpus
from kg.vocab import MLKG

IRIS = Iris()


def built(corpus: ResolvedCorpus) -> Graph:
    return Graph().parse(data="\n".join(rdf_lines(corpus, IRIS)), format="nt")


def test_built_graph_conforms(small_corpus: ResolvedCorpus) -> None:
    report = validate_graph(built(small_corpus))
    assert report.conforms, report.violations
    assert report.violations == ()


def test_broken_graph_fails_with_readable_messages(small_corpus: ResolvedCorpus) -> None:
    graph = built(small_corpus)
    paper = IRIS.paper("2309.12314")
    graph.add((paper, DCTERMS.title, Literal("A second title")))
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    graph.set((statement, MLKG.confidence, Literal("1.5", datatype=XSD.decimal)))
    result = next(graph.subjects(RDF.type, MLKG.Result))
    graph.set((result, MLKG.value, Literal("41.1%")))
    report = validate_graph(graph)
    assert not report.conforms
    found = {(v.focus, v.path, v.message) for v in report.violations}
    assert (str(paper), "dcterms:title", "A paper has exactly one non-empty title (a plain string).") in found
    assert (
        str(statement),
        "mlkg:confidence",
        "A statement has exactly one confidence, an xsd:decimal between 0 and 1.",
    ) in found
    value_message = "A result has exactly one value, an xsd:decimal (never a string)."
    assert (str(result), "mlkg:value", value_message) in found
    assert len(report.violations) == 3


def test_entity_with_two_classes_or_no_label_fails(small_corpus: ResolvedCorpus) -> None:
    graph = built(small_corpus)
    vit = IRIS.entity("model/vit-b-16")
    graph.add((vit, RDF.type, MLKG.Dataset))
    imagenet = IRIS.entity("dataset/imagenet")
    graph.remove((imagenet, None, Literal("ImageNet")))
    messages = {(v.focus, v.message) for v in validate_graph(graph).violations}
    one_class = "An entity has exactly one entity class (Model, Dataset, Method, Hardware, Task or Metric)."
    assert (str(vit), one_class) in messages
    assert (str(imagenet), "An entity has exactly one rdfs:label (its canonical name).") in messages


def test_relation_range_is_checked(small_corpus: ResolvedCorpus) -> None:
    graph = built(small_corpus)
    tiny = IRIS.entity("model/tinyclip")
    graph.add((tiny, MLKG.trainedOn, IRIS.entity("metric/top-1-accuracy")))
    graph.add((IRIS.entity("task/zero-shot-classification"), MLKG.runsOn, IRIS.entity("model/vit")))
    messages = {v.message for v in validate_graph(graph).violations}
    assert "trainedOn points to a Dataset." in messages
    assert "Only a Model or a Method runsOn something." in messages
    assert "runsOn points to Hardware." in messages


def test_statement_without_paper_fails(small_corpus: ResolvedCorpus) -> None:
    graph = built(small_corpus)
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    graph.remove((statement, None, IRIS.paper("2309.12314")))
    graph.remove((statement, None, IRIS.paper("t-0a1b2c3d4e5f")))
    messages = {v.message for v in validate_graph(graph).violations}
    assert "A statement is derived from exactly one Paper (prov:wasDerivedFrom)." in messages


def test_sample_keeps_whole_paper_subgraphs(small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    kept, count = sample_lines(lines, papers=1)
    assert count == 1
    assert set(kept) < set(lines)
    assert validate_lines(lines, sample=True).conforms
    report = validate_graph(Graph().parse(data="\n".join(kept), format="nt"), sampled_papers=1)
    assert report.conforms, report.violations


def test_validate_path_reads_turtle_and_refuses_other_files(
    tmp_path: Path, small_corpus: ResolvedCorpus
) -> None:
    ttl = tmp_path / "kg.ttl"
    built(small_corpus).serialize(ttl, format="turtle")
    assert validate_path(ttl).conforms
    (tmp_path / "kg.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a .ttl"):
        validate_path(tmp_path / "kg.csv")
    with pytest.raises(InputError, match="no such file"):
        validate_path(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="not valid turtle"):
        validate_path(bad)


def test_sample_validation_still_catches_a_broken_paper(small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    extra = f'<{IRIS.paper("t-0a1b2c3d4e5f")}> <{DCTERMS.title}> "Another title" .'
    report = validate_lines(sorted([*lines, extra]), sample=True)
    assert not report.conforms
    assert [(v.path, v.message) for v in report.violations] == [
        ("dcterms:title", "A paper has exactly one non-empty title (a plain string).")
    ]
