"""`kg train`: fit the relation model on gold files and write it where extraction reads it."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    from kg.extract.relation_model import MODEL_PATH

    parser = sub.add_parser("train", help="train the relation model on gold annotations")
    parser.add_argument(
        "--gold",
        action="append",
        required=True,
        metavar="FILE",
        help="gold JSONL file to learn from; repeat it or give a quoted glob (never the held-out file)",
    )
    parser.add_argument(
        "--out",
        default=str(MODEL_PATH),
        metavar="TSV",
        help="where to write the model (default: the shipped ontology/extraction/relation_model.tsv)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kg.errors import MlkgError
    from kg.evaluation import gold_paths, read_gold_files
    from kg.evaluation.train_relations import train
    from kg.extract.relation_model import write_model

    paths = gold_paths(args.gold)
    held_out = sorted(p.name for p in paths if p.name.startswith("heldout"))
    if held_out:
        listed = ", ".join(held_out)
        raise MlkgError(f"refusing to train on held-out gold ({listed}): it would no longer be held out")
    report = train(read_gold_files(paths))
    names = " ".join(sorted(p.name for p in paths))
    header = (
        "Relation model: logistic regression per relation over same-sentence entity pairs.\n"
        f"Trained by `kg train` on {report.papers} gold papers ({names}); do not edit by hand."
    )
    write_model(report.model, Path(args.out), header)
    thresholds = {p.value: t for p, t in report.model.threshold.items()}
    for relation, (positives, negatives) in report.examples.items():
        unreachable = report.missing.get(relation, 0)
        sys.stdout.write(
            f"{relation:<14} {positives:>4} positive {negatives:>5} negative pairs,"
            f" {unreachable:>3} gold pairs with no candidate, threshold {thresholds[relation]:.2f}\n"
        )
    sys.stdout.write(f"wrote {args.out}\n")
    return 0
