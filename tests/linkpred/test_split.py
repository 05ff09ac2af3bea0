from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from kg.errors import MlkgError
from kg.linkpred.leakage import check_leakage
from kg.linkpred.split import pair_of, split_random, split_temporal
from kg.linkpred.triples import LinkTriple, read_triples


def synthetic_triples(n_papers: int = 120, seed: int = 0) -> list[LinkTriple]:
    """Papers mention models and datasets and state model-dataset results; a proposes edge
    always repeats a mentions edge. Each paper is a new node, so in a temporal split only
    facts between already known entities can be held out."""
    rng = random.Random(seed)
    models = [f"model/m{i}" for i in range(15)]
    datasets = [f"dataset/d{i}" for i in range(8)]
    out: set[LinkTriple] = set()
    start = date(2020, 1, 1)
    for p in range(n_papers):
        day = start + timedelta(days=7 * p) if p % 5 else None
        paper = f"paper/p{p}"
        for m in rng.sample(models, 2):
            out.add(LinkTriple(paper, "mentions", m, day))
        dataset = rng.choice(datasets)
        out.add(LinkTriple(paper, "mentions", dataset, day))
        out.add(LinkTriple(rng.choice(models), "evaluatedOn", dataset, day))
        if p % 3 == 0:
            m = f"model/new{p}"
            out.add(LinkTriple(paper, "mentions", m, day))
            out.add(LinkTriple(paper, "proposes", m, day))
            out.add(LinkTriple(m, "variantOf", rng.choice(models), day))
            out.add(LinkTriple(m, "evaluatedOn", rng.choice(datasets), day))
    return sorted(out)


def test_same_seed_same_split_other_seed_other_split() -> None:
    ts = synthetic_triples()
    assert split_random(ts, seed=7) == split_random(ts, seed=7)
    assert split_random(ts, seed=7).test != split_random(ts, seed=8).test


def test_random_split_is_complete_and_has_no_leak() -> None:
    ts = synthetic_triples()
    s = split_random(ts, seed=3)
    assert sorted([*s.train, *s.valid, *s.test]) == ts
    assert s.valid and s.test
    report = check_leakage(s)
    assert report.clean, report


def test_proposes_and_mentions_of_one_pair_never_straddle_splits() -> None:
    s = split_random(synthetic_triples(), seed=5)
    train_pairs = {pair_of(t) for t in s.train}
    held = [t for t in [*s.valid, *s.test] if t.relation == "proposes"]
    assert all(pair_of(t) not in train_pairs for t in held)


def test_every_held_out_entity_occurs_in_train() -> None:
    s = split_random(synthetic_triples(), seed=11, ratios=(0.5, 0.25, 0.25))
    seen = {n for t in s.train for n in (t.head, t.tail)}
    assert all(t.head in seen and t.tail in seen for t in [*s.valid, *s.test])
    assert s.moved_to_train > 0  # new models exist only in their own paper: they had to move


def test_name_derived_edges_stay_in_train_unless_asked() -> None:
    ts = synthetic_triples()
    s = split_random(ts, seed=1)
    assert not [t for t in [*s.valid, *s.test] if t.relation == "variantOf"]
    asked = [split_random(ts, seed=k, derived_in_test=True) for k in range(5)]
    assert any(t.relation == "variantOf" for a in asked for t in [*a.valid, *a.test])


def test_bad_ratios_are_refused() -> None:
    with pytest.raises(MlkgError, match="ratios"):
        split_random(synthetic_triples(), ratios=(0.8, 0.3, 0.1))


def test_temporal_split_respects_time() -> None:
    s = split_temporal(synthetic_triples())
    train_until = date.fromisoformat(s.notes["train_until"])
    valid_until = date.fromisoformat(s.notes["valid_until"])
    dated_train = [t.first_seen for t in s.train if t.first_seen]
    assert max(dated_train) <= train_until
    assert all(train_until < t.first_seen <= valid_until for t in s.valid)
    assert all(t.first_seen > valid_until for t in s.test)
    assert s.test and s.valid
    assert all(t.relation == "evaluatedOn" for t in [*s.valid, *s.test])
    # undated facts are background knowledge in train
    assert any(t.first_seen is None for t in s.train)
    assert int(s.notes["undated_in_train"]) == sum(1 for t in s.train if t.first_seen is None)
    assert check_leakage(s).clean


def test_temporal_split_sets_aside_facts_about_entities_born_later() -> None:
    s = split_temporal(synthetic_triples())
    seen = {n for t in s.train for n in (t.head, t.tail)}
    assert s.dropped, "new models proposed after the cut-off must be set aside"
    assert all(t.head not in seen or t.tail not in seen or t.relation == "variantOf" for t in s.dropped)


def test_temporal_split_needs_dates() -> None:
    with pytest.raises(MlkgError, match="dated"):
        split_temporal([LinkTriple("paper/a", "mentions", "model/x")])


def test_fixture_graph_temporal_split(fixture_graph: Path) -> None:
    s = split_temporal(read_triples(fixture_graph).triples, ratios=(0.6, 0.2, 0.2))
    assert {t.first_seen for t in s.train if t.first_seen} <= {
        date(2020, 1, 10),
        date(2021, 3, 5),
        date(2022, 6, 1),
    }
    assert check_leakage(s).clean
