"""Leakage checks for a split, matching PyKEEN's ``pykeen.triples.leakage`` and going past it.

PyKEEN (after Toutanova & Chen 2015 and Akrami et al. 2020) looks for *relations* that are
near-duplicates or near-inverses of each other: the Jaccard similarity of their (head, tail)
pair sets, or of one relation's pairs with the other's reversed pairs, above 0.97. We report
the same two tables, and then check the split triple by triple: a held-out triple must not
be in training, nor its reverse, nor the same pair under any other relation; and every
held-out entity must occur in training.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.linkpred.split import Split, pair_of
from kg.linkpred.triples import LinkTriple

#: Toutanova & Chen's threshold, PyKEEN's default ``minimum_frequency``.
MINIMUM_FREQUENCY = 0.97


@dataclass(frozen=True)
class LeakageReport:
    """Counts of each kind of leak (all zero for a clean split) and PyKEEN's relation tables."""

    exact: int
    inverse: int
    same_pair_other_relation: int
    unseen_entities: int
    duplicate_relations: tuple[tuple[str, str, float], ...]
    inverse_relations: tuple[tuple[str, str, float], ...]

    @property
    def clean(self) -> bool:
        return self.exact == self.inverse == self.same_pair_other_relation == self.unseen_entities == 0


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _pairs_by_relation(triples: Iterable[LinkTriple]) -> dict[str, set[tuple[str, str]]]:
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for t in triples:
        pairs[t.relation].add((t.head, t.tail))
    return dict(sorted(pairs.items()))


def _similar_relations(
    pairs: dict[str, set[tuple[str, str]]],
    others: dict[str, set[tuple[str, str]]],
    minimum_frequency: float,
) -> tuple[tuple[str, str, float], ...]:
    """Relation pairs (r1, r2) whose ``pairs[r1]`` and ``others[r2]`` overlap above the threshold."""
    found = []
    for r1, r2 in itertools.combinations(pairs, 2):
        score = jaccard(pairs[r1], others[r2])
        if score > minimum_frequency:
            found.append((r1, r2, round(score, 4)))
    return tuple(found)


def candidate_duplicate_relations(
    triples: Sequence[LinkTriple], minimum_frequency: float = MINIMUM_FREQUENCY
) -> tuple[tuple[str, str, float], ...]:
    """Relation pairs whose (head, tail) sets overlap above the threshold (PyKEEN's duplicates)."""
    pairs = _pairs_by_relation(triples)
    return _similar_relations(pairs, pairs, minimum_frequency)


def candidate_inverse_relations(
    triples: Sequence[LinkTriple], minimum_frequency: float = MINIMUM_FREQUENCY
) -> tuple[tuple[str, str, float], ...]:
    """Relation pairs where one's pairs match the other's reversed pairs (PyKEEN's inverses)."""
    pairs = _pairs_by_relation(triples)
    reversed_pairs = {r: {(t, h) for h, t in ps} for r, ps in pairs.items()}
    return _similar_relations(pairs, reversed_pairs, minimum_frequency)


def check_leakage(split: Split, minimum_frequency: float = MINIMUM_FREQUENCY) -> LeakageReport:
    """Count every leak from train into valid/test; a split from :mod:`kg.linkpred.split` has none."""
    train_triples = {(t.head, t.relation, t.tail) for t in split.train}
    train_pairs_any = {pair_of(t) for t in split.train}
    train_entities = {n for t in split.train for n in (t.head, t.tail)}
    exact = inverse = other = unseen = 0
    for t in itertools.chain(split.valid, split.test):
        if (t.head, t.relation, t.tail) in train_triples:
            exact += 1
        elif (t.tail, t.relation, t.head) in train_triples:
            inverse += 1
        elif pair_of(t) in train_pairs_any:
            other += 1
        if t.head not in train_entities or t.tail not in train_entities:
            unseen += 1
    everything = [*split.train, *split.valid, *split.test]
    return LeakageReport(
        exact=exact,
        inverse=inverse,
        same_pair_other_relation=other,
        unseen_entities=unseen,
        duplicate_relations=candidate_duplicate_relations(everything, minimum_frequency),
        inverse_relations=candidate_inverse_relations(everything, minimum_frequency),
    )
