"""Train the relation model (:mod:`kg.extract.relation_model`) on gold annotations.

Each candidate pair the extractor proposes is labelled by the gold file: positive when the
gold lists (head, relation, tail) for the paper, negative otherwise; pairs touching an
optional gold entity teach nothing and are left out. One L2-regularised logistic
regression per relation is fitted by full-batch gradient descent (numpy, fixed order, so
the same gold gives a byte-identical model). A pair is added when the model finds it more
likely than not (probability 0.5). Per-relation thresholds chosen on out-of-fold F1 were
tried: on the development sets every rule was tuned on they came out higher (the rules
already look nearly complete there), and on dev4, scored before any tuning on it, they did
worse than 0.5 (relations F1 0.646 against 0.659).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kg.evaluation.gold import PAPER, GoldRecord
from kg.evaluation.scoring import _gold_index, _relation_key, gold_relation_keys
from kg.extract.pipeline import extract_candidates
from kg.extract.relation_model import CLASSIFIED, RelationCandidate, RelationModel
from kg.records import Paper, RelationType

MIN_COUNT = 2
L2 = 0.02
STEPS = 400
RATE = 0.5


@dataclass(frozen=True)
class Example:
    paper_id: str
    key: tuple[str, str, str]  # (gold head, relation, gold tail) the pair stands for
    candidate: RelationCandidate
    positive: bool


@dataclass(frozen=True)
class TrainingReport:
    papers: int
    examples: dict[str, tuple[int, int]]  # relation -> (positives, negatives)
    missing: dict[str, int]  # gold relations no candidate stands for
    model: RelationModel


def label(records: list[GoldRecord], candidates: dict[str, list[RelationCandidate]]) -> list[Example]:
    examples = []
    for record in records:
        index = _gold_index(record)
        gold = gold_relation_keys(record, index)
        for candidate in candidates.get(record.id, []):
            head, head_optional = _relation_key(candidate.head.text, index)
            tail, tail_optional = _relation_key(candidate.tail.text, index)
            key = (head, candidate.predicate.value, tail)
            if head_optional or tail_optional or gold.get(key, False):
                continue
            examples.append(Example(record.id, key, candidate, key in gold))
    return examples


def missing_counts(records: list[GoldRecord], examples: list[Example]) -> dict[str, int]:
    """Gold relations of the classified kinds that no candidate stands for: the model cannot
    find them (``kg train`` reports how many)."""
    covered = {(e.paper_id, e.key) for e in examples if e.positive}
    counts: dict[str, int] = {}
    classified = {p.value for p in CLASSIFIED}
    for record in records:
        for key, optional in gold_relation_keys(record, _gold_index(record)).items():
            if key[1] in classified and key[0] != PAPER and not optional and (record.id, key) not in covered:
                counts[key[1]] = counts.get(key[1], 0) + 1
    return counts


def _fit(examples: list[Example], vocabulary: list[str]) -> tuple[float, dict[str, float]]:
    """Weights of one relation's logistic regression."""
    position = {f: i for i, f in enumerate(vocabulary)}
    rows = [[position[f] for f in e.candidate.features if f in position] for e in examples]
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    columns = np.array([i for r in rows for i in r], dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), lengths)
    y = np.array([1.0 if e.positive else 0.0 for e in examples])
    w = np.zeros(len(vocabulary))
    bias = 0.0
    n = max(1, len(examples))
    for _ in range(STEPS):
        z = np.bincount(owner, weights=w[columns], minlength=len(rows)) + bias
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        error = p - y
        grad = np.bincount(columns, weights=error[owner], minlength=len(vocabulary)) / n + L2 * w
        w -= RATE * grad
        bias -= RATE * float(error.mean())
    return bias, {f: float(w[i]) for f, i in position.items()}


def _vocabulary(examples: list[Example]) -> list[str]:
    counts: dict[str, int] = {}
    for e in examples:
        for f in e.candidate.features:
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, c in counts.items() if c >= MIN_COUNT)


def fit(examples: list[Example]) -> RelationModel:
    """Weights for every classified relation."""
    weights: dict[tuple[RelationType, str], float] = {}
    bias: dict[RelationType, float] = {}
    for predicate in CLASSIFIED:
        mine = [e for e in examples if e.candidate.predicate is predicate]
        b, table = _fit(mine, _vocabulary(mine))
        bias[predicate] = b
        weights.update({(predicate, f): v for f, v in table.items()})
    return RelationModel(weights, bias, {p: 0.5 for p in CLASSIFIED})


DECISION = 0.5


def train(records: list[GoldRecord]) -> TrainingReport:
    records = sorted(records, key=lambda r: r.id)  # the same gold in any file order, the same model
    papers = [Paper(id=r.id, title=r.title, abstract=r.abstract, sources=()) for r in records]
    candidates = dict(extract_candidates(papers))
    examples = label(records, candidates)
    missing = missing_counts(records, examples)
    fitted = fit(examples)
    counts = {
        p.value: (
            sum(e.positive for e in examples if e.candidate.predicate is p),
            sum(not e.positive for e in examples if e.candidate.predicate is p),
        )
        for p in CLASSIFIED
    }
    model = RelationModel(fitted.weights, fitted.bias, {p: DECISION for p in CLASSIFIED})
    return TrainingReport(len(records), dict(sorted(counts.items())), dict(sorted(missing.items())), model)
