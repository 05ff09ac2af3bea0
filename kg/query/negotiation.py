"""HTTP content negotiation for SPARQL answers: which format a client's ``Accept`` asks for.

SELECT and ASK answers come as SPARQL results (JSON, XML, CSV, TSV); CONSTRUCT and
DESCRIBE answers as RDF (Turtle, N-Triples, JSON-LD, RDF/XML). The first acceptable type in
order of ``q`` wins; ``None`` means nothing the client accepts can be produced (HTTP 406).

Example:
    >>> choose_format("application/sparql-results+xml;q=0.5, text/csv", "select")
    'csv'
    >>> choose_format("text/html,application/xhtml+xml,*/*;q=0.8", "graph")
    'turtle'
    >>> choose_format("text/turtle", "select") is None
    True
"""

from __future__ import annotations

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "*/*": "json",
    "application/*": "json",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "*/*": "turtle",
    "text/*": "turtle",
    "application/*": "turtle",
}
FORMAT_NAMES = {"json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"}


def parse_accept(header: str) -> list[str]:
    """Media types of an ``Accept`` header, most preferred first (``q=0`` dropped, ties keep order)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, media))
    return [media for _, _, media in sorted(ranked)]


def choose_format(accept: str | None, kind: str) -> str | None:
    """The format name for an answer of ``kind`` (select, ask, graph), or ``None`` (406)."""
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    if not accept or not accept.strip():
        return table["*/*"]
    for media in parse_accept(accept):
        if media in table:
            return table[media]
    return None


def acceptable_types(kind: str) -> list[str]:
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    return [media for media in table if "*" not in media]
