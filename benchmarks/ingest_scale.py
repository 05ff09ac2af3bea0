"""Ingest throughput and peak memory on N JSONL records made from the bundled abstracts.

    python benchmarks/ingest_scale.py            # 100,000 records
    python benchmarks/ingest_scale.py --n 10000

Reports seconds and peak RSS; asserts nothing (machines here are shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from kg.ingest import read_sources
from kg.resources import DATA_DIR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    base = read_sources([DATA_DIR]).papers
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "papers.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(args.n):
                paper = base[i % len(base)]
                record = {
                    "id": f"x{i}",
                    "title": f"{paper.title} part {i}",
                    "abstract": paper.abstract,
                    "authors": "A, B and C",
                    "date": "2023-01-02",
                }
                out.write(json.dumps(record) + "\n")
        size_mb = path.stat().st_size / 1e6
        started = time.perf_counter()
        result = read_sources([path])
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.n} records ({size_mb:.0f} MB): read {result.report.read}, kept {result.report.kept} "
        f"in {elapsed:.1f}s ({args.n / elapsed:,.0f} records/s), peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
