"""kg/query/formats.py: W3C result formats and a readable table."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query.engine import execute, open_store, standard_prefixes
from kg.query.formats import render_table, serialize_answer

QUERY = """SELECT ?paper ?title ?issued ?missing WHERE {
  ?paper dcterms:title ?title ; dcterms:issued ?issued .
  OPTIONAL { ?paper mlkg:upvotes ?missing }
} ORDER BY ?issued"""


@pytest.fixture(scope="module")
def answer(mini_graph: Path):
    return execute(open_store(mini_graph), QUERY)


def test_json_follows_the_sparql_results_json_shape(answer) -> None:
    data = json.loads(serialize_answer(answer, "json"))
    assert data["head"]["vars"] == ["paper", "title", "issued", "missing"]
    first = data["results"]["bindings"][0]
    assert first["paper"] == {"type": "uri", "value": "https://w3id.org/mlkg/resource/paper/2210.09461"}
    assert first["issued"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert first["issued"]["value"] == "2022-10-17"
    assert "missing" not in first  # unbound variables are left out of a binding


def test_csv_has_plain_values_and_empty_unbound(answer) -> None:
    rows = list(csv.reader(io.StringIO(serialize_answer(answer, "csv").decode("utf-8"))))
    assert rows[0] == ["paper", "title", "issued", "missing"]
    assert rows[1] == [
        "https://w3id.org/mlkg/resource/paper/2210.09461",
        "Token Merging: Your ViT But Faster",
        "2022-10-17",
        "",
    ]
    assert len(rows) == 4


def test_tsv_writes_terms_in_ntriples_syntax(answer) -> None:
    lines = serialize_answer(answer, "tsv").decode("utf-8").splitlines()
    assert lines[0] == "?paper\t?title\t?issued\t?missing"
    assert lines[1].split("\t")[0] == "<https://w3id.org/mlkg/resource/paper/2210.09461>"
    assert '"2022-10-17"^^<http://www.w3.org/2001/XMLSchema#date>' in lines[1]
    parsed = list(ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV))
    assert len(parsed) == 3


def test_ask_answers_in_every_results_format(mini_graph: Path) -> None:
    answer = execute(open_store(mini_graph), "ASK { model:vit-l mlkg:variantOf model:vit }")
    assert json.loads(serialize_answer(answer, "json")) == {"head": {}, "boolean": True}
    assert b"<boolean>true</boolean>" in serialize_answer(answer, "xml")
    assert render_table(answer, standard_prefixes()) == "true"


def test_table_shortens_iris_and_counts_rows(answer) -> None:
    table = render_table(answer, standard_prefixes(), max_width=20)
    lines = table.splitlines()
    assert lines[0].split(" | ")[0].strip() == "?paper"
    assert lines[2].startswith("paper:2210.09461 ")
    assert "Token Merging: Your…" in lines[2]
    assert lines[-1] == "(3 rows)"


def test_graph_answers_become_turtle_with_prefixes(mini_graph: Path) -> None:
    answer = execute(open_store(mini_graph), "CONSTRUCT WHERE { model:vit-l mlkg:variantOf ?f }")
    turtle = serialize_answer(answer, "turtle", standard_prefixes()).decode("utf-8")
    assert "model:vit-l mlkg:variantOf model:vit" in turtle
    assert serialize_answer(answer, "ntriples").decode("utf-8") == (
        "<https://w3id.org/mlkg/resource/model/vit-l> <https://w3id.org/mlkg/ontology#variantOf> "
        "<https://w3id.org/mlkg/resource/model/vit> .\n"
    )
