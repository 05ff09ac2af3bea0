"""Outputs do not depend on Python's string-hash seed (no set or dict order leaks into a file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GRAPH_CONFTEST = Path(__file__).parent.parent / "graph" / "conftest.py"
SCRIPT = """
import importlib.util, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("fixtures", sys.argv[1])
fixtures = importlib.util.module_from_spec(spec); spec.loader.exec_module(fixtures)
from kg.pipeline import BuildConfig, write_outputs
write_outputs(fixtures.make_corpus(), BuildConfig(out_dir=Path(sys.argv[2]), html=False, validate="off"))
"""


def build_with_seed(seed: str, out: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", SCRIPT, str(GRAPH_CONFTEST), str(out)], check=True, env=env)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_files_are_identical_under_different_hash_seeds(tmp_path: Path) -> None:
    first = build_with_seed("1", tmp_path / "one")
    second = build_with_seed("2", tmp_path / "two")
    assert sorted(first) == ["extractions.jsonl", "kg.graphml", "kg.jsonld", "kg.nt", "kg.ttl", "stats.json"]
    assert [name for name in first if first[name] != second[name]] == []
