"""The gold files are well-formed, independent of each other, and true to the bundled text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.ingest import read_sources
from kg.records import EntityType
from kg.resources import DATA_DIR

GOLD = Path(__file__).parent
TYPES = {t.value for t in EntityType}
RELATIONS = {
    "proposes",
    "trainedOn",
    "evaluatedOn",
    "runsOn",
    "outperforms",
    "variantOf",
    "usesMethod",
    "addressesTask",
}


def load(name: str) -> list[dict]:
    return [
        json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="module")
def bundled() -> dict[str, object]:
    return {p.id: p for p in read_sources([DATA_DIR]).papers}


SIZES = {
    "dev.jsonl": (50, 10),
    "dev2a.jsonl": (25, 5),
    "dev2b.jsonl": (25, 5),
    "dev3a.jsonl": (25, 5),
    "dev3b.jsonl": (25, 5),
    "dev4a.jsonl": (30, 10),
    "dev4b.jsonl": (30, 10),
    "dev5a.jsonl": (26, 10),
    "dev5b.jsonl": (26, 10),
    "heldout.jsonl": (50, 10),
    "heldout2a.jsonl": (25, 10),
    "heldout2b.jsonl": (25, 10),
}
SOURCES = {"bundled", "written", "recalled"}


@pytest.mark.parametrize("name", sorted(SIZES))
def test_gold_records_are_well_formed(name: str) -> None:
    records = load(name)
    total, written = SIZES[name]
    assert len(records) == total
    assert len({r["id"] for r in records}) == total
    assert sum(r["source"] == "written" for r in records) == written
    for r in records:
        assert r["source"] in SOURCES, (r["id"], r["source"])
        text = (r["title"] + "\n" + r["abstract"]).lower()
        names = set()
        for e in r["entities"]:
            assert e["type"] in TYPES and set(e["alt_types"]) <= TYPES, (r["id"], e)
            for surface in [e["name"], *e.get("aliases", [])]:
                assert surface.lower() in text, (r["id"], surface)
                names.add(surface)
        for rel in r["relations"]:
            assert rel["rel"] in RELATIONS, (r["id"], rel)
            assert rel["head"] in names | {"PAPER"} and rel["tail"] in names, (r["id"], rel)
        for res in r["results"]:
            assert res["value"] and res["value"] in r["title"] + r["abstract"], (r["id"], res)


def test_no_paper_is_in_two_gold_files() -> None:
    def fold(text: str) -> str:
        return re.sub(r"\W+", " ", text.lower()).strip()

    seen: dict[str, str] = {}
    for name in sorted(SIZES):
        for r in load(name):
            for key in (r["id"], fold(r["title"])):
                assert key not in seen, f"{r['id']} is in {seen.get(key)} and {name}"
                seen[key] = name


@pytest.mark.parametrize("name", sorted(SIZES))
def test_bundled_gold_abstracts_are_the_ingested_ones(name: str, bundled: dict) -> None:
    for r in load(name):
        if r["source"] == "bundled":
            paper = bundled[r["id"]]
            assert (paper.title, paper.abstract) == (r["title"], r["abstract"]), r["id"]
