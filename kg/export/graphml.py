"""The NetworkX view as GraphML (``kg.graphml``), written atomically and byte-stable."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.files import atomic_path


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write ``graph`` as GraphML, nodes and edges in the order they were added (sorted by the builder)."""
    with atomic_path(path) as tmp:
        nx.write_graphml(graph, tmp, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return path
