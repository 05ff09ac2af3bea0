"""`kg eval`: precision, recall and F1 of the extraction against gold JSONL files
(``--gold`` repeated, or a quoted glob such as ``'tests/gold/dev*.jsonl'``)."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="score the extraction against gold annotations")
    parser.add_argument(
        "--gold",
        action="append",
        required=True,
        metavar="FILE",
        help="gold JSONL file (tests/gold/GUIDELINE.md); repeat it or give a quoted glob for several",
    )
    parser.add_argument("--summary-only", action="store_true", help="scores only, no list of misses")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    relations = parser.add_mutually_exclusive_group()
    relations.add_argument(
        "--relation-model",
        metavar="TSV",
        help="score with this trained relation model instead of the shipped one (`kg train --out`)",
    )
    relations.add_argument(
        "--rules-only", action="store_true", help="score the trigger rules alone, without the relation model"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.evaluation import evaluate, gold_paths, read_gold_files
    from kg.evaluation.report import format_json, format_text
    from kg.extract.relation_model import read_model

    model = None if args.rules_only else read_model(args.relation_model) if args.relation_model else "shipped"
    report = evaluate(read_gold_files(gold_paths(args.gold)), relation_model=model)
    render = format_json if args.json else format_text
    sys.stdout.write(render(report, args.summary_only))
    return 0
