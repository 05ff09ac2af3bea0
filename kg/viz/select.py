"""Which part of the graph a page shows: a focus neighbourhood, some classes, the top nodes.

A browser cannot lay out tens of thousands of nodes, and a researcher cannot read them, so
every view is a selection. The selection never changes the graph it reads.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p1", kind="Paper", label="A paper", aliases="")
    >>> g.add_node("m1", kind="Model", label="ViT", aliases="Vision Transformer")
    >>> g.add_node("d1", kind="Dataset", label="ImageNet", aliases="")
    >>> _ = g.add_edge("p1", "m1", key="mentions", predicate="mentions")
    >>> _ = g.add_edge("m1", "d1", key="evaluatedOn", predicate="evaluatedOn")
    >>> select_view(g, focus="vision transformer", hops=1).nodes
    ('d1', 'm1', 'p1')
    >>> select_view(g, classes=("Dataset",)).nodes
    ('d1',)
"""

from __future__ import annotations

import difflib
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.errors import MlkgError
from kg.viz.styles import NODE_KINDS

DEFAULT_MAX_NODES = 2000
DEFAULT_MAX_EDGES = 8000
_FOLD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class ViewSelection:
    """The nodes and edges one page draws, and how they were chosen (said on the page).

    ``edges`` are ``(source, target, key)`` triples; ``dropped_edges`` counts edges between
    shown nodes that were left out to keep the page responsive.
    """

    nodes: tuple[str, ...]
    degrees: tuple[int, ...]  # degree of each node in the whole graph, aligned with ``nodes``
    edges: tuple[tuple[str, str, str], ...]
    total_nodes: int
    total_edges: int
    ranked_by_degree: bool
    focus: tuple[str, ...] = ()
    hops: int = 0
    classes: tuple[str, ...] = ()
    dropped_edges: int = 0


def fold_name(text: str) -> str:
    """Case, spaces, hyphens and slashes folded, so ``ViT-B/16`` finds ``vit b 16``.

    Example:
        >>> fold_name("ViT-B/16") == fold_name("vit b 16")
        True
    """
    return _FOLD.sub("", text.casefold())


def parse_classes(text: str | None) -> tuple[str, ...]:
    """``"Model,Dataset"`` -> ``("Dataset", "Model")``; an unknown class name is an error for people.

    Example:
        >>> parse_classes("model, Dataset")
        ('Dataset', 'Model')
    """
    if not text:
        return ()
    by_fold = {kind.casefold(): kind for kind in NODE_KINDS}
    chosen: set[str] = set()
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        if name.casefold() not in by_fold:
            raise MlkgError(f"unknown class {name!r}; choose from {', '.join(NODE_KINDS)}")
        chosen.add(by_fold[name.casefold()])
    return tuple(sorted(chosen))


def _names(data: dict) -> list[str]:
    aliases = [a.strip() for a in str(data.get("aliases", "") or "").split("|")]
    return [str(data.get("label", "") or "")] + [a for a in aliases if a]


def find_focus(graph: nx.MultiDiGraph, name: str) -> tuple[str, ...]:
    """Nodes whose canonical label (else an alias) folds to ``name``; an error suggests near names."""
    wanted = fold_name(name)
    if not wanted:
        raise MlkgError("--focus needs a name with letters or digits")
    by_label = sorted(n for n, d in graph.nodes(data=True) if fold_name(str(d.get("label", ""))) == wanted)
    if by_label:
        return tuple(by_label)
    by_alias = sorted(n for n, d in graph.nodes(data=True) if wanted in {fold_name(a) for a in _names(d)})
    if by_alias:
        return tuple(by_alias)
    labels = sorted({str(d.get("label", "")) for _, d in graph.nodes(data=True) if d.get("kind") != "Paper"})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise MlkgError(f"no entity named {name!r} (label or alias) in the graph{hint}")


def _within_hops(
    graph: nx.MultiDiGraph, seeds: Iterable[str], hops: int, allowed: set[str]
) -> dict[str, int]:
    """Distance of every allowed node at most ``hops`` links from a seed, ignoring direction."""
    distance = {seed: 0 for seed in seeds}
    queue = deque(sorted(distance))
    while queue:
        node = queue.popleft()
        if distance[node] >= hops:
            continue
        neighbours = set(graph.successors(node)) | set(graph.predecessors(node))
        for other in sorted(neighbours):
            if other in allowed and other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


def _rank_key(graph: nx.MultiDiGraph, degree: dict[str, int], node: str) -> tuple[int, str, str]:
    return (-degree[node], str(graph.nodes[node].get("label", "")), node)


def _edges_between(
    graph: nx.MultiDiGraph, degree: dict[str, int], nodes: set[str], max_edges: int
) -> tuple[tuple[tuple[str, str, str], ...], int]:
    """Edges among ``nodes``; past ``max_edges``, first one link per node so no shown node is
    left floating, then relations before ``mentions``, links between busier nodes first."""
    edges = [(u, v, str(k)) for u, v, k in graph.edges(keys=True) if u in nodes and v in nodes]
    if len(edges) <= max_edges:
        return tuple(sorted(edges)), 0

    def weight(edge: tuple[str, str, str]) -> tuple[bool, int, tuple[str, str, str]]:
        u, v, key = edge
        return (key == "mentions", -(degree[u] + degree[v]), edge)

    ranked = sorted(edges, key=weight)
    kept: set[tuple[str, str, str]] = set()
    anchored: set[str] = set()
    for edge in ranked:  # best link of each node, in rank order
        if len(kept) >= max_edges:
            break
        if edge[0] not in anchored or edge[1] not in anchored:
            kept.add(edge)
            anchored.update(edge[:2])
    for edge in ranked:
        if len(kept) >= max_edges:
            break
        kept.add(edge)
    return tuple(sorted(kept)), len(edges) - len(kept)


def select_view(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 2,
    classes: tuple[str, ...] = (),
    max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = DEFAULT_MAX_EDGES,
) -> ViewSelection:
    """Choose what to draw: classes first, then the focus neighbourhood, then the top nodes.

    Parameters: ``focus`` is a canonical name or alias, ``hops`` the neighbourhood radius,
    ``classes`` node classes to keep (empty = all), ``max_nodes`` the most nodes drawn
    (nearest to the focus first, then by degree in the whole graph).
    """
    if max_nodes < 1:
        raise MlkgError("--max-nodes must be at least 1")
    if hops < 0:
        raise MlkgError("--hops must be 0 or more")
    degree = dict(graph.degree())
    allowed = {n for n, d in graph.nodes(data=True) if not classes or d.get("kind") in classes}
    seeds: tuple[str, ...] = ()
    if focus is not None:
        seeds = find_focus(graph, focus)
        distance = _within_hops(graph, seeds, hops, allowed | set(seeds))
        candidates = sorted(distance, key=lambda n: (distance[n],) + _rank_key(graph, degree, n))
    else:
        candidates = sorted(allowed, key=lambda n: _rank_key(graph, degree, n))
    chosen = sorted(candidates[:max_nodes])
    edges, dropped = _edges_between(graph, degree, set(chosen), max_edges)
    return ViewSelection(
        nodes=tuple(chosen),
        degrees=tuple(degree[n] for n in chosen),
        edges=edges,
        total_nodes=graph.number_of_nodes(),
        total_edges=graph.number_of_edges(),
        ranked_by_degree=len(candidates) > max_nodes,
        focus=seeds,
        hops=hops if focus is not None else 0,
        classes=classes,
        dropped_edges=dropped,
    )
