"""`kg viz`: write the interactive graph page (and the Model × Dataset matrix beside it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.errors import MlkgError
from kg.resources import DEFAULT_OUTPUT_DIR


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "viz",
        help="write a self-contained HTML view of the graph",
        description="Write an interactive, offline HTML view of a built graph (reads <graph>/kg.graphml).",
    )
    parser.add_argument(
        "--graph",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        metavar="DIR",
        help="output directory of 'kg build' (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE.html",
        help="page to write (default: <graph>/kg.html, or <graph>/kg-focus-<name>.html with --focus)",
    )
    parser.add_argument(
        "--focus", metavar="NAME", help="show only the neighbourhood of this entity (label or alias)"
    )
    parser.add_argument(
        "--hops", type=int, default=2, metavar="N", help="neighbourhood radius for --focus (default: 2)"
    )
    parser.add_argument(
        "--classes", metavar="A,B", help="only these classes, e.g. Model,Dataset (Paper is a class too)"
    )
    parser.add_argument(
        "--max-nodes",
        type=int,
        default=None,
        metavar="N",
        help="draw at most N nodes, best connected first (default: 2000)",
    )
    parser.add_argument("--title", default=None, help="page title")
    parser.add_argument(
        "--no-matrix", action="store_true", help="do not write the <page>-matrix.html companion"
    )
    parser.set_defaults(func=run)


def _default_out(args: argparse.Namespace) -> Path:
    if args.focus:
        slug = "".join(c if c.isalnum() else "-" for c in args.focus.lower()).strip("-") or "focus"
        return args.graph / f"kg-focus-{slug}.html"
    return args.graph / "kg.html"


def run(args: argparse.Namespace) -> int:
    from kg.graph import load_networkx
    from kg.viz import DEFAULT_MAX_NODES, write_graph_html
    from kg.viz.select import parse_classes

    classes = parse_classes(args.classes)
    graph = load_networkx(args.graph)
    out = args.out or _default_out(args)
    if out.is_dir():
        raise MlkgError(f"--out {out} is a directory; give a file name such as kg.html")
    title = args.title or (f"mlkg: {args.focus}" if args.focus else "mlkg knowledge graph")
    try:
        summary = write_graph_html(
            graph,
            out,
            title=title,
            focus=args.focus,
            hops=args.hops,
            classes=classes,
            max_nodes=DEFAULT_MAX_NODES if args.max_nodes is None else args.max_nodes,
            matrix=not args.no_matrix,
        )
    except OSError as error:
        raise MlkgError(f"cannot write {out}: {error.strerror or error}") from None
    note = ", ranked by degree" if summary.ranked_by_degree else ""
    print(
        f"wrote {summary.path}: {summary.nodes_shown:,} of {summary.nodes_total:,} nodes, "
        f"{summary.edges_shown:,} of {summary.edges_total:,} edges{note}"
    )
    if summary.matrix_path:
        print(f"wrote {summary.matrix_path}")
    return 0
