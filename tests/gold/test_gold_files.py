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
RELATIONS = {"proposes", "trainedOn", "evaluatedOn", "runsOn", "outperforms", "variantOf", "usesMethod", "addressesTask"}


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def bundled() -> dict[str, object]:
    return {p.id: p for p in read_sources([DATA_DIR]).papers}


@pytest.mark.parametrize("name", ["dev.jsonl", "heldout.jsonl"])
def test_gold_records_are_well_formed(name: str) -> None:
    records = load(name)
    assert len(records) == 50
    assert len({r["id"] for r in records}) == 50
    assert sum(r["source"] == "written" for r in records) == 10
    for r in records:
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


def test_dev_and_heldout_share_no_paper() -> None:
    dev, held = load("dev.jsonl"), load("heldout.jsonl")
    assert not {r["id"] for r in dev} & {r["id"] for r in held}
    fold = lambda s: re.sub(r"\W+", " ", s.lower()).strip()  # noqa: E731
    assert not {fold(r["title"]) for r in dev} & {fold(r["title"]) for r in held}


@pytest.mark.parametrize("name", ["dev.jsonl", "heldout.jsonl"])
def test_bundled_gold_abstracts_are_the_ingested_ones(name: str, bundled: dict) -> None:
    for r in load(name):
        if r["source"] == "bundled":
            paper = bundled[r["id"]]
            assert (paper.title, paper.abstract) == (r["title"], r["abstract"]), r["id"]
