"""kg/query/server.py: `kg serve` answers real HTTP clients, negotiates formats, refuses updates,
stops runaway queries and renders an escaped page. The server runs as a subprocess on a free
loopback port, started through the real command line."""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

MAX_RESULTS = 10
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(mini_graph: Path) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "kg",
        "serve",
        "--graph",
        str(mini_graph),
        "--port",
        str(port),
        "--timeout",
        "1",
        "--max-results",
        str(MAX_RESULTS),
    ]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("kg serve did not start: " + server.stderr.read().decode())
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_get_returns_sparql_json(endpoint: str) -> None:
    query = "SELECT ?label WHERE { model:tinyclip mlkg:outperforms ?m . ?m rdfs:label ?label }"
    response = httpx.get(endpoint + "/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert response.json()["results"]["bindings"] == [{"label": {"type": "literal", "value": "CLIP"}}]


def test_post_form_and_post_query_body(endpoint: str) -> None:
    query = "SELECT ?d WHERE { model:tinyclip mlkg:trainedOn ?d }"
    form = httpx.post(endpoint + "/sparql", data={"query": query}, timeout=30)
    direct = httpx.post(
        endpoint + "/sparql",
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    expected = [{"d": {"type": "uri", "value": "https://w3id.org/mlkg/resource/dataset/yfcc-15m"}}]
    assert form.json()["results"]["bindings"] == expected
    assert direct.json()["results"]["bindings"] == expected


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/html, application/sparql-results+json;q=0.9", "application/sparql-results+json"),
    ],
)
def test_select_results_follow_accept(endpoint: str, accept: str, media: str) -> None:
    query = "SELECT ?label WHERE { ?m mlkg:variantOf model:vit ; rdfs:label ?label } ORDER BY ?label"
    response = httpx.get(
        endpoint + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    if media == "text/csv":
        assert list(csv.reader(io.StringIO(response.text))) == [["label"], ["ViT-B/16"], ["ViT-L"]]
    if media == "text/tab-separated-values":
        assert response.text.splitlines() == ["?label", '"ViT-B/16"', '"ViT-L"']


def test_construct_answers_in_turtle_or_ntriples(endpoint: str) -> None:
    query = "CONSTRUCT WHERE { model:vit-l mlkg:runsOn ?h }"
    turtle = httpx.get(
        endpoint + "/sparql", params={"query": query}, headers={"Accept": "text/turtle"}, timeout=30
    )
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert "model:vit-l mlkg:runsOn hardware:a100" in turtle.text
    nt = httpx.get(
        endpoint + "/sparql", params={"query": query}, headers={"Accept": "application/n-triples"}, timeout=30
    )
    assert nt.text == (
        "<https://w3id.org/mlkg/resource/model/vit-l> <https://w3id.org/mlkg/ontology#runsOn> "
        "<https://w3id.org/mlkg/resource/hardware/a100> .\n"
    )


def test_unproducible_accept_is_406(endpoint: str) -> None:
    response = httpx.get(
        endpoint + "/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
        headers={"Accept": "text/turtle"},
        timeout=30,
    )
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"update": "CLEAR ALL"}},
        {"content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"data": {"query": "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"}},
    ],
)
def test_updates_are_refused_with_403(endpoint: str, request_kwargs: dict) -> None:
    response = httpx.post(endpoint + "/sparql", timeout=30, **request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text
    count = httpx.get(endpoint + "/sparql", params={"query": "ASK { ?p a mlkg:Paper }"}, timeout=30)
    assert count.json()["boolean"] is True


def test_syntax_error_is_400_with_position(endpoint: str) -> None:
    response = httpx.get(endpoint + "/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"}, timeout=30)
    assert response.status_code == 400
    assert "line 1, column" in response.text


def test_runaway_query_is_stopped_and_the_server_recovers(endpoint: str) -> None:
    # five-way cross product of ~150 triples: ~10^11 rows, far beyond any sane run time
    response = httpx.post(endpoint + "/sparql", data={"query": EXPLOSIVE}, timeout=60)
    assert response.status_code == 503
    assert "timed out" in response.text
    after = httpx.get(endpoint + "/sparql", params={"query": "ASK { model:vit a mlkg:Model }"}, timeout=60)
    assert after.json() == {"head": {}, "boolean": True}


def test_result_cap_cuts_rows_and_says_so(endpoint: str) -> None:
    response = httpx.get(
        endpoint + "/sparql", params={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"}, timeout=30
    )
    assert len(response.json()["results"]["bindings"]) == MAX_RESULTS
    assert response.headers["x-mlkg-truncated"].startswith("true")


def test_sparqlwrapper_reads_the_endpoint(endpoint: str) -> None:
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?label WHERE { <https://w3id.org/mlkg/resource/dataset/coco> rdfs:label ?label }"
    )
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == ["COCO"]


def test_page_loads_with_editor_and_saved_questions(endpoint: str) -> None:
    response = httpx.get(endpoint + "/", timeout=30)
    assert response.status_code == 200
    assert '<textarea id="query" name="query"' in response.text
    assert 'href="/?example=top-datasets"' in response.text
    assert 'href="/kg.html"' in response.text
    assert httpx.get(endpoint + "/kg.html", timeout=30).text.startswith("<!doctype html>")


def test_page_escapes_every_value(endpoint: str) -> None:
    query = "SELECT ?title WHERE { ?p dcterms:title ?title FILTER(CONTAINS(?title, 'script')) }"
    response = httpx.get(endpoint + "/", params={"query": query}, timeout=30)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; friends" in response.text
    assert "<script>alert" not in response.text


def test_page_runs_a_saved_question(endpoint: str) -> None:
    response = httpx.get(endpoint + "/", params={"example": "model-variants"}, timeout=30)
    assert "<td>model:vit-b-16</td><td>ViT-B/16</td><td>2</td>" in response.text
