"""The NetworkX view follows its contract and says the same as the RDF."""

from __future__ import annotations

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.graph import rdf_lines, to_networkx
from kg.iris import Iris
from kg.records import ResolvedCorpus
from kg.vocab import ENTITY_CLASS, MLKG, RELATION_PROPERTY

from .conftest import TINY_SENTENCE

IRIS = Iris()
EDGE_ATTRS = {"predicate", "evidence", "confidence", "paper", "extractor", "evidence_count"}


def test_nodes_carry_kind_label_aliases_date_and_paper_count(small_corpus: ResolvedCorpus) -> None:
    graph = to_networkx(small_corpus, IRIS)
    assert isinstance(graph, nx.MultiDiGraph)
    paper = graph.nodes[str(IRIS.paper("2309.12314"))]
    title = small_corpus.papers[0].title
    assert paper == {"kind": "Paper", "label": title, "aliases": "", "date": "2023-09-21"}
    vit = graph.nodes[str(IRIS.entity("model/vit-b-16"))]
    assert vit == {"kind": "Model", "label": "ViT-B/16", "aliases": "ViT-B-16", "date": "", "paper_count": 2}
    assert graph.nodes[str(IRIS.entity("model/vit"))]["paper_count"] == 0  # a family no paper names
    assert graph.nodes[str(IRIS.entity("model/vit"))]["aliases"] == "Vision Transformer"


def test_results_and_statements_are_not_nodes(small_corpus: ResolvedCorpus) -> None:
    graph = to_networkx(small_corpus, IRIS)
    assert not [n for n in graph if "/statement/" in n or "/result/" in n]
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert kinds == {"Paper", "Model", "Dataset", "Method", "Task", "Metric"}


def test_relation_edge_keeps_best_evidence(small_corpus: ResolvedCorpus) -> None:
    graph = to_networkx(small_corpus, IRIS)
    tiny, vit = str(IRIS.entity("model/tinyclip")), str(IRIS.entity("model/vit-b-16"))
    assert list(graph[tiny][vit]) == ["outperforms"]
    edge = graph.edges[tiny, vit, "outperforms"]
    assert edge == {
        "predicate": "outperforms",
        "evidence": TINY_SENTENCE,
        "confidence": 0.75,
        "paper": str(IRIS.paper("2309.12314")),
        "extractor": "pattern:surpassing",
        "evidence_count": 1,
    }


def test_mentions_edge_for_every_named_entity_including_proposed(small_corpus: ResolvedCorpus) -> None:
    graph = to_networkx(small_corpus, IRIS)
    paper = str(IRIS.paper("2309.12314"))
    mentioned = {v for _, v, k in graph.out_edges(paper, keys=True) if k == "mentions"}
    assert mentioned == {
        str(IRIS.entity(k))
        for k in (
            "model/tinyclip",
            "model/vit-b-16",
            "dataset/yfcc-15m",
            "dataset/imagenet",
            "metric/top-1-accuracy",
            "method/distillation",
        )
    }
    assert graph.has_edge(paper, str(IRIS.entity("model/tinyclip")), "proposes")
    two_mentions = graph.edges[paper, str(IRIS.entity("model/tinyclip")), "mentions"]
    assert two_mentions["evidence_count"] == 2 and two_mentions["confidence"] == 0.95
    family = graph.edges[str(IRIS.entity("model/vit-l-14")), str(IRIS.entity("model/vit")), "variantOf"]
    assert family == {
        "predicate": "variantOf",
        "evidence": "",
        "confidence": 1.0,
        "paper": "",
        "extractor": "lexicon:family",
        "evidence_count": 0,
    }


def test_every_edge_has_the_contract_attributes(small_corpus: ResolvedCorpus) -> None:
    graph = to_networkx(small_corpus, IRIS)
    for _, _, key, data in graph.edges(keys=True, data=True):
        assert set(data) == EDGE_ATTRS and data["predicate"] == key
        assert isinstance(data["confidence"], float) and isinstance(data["evidence_count"], int)


def rdf_entity_nodes_and_edges(rdf: Graph) -> tuple[set[str], set[tuple[str, str, str]]]:
    classes = {MLKG.Paper, *ENTITY_CLASS.values()}
    nodes = {str(s) for c in classes for s in rdf.subjects(RDF.type, c)}
    predicates = {MLKG.mentions, *RELATION_PROPERTY.values()}
    edges = {
        (str(s), str(o), str(p).rsplit("#", 1)[1]) for p in predicates for s, o in rdf.subject_objects(p)
    }
    return nodes, edges


def test_networkx_and_rdf_have_the_same_nodes_and_edges(small_corpus: ResolvedCorpus) -> None:
    graph = to_networkx(small_corpus, IRIS)
    rdf = Graph().parse(data="\n".join(rdf_lines(small_corpus, IRIS)), format="nt")
    nodes, edges = rdf_entity_nodes_and_edges(rdf)
    assert set(graph.nodes) == nodes
    assert set(graph.edges(keys=True)) == edges
    assert len(edges) == 16
    assert all(isinstance(URIRef(n), URIRef) for n in nodes)
