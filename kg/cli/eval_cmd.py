"""`kg eval`: precision, recall and F1 of the extraction against a gold JSONL file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="score the extraction against gold annotations")
    parser.add_argument(
        "--gold", type=Path, required=True, help="gold JSONL file (see tests/gold/GUIDELINE.md)"
    )
    parser.add_argument("--summary-only", action="store_true", help="scores only, no list of misses")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.evaluation import evaluate, read_gold
    from kg.evaluation.report import format_json, format_text

    report = evaluate(read_gold(args.gold))
    render = format_json if args.json else format_text
    sys.stdout.write(render(report, args.summary_only))
    return 0
