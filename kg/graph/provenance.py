"""Where each claim came from: reified ``rdf:Statement`` nodes and ``mlkg:Result`` nodes.

Both get IRIs hashed from their content (triple, paper, sentence, extractor; or the
result's number, sentence and links), never blank nodes or counters, so the same input
names the same statement in every build and a statement can be cited.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.graph import terms
from kg.graph.claims import Claim
from kg.iris import Iris
from kg.records import ResolvedResult
from kg.vocab import MLKG

Triple = tuple[str, str, str]

TYPE = terms.iri(str(RDF.type))
STATEMENT = terms.iri(str(RDF.Statement))
SUBJECT = terms.iri(str(RDF.subject))
PREDICATE = terms.iri(str(RDF.predicate))
OBJECT = terms.iri(str(RDF.object))
DERIVED_FROM = terms.iri(str(PROV.wasDerivedFrom))
LABEL = terms.iri(str(RDFS.label))
EVIDENCE = terms.iri(str(MLKG.evidence))
CONFIDENCE = terms.iri(str(MLKG.confidence))
EXTRACTOR = terms.iri(str(MLKG.extractor))
RESULT = terms.iri(str(MLKG.Result))
REPORTS = terms.iri(str(MLKG.reports))
VALUE = terms.iri(str(MLKG.value))
UNIT = terms.iri(str(MLKG.unit))
RESULT_LINKS = {
    "model": terms.iri(str(MLKG.ofModel)),
    "dataset": terms.iri(str(MLKG.onDataset)),
    "metric": terms.iri(str(MLKG.withMetric)),
}


def confidence_literal(confidence: float) -> str:
    return terms.typed(terms.decimal_text(confidence), terms.XSD_DECIMAL)


def statement_iri(
    iris: Iris, subject: URIRef, predicate: URIRef, obj: URIRef, paper_id: str, sentence: str, extractor: str
) -> URIRef:
    """The content-derived IRI of one piece of evidence for one triple."""
    return iris.statement(subject, predicate, obj, paper_id, sentence, extractor)


def statement_triples(
    claim: Claim, subject: URIRef, predicate: URIRef, obj: URIRef, iris: Iris
) -> Iterator[Triple]:
    """One ``rdf:Statement`` per piece of evidence (paper, sentence, extractor) of ``claim``."""
    for evidence in claim.evidence:
        node = terms.iri(
            str(
                statement_iri(
                    iris, subject, predicate, obj, evidence.paper_id, evidence.sentence, evidence.extractor
                )
            )
        )
        yield node, TYPE, STATEMENT
        yield node, SUBJECT, terms.iri(str(subject))
        yield node, PREDICATE, terms.iri(str(predicate))
        yield node, OBJECT, terms.iri(str(obj))
        yield node, DERIVED_FROM, terms.iri(str(iris.paper(evidence.paper_id)))
        yield node, EVIDENCE, terms.text(evidence.sentence)
        yield node, CONFIDENCE, confidence_literal(evidence.confidence)
        yield node, EXTRACTOR, terms.text(evidence.extractor)


def result_iri(iris: Iris, result: ResolvedResult) -> URIRef:
    return iris.result(
        result.paper_id,
        format(result.value, "f"),
        result.unit,
        result.text,
        result.evidence,
        result.model or "",
        result.dataset or "",
        result.metric or "",
    )


def best_results(results: Iterable[ResolvedResult], iris: Iris) -> dict[URIRef, ResolvedResult]:
    """One result per content IRI: the most confident reading wins (then the extractor name)."""
    best: dict[URIRef, ResolvedResult] = {}
    for result in results:
        node = result_iri(iris, result)
        kept = best.get(node)
        if kept is None or (result.confidence, kept.extractor) > (kept.confidence, result.extractor):
            best[node] = result
    return dict(sorted(best.items()))


def result_triples(results: Iterable[ResolvedResult], iris: Iris) -> Iterator[Triple]:
    for node_iri, result in best_results(results, iris).items():
        node = terms.iri(str(node_iri))
        paper = terms.iri(str(iris.paper(result.paper_id)))
        yield node, TYPE, RESULT
        yield paper, REPORTS, node
        yield node, VALUE, terms.decimal_literal(result.value)
        if result.unit:
            yield node, UNIT, terms.text(result.unit)
        if result.text:
            yield node, LABEL, terms.text(result.text)
        for name, key in (("model", result.model), ("dataset", result.dataset), ("metric", result.metric)):
            if key is not None:
                yield node, RESULT_LINKS[name], terms.iri(str(iris.entity(key)))
        yield node, DERIVED_FROM, paper
        yield node, EVIDENCE, terms.text(result.evidence)
        yield node, CONFIDENCE, confidence_literal(result.confidence)
        yield node, EXTRACTOR, terms.text(result.extractor)
