"""`kg query`: run SPARQL (text, a .rq file or a saved question's name) over the built graph."""

from __future__ import annotations

import argparse
import sys

from kg.errors import MlkgError
from kg.resources import DEFAULT_OUTPUT_DIR


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "query",
        help="run a SPARQL query or a saved question over the built graph",
        description=(
            "Run SPARQL over the store 'kg build' wrote. QUERY is SPARQL text, a .rq file or the "
            "name of a saved question (see --list). Prefixes mlkg, rdf, rdfs, owl, skos, dcterms, "
            "prov, xsd, schema, res and paper/model/dataset/method/hardware/task/metric are predeclared."
        ),
    )
    parser.add_argument("query", nargs="?", help="SPARQL text, FILE.rq or a saved question name")
    parser.add_argument(
        "--graph", default=str(DEFAULT_OUTPUT_DIR), help="build output directory (default: outputs)"
    )
    parser.add_argument(
        "--format",
        default="table",
        choices=("table", "csv", "json", "tsv", "xml", "turtle", "ntriples"),
        help="table for people; csv/json/tsv/xml are the W3C SPARQL results formats",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a saved question's parameter (always bound as a literal), e.g. --param title=TinyCLIP",
    )
    parser.add_argument("--list", action="store_true", help="list the saved questions and exit")
    parser.add_argument("--show", action="store_true", help="print the SPARQL that would run and exit")
    parser.add_argument("--max-width", type=int, default=60, help="clip table cells to this width (0: never)")
    parser.set_defaults(func=run)


def _list_saved() -> int:
    from kg.query.library import load_library

    for name, saved in load_library().items():
        print(f"{name}\n    {saved.title}")
        if saved.description:
            print(f"    {saved.description}")
        for param in saved.params:
            print(f"    --param {param.name}=...  {param.description} (default: {param.default})")
    return 0


def run(args: argparse.Namespace) -> int:
    from kg.query.engine import execute, open_store, standard_prefixes
    from kg.query.formats import render_table, serialize_answer
    from kg.query.library import parse_params, resolve_query_text

    if args.list:
        return _list_saved()
    if not args.query:
        raise MlkgError("give a query (SPARQL text, FILE.rq or a saved name), or --list")
    text, _label = resolve_query_text(args.query, parse_params(args.param))
    if args.show:
        print(text)
        return 0
    answer = execute(open_store(args.graph), text)
    prefixes = standard_prefixes()
    if args.format == "table":
        print(render_table(answer, prefixes, max_width=args.max_width))
    else:
        sys.stdout.buffer.write(serialize_answer(answer, args.format, prefixes))
        sys.stdout.flush()
    return 0
