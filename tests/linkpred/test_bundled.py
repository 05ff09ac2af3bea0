"""Link prediction on the real bundled graph: the properties a researcher relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.linkpred import evaluate_heuristics, read_triples, split_random, split_temporal
from kg.linkpred.split import pair_of


@pytest.fixture(scope="module")
def bundled_triples(bundled_build: Path):
    return read_triples(bundled_build)


def test_bundled_random_split_has_no_leak_of_any_kind(bundled_triples) -> None:
    split = split_random(bundled_triples.triples, seed=42)
    train = {(t.head, t.relation, t.tail) for t in split.train}
    train_pairs = {pair_of(t) for t in split.train}
    train_nodes = {n for t in split.train for n in (t.head, t.tail)}
    held = [*split.valid, *split.test]
    assert len(held) > 100
    for t in held:
        assert (t.head, t.relation, t.tail) not in train
        assert (t.tail, t.relation, t.head) not in train
        assert pair_of(t) not in train_pairs  # e.g. proposes in test, mentions of the same pair in train
        assert t.head in train_nodes and t.tail in train_nodes
        assert t.relation != "variantOf"


def test_bundled_split_is_reproducible_from_the_seed(bundled_triples) -> None:
    assert split_random(bundled_triples.triples, seed=3) == split_random(bundled_triples.triples, seed=3)


def test_bundled_temporal_split_trains_only_on_the_past(bundled_triples) -> None:
    split = split_temporal(bundled_triples.triples)
    cut = split.notes["train_until"]
    assert all(t.first_seen is None or t.first_seen.isoformat() <= cut for t in split.train)
    assert all(t.first_seen.isoformat() > cut for t in [*split.valid, *split.test])


def test_bundled_baselines_rank_above_the_all_ties_floor(bundled_triples) -> None:
    rows = {r.heuristic: r for r in evaluate_heuristics(split_random(bundled_triples.triples, seed=42))}
    floor = rows.pop("constant (all ties)")
    assert rows["preferential attachment"].mrr > floor.mrr
    assert all(0.0 <= r.mrr <= 1.0 and 0.0 <= r.auc <= 1.0 for r in rows.values())
