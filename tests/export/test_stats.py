"""stats.json counts what the files hold."""

from __future__ import annotations

import json
from pathlib import Path


def test_stats_count_papers_entities_relations_and_triples(small_build: Path) -> None:
    stats = json.loads((small_build / "stats.json").read_text(encoding="utf-8"))
    nt_lines = (small_build / "kg.nt").read_text(encoding="utf-8").splitlines()
    assert stats["papers"] == {
        "read": 3,
        "kept": 2,
        "merged_duplicates": 1,
        "skipped": 0,
        "skipped_by_reason": {},
        "in_graph": 2,
    }
    assert stats["entities"] == {"Model": 4, "Dataset": 2, "Method": 1, "Hardware": 0, "Task": 1, "Metric": 1}
    assert stats["relations"]["mentions"] == 8 and stats["relations"]["outperforms"] == 2
    assert stats["statements"] == 6 and stats["results"] == 2
    assert stats["triples"] == len(nt_lines) == sum(stats["properties"].values())
    assert stats["properties"]["rdf:type"] == sum(stats["classes"].values())
    assert stats["facts_left_out"] == {"trainedOn: Task -> Dataset outside the ontology": 1}
    assert stats["files"] == ["extractions.jsonl", "kg.graphml", "kg.jsonld", "kg.nt", "kg.ttl", "stats.json"]
    assert "time" not in json.dumps(stats)
