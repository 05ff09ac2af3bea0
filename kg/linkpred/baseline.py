"""Heuristic baselines scored in PyKEEN's protocol.

Rank-based, filtered, both sides: for each test triple (h, r, t) the true tail is ranked
against every entity as tail of (h, r, ?), and the true head against every entity as head
of (?, r, t); other known true triples (train, valid or test) are filtered out of the
candidates. Ties take the *realistic* rank, the mean of the optimistic and pessimistic
ranks (PyKEEN's default), so a score that ties everything gets rank (n + 1) / 2, not 1.
ROC-AUC compares each test triple with one corrupted triple (head or tail replaced by a
random entity, never a known true triple), drawn with a fixed seed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kg.linkpred.heuristics import HEURISTICS, Scorer, TrainGraph
from kg.linkpred.split import Split
from kg.linkpred.triples import LinkTriple

HITS_AT = (1, 3, 10)


@dataclass(frozen=True)
class BaselineRow:
    heuristic: str
    mrr: float
    hits: tuple[float, ...]
    auc: float
    ranked: int


def realistic_rank(scores: np.ndarray, true_index: int, filtered: Sequence[int]) -> float:
    """Mean of optimistic and pessimistic rank of ``true_index`` after removing ``filtered``."""
    keep = np.ones(scores.shape[0], dtype=bool)
    keep[list(filtered)] = False
    keep[true_index] = True
    candidates = scores[keep]
    target = scores[true_index]
    optimistic = 1 + int(np.sum(candidates > target))
    pessimistic = int(np.sum(candidates >= target))
    return (optimistic + pessimistic) / 2


def _auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Probability that a positive outscores a negative, ties counting one half (Mann-Whitney)."""
    if positive.size == 0 or negative.size == 0:
        return float("nan")
    both = np.concatenate([positive, negative])
    order = both.argsort(kind="mergesort")
    ranks = np.empty(both.size)
    sorted_scores = both[order]
    i = 0
    while i < both.size:
        j = i
        while j + 1 < both.size and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos_rank_sum = ranks[: positive.size].sum()
    return float((pos_rank_sum - positive.size * (positive.size + 1) / 2) / (positive.size * negative.size))


def evaluate_heuristics(
    split: Split, on: str = "test", seed: int = 42, heuristics: dict[str, Scorer] | None = None
) -> list[BaselineRow]:
    """Score every heuristic on ``split.test`` (or ``valid``) and return one row each."""
    held: tuple[LinkTriple, ...] = split.test if on == "test" else split.valid
    everything = [*split.train, *split.valid, *split.test]
    entities = sorted({n for t in everything for n in (t.head, t.tail)})
    index = {e: i for i, e in enumerate(entities)}
    graph = TrainGraph.from_edges(len(entities), ((index[t.head], index[t.tail]) for t in split.train))
    tails: dict[tuple[str, str], set[int]] = defaultdict(set)
    heads: dict[tuple[str, str], set[int]] = defaultdict(set)
    for t in everything:
        tails[(t.head, t.relation)].add(index[t.tail])
        heads[(t.relation, t.tail)].add(index[t.head])
    negatives = _corrupt(held, entities, index, tails, heads, seed)
    rows = []
    for name, scorer in (heuristics or HEURISTICS).items():
        cache: dict[int, np.ndarray] = {}

        def score_from(
            node: int, scorer: Scorer = scorer, cache: dict[int, np.ndarray] = cache
        ) -> np.ndarray:
            if node not in cache:
                cache[node] = scorer(graph, node)
            return cache[node]

        ranks = []
        positive = []
        for t in held:
            h, r, o = index[t.head], t.relation, index[t.tail]
            ranks.append(realistic_rank(score_from(h), o, tails[(t.head, r)] - {o}))
            ranks.append(realistic_rank(score_from(o), h, heads[(r, t.tail)] - {h}))
            positive.append(score_from(h)[o])
        negative = [score_from(a)[b] for a, b in negatives]
        rank_array = np.array(ranks) if ranks else np.array([np.nan])
        rows.append(
            BaselineRow(
                heuristic=name,
                mrr=float(np.mean(1.0 / rank_array)),
                hits=tuple(float(np.mean(rank_array <= k)) for k in HITS_AT),
                auc=_auc(np.array(positive), np.array(negative)),
                ranked=len(ranks),
            )
        )
    return rows


def _corrupt(
    held: Sequence[LinkTriple],
    entities: list[str],
    index: dict[str, int],
    tails: dict[tuple[str, str], set[int]],
    heads: dict[tuple[str, str], set[int]],
    seed: int,
) -> list[tuple[int, int]]:
    """One negative (head index, tail index) per held-out triple, alternating the corrupted side."""
    rng = random.Random(seed)
    negatives = []
    for i, t in enumerate(held):
        for _ in range(100):
            candidate = rng.randrange(len(entities))
            if i % 2 == 0 and candidate not in tails[(t.head, t.relation)]:
                negatives.append((index[t.head], candidate))
                break
            if i % 2 == 1 and candidate not in heads[(t.relation, t.tail)]:
                negatives.append((candidate, index[t.tail]))
                break
    return negatives


def format_table(rows: Sequence[BaselineRow]) -> str:
    """A Markdown table, the same one the README shows."""
    header = "| heuristic | MRR | " + " | ".join(f"Hits@{k}" for k in HITS_AT) + " | ROC-AUC |"
    lines = [header, "|" + " --- |" * (len(HITS_AT) + 3)]
    for row in rows:
        hits = " | ".join(f"{h:.3f}" for h in row.hits)
        lines.append(f"| {row.heuristic} | {row.mrr:.3f} | {hits} | {row.auc:.3f} |")
    return "\n".join(lines)
