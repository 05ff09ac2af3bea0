"""`kg linkpred export|baseline|embed`: leak-free datasets and honest baselines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import MlkgError
from kg.resources import DEFAULT_OUTPUT_DIR


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("linkpred", help="link-prediction datasets and baselines")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--graph", type=Path, default=DEFAULT_OUTPUT_DIR, help="build output dir (default: outputs)"
        )
        p.add_argument(
            "--split",
            choices=("random", "temporal"),
            default="random",
            help="random: shuffle entity pairs; temporal: train on facts first seen up to a date",
        )
        p.add_argument("--seed", type=int, default=42, help="seed of the random split (default: 42)")
        p.add_argument("--relations", help="comma-separated relations to keep (default: all)")
        p.add_argument("--ratios", default="0.8,0.1,0.1", help="train,valid,test fractions")
        p.add_argument(
            "--derived-in-test", action="store_true", help="allow name-derived variantOf edges in valid/test"
        )

    export = verbs.add_parser("export", help="write train/valid/test TSV, id maps, edge_index.npz, metadata")
    common(export)
    export.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUTPUT_DIR / "linkpred",
        help="dataset folder (default: outputs/linkpred)",
    )
    export.set_defaults(func=run_export)

    baseline = verbs.add_parser("baseline", help="score classic heuristics (MRR, Hits@k, ROC-AUC)")
    common(baseline)
    baseline.add_argument("--on", choices=("test", "valid"), default="test")
    baseline.set_defaults(func=run_baseline)

    embed = verbs.add_parser("embed", help="train a PyKEEN model on an exported split (needs .[embeddings])")
    embed.add_argument("--data", type=Path, default=DEFAULT_OUTPUT_DIR / "linkpred")
    embed.add_argument("--model", default="TransE")
    embed.add_argument("--epochs", type=int, default=100)
    embed.add_argument("--seed", type=int, default=42)
    embed.set_defaults(func=run_embed)


def _make_split(args: argparse.Namespace):  # noqa: ANN202 - returns (TripleSet, Split)
    from kg.linkpred import read_triples, split_random, split_temporal

    try:
        ratios = tuple(float(x) for x in args.ratios.split(","))
    except ValueError as error:
        raise MlkgError(f"--ratios must be numbers like 0.8,0.1,0.1, got {args.ratios!r}") from error
    relations = tuple(r.strip() for r in args.relations.split(",")) if args.relations else None
    source = read_triples(args.graph, relations)
    if args.split == "temporal":
        split = split_temporal(source.triples, ratios, derived_in_test=args.derived_in_test)
    else:
        split = split_random(source.triples, ratios, seed=args.seed, derived_in_test=args.derived_in_test)
    return source, split


def run_export(args: argparse.Namespace) -> int:
    from kg.linkpred import check_leakage, write_dataset

    source, split = _make_split(args)
    report = check_leakage(split)
    if args.out.exists() and not args.out.is_dir():
        raise MlkgError(f"--out {args.out} is a file; give a folder for the dataset files")
    try:
        meta = write_dataset(args.out, source, split, report)
    except OSError as error:
        raise MlkgError(f"cannot write {args.out}: {error.strerror or error}") from None
    counts = meta["counts"]
    aside = [f"{len(split.dropped)} set aside in test_unseen.tsv"] if split.dropped else []
    if "undated_in_train" in split.notes:
        aside.append(f"{split.notes['undated_in_train']} undated in train")
    print(
        f"wrote {args.out}: train {counts['train']}, valid {counts['valid']}, test {counts['test']} "
        f"({counts['entities']} entities, {counts['relations']} relations); {split.rule}"
        + "".join(f"; {note}" for note in aside),
        file=sys.stderr,
    )
    print(f"leakage: {'none' if report.clean else report}", file=sys.stderr)
    return 0 if report.clean else 1


def run_baseline(args: argparse.Namespace) -> int:
    from kg.linkpred import evaluate_heuristics
    from kg.linkpred.baseline import format_table

    _, split = _make_split(args)
    held = split.test if args.on == "test" else split.valid
    if not held:
        raise MlkgError(f"the {args.on} split is empty: nothing to rank")
    rows = evaluate_heuristics(split, on=args.on, seed=args.seed)
    print(f"{len(held)} {args.on} triples, filtered ranking on both sides, realistic ranks; {split.rule}")
    print(format_table(rows))
    return 0


def run_embed(args: argparse.Namespace) -> int:
    from kg.linkpred.embeddings import train_embedding

    scores = train_embedding(args.data, model=args.model, epochs=args.epochs, seed=args.seed)
    hits = " ".join(f"Hits@{k}={h:.3f}" for k, h in zip((1, 3, 10), scores.hits, strict=True))
    print(f"{scores.model}: MRR={scores.mrr:.3f} {hits}")
    return 0
