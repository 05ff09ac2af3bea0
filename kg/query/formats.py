"""Query answers as text: a readable table for people, the W3C result formats for programs.

JSON, XML, CSV and TSV are written by pyoxigraph's own serialisers, so they follow the
W3C specifications (``application/sparql-results+json`` and friends) exactly; the answer is
first passed through TSV, the one lossless format whose terms are N-Triples, which lets a
capped, already-materialised answer use those serialisers too.

Example:
    >>> import pyoxigraph as ox
    >>> from rdflib.namespace import XSD
    >>> from kg.query.engine import QueryAnswer, standard_prefixes
    >>> model = ox.NamedNode(standard_prefixes()["model"] + "vit-b-16")
    >>> three = ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer)))
    >>> answer = QueryAnswer(kind="select", variables=("m", "n"), rows=((model, three),))
    >>> print(render_table(answer, standard_prefixes()))
    ?m             | ?n
    ---------------+---
    model:vit-b-16 | 3
    (1 row)
    >>> serialize_answer(answer, "csv")  # RFC 4180 line ends, as the W3C CSV format says
    b'm,n\\r\\nhttps://w3id.org/mlkg/resource/model/vit-b-16,3\\r\\n'
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import MlkgError
from kg.query.engine import QueryAnswer, Term

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
# what a graph answer becomes when a results format was asked for, and the reverse
GRAPH_FALLBACK = {"json": "jsonld", "xml": "rdfxml", "csv": "ntriples", "tsv": "ntriples"}

_LOCAL_NAME = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")


def shorten_iri(iri: str, prefixes: dict[str, str]) -> str:
    """``model:vit-b-16`` for a known namespace, ``<iri>`` otherwise (the longest namespace wins).

    >>> shorten_iri("https://w3id.org/mlkg/ontology#Paper", {"mlkg": "https://w3id.org/mlkg/ontology#"})
    'mlkg:Paper'
    >>> shorten_iri("http://example.org/x", {"mlkg": "https://w3id.org/mlkg/ontology#"})
    '<http://example.org/x>'
    """
    best = ""
    best_prefix = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            local = iri[len(namespace) :]
            if local == "" or _LOCAL_NAME.match(local):
                best, best_prefix = namespace, prefix
    if not best:
        return f"<{iri}>"
    return f"{best_prefix}:{iri[len(best) :]}"


def display_term(term: Term | None, prefixes: dict[str, str]) -> str:
    """A term as a person reads it: short IRIs, literal values without quotes or datatypes."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{term.value}@{term.language}"
        return term.value
    return str(term)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    if width and len(text) > width:
        return text[: width - 1] + "…"
    return text


def render_table(answer: QueryAnswer, prefixes: dict[str, str], max_width: int = 60) -> str:
    """A plain-text table (or ``true``/``false``, or Turtle for graphs) for a terminal."""
    if answer.kind == "ask":
        return "true" if answer.boolean else "false"
    if answer.kind == "graph":
        return serialize_answer(answer, "turtle", prefixes).decode("utf-8").rstrip("\n")
    header = [f"?{v}" for v in answer.variables]
    cells = [[_clip(display_term(t, prefixes), max_width) for t in row] for row in answer.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    count = len(answer.rows)
    footer = f"({count} row{'s' if count != 1 else ''}"
    footer += ", more were cut off by the result cap)" if answer.truncated else ")"
    lines.append(footer)
    return "\n".join(lines)


def as_tsv(answer: QueryAnswer) -> str:
    """The W3C TSV form of a SELECT answer (terms in N-Triples syntax, unbound = empty)."""
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in answer.rows]
    return "\n".join(lines) + "\n"


def serialize_answer(answer: QueryAnswer, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Bytes of ``answer`` in ``fmt`` (a key of ``RESULT_FORMATS`` or ``GRAPH_FORMATS``)."""
    if answer.kind == "graph":
        fmt = GRAPH_FALLBACK.get(fmt, fmt)
        if fmt not in GRAPH_FORMATS:
            choices = ", ".join(GRAPH_FORMATS)
            raise MlkgError(f"a graph answer cannot be written as {fmt!r}: use one of {choices}")
        return ox.serialize(list(answer.triples), format=GRAPH_FORMATS[fmt], prefixes=prefixes or {}) or b""
    if fmt not in RESULT_FORMATS:
        choices = ", ".join(RESULT_FORMATS)
        raise MlkgError(f"a {answer.kind.upper()} answer cannot be written as {fmt!r}: use one of {choices}")
    if answer.kind == "ask":
        parsed = ox.parse_query_results(
            '{"head":{},"boolean":%s}' % ("true" if answer.boolean else "false"), ox.QueryResultsFormat.JSON
        )
    else:
        parsed = ox.parse_query_results(as_tsv(answer), ox.QueryResultsFormat.TSV)
    return parsed.serialize(format=RESULT_FORMATS[fmt]) or b""
