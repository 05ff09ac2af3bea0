"""kg/query/engine.py: the read-only store, predeclared prefixes, people-readable errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import MlkgError
from kg.query.engine import (
    FederationRefusedError,
    QuerySyntaxError,
    ReadOnlyError,
    StoreMissingError,
    execute,
    open_store,
)


@pytest.fixture(scope="module")
def store(mini_graph: Path):
    return open_store(mini_graph)


def test_select_uses_predeclared_prefixes(store) -> None:
    answer = execute(store, "SELECT ?label WHERE { model:tinyclip mlkg:trainedOn ?d . ?d rdfs:label ?label }")
    assert answer.kind == "select"
    assert answer.variables == ("label",)
    assert [row[0].value for row in answer.rows] == ["YFCC-15M"]


def test_ask_and_construct_and_describe(store) -> None:
    assert execute(store, "ASK { paper:2210.09461 mlkg:proposes method:token-merging }").boolean is True
    assert execute(store, "ASK { paper:2210.09461 mlkg:proposes model:tinyclip }").boolean is False
    graph = execute(
        store, "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m mlkg:variantOf model:vit ; rdfs:label ?l }"
    )
    assert graph.kind == "graph"
    assert sorted(t.object.value for t in graph.triples) == ["ViT-B/16", "ViT-L"]
    described = execute(store, "DESCRIBE dataset:coco")
    assert {t.predicate.value.rsplit("#", 1)[-1] for t in described.triples} >= {"label", "type"}


def test_result_cap_truncates_and_says_so(store) -> None:
    answer = execute(store, "SELECT ?p WHERE { ?p a mlkg:Paper }", max_results=2)
    assert len(answer.rows) == 2
    assert answer.truncated
    assert not execute(store, "SELECT ?p WHERE { ?p a mlkg:Paper }", max_results=3).truncated


def test_syntax_error_names_line_and_column(store) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        execute(store, "SELECT ?x\nWHERE { ?x rdfs:label }")
    assert caught.value.line == 2
    assert caught.value.column is not None
    assert "line 2" in str(caught.value)
    assert "WHERE { ?x rdfs:label }" in str(caught.value)


def test_unknown_prefix_is_named(store) -> None:
    with pytest.raises(QuerySyntaxError, match="unknown prefix 'nope:'"):
        execute(store, "SELECT * WHERE { ?x nope:thing ?y }")


def test_long_parser_expectations_are_cut_short(store) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        execute(store, "SELECT ?x WHERE { ?x rdfs:label }")
    assert caught.value.reason.endswith("… (and more)")
    assert len(caught.value.reason) < 130


def test_updates_are_refused_before_parsing(store) -> None:
    with pytest.raises(ReadOnlyError, match="read-only"):
        execute(store, "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }")
    with pytest.raises(ReadOnlyError):
        execute(store, "DELETE WHERE { ?s ?p ?o }")
    assert execute(store, "ASK { ?s ?p ?o }").boolean  # nothing was deleted


def test_service_is_refused(store) -> None:
    with pytest.raises(FederationRefusedError):
        execute(store, "SELECT * WHERE { SERVICE <http://localhost:1/sparql> { ?s ?p ?o } }")


def test_missing_store_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(StoreMissingError, match="kg build"):
        open_store(tmp_path)
    assert issubclass(StoreMissingError, MlkgError)
