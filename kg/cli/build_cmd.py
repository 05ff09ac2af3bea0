"""`kg build`: ingest -> extract -> resolve -> graph -> outputs, with a short summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli.progress import with_progress
from kg.pipeline import VALIDATE_MODES, BuildConfig, BuildSummary, build
from kg.resources import DATA_DIR, DEFAULT_OUTPUT_DIR
from kg.vocab import DEFAULT_BASE


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "build",
        help="build the knowledge graph and write every output file",
        description="Read paper sources, extract and resolve entities and relations, and write the graph "
        "(Turtle, N-Triples, JSON-LD, GraphML, extractions.jsonl, stats.json, an HTML view and a query "
        "store).",
    )
    parser.add_argument(
        "--input",
        "-i",
        dest="inputs",
        action="append",
        type=Path,
        metavar="PATH",
        help="file or folder of sources (repeatable; default: the bundled corpus)",
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        metavar="DIR",
        help=f"output folder (default: {DEFAULT_OUTPUT_DIR})",
    )
    parser.add_argument(
        "--base",
        default=DEFAULT_BASE,
        metavar="IRI",
        help=f"base IRI of the graph's resources (default: {DEFAULT_BASE})",
    )
    parser.add_argument(
        "--validate",
        choices=VALIDATE_MODES,
        default="full",
        help="SHACL-check the graph: all of it, a sample of papers (large corpora), or not at all",
    )
    parser.add_argument(
        "--no-html", dest="html", action="store_false", help="do not write the HTML graph view"
    )
    parser.set_defaults(func=run)


def _pairs(pairs: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{name} {count}" for name, count in pairs) or "none"


def format_summary(summary: BuildSummary) -> str:
    skipped = sum(count for _, count in summary.skipped_by_reason)
    lines = [
        f"papers: {summary.papers_read} read, {summary.papers_kept} kept, {summary.papers_merged} merged, "
        f"{skipped} skipped" + (f" ({_pairs(summary.skipped_by_reason)})" if skipped else ""),
        f"entities: {_pairs(summary.entities_by_class)}",
        f"relations: {_pairs(summary.relations_by_predicate)}",
        f"results: {summary.results}; statements: {summary.statements}; triples: {summary.triples}",
    ]
    if summary.left_out:
        lines.append(f"left out (outside the ontology): {_pairs(summary.left_out)}")
    lines.append("wrote: " + ", ".join(str(p) for p in summary.files) + f", {summary.out_dir / 'store'}/")
    validation = summary.validation.summary() if summary.validation is not None else "skipped"
    lines.append(f"validation: {validation}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    config = BuildConfig(
        inputs=tuple(args.inputs) if args.inputs else (DATA_DIR,),
        out_dir=args.out,
        base_iri=args.base,
        validate=args.validate,
        html=args.html,
    )
    summary = build(config, progress=with_progress)
    print(format_summary(summary))
    return 0
