"""extractions.jsonl: one line per paper, mentions with offsets, relations tied to their statements."""

from __future__ import annotations

import json
from pathlib import Path


def read(build: Path) -> list[dict]:
    text = (build / "extractions.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_one_line_per_paper_sorted_by_id(small_build: Path) -> None:
    assert [r["paper"] for r in read(small_build)] == ["2309.12314", "t-0a1b2c3d4e5f"]


def test_mentions_carry_offsets_into_their_sentence_and_entity(small_build: Path) -> None:
    tiny = read(small_build)[0]
    assert len(tiny["mentions"]) == 7
    for m in tiny["mentions"]:
        assert m["sentence"][m["start"] - m["sentence_start"] : m["end"] - m["sentence_start"]] == m["text"]
    vit = next(m for m in tiny["mentions"] if m["text"] == "ViT-B/16")
    assert vit["entity"] == "model/vit-b-16" and vit["type"] == "Model" and vit["rule"] == "lexicon"
    assert vit["entity_iri"] == "https://w3id.org/mlkg/resource/model/vit-b-16"


def test_relations_say_whether_the_graph_kept_them_and_where(small_build: Path) -> None:
    tiny = read(small_build)[0]
    nt = (small_build / "kg.nt").read_text(encoding="utf-8")
    dropped = [r for r in tiny["relations"] if not r["in_graph"]]
    pairs = [(r["subject"], r["predicate"]) for r in dropped]
    assert pairs == [("task/zero-shot-classification", "trainedOn")]
    kept = [r for r in tiny["relations"] if r["in_graph"]]
    assert len(kept) == 6
    for r in kept:
        assert f"<{r['statement']}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in nt


def test_results_keep_exact_decimal_text_and_iri(small_build: Path) -> None:
    tiny = read(small_build)[0]
    best = next(r for r in tiny["results"] if r["model"])
    assert best["value"] == "41.1" and best["unit"] == "%"
    assert best["dataset"] == "dataset/imagenet" and best["metric"] == "metric/top-1-accuracy"
    assert f"<{best['result']}>" in (small_build / "kg.nt").read_text(encoding="utf-8")
