from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from kg.linkpred.baseline import _auc, evaluate_heuristics, format_table, realistic_rank
from kg.linkpred.heuristics import (
    TrainGraph,
    adamic_adar,
    common_neighbours,
    jaccard,
    preferential_attachment,
    resource_allocation,
)
from kg.linkpred.split import split_random
from kg.linkpred.triples import LinkTriple


def test_realistic_rank_averages_optimistic_and_pessimistic() -> None:
    scores = np.array([0.9, 0.5, 0.5, 0.5, 0.1])
    # target index 2 ties with 1 and 3: optimistic 2, pessimistic 4
    assert realistic_rank(scores, 2, filtered=[]) == 3.0
    # filtering a tied true answer removes it from the competition
    assert realistic_rank(scores, 2, filtered=[1]) == 2.5
    assert realistic_rank(np.zeros(9), 4, filtered=[]) == 5.0  # all ties: (n + 1) / 2


def test_auc_matches_pairwise_definition() -> None:
    rng = np.random.default_rng(0)
    pos, neg = rng.integers(0, 4, 30).astype(float), rng.integers(0, 4, 25).astype(float)
    brute = np.mean([[1.0 if p > n else 0.5 if p == n else 0.0 for n in neg] for p in pos])
    assert _auc(pos, neg) == pytest.approx(brute)


@pytest.mark.parametrize(
    ("ours", "reference"),
    [
        (jaccard, nx.jaccard_coefficient),
        (adamic_adar, nx.adamic_adar_index),
        (resource_allocation, nx.resource_allocation_index),
        (preferential_attachment, nx.preferential_attachment),
    ],
)
def test_heuristics_agree_with_networkx(ours, reference) -> None:
    g = nx.gnm_random_graph(40, 120, seed=3)
    tg = TrainGraph.from_edges(40, g.edges())
    pairs = [(u, v) for u in range(0, 40, 3) for v in range(40) if u != v and not g.has_edge(u, v)]
    expected = {(u, v): s for u, v, s in reference(g, pairs)}
    for (u, v), s in expected.items():
        assert ours(tg, u)[v] == pytest.approx(s)
    assert common_neighbours(tg, 0)[5] == len(list(nx.common_neighbors(g, 0, 5)))


def clustered_triples(seed: int = 0) -> list[LinkTriple]:
    """Two communities: links inside a community are predictable from common neighbours."""
    rng = random.Random(seed)
    out = set()
    for community in range(2):
        nodes = [f"n{community}-{i}" for i in range(25)]
        for _ in range(200):
            a, b = rng.sample(nodes, 2)
            out.add(LinkTriple(a, "rel", b))
    return sorted(out)


def test_neighbourhood_heuristics_beat_the_all_ties_floor_on_structured_graph() -> None:
    split = split_random(clustered_triples(), seed=1)
    rows = {row.heuristic: row for row in evaluate_heuristics(split, seed=1)}
    floor = rows["constant (all ties)"]
    assert floor.auc == pytest.approx(0.5)
    for name in ("common neighbours", "Jaccard", "Adamic-Adar", "resource allocation"):
        assert rows[name].mrr > floor.mrr
        assert rows[name].auc > 0.7
    assert rows["common neighbours"].ranked == 2 * len(split.test)


def test_table_lists_every_heuristic() -> None:
    split = split_random(clustered_triples(), seed=2)
    table = format_table(evaluate_heuristics(split))
    assert table.splitlines()[0].startswith("| heuristic | MRR | Hits@1 | Hits@3 | Hits@10 | ROC-AUC |")
    assert len(table.splitlines()) == 2 + 6
