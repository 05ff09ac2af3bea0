"""The RDF of the hand-made corpus: papers, entities, mentions, slugs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.graph import rdf_lines
from kg.iris import Iris, entity_key
from kg.records import EntityType, ResolvedCorpus
from kg.vocab import MLKG

IRIS = Iris()
TINY = IRIS.paper("2309.12314")
MODE = IRIS.paper("t-0a1b2c3d4e5f")


@pytest.fixture
def graph(small_corpus: ResolvedCorpus) -> Graph:
    return Graph().parse(data="\n".join(rdf_lines(small_corpus, IRIS)), format="nt")


def test_lines_are_sorted_and_unique(small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    assert lines == sorted(set(lines))


def test_vit_b16_and_vit_b_16_are_one_entity(graph: Graph) -> None:
    slash, hyphen = entity_key(EntityType.MODEL, "ViT-B/16"), entity_key(EntityType.MODEL, "ViT-B-16")
    assert slash == hyphen == "model/vit-b-16"
    vit = IRIS.entity("model/vit-b-16")
    assert str(vit) == "https://w3id.org/mlkg/resource/model/vit-b-16"
    assert set(graph.objects(vit, RDFS.label)) == {Literal("ViT-B/16")}
    assert set(graph.objects(vit, SKOS.altLabel)) == {Literal("ViT-B-16")}
    assert set(graph.subjects(MLKG.mentions, vit)) == {TINY, MODE}
    labelled = {s for s in graph.subjects(RDFS.label, None) if "vit-b" in str(s)}
    assert labelled == {vit}


def test_paper_has_title_identifier_date_sources_and_author_count(graph: Graph) -> None:
    assert list(graph.objects(TINY, DCTERMS.title)) == [
        Literal("TinyCLIP: CLIP Distillation via Affinity Mimicking and Weight Inheritance")
    ]
    assert list(graph.objects(TINY, DCTERMS.identifier)) == [Literal("2309.12314")]
    assert list(graph.objects(TINY, DCTERMS.issued)) == [Literal("2023-09-21", datatype=XSD.date)]
    assert list(graph.objects(TINY, MLKG.authorCount)) == [Literal("9", datatype=XSD.nonNegativeInteger)]
    assert set(graph.objects(MODE, DCTERMS.source)) == {Literal("data/000.txt:20"), Literal("data/001.txt:7")}
    assert (MODE, DCTERMS.issued, None) not in graph  # no date known: no triple


def test_every_entity_has_one_class_and_one_label(graph: Graph, small_corpus: ResolvedCorpus) -> None:
    for entity in small_corpus.entities:
        node = IRIS.entity(entity.key)
        assert list(graph.objects(node, RDF.type)) == [MLKG[entity.type.value]]
        assert list(graph.objects(node, RDFS.label)) == [Literal(entity.label)]


def test_proposed_entity_is_also_mentioned(graph: Graph) -> None:
    tiny = IRIS.entity("model/tinyclip")
    assert (TINY, MLKG.proposes, tiny) in graph
    assert (TINY, MLKG.mentions, tiny) in graph


def test_family_becomes_variant_of(graph: Graph) -> None:
    assert (IRIS.entity("model/vit-b-16"), MLKG.variantOf, IRIS.entity("model/vit")) in graph
    assert (IRIS.entity("model/vit-l-14"), MLKG.variantOf, IRIS.entity("model/vit")) in graph


def test_fact_outside_the_ontology_is_left_out(graph: Graph) -> None:
    assert (IRIS.entity("task/zero-shot-classification"), MLKG.trainedOn, None) not in graph


def test_result_links_paper_model_dataset_metric_and_decimal_value(graph: Graph) -> None:
    results = [r for r in graph.objects(TINY, MLKG.reports) if graph.value(r, MLKG.ofModel) is not None]
    assert len(results) == 1
    result = results[0]
    assert str(result).startswith("https://w3id.org/mlkg/resource/result/")
    assert (result, RDF.type, MLKG.Result) in graph
    assert graph.value(result, MLKG.ofModel) == IRIS.entity("model/tinyclip")
    assert graph.value(result, MLKG.onDataset) == IRIS.entity("dataset/imagenet")
    assert graph.value(result, MLKG.withMetric) == IRIS.entity("metric/top-1-accuracy")
    value = graph.value(result, MLKG.value)
    assert value.datatype == XSD.decimal and value.toPython() == Decimal("41.1")
    assert graph.value(result, MLKG.unit) == Literal("%")


def test_base_iri_is_configurable(small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, Iris("https://example.org/kg"))
    subjects = {line.split(" ", 1)[0] for line in lines}
    assert all(s.startswith("<https://example.org/kg/") for s in subjects)
    assert "<https://example.org/kg/model/vit-b-16>" in subjects
    other = Iris("https://example.org/kg")
    assert other.paper("2309.12314") == URIRef("https://example.org/kg/paper/2309.12314")


def test_families_of_other_classes_are_skos_broader(small_corpus: ResolvedCorpus) -> None:
    from dataclasses import replace

    from kg.records import Entity

    kd = Entity(
        key="method/knowledge-distillation",
        label="knowledge distillation",
        type=EntityType.METHOD,
        family="method/distillation",
    )
    odd = Entity(key="dataset/imagenet-1k", label="ImageNet-1K", type=EntityType.DATASET, family="model/vit")
    corpus = replace(small_corpus, entities=small_corpus.entities + (kd, odd))
    graph = Graph().parse(data="\n".join(rdf_lines(corpus, IRIS)), format="nt")
    assert (IRIS.entity(kd.key), SKOS.broader, IRIS.entity("method/distillation")) in graph
    assert (IRIS.entity(kd.key), MLKG.variantOf, None) not in graph
    # a dataset is no model variant
    assert (IRIS.entity(odd.key), None, IRIS.entity("model/vit")) not in graph
