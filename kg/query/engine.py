"""SPARQL over the embedded pyoxigraph store that ``kg build`` writes to ``<graph dir>/store``.

The store is opened read-only, the usual prefixes are declared for every query, and every
failure a person can cause (no store yet, a typo in the query, an update) becomes an
``MlkgError`` that says what to do.

Example:
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> vit = ox.NamedNode(DEFAULT_BASE + "model/vit")
    >>> store.add(ox.Quad(vit, ox.NamedNode(str(RDFS.label)), ox.Literal("ViT")))
    >>> answer = execute(store, "SELECT ?m ?label WHERE { ?m rdfs:label ?label }")
    >>> answer.kind, answer.variables, answer.rows[0][1].value
    ('select', ('m', 'label'), 'ViT')
    >>> execute(store, "ASK { model:vit rdfs:label 'ViT' }").boolean
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import MlkgError
from kg.query.sparql_text import is_update, uses_service
from kg.vocab import DEFAULT_BASE, MLKG, SCHEMA

RESOURCE_KINDS = ("paper", "model", "dataset", "method", "hardware", "task", "metric", "statement", "result")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def standard_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes every query may use without declaring them (``model:vit-b-16`` and so on)."""
    prefixes = {
        "mlkg": str(MLKG._NS),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "owl": str(OWL),
        "skos": str(SKOS),
        "dcterms": str(DCTERMS),
        "prov": str(PROV),
        "xsd": str(XSD),
        "schema": str(SCHEMA),
        "res": base,
    }
    prefixes.update({kind: f"{base}{kind}/" for kind in RESOURCE_KINDS})
    return prefixes


class StoreMissingError(MlkgError):
    """The graph directory has no store: the graph has not been built there."""


def _shorten_reason(message: str, limit: int = 100) -> str:
    """The parser lists every token it would accept; a person needs the first few.

    >>> _shorten_reason('expected one of "(", "*", "+", "-", ".", "/"', limit=30)
    'expected one of "(", "*", … (and more)'
    """
    message = " ".join(message.split())
    if len(message) <= limit:
        return message
    cut = message.rfind(", ", 0, limit)
    return message[: cut if cut > 0 else limit] + ", … (and more)"


_PREFIXED_NAME_END = re.compile(r"([A-Za-z][\w.\-]*)?:[\w.\-]*$")


def _unknown_prefix(query: str, line: int | None, column: int | None) -> str:
    """Name the undeclared prefix instead of the parser's list of expected characters."""
    lines = query.splitlines()
    if line is None or column is None or not 1 <= line <= len(lines):
        return "unknown prefix (declare it with PREFIX)"
    match = _PREFIXED_NAME_END.search(lines[line - 1][: column - 1])
    name = match.group(1) or "" if match else ""
    return f"unknown prefix '{name}:' (declare it with PREFIX; 'kg query --help' lists the predeclared ones)"


class QuerySyntaxError(MlkgError):
    """A query the parser rejects, with the 1-based line and column it stopped at."""

    def __init__(self, query: str, message: str, line: int | None, column: int | None) -> None:
        message = _unknown_prefix(query, line, column) if "Prefix not found" in message else message
        message = _shorten_reason(message)
        self.reason = message
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line is not None else ""
        text = f"SPARQL syntax error at {where}{message}"
        if line is not None and column is not None:
            lines = query.splitlines() or [""]
            if 1 <= line <= len(lines):
                text += f"\n    {lines[line - 1]}\n    {' ' * max(column - 1, 0)}^"
        super().__init__(text)


class ReadOnlyError(MlkgError):
    """A SPARQL Update sent to the read-only graph."""


class FederationRefusedError(MlkgError):
    """A ``SERVICE`` clause: mlkg answers from its own graph and never calls out to the network."""


@dataclass(frozen=True)
class QueryAnswer:
    """What a query returned: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    ``truncated`` is true when more rows or triples existed than the cap let through.
    """

    kind: str  # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    truncated: bool = False

    @property
    def size(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)


def store_path(graph_dir: str | Path) -> Path:
    return Path(graph_dir) / "store"


def open_store(graph_dir: str | Path) -> ox.Store:
    """Open ``<graph_dir>/store`` read-only (several readers may share it)."""
    path = store_path(graph_dir)
    if not path.is_dir():
        raise StoreMissingError(
            f"no SPARQL store at {path}: run 'kg build' first (or point --graph at a build output directory)"
        )
    try:
        return ox.Store.read_only(str(path))
    except OSError as error:
        raise MlkgError(f"cannot open the store at {path}: {error} (rebuild it with 'kg build')") from error


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def check_allowed(query: str) -> None:
    """Refuse updates and federated queries before the parser sees them."""
    if is_update(query):
        raise ReadOnlyError(
            "SPARQL Update is not allowed: the mlkg graph is read-only (rebuild it with 'kg build')"
        )
    if uses_service(query):
        raise FederationRefusedError(
            "SERVICE (federated query) is not allowed: mlkg only answers from its own graph"
        )


def execute(
    store: ox.Store,
    query: str,
    *,
    base: str = DEFAULT_BASE,
    max_results: int | None = None,
    default_graphs: tuple[str, ...] = (),
    named_graphs: tuple[str, ...] = (),
) -> QueryAnswer:
    """Run one SPARQL query and materialise at most ``max_results`` rows or triples."""
    check_allowed(query)
    options: dict[str, object] = {"prefixes": standard_prefixes(base)}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    try:
        result = store.query(query, **options)
    except SyntaxError as error:
        match = _POSITION.match(str(error))
        if match:
            raise QuerySyntaxError(query, match.group(3), int(match.group(1)), int(match.group(2))) from None
        raise QuerySyntaxError(query, str(error), None, None) from None
    except OSError as error:
        raise MlkgError(f"the store failed while answering: {error}") from error
    return _materialise(result, max_results)


def _materialise(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, cap: int | None
) -> QueryAnswer:
    try:
        if isinstance(result, ox.QueryBoolean):
            return QueryAnswer(kind="ask", boolean=bool(result))
        limit = None if cap is None else cap + 1
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = [tuple(solution) for solution in islice(result, limit)]
            truncated = cap is not None and len(rows) > cap
            return QueryAnswer(
                kind="select", variables=variables, rows=tuple(rows[:cap]), truncated=truncated
            )
        triples = list(islice(result, limit))
        truncated = cap is not None and len(triples) > cap
        return QueryAnswer(kind="graph", triples=tuple(triples[:cap]), truncated=truncated)
    except (OSError, ValueError) as error:
        # evaluation errors surface while iterating (e.g. a failing SERVICE-free extension)
        raise MlkgError(f"the query failed while running: {error}") from error
