"""`kg validate [GRAPH]`: check a graph file (or a build's kg.ttl) against the SHACL shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.graph import validate_path
from kg.resources import DEFAULT_OUTPUT_DIR

DEFAULT_GRAPH = DEFAULT_OUTPUT_DIR / "kg.ttl"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="check a graph against the SHACL shapes",
        description="Validate a Turtle, N-Triples or JSON-LD graph (or an output folder's kg.ttl) with the "
        "shapes in ontology/shapes.ttl. Exit status 1 when there are violations.",
    )
    parser.add_argument(
        "graph",
        nargs="?",
        type=Path,
        default=DEFAULT_GRAPH,
        metavar="GRAPH",
        help=f"graph file or output folder (default: {DEFAULT_GRAPH})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = args.graph / "kg.ttl" if args.graph.is_dir() else args.graph
    report = validate_path(path)
    for v in report.violations:
        value = f" (value: {v.value})" if v.value and v.value != v.focus else ""
        print(f"{v.focus}\n  {v.path or '(node)'}: {v.message}{value}")
    print(f"{path}: {report.summary()}")
    return 0 if report.conforms else 1
