"""kg/query/sparql_text.py: updates and SERVICE are recognised lexically, never by keyword in data."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query.sparql_text import is_update, sparql_string_literal, uses_service


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "  delete where { ?s ?p ?o }",
        "PREFIX ex: <http://e/>\nBASE <http://b/>\n# comment\nDROP GRAPH ex:g",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_recognised(text: str) -> None:
    assert is_update(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * WHERE { ?s ?p "INSERT DATA" }',
        "# DELETE everything\nSELECT * WHERE { ?s ?p ?o }",
        "PREFIX insert: <http://e/>\nSELECT * WHERE { ?s insert:x ?o }",
        "ASK { ?s ?p <http://e/DELETE> }",
    ],
)
def test_queries_mentioning_update_words_are_not_updates(text: str) -> None:
    assert not is_update(text)


def test_service_only_counts_outside_strings_and_iris() -> None:
    assert uses_service("SELECT * { service <http://e/> { ?s ?p ?o } }")
    assert not uses_service('SELECT * { ?s ?p "SERVICE" . ?s ?q <http://e/SERVICE> } # SERVICE')


@pytest.mark.parametrize(
    "value", ["plain", 'quote " inside', "back\\slash", "new\nline\ttab", '"} ?s ?p ?o {"', "ünïcode ✓"]
)
def test_string_literal_round_trips_through_a_real_parser(value: str) -> None:
    store = ox.Store()
    answer = store.query(f"SELECT ?v WHERE {{ BIND({sparql_string_literal(value)} AS ?v) }}")
    assert [row["v"].value for row in answer] == [value]
