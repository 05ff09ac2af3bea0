"""What the ontology allows: the entity classes each relation may link, read from ``mlkg.ttl``.

The graph stage keeps only facts whose subject and object types fit the property's
domain and range, so a built graph always passes the SHACL shapes; the rest are counted.

Example:
    >>> sig = relation_signatures()
    >>> sorted(t.value for t in sig[RelationType.TRAINED_ON].domain)
    ['Method', 'Model']
    >>> sorted(t.value for t in sig[RelationType.VARIANT_OF].range)
    ['Model']
    >>> sorted(t.value for t in result_link_ranges()["model"])
    ['Method', 'Model']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection

from kg.errors import MlkgError
from kg.records import EntityType, RelationType
from kg.resources import ONTOLOGY_DIR
from kg.vocab import ENTITY_CLASS, MLKG, RELATION_PROPERTY

ONTOLOGY_FILE = ONTOLOGY_DIR / "mlkg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"

_CLASS_TYPE = {cls: t for t, cls in ENTITY_CLASS.items()}


@dataclass(frozen=True)
class Signature:
    """Entity types a relation may start from (``domain``) and point to (``range``)."""

    domain: frozenset[EntityType]
    range: frozenset[EntityType]

    def allows(self, subject: EntityType, obj: EntityType) -> bool:
        return subject in self.domain and obj in self.range


def _entity_types(graph: Graph, cls: URIRef) -> frozenset[EntityType]:
    if cls == MLKG.Entity:
        return frozenset(EntityType)
    if cls in _CLASS_TYPE:
        return frozenset({_CLASS_TYPE[cls]})
    members = graph.value(cls, OWL.unionOf)
    if members is None:
        raise MlkgError(f"{ONTOLOGY_FILE.name}: {cls} is neither an entity class nor a union of them")
    types: set[EntityType] = set()
    for member in Collection(graph, members):
        types |= _entity_types(graph, URIRef(member))
    return frozenset(types)


@cache
def relation_signatures(path: Path = ONTOLOGY_FILE) -> dict[RelationType, Signature]:
    """Domain and range of every entity-entity relation (``proposes``: any entity)."""
    graph = Graph().parse(path, format="turtle")
    signatures: dict[RelationType, Signature] = {}
    for relation, prop in RELATION_PROPERTY.items():
        domain = graph.value(prop, RDFS.domain)
        rng = graph.value(prop, RDFS.range)
        if domain is None or rng is None or (prop, RDF.type, OWL.ObjectProperty) not in graph:
            raise MlkgError(
                f"{path.name}: {prop} needs rdf:type owl:ObjectProperty, rdfs:domain and rdfs:range"
            )
        if relation is RelationType.PROPOSES:
            signatures[relation] = Signature(frozenset(), _entity_types(graph, URIRef(rng)))
        else:
            signatures[relation] = Signature(
                _entity_types(graph, URIRef(domain)), _entity_types(graph, URIRef(rng))
            )
    return signatures


@cache
def result_link_ranges(path: Path = ONTOLOGY_FILE) -> dict[str, frozenset[EntityType]]:
    """Entity types a Result's ``model``, ``dataset`` and ``metric`` links may point to."""
    graph = Graph().parse(path, format="turtle")
    links = {"model": MLKG.ofModel, "dataset": MLKG.onDataset, "metric": MLKG.withMetric}
    ranges: dict[str, frozenset[EntityType]] = {}
    for name, prop in links.items():
        rng = graph.value(prop, RDFS.range)
        if rng is None:
            raise MlkgError(f"{path.name}: {prop} needs an rdfs:range")
        ranges[name] = _entity_types(graph, URIRef(rng))
    return ranges
