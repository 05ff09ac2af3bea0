"""Read a built graph back: rdflib over the Oxigraph store, NetworkX from ``kg.graphml``."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.errors import InputError

STORE_DIR = "store"
GRAPHML_FILE = "kg.graphml"


def load_graph(out_dir: str | Path) -> Graph:
    """An rdflib Graph over the on-disk Oxigraph store of a build (read-only).

    SPARQL through ``Graph.query`` runs inside Oxigraph, so it is fast on large graphs.
    Plain strings come back typed ``xsd:string`` (RDF 1.1), so compare ``.toPython()`` values
    or ``str()`` rather than ``Literal("x")``.
    """
    import pyoxigraph as ox
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    store_dir = Path(out_dir) / STORE_DIR
    if not store_dir.is_dir():
        raise InputError(str(store_dir), None, "no graph store here: run 'kg build' first")
    try:
        store = ox.Store.read_only(str(store_dir))
    except OSError as error:
        raise InputError(str(store_dir), None, f"cannot open the graph store: {error}") from error
    return Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)


def load_networkx(out_dir: str | Path) -> nx.MultiDiGraph:
    """The NetworkX view a build wrote, with the same attributes and types as :func:`kg.graph.to_networkx`."""
    path = Path(out_dir) / GRAPHML_FILE
    if not path.is_file():
        raise InputError(str(path), None, "no GraphML file here: run 'kg build' first")
    graph = nx.read_graphml(path, force_multigraph=True)
    if not isinstance(graph, nx.MultiDiGraph):
        graph = nx.MultiDiGraph(graph)
    return graph
