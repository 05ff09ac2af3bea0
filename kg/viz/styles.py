"""How each node class and relation looks: colours and shapes are data, not scattered literals.

One table per kind of thing drawn, so a reviewer changes the palette in one diff and the
legend, the graph and the matrix stay in step.

Example:
    >>> node_style("Model").shape
    'dot'
    >>> node_style("Nonsense").kind
    'Other'
    >>> edge_style("mentions").show_label
    False
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    """The look of one node class: fill colour, vis-network shape, and its legend caption."""

    kind: str
    colour: str
    shape: str
    caption: str


@dataclass(frozen=True)
class EdgeStyle:
    """The look of one relation; ``show_label`` is off for the very common ``mentions`` links."""

    predicate: str
    colour: str
    width: float
    show_label: bool
    dashes: bool = False


# Colour-blind friendly (Okabe-Ito) fills; each class also has its own shape so the
# legend does not rely on colour alone.
NODE_STYLES: tuple[NodeStyle, ...] = (
    NodeStyle("Paper", "#9aa5b1", "square", "Paper"),
    NodeStyle("Model", "#0072b2", "dot", "Model"),
    NodeStyle("Dataset", "#e69f00", "diamond", "Dataset"),
    NodeStyle("Method", "#009e73", "triangle", "Method"),
    NodeStyle("Hardware", "#cc79a7", "hexagon", "Hardware"),
    NodeStyle("Task", "#d55e00", "star", "Task"),
    NodeStyle("Metric", "#56b4e9", "triangleDown", "Metric"),
)
OTHER_STYLE = NodeStyle("Other", "#bbbbbb", "ellipse", "Other")

EDGE_STYLES: tuple[EdgeStyle, ...] = (
    EdgeStyle("mentions", "#d0d5da", 0.5, False),
    EdgeStyle("proposes", "#6c757d", 1.5, True),
    EdgeStyle("trainedOn", "#e69f00", 2.0, True),
    EdgeStyle("evaluatedOn", "#b07800", 2.0, True, dashes=True),
    EdgeStyle("runsOn", "#cc79a7", 2.0, True),
    EdgeStyle("outperforms", "#d55e00", 2.0, True),
    EdgeStyle("variantOf", "#0072b2", 2.0, True),
    EdgeStyle("usesMethod", "#009e73", 2.0, True),
    EdgeStyle("addressesTask", "#7a4a00", 2.0, True),
)
OTHER_EDGE = EdgeStyle("other", "#999999", 1.0, True)

NODE_KINDS: tuple[str, ...] = tuple(s.kind for s in NODE_STYLES)
_NODE_BY_KIND = {s.kind: s for s in NODE_STYLES}
_EDGE_BY_PREDICATE = {s.predicate: s for s in EDGE_STYLES}


def node_style(kind: str) -> NodeStyle:
    """The style of a node class; unknown classes share one neutral style rather than failing."""
    return _NODE_BY_KIND.get(kind, OTHER_STYLE)


def edge_style(predicate: str) -> EdgeStyle:
    """The style of a relation; unknown relations are drawn grey with their name as label."""
    return _EDGE_BY_PREDICATE.get(predicate, OTHER_EDGE)
