"""Classic neighbourhood scores, vectorised: one query node against every candidate at once.

The same five scores as ``networkx.algorithms.link_prediction`` (common neighbours, Jaccard,
Adamic-Adar, preferential attachment, resource allocation), computed on the undirected
training graph. Ranking needs every candidate's score, so each function returns a vector.

Example:
    >>> g = TrainGraph.from_edges(3, [(0, 1), (1, 2)])
    >>> common_neighbours(g, 0).tolist()
    [1.0, 0.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TrainGraph:
    """An undirected simple graph in CSR form (``indptr``, ``indices``) plus degrees."""

    size: int
    indptr: np.ndarray
    indices: np.ndarray
    degree: np.ndarray

    @classmethod
    def from_edges(cls, size: int, edges: Iterable[tuple[int, int]]) -> TrainGraph:
        neighbours: list[set[int]] = [set() for _ in range(size)]
        for a, b in edges:
            if a != b:
                neighbours[a].add(b)
                neighbours[b].add(a)
        degree = np.array([len(n) for n in neighbours], dtype=np.int64)
        indptr = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(degree, out=indptr[1:])
        indices = np.fromiter(
            (v for n in neighbours for v in sorted(n)), dtype=np.int64, count=int(degree.sum())
        )
        return cls(size, indptr, indices, degree)

    def neighbours(self, node: int) -> np.ndarray:
        return self.indices[self.indptr[node] : self.indptr[node + 1]]


def _weighted_two_hop(g: TrainGraph, node: int, weight: np.ndarray) -> np.ndarray:
    """``sum over common neighbours w of weight[w]`` for every candidate."""
    scores = np.zeros(g.size)
    for w in g.neighbours(node):
        scores[g.neighbours(w)] += weight[w]
    return scores


def common_neighbours(g: TrainGraph, node: int) -> np.ndarray:
    return _weighted_two_hop(g, node, np.ones(g.size))


def jaccard(g: TrainGraph, node: int) -> np.ndarray:
    common = common_neighbours(g, node)
    union = g.degree[node] + g.degree - common
    return np.divide(common, union, out=np.zeros(g.size), where=union > 0)


def adamic_adar(g: TrainGraph, node: int) -> np.ndarray:
    with np.errstate(divide="ignore"):
        weight = np.where(g.degree > 1, 1.0 / np.log(np.maximum(g.degree, 2)), 0.0)
    return _weighted_two_hop(g, node, weight)


def resource_allocation(g: TrainGraph, node: int) -> np.ndarray:
    weight = np.where(g.degree > 0, 1.0 / np.maximum(g.degree, 1), 0.0)
    return _weighted_two_hop(g, node, weight)


def preferential_attachment(g: TrainGraph, node: int) -> np.ndarray:
    return (g.degree[node] * g.degree).astype(float)


def constant(g: TrainGraph, node: int) -> np.ndarray:
    """Every candidate ties: the floor any useful score must beat."""
    return np.zeros(g.size)


Scorer = Callable[[TrainGraph, int], np.ndarray]

HEURISTICS: dict[str, Scorer] = {
    "common neighbours": common_neighbours,
    "Jaccard": jaccard,
    "Adamic-Adar": adamic_adar,
    "preferential attachment": preferential_attachment,
    "resource allocation": resource_allocation,
    "constant (all ties)": constant,
}
