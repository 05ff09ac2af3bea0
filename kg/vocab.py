"""The ontology as code: ``MLKG.Paper``, ``MLKG.trainedOn`` ... fail loudly when misspelt.

Other vocabularies mlkg aligns to are named here too, so no IRI string appears elsewhere.

Example:
    >>> from kg.vocab import MLKG
    >>> str(MLKG.trainedOn)
    'https://w3id.org/mlkg/ontology#trainedOn'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.records import EntityType, RelationType

ONTOLOGY_IRI = "https://w3id.org/mlkg/ontology#"
DEFAULT_BASE = "https://w3id.org/mlkg/resource/"


class MLKG(DefinedNamespace):
    """Terms of ``ontology/mlkg.ttl`` (the contract in the design notes)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # classes
    Paper: URIRef
    Entity: URIRef
    Model: URIRef
    Dataset: URIRef
    Method: URIRef
    Hardware: URIRef
    Task: URIRef
    Metric: URIRef
    Result: URIRef
    # paper properties
    authorCount: URIRef
    upvotes: URIRef
    organisation: URIRef
    # paper -> entity
    mentions: URIRef
    proposes: URIRef
    # entity -> entity
    trainedOn: URIRef
    evaluatedOn: URIRef
    runsOn: URIRef
    outperforms: URIRef
    variantOf: URIRef
    usesMethod: URIRef
    addressesTask: URIRef
    # results
    reports: URIRef
    ofModel: URIRef
    onDataset: URIRef
    withMetric: URIRef
    value: URIRef
    unit: URIRef
    # provenance
    evidence: URIRef
    confidence: URIRef
    extractor: URIRef


SCHEMA = Namespace("https://schema.org/")
MLS = Namespace("http://www.w3.org/ns/mls#")
FABIO = Namespace("http://purl.org/spar/fabio/")
IT6 = Namespace("http://data.europa.eu/it6/")
MLSO = Namespace("http://w3id.org/mlso/")
DQV = Namespace("http://www.w3.org/ns/dqv#")
OA = Namespace("http://www.w3.org/ns/oa#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

ENTITY_CLASS: dict[EntityType, URIRef] = {t: MLKG[t.value] for t in EntityType}
RELATION_PROPERTY: dict[RelationType, URIRef] = {r: MLKG[r.value] for r in RelationType}
