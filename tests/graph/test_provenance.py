"""Every extracted relation and every ``proposes`` has a statement node that says where it came from."""

from __future__ import annotations

from dataclasses import replace

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, XSD

from kg.graph import rdf_lines
from kg.iris import Iris
from kg.records import ResolvedCorpus
from kg.vocab import MLKG

from .conftest import MODE_SENTENCE, TINY_PROPOSE, TINY_SENTENCE

IRIS = Iris()
TINY = IRIS.paper("2309.12314")


def parse(corpus: ResolvedCorpus) -> Graph:
    return Graph().parse(data="\n".join(rdf_lines(corpus, IRIS)), format="nt")


def statements_about(graph: Graph, s, p, o) -> list:  # noqa: ANN001
    return [
        st
        for st in graph.subjects(RDF.subject, s)
        if (st, RDF.predicate, p) in graph and (st, RDF.object, o) in graph
    ]


def test_each_extracted_triple_is_asserted_and_reified(small_corpus: ResolvedCorpus) -> None:
    graph = parse(small_corpus)
    tiny, vit = IRIS.entity("model/tinyclip"), IRIS.entity("model/vit-b-16")
    assert (tiny, MLKG.outperforms, vit) in graph
    (statement,) = statements_about(graph, tiny, MLKG.outperforms, vit)  # two equal readings: one node
    assert str(statement).startswith("https://w3id.org/mlkg/resource/statement/")
    assert (statement, RDF.type, RDF.Statement) in graph
    assert list(graph.objects(statement, PROV.wasDerivedFrom)) == [TINY]
    assert list(graph.objects(statement, MLKG.evidence)) == [Literal(TINY_SENTENCE)]
    assert list(graph.objects(statement, MLKG.extractor)) == [Literal("pattern:surpassing")]
    (confidence,) = graph.objects(statement, MLKG.confidence)
    assert confidence.datatype == XSD.decimal and float(confidence) == 0.75  # the better of 0.75 and 0.6


def test_confidence_is_written_with_three_decimals(small_corpus: ResolvedCorpus) -> None:
    lines = rdf_lines(small_corpus, IRIS)
    confidences = [line for line in lines if str(MLKG.confidence) in line]
    assert confidences
    assert all('"^^<http://www.w3.org/2001/XMLSchema#decimal>' in line for line in confidences)
    assert {line.split('"')[1] for line in confidences} >= {"0.750", "0.900", "0.650"}


def test_proposes_has_a_statement_from_its_paper(small_corpus: ResolvedCorpus) -> None:
    graph = parse(small_corpus)
    (statement,) = statements_about(graph, TINY, MLKG.proposes, IRIS.entity("model/tinyclip"))
    assert graph.value(statement, MLKG.evidence) == Literal(TINY_PROPOSE)
    assert graph.value(statement, PROV.wasDerivedFrom) == TINY


def test_statement_per_paper_for_the_same_claim(small_corpus: ResolvedCorpus) -> None:
    vit_b16, vit_l14 = IRIS.entity("model/vit-b-16"), IRIS.entity("model/vit-l-14")
    fact = next(f for f in small_corpus.facts if f.subject == "model/vit-b-16")
    again = replace(fact, paper_id="2309.12314", evidence="ViT-B/16 beats ViT-L/14.", confidence=0.5)
    graph = parse(replace(small_corpus, facts=small_corpus.facts + (again,)))
    statements = statements_about(graph, vit_b16, MLKG.outperforms, vit_l14)
    assert len(statements) == 2
    assert {graph.value(s, MLKG.evidence) for s in statements} == {
        Literal(MODE_SENTENCE),
        Literal("ViT-B/16 beats ViT-L/14."),
    }


def test_statement_iris_come_from_content_not_order(small_corpus: ResolvedCorpus) -> None:
    forward = rdf_lines(small_corpus, IRIS)
    shuffled = replace(
        small_corpus,
        facts=small_corpus.facts[::-1],
        results=small_corpus.results[::-1],
        mentions=small_corpus.mentions[::-1],
    )
    backward = rdf_lines(shuffled, IRIS)
    assert forward == backward
    changed = replace(small_corpus.facts[0], evidence="We propose TinyCLIP, a smaller CLIP.")
    moved = rdf_lines(replace(small_corpus, facts=(changed,) + small_corpus.facts[1:]), IRIS)
    old = {line.split(" ")[0] for line in forward if "/statement/" in line.split(" ")[0]}
    new = {line.split(" ")[0] for line in moved if "/statement/" in line.split(" ")[0]}
    assert len(old - new) == 1 and len(new - old) == 1


def test_lexicon_family_links_have_no_statement(small_corpus: ResolvedCorpus) -> None:
    graph = parse(small_corpus)
    assert (IRIS.entity("model/vit-l-14"), MLKG.variantOf, IRIS.entity("model/vit")) in graph
    assert not list(graph.subjects(RDF.predicate, MLKG.variantOf))


def test_mentions_have_no_statement_nodes(small_corpus: ResolvedCorpus) -> None:
    graph = parse(small_corpus)
    assert not list(graph.subjects(RDF.predicate, MLKG.mentions))


def test_results_carry_their_evidence_and_confidence(small_corpus: ResolvedCorpus) -> None:
    graph = parse(small_corpus)
    for result in graph.subjects(RDF.type, MLKG.Result):
        assert graph.value(result, PROV.wasDerivedFrom) == TINY
        assert graph.value(result, MLKG.evidence) == Literal(TINY_SENTENCE)
        assert graph.value(result, MLKG.extractor) == Literal("result:percent")
        assert 0 <= float(graph.value(result, MLKG.confidence)) <= 1
