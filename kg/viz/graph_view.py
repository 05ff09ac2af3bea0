"""The interactive graph page: a pyvis network of the selected nodes, with legend, search and cards.

pyvis assembles the node and edge records; the page itself is our template, because the
records are embedded as escaped JSON (``escaping.json_for_script``) and tooltips are built
in the browser from text, so no title, alias or evidence sentence is ever parsed as HTML.

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("m", kind="Model", label="ViT", aliases="", date="", paper_count=1)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kg.html"
    >>> write_graph_html(g, out, title="demo", matrix=False).nodes_shown
    1
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.files import write_atomic
from kg.viz import assets
from kg.viz.escaping import json_for_script, shorten
from kg.viz.select import DEFAULT_MAX_NODES, ViewSelection, select_view
from kg.viz.styles import EDGE_STYLES, NODE_STYLES, edge_style, node_style

PAPERS_PER_TOOLTIP = 12
PAPER_LABEL_CHARS = 36
ENTITY_LABEL_CHARS = 48
SEED = 7


@dataclass(frozen=True)
class GraphViewSummary:
    """What a written page shows, so callers (and the page banner) can say it plainly."""

    path: Path
    nodes_shown: int
    nodes_total: int
    edges_shown: int
    edges_total: int
    ranked_by_degree: bool
    matrix_path: Path | None = None


def _aliases(data: dict) -> list[str]:
    return [a.strip() for a in str(data.get("aliases", "") or "").split("|") if a.strip()]


def _papers_mentioning(graph: nx.MultiDiGraph, node: str) -> tuple[list[str], int]:
    """Titles of papers with a ``mentions`` link to ``node`` (first few, sorted) and how many."""
    titles = sorted(
        {
            str(graph.nodes[src].get("label", src))
            for src, _, key in graph.in_edges(node, keys=True)
            if key == "mentions" and graph.nodes[src].get("kind") == "Paper"
        }
    )
    return titles[:PAPERS_PER_TOOLTIP], len(titles)


def label_size(degree: int) -> int:
    """Label font size: 14 px, growing with the log of degree past 10 links, at most 34 px.

    vis-network hides a label once its on-screen size drops below a threshold, so on the
    zoomed-out overview only the hubs stay named, and every label appears when zooming in.

    Example:
        >>> label_size(3), label_size(40), label_size(160)
        (14, 30, 34)
    """
    return 14 if degree <= 10 else min(34, round(14 + 8 * math.log2(degree / 10)))


def _node_label(data: dict, node: str) -> str:
    label = str(data.get("label", "") or node)
    return shorten(label, PAPER_LABEL_CHARS if data.get("kind") == "Paper" else ENTITY_LABEL_CHARS)


def _build_network(graph: nx.MultiDiGraph, selection: ViewSelection) -> Network:
    """A pyvis network holding the selected nodes and edges with their styles and card data."""
    net = Network(directed=True, cdn_resources="in_line")
    focus = set(selection.focus)
    for node, degree in zip(selection.nodes, selection.degrees, strict=True):
        data = graph.nodes[node]
        kind = str(data.get("kind", "") or "Other")
        style = node_style(kind)
        papers, paper_total = _papers_mentioning(graph, node) if kind != "Paper" else ([], 0)
        net.add_node(
            node,
            label=_node_label(data, node),
            shape=style.shape,
            color={"background": style.colour, "border": "#1f2933"} if node in focus else style.colour,
            value=round(math.log2(1 + degree), 3),
            kind=style.kind,
            name=str(data.get("label", "") or node),
            aliases=_aliases(data),
            date=str(data.get("date", "") or ""),
            paperCount=int(data.get("paper_count", 0) or 0),
            papers=papers,
            papersTotal=paper_total,
            degree=degree,
            focus=node in focus,
            borderWidth=4 if node in focus else 1,
            font={"size": label_size(degree)},
        )
    for index, (source, target, key) in enumerate(selection.edges):
        data = graph.edges[source, target, key]
        predicate = str(data.get("predicate", key) or key)
        style = edge_style(predicate)
        paper = str(data.get("paper", "") or "")
        paper_title = str(graph.nodes[paper].get("label", paper)) if paper in graph else paper
        options = {
            "id": f"e{index}",
            "color": style.colour,
            "width": style.width,
            "dashes": style.dashes,
            "predicate": predicate,
            "evidence": str(data.get("evidence", "") or ""),
            "confidence": round(float(data.get("confidence", 0.0) or 0.0), 3),
            "paper": paper_title,
            "extractor": str(data.get("extractor", "") or ""),
            "evidenceCount": int(data.get("evidence_count", 0) or 0),
        }
        if style.show_label:
            options["label"] = predicate
        net.add_edge(source, target, **options)
    return net


def _options(node_count: int, edge_count: int) -> dict:
    """vis-network options: seeded layout, physics that stabilises once and is then switched off."""
    iterations = 300 if node_count <= 300 else 150 if node_count <= 1000 else 80
    return {
        "layout": {"randomSeed": SEED, "improvedLayout": node_count <= 150},
        "physics": {
            "enabled": node_count > 1,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 120, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 10, "fit": True},
        },
        "nodes": {
            "scaling": {"min": 8, "max": 42, "label": {"enabled": False, "drawThreshold": 5}},
            "font": {"face": "system-ui, sans-serif", "color": "#1f2933"},
        },
        "edges": {
            "smooth": edge_count <= 1500 and {"type": "continuous"},
            "font": {"size": 10, "align": "middle", "color": "#52606d", "strokeWidth": 3},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": edge_count > 1500},
    }


def _legend() -> dict:
    return {
        "nodes": [
            {"kind": s.kind, "caption": s.caption, "colour": s.colour, "shape": s.shape} for s in NODE_STYLES
        ],
        "edges": [{"predicate": s.predicate, "colour": s.colour, "dashes": s.dashes} for s in EDGE_STYLES],
    }


def _banner(selection: ViewSelection, graph: nx.MultiDiGraph) -> str:
    """One plain sentence about what is shown and why, e.g. "showing 2,000 of 50,000 nodes"."""
    shown = len(selection.nodes)
    parts = [
        f"showing {shown:,} of {selection.total_nodes:,} nodes and {len(selection.edges):,} of "
        f"{selection.total_edges:,} edges"
    ]
    if selection.focus:
        names = ", ".join(sorted(str(graph.nodes[n].get("label", n)) for n in selection.focus))
        parts.append(f"within {selection.hops} hops of {names}")
    if selection.classes:
        parts.append("classes " + ", ".join(selection.classes))
    if selection.ranked_by_degree:
        parts.append("ranked by degree" if not selection.focus else "nearest first, then by degree")
    if selection.dropped_edges:
        parts.append(f"{selection.dropped_edges:,} weaker links between shown nodes left out")
    return "; ".join(parts)


def render_graph_page(
    graph: nx.MultiDiGraph, selection: ViewSelection, *, title: str, matrix_href: str | None = None
) -> str:
    """The complete HTML page for ``selection`` (deterministic: same input, same bytes)."""
    net = _build_network(graph, selection)
    nodes, edges, *_ = net.get_network_data()
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": _options(len(nodes), len(edges)),
        "legend": _legend(),
        "banner": _banner(selection, graph),
    }
    vis = assets.vis_assets()
    page_script = assets.template_text("graph_view.js")
    return assets.render(
        "graph.html.j2",
        title=title,
        banner=payload["banner"],
        matrix_href=matrix_href,
        vis_style=vis.style,
        vis_script=vis.script,
        page_script=page_script,
        script_hashes=f"{assets.script_hash(vis.script)} {assets.script_hash(page_script)}",
        payload=json_for_script(payload),
    )


def write_graph_html(
    graph: nx.MultiDiGraph,
    out: Path,
    *,
    title: str,
    focus: str | None = None,
    hops: int = 2,
    classes: tuple[str, ...] = (),
    max_nodes: int = DEFAULT_MAX_NODES,
    matrix: bool = True,
) -> GraphViewSummary:
    """Write the graph page to ``out`` (and, with ``matrix``, ``<stem>-matrix.html`` beside it,
    over the same nodes as the page).

    ``graph`` follows the NetworkX contract (node ``kind``/``label``/``aliases``/``date``/
    ``paper_count``; edge key = predicate with ``evidence``/``confidence``/``paper``...). It is
    only read. Past ``max_nodes`` the page keeps the best-connected nodes and says so.
    """
    out = Path(out)
    selection = select_view(graph, focus=focus, hops=hops, classes=classes, max_nodes=max_nodes)
    matrix_path: Path | None = None
    if matrix:
        from kg.viz.matrix_view import write_matrix_html

        matrix_path = out.with_name(f"{out.stem}-matrix.html")
        write_matrix_html(
            graph,
            matrix_path,
            title=f"{title}: models × datasets",
            graph_href=out.name,
            within=frozenset(selection.nodes),
        )
    page = render_graph_page(
        graph, selection, title=title, matrix_href=matrix_path.name if matrix_path else None
    )
    write_atomic(out, page)
    return GraphViewSummary(
        path=out,
        nodes_shown=len(selection.nodes),
        nodes_total=selection.total_nodes,
        edges_shown=len(selection.edges),
        edges_total=selection.total_edges,
        ranked_by_degree=selection.ranked_by_degree,
        matrix_path=matrix_path,
    )
