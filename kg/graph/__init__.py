"""graph stage: the resolved corpus as RDF (N-Triples lines, Oxigraph store) and as NetworkX.

Public API: :func:`rdf_lines`, :func:`to_networkx`, :func:`load_graph`, :func:`load_networkx`,
:func:`validate_graph` / :func:`validate_path` / :func:`validate_lines`.
"""

from kg.graph.claims import GraphContent, graph_content
from kg.graph.load import load_graph, load_networkx
from kg.graph.networkx_view import to_networkx
from kg.graph.shacl import ValidationReport, Violation, validate_graph, validate_lines, validate_path
from kg.graph.store import prefixes, turtle_bytes, write_store
from kg.graph.triples import rdf_lines

__all__ = [
    "GraphContent",
    "ValidationReport",
    "Violation",
    "graph_content",
    "load_graph",
    "load_networkx",
    "prefixes",
    "rdf_lines",
    "to_networkx",
    "turtle_bytes",
    "validate_graph",
    "validate_lines",
    "validate_path",
    "write_store",
]
