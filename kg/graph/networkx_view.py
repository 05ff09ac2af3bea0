"""The NetworkX view of the graph: papers and entities as nodes, asserted triples as edges.

Built from the same :class:`~kg.graph.claims.GraphContent` as the RDF, so the two views
agree by construction (a test checks it). Attributes are GraphML-safe scalars; results
and statements stay in RDF only.

Node attributes: ``kind``, ``label``, ``aliases`` (" | "-joined), ``date`` (papers, ISO
or ""), ``paper_count`` (entities). Edge key = predicate local name; attributes
``predicate``, ``evidence``, ``confidence``, ``paper``, ``extractor``, ``evidence_count``.

Example:
    >>> from kg.records import Entity, EntityType, Fact, Paper, RelationType, ResolvedCorpus, SourceRef
    >>> paper = Paper(id="2309.12314", title="TinyCLIP", abstract="We propose TinyCLIP.",
    ...               sources=(SourceRef("data/a.txt", 3),))
    >>> tiny = Entity(key="model/tinyclip", label="TinyCLIP", type=EntityType.MODEL)
    >>> fact = Fact("2309.12314", RelationType.PROPOSES, "model/tinyclip", "2309.12314",
    ...             "We propose TinyCLIP.", 0.9, "definition:propose")
    >>> g = to_networkx(ResolvedCorpus((paper,), (tiny,), (), (fact,), ()), Iris())
    >>> sorted(key for _, _, key in g.edges(keys=True))
    ['mentions', 'proposes']
    >>> g.nodes["https://w3id.org/mlkg/resource/model/tinyclip"]["paper_count"]
    1
"""

from __future__ import annotations

import networkx as nx

from kg.graph.claims import MENTIONS, Claim, GraphContent, graph_content
from kg.iris import Iris
from kg.records import RelationType, ResolvedCorpus

ALIAS_SEPARATOR = " | "


def _edge_attributes(claim: Claim, iris: Iris) -> dict[str, object]:
    best = claim.best
    return {
        "predicate": claim.predicate,
        "evidence": best.sentence if best else "",
        "confidence": float(best.confidence) if best else 1.0,
        "paper": str(iris.paper(best.paper_id)) if best else "",
        "extractor": best.extractor if best else claim.source,
        "evidence_count": len(claim.evidence),
    }


def to_networkx(corpus: ResolvedCorpus | GraphContent, iris: Iris) -> nx.MultiDiGraph:
    """Papers and entities keyed by IRI string; one edge per (subject, predicate, object)."""
    content = corpus if isinstance(corpus, GraphContent) else graph_content(corpus)
    graph = nx.MultiDiGraph()
    for paper in content.papers:
        graph.add_node(
            str(iris.paper(paper.id)),
            kind="Paper",
            label=paper.title,
            aliases="",
            date=paper.date.isoformat() if paper.date else "",
        )
    paper_counts = content.paper_counts()
    for entity in content.entities:
        graph.add_node(
            str(iris.entity(entity.key)),
            kind=entity.type.value,
            label=entity.label,
            aliases=ALIAS_SEPARATOR.join(dict.fromkeys(a for a in entity.aliases if a != entity.label)),
            date="",
            paper_count=paper_counts[entity.key],
        )
    for claim in content.mentions + content.relations:
        from_paper = claim.predicate in (MENTIONS, RelationType.PROPOSES.value)
        subject = iris.paper(claim.subject) if from_paper else iris.entity(claim.subject)
        graph.add_edge(
            str(subject), str(iris.entity(claim.object)), key=claim.predicate, **_edge_attributes(claim, iris)
        )
    return graph
