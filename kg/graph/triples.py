"""Records -> N-Triples lines: papers, entities, mentions and asserted relations.

The graph is produced as text, one line per triple, sorted and de-duplicated, because
that is what Oxigraph bulk-loads fastest and what makes every output byte-stable.
Provenance (statements) and results are added by :mod:`kg.graph.provenance`.

Example:
    >>> from kg.records import Entity, EntityType, Paper, ResolvedCorpus, SourceRef
    >>> paper = Paper(id="2309.12314", title="TinyCLIP", abstract="We propose TinyCLIP.",
    ...               sources=(SourceRef("data/a.txt", 3),))
    >>> vit = Entity(key="model/vit-b-16", label="ViT-B/16", type=EntityType.MODEL, aliases=("ViT-B-16",))
    >>> corpus = ResolvedCorpus(papers=(paper,), entities=(vit,), mentions=(), facts=(), results=())
    >>> lines = rdf_lines(corpus, Iris())
    >>> [l.split(" ", 1)[1] for l in lines if "altLabel" in l]
    ['<http://www.w3.org/2004/02/skos/core#altLabel> "ViT-B-16" .']
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.graph import terms
from kg.graph.claims import GraphContent, graph_content
from kg.graph.provenance import result_triples, statement_triples
from kg.iris import Iris
from kg.records import Entity, Paper, RelationType, ResolvedCorpus
from kg.vocab import ENTITY_CLASS, MLKG

Triple = tuple[str, str, str]

TYPE = terms.iri(str(RDF.type))
LABEL = terms.iri(str(RDFS.label))
SEE_ALSO = terms.iri(str(RDFS.seeAlso))
ALT_LABEL = terms.iri(str(SKOS.altLabel))
TITLE = terms.iri(str(DCTERMS.title))
ABSTRACT = terms.iri(str(DCTERMS.abstract))
IDENTIFIER = terms.iri(str(DCTERMS.identifier))
ISSUED = terms.iri(str(DCTERMS.issued))
SOURCE = terms.iri(str(DCTERMS.source))
PAPER_CLASS = terms.iri(str(MLKG.Paper))
AUTHOR_COUNT = terms.iri(str(MLKG.authorCount))
UPVOTES = terms.iri(str(MLKG.upvotes))
ORGANISATION = terms.iri(str(MLKG.organisation))


def paper_triples(paper: Paper, iris: Iris) -> Iterator[Triple]:
    node = terms.iri(str(iris.paper(paper.id)))
    yield node, TYPE, PAPER_CLASS
    yield node, TITLE, terms.text(paper.title)
    yield node, IDENTIFIER, terms.text(paper.id)
    if paper.abstract:
        yield node, ABSTRACT, terms.text(paper.abstract)
    if paper.date is not None:
        yield node, ISSUED, terms.typed(paper.date.isoformat(), terms.XSD_DATE)
    author_count = paper.author_count if paper.author_count is not None else len(paper.authors) or None
    if author_count is not None:
        yield node, AUTHOR_COUNT, terms.typed(str(author_count), terms.XSD_NON_NEGATIVE_INTEGER)
    if paper.upvotes is not None:
        yield node, UPVOTES, terms.typed(str(paper.upvotes), terms.XSD_NON_NEGATIVE_INTEGER)
    if paper.organisation:
        yield node, ORGANISATION, terms.text(paper.organisation)
    for source in paper.sources:
        yield node, SOURCE, terms.text(f"{source.path}:{source.line}")
    if paper.url and terms.is_valid_iri(paper.url):
        yield node, SEE_ALSO, terms.iri(paper.url)


def entity_triples(entity: Entity, iris: Iris) -> Iterator[Triple]:
    node = terms.iri(str(iris.entity(entity.key)))
    yield node, TYPE, terms.iri(str(ENTITY_CLASS[entity.type]))
    yield node, LABEL, terms.text(entity.label)
    for alias in entity.aliases:
        if alias != entity.label:
            yield node, ALT_LABEL, terms.text(alias)


def content_triples(content: GraphContent, iris: Iris) -> Iterator[Triple]:
    """Every triple of the graph, unsorted (duplicates possible)."""
    for paper in content.papers:
        yield from paper_triples(paper, iris)
    for entity in content.entities:
        yield from entity_triples(entity, iris)
    mentions = terms.iri(str(MLKG.mentions))
    for claim in content.mentions:
        yield terms.iri(str(iris.paper(claim.subject))), mentions, terms.iri(str(iris.entity(claim.object)))
    for claim in content.relations:
        is_paper = claim.predicate == RelationType.PROPOSES.value
        subject = iris.paper(claim.subject) if is_paper else iris.entity(claim.subject)
        predicate = MLKG[claim.predicate]
        obj = iris.entity(claim.object)
        yield terms.iri(str(subject)), terms.iri(str(predicate)), terms.iri(str(obj))
        yield from statement_triples(claim, subject, predicate, obj, iris)
    broader = terms.iri(str(SKOS.broader))
    for entity, family in content.broader:
        yield terms.iri(str(iris.entity(entity))), broader, terms.iri(str(iris.entity(family)))
    yield from result_triples(content.results, iris)


def rdf_lines(corpus: ResolvedCorpus | GraphContent, iris: Iris) -> list[str]:
    """The whole graph as sorted, unique N-Triples lines (no trailing newlines)."""
    content = corpus if isinstance(corpus, GraphContent) else graph_content(corpus)
    return sorted({terms.line(*triple) for triple in content_triples(content, iris)})
