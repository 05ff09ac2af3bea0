"""viz stage: self-contained, escaped HTML views of the NetworkX graph (pyvis + vis-network).

``write_graph_html`` writes the interactive graph page (and a Model × Dataset matrix page
beside it); ``write_matrix_html`` writes the matrix alone.
"""

from kg.viz.graph_view import GraphViewSummary, write_graph_html
from kg.viz.matrix_view import write_matrix_html
from kg.viz.select import DEFAULT_MAX_NODES, ViewSelection, select_view

__all__ = [
    "DEFAULT_MAX_NODES",
    "GraphViewSummary",
    "ViewSelection",
    "select_view",
    "write_graph_html",
    "write_matrix_html",
]
