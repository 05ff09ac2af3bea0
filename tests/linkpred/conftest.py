"""A small graph in the shape ``kg build`` writes, made by hand so every expectation is checkable."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, XSD

from kg.iris import Iris
from kg.vocab import MLKG

IRIS = Iris()

# paper id -> date (None: undated)
PAPERS = {
    "p1": "2020-01-10",
    "p2": "2021-03-05",
    "p3": "2022-06-01",
    "p4": "2023-02-02",
    "p5": None,
}
ENTITIES = {
    "model/vit": MLKG.Model,
    "model/vit-b-16": MLKG.Model,
    "model/resnet": MLKG.Model,
    "model/tinyclip": MLKG.Model,
    "dataset/imagenet-1k": MLKG.Dataset,
    "dataset/coco": MLKG.Dataset,
    "hardware/a100": MLKG.Hardware,
}
MENTIONS = [
    ("p1", "model/resnet"),
    ("p1", "dataset/imagenet-1k"),
    ("p2", "model/vit"),
    ("p2", "model/vit-b-16"),
    ("p2", "dataset/imagenet-1k"),
    ("p3", "model/tinyclip"),
    ("p3", "model/vit-b-16"),
    ("p3", "dataset/coco"),
    ("p4", "model/tinyclip"),
    ("p4", "hardware/a100"),
    ("p4", "dataset/coco"),
    ("p5", "model/resnet"),
    ("p5", "hardware/a100"),
]
PROPOSES = [("p3", "model/tinyclip"), ("p2", "model/vit")]
# (head, relation, tail, papers stating it)
RELATIONS = [
    ("model/vit-b-16", "variantOf", "model/vit", ["p2"]),
    ("model/resnet", "evaluatedOn", "dataset/imagenet-1k", ["p1"]),
    ("model/vit-b-16", "evaluatedOn", "dataset/imagenet-1k", ["p2", "p3"]),
    ("model/tinyclip", "outperforms", "model/vit-b-16", ["p3"]),
    ("model/tinyclip", "runsOn", "hardware/a100", ["p4"]),
    ("model/tinyclip", "evaluatedOn", "dataset/coco", ["p4", "p3"]),
]


def write_fixture_graph(out: Path) -> Path:
    g = Graph()
    for pid, day in PAPERS.items():
        paper = IRIS.paper(pid)
        g.add((paper, RDF.type, MLKG.Paper))
        g.add((paper, DCTERMS.title, Literal(f"Paper {pid}")))
        if day:
            g.add((paper, DCTERMS.issued, Literal(day, datatype=XSD.date)))
    for key, cls in ENTITIES.items():
        g.add((IRIS.entity(key), RDF.type, cls))
        g.add((IRIS.entity(key), MLKG.confidence, Literal("0.9", datatype=XSD.decimal)))
    for pid, key in MENTIONS:
        g.add((IRIS.paper(pid), MLKG.mentions, IRIS.entity(key)))
    for pid, key in PROPOSES:
        g.add((IRIS.paper(pid), MLKG.proposes, IRIS.entity(key)))
    for head, rel, tail, papers in RELATIONS:
        s, p, o = IRIS.entity(head), MLKG[rel], IRIS.entity(tail)
        g.add((s, p, o))
        for pid in papers:
            st = IRIS.statement(head, rel, tail, pid)
            g.add((st, RDF.type, RDF.Statement))
            g.add((st, RDF.subject, s))
            g.add((st, RDF.predicate, p))
            g.add((st, RDF.object, o))
            g.add((st, PROV.wasDerivedFrom, IRIS.paper(pid)))
            g.add((st, MLKG.evidence, Literal("some sentence")))
    # a Result node must not become a link-prediction entity
    result = IRIS.result("p4", "42")
    g.add((result, RDF.type, MLKG.Result))
    g.add((IRIS.paper("p4"), MLKG.reports, result))
    g.add((result, MLKG.ofModel, IRIS.entity("model/tinyclip")))
    out.mkdir(parents=True, exist_ok=True)
    g.serialize(out / "kg.nt", format="nt", encoding="utf-8")
    return out


@pytest.fixture()
def fixture_graph(tmp_path: Path) -> Path:
    return write_fixture_graph(tmp_path / "graph")
