"""A view that is not a hairball: which model was trained or evaluated on which dataset.

Rows are models (and methods) with a ``trainedOn``/``evaluatedOn`` link, columns are
datasets, a cell says T (trained on), E (evaluated on) or both and links to its evidence
sentences below the table. Plain HTML, no script, every text escaped by the template.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("m", kind="Model", label="ViT")
    >>> g.add_node("d", kind="Dataset", label="ImageNet")
    >>> _ = g.add_edge("m", "d", key="evaluatedOn", predicate="evaluatedOn", evidence="ViT on ImageNet.")
    >>> m = build_matrix(g)
    >>> [r.label for r in m.rows], [c.label for c in m.columns], m.cells[0].marks
    (['ViT'], ['ImageNet'], 'E')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.files import write_atomic
from kg.viz import assets
from kg.viz.styles import node_style

MATRIX_PREDICATES = ("trainedOn", "evaluatedOn")
MARKS = {"trainedOn": "T", "evaluatedOn": "E"}
MAX_ROWS = 250
MAX_COLUMNS = 80


@dataclass(frozen=True)
class Axis:
    """One row or column: the node, its label, class and colour."""

    node: str
    label: str
    kind: str
    colour: str


@dataclass(frozen=True)
class Evidence:
    predicate: str
    sentence: str
    paper: str
    confidence: float


@dataclass(frozen=True)
class Cell:
    """A filled cell: row/column positions, the marks ("T", "E", "T E") and the evidence behind them."""

    row: int
    column: int
    marks: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Matrix:
    rows: tuple[Axis, ...]
    columns: tuple[Axis, ...]
    cells: tuple[Cell, ...]
    total_rows: int
    total_columns: int


def _axis(graph: nx.MultiDiGraph, node: str) -> Axis:
    data = graph.nodes[node]
    kind = str(data.get("kind", "") or "Other")
    return Axis(node, str(data.get("label", "") or node), kind, node_style(kind).colour)


def build_matrix(
    graph: nx.MultiDiGraph,
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
    within: frozenset[str] | None = None,
) -> Matrix:
    """Collect trainedOn/evaluatedOn links into a matrix, busiest rows and columns first.

    ``within`` limits rows and columns to those nodes (the nodes a graph page shows).
    """
    links: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if within is not None and (source not in within or target not in within):
            continue
        predicate = str(data.get("predicate", key) or key)
        if predicate in MATRIX_PREDICATES:
            links[(source, target)].append((predicate, data))
    row_degree: dict[str, int] = defaultdict(int)
    column_degree: dict[str, int] = defaultdict(int)
    for source, target in links:
        row_degree[source] += 1
        column_degree[target] += 1

    def order(degree: dict[str, int]) -> list[str]:
        return sorted(degree, key=lambda n: (-degree[n], str(graph.nodes[n].get("label", "")).casefold(), n))

    rows = order(row_degree)[:max_rows]
    columns = order(column_degree)[:max_columns]
    row_index = {n: i for i, n in enumerate(rows)}
    column_index = {n: i for i, n in enumerate(columns)}
    cells = []
    for (source, target), found in sorted(links.items()):
        if source not in row_index or target not in column_index:
            continue
        predicates = sorted({p for p, _ in found}, key=MATRIX_PREDICATES.index)
        evidence = tuple(
            sorted(
                (
                    Evidence(
                        predicate=p,
                        sentence=str(d.get("evidence", "") or ""),
                        paper=_paper_title(graph, str(d.get("paper", "") or "")),
                        confidence=round(float(d.get("confidence", 0.0) or 0.0), 3),
                    )
                    for p, d in found
                ),
                key=lambda e: (MATRIX_PREDICATES.index(e.predicate), e.sentence, e.paper),
            )
        )
        marks = " ".join(MARKS[p] for p in predicates)
        cells.append(Cell(row_index[source], column_index[target], marks, evidence))
    cells.sort(key=lambda c: (c.row, c.column))
    return Matrix(
        rows=tuple(_axis(graph, n) for n in rows),
        columns=tuple(_axis(graph, n) for n in columns),
        cells=tuple(cells),
        total_rows=len(row_degree),
        total_columns=len(column_degree),
    )


def _paper_title(graph: nx.MultiDiGraph, paper: str) -> str:
    return str(graph.nodes[paper].get("label", paper)) if paper in graph else paper


def render_matrix_page(matrix: Matrix, *, title: str, graph_href: str | None = None) -> str:
    """The matrix as one static HTML page (no script at all)."""
    grid = {(c.row, c.column): c for c in matrix.cells}
    return assets.render("matrix.html.j2", title=title, matrix=matrix, grid=grid, graph_href=graph_href)


def write_matrix_html(
    graph: nx.MultiDiGraph,
    out: Path,
    *,
    title: str,
    graph_href: str | None = None,
    within: frozenset[str] | None = None,
) -> Matrix:
    """Write the Model × Dataset page to ``out`` and return what it holds."""
    matrix = build_matrix(graph, within=within)
    write_atomic(out, render_matrix_page(matrix, title=title, graph_href=graph_href))
    return matrix
