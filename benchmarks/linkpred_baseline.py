"""Link-prediction baselines on a built graph: split sizes, leakage, the metrics table, and time.

Run by hand (numbers go in the README, nothing is asserted):

    python -m kg build --out outputs            # once
    python benchmarks/linkpred_baseline.py --graph outputs
    python benchmarks/linkpred_baseline.py --graph outputs --split temporal
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.linkpred import check_leakage, evaluate_heuristics, read_triples, split_random, split_temporal
from kg.linkpred.baseline import format_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("outputs"))
    parser.add_argument("--split", choices=("random", "temporal"), default="random")
    parser.add_argument("--seeds", default="42", help="comma-separated seeds (random split)")
    args = parser.parse_args()

    started = time.perf_counter()
    source = read_triples(args.graph)
    read_s = time.perf_counter() - started
    print(
        f"{len(source.triples)} triples over {len(source.entities())} nodes, "
        f"{len(source.relations())} relations (read in {read_s:.2f}s)"
    )
    for seed in (int(s) for s in args.seeds.split(",")):
        t0 = time.perf_counter()
        if args.split == "temporal":
            split = split_temporal(source.triples)
        else:
            split = split_random(source.triples, seed=seed)
        report = check_leakage(split)
        rows = evaluate_heuristics(split, seed=seed)
        elapsed = time.perf_counter() - t0
        print(
            f"\n{split.rule} (seed {split.seed}): train {len(split.train)}, valid {len(split.valid)}, "
            f"test {len(split.test)}, set aside {len(split.dropped)}, moved for coverage "
            f"{split.moved_to_train}; leakage clean: {report.clean}; "
            f"PyKEEN-style duplicate relations {list(report.duplicate_relations)}, "
            f"inverse relations {list(report.inverse_relations)}; split+score {elapsed:.2f}s"
        )
        print(format_table(rows))


if __name__ == "__main__":
    main()
