"""Precision, recall and F1 of predictions against gold, per type and micro-averaged.

Matching follows the annotation guideline: names are equal after folding case, spaces,
hyphens and slashes; a gold entity's aliases are the same entity; optional gold entities
(and relations touching them) are neither required nor penalised; ``alt_types`` are
accepted. Counts are over distinct (paper, entity, type) and (paper, head, rel, tail).

Example:
    >>> Counts(tp=3, fp=1, fn=2).f1
    0.6667
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.evaluation.gold import PAPER, GoldEntity, GoldRecord, fold_name
from kg.records import EntityType, RelationType

CORE = (EntityType.MODEL, EntityType.DATASET, EntityType.METHOD, EntityType.HARDWARE)


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return round(self.tp / (self.tp + self.fp), 4) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return round(self.tp / (self.tp + self.fn), 4) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.tp / max(1, self.tp + self.fp), self.tp / max(1, self.tp + self.fn)
        return round(2 * p * r / (p + r), 4) if p + r else 0.0


@dataclass(frozen=True)
class PredictedEntity:
    names: tuple[str, ...]
    type: EntityType


@dataclass(frozen=True)
class PredictedResult:
    value: str
    model: str | None = None
    dataset: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class Prediction:
    """What the pipeline says about one paper, as plain names."""

    paper_id: str
    entities: tuple[PredictedEntity, ...] = ()
    relations: tuple[tuple[str, RelationType, str], ...] = ()
    results: tuple[PredictedResult, ...] = ()


@dataclass(frozen=True)
class Miss:
    """A gold item not found (``kind="miss"``) or a prediction not in gold (``"false-positive"``)."""

    paper_id: str
    kind: str
    what: str
    detail: str


@dataclass
class PaperScore:
    entities: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    results: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    def add(self, table: dict[str, Counts], key: str, counts: Counts) -> None:
        table[key] = table.get(key, Counts()) + counts


def _gold_index(gold: GoldRecord) -> dict[str, GoldEntity]:
    index: dict[str, GoldEntity] = {}
    for entity in gold.entities:
        for key in sorted(entity.keys):
            index.setdefault(key, entity)
    return index


def _entity_of(name: str, index: dict[str, GoldEntity]) -> GoldEntity | None:
    return index.get(fold_name(name))


def score_entities(gold: GoldRecord, prediction: Prediction, score: PaperScore) -> None:
    index = _gold_index(gold)
    found: set[str] = set()
    for predicted in prediction.entities:
        matches = {id(g): g for n in predicted.names if (g := _entity_of(n, index)) is not None}
        accepted = [g for g in matches.values() if g.accepts(predicted.type)]
        if accepted:
            found.update(g.name for g in accepted)
            continue
        if matches and all(g.optional for g in matches.values()):
            continue
        score.add(score.entities, predicted.type.value, Counts(fp=1))
        wrong = f" (gold type {next(iter(matches.values())).type.value})" if matches else ""
        score.misses.append(
            Miss(gold.id, "false-positive", f"{predicted.type.value}: {predicted.names[0]}", wrong.strip())
        )
    for entity in gold.entities:
        if entity.optional:
            continue
        if entity.name in found:
            score.add(score.entities, entity.type.value, Counts(tp=1))
        else:
            score.add(score.entities, entity.type.value, Counts(fn=1))
            score.misses.append(Miss(gold.id, "miss", f"{entity.type.value}: {entity.name}", ""))


def _relation_key(name: str, index: dict[str, GoldEntity]) -> tuple[str, bool]:
    """The gold entity a relation end names (and whether it is optional), or the folded name."""
    if name == PAPER:
        return PAPER, False
    entity = _entity_of(name, index)
    return (entity.name, entity.optional) if entity else ("?" + fold_name(name), False)


def gold_relation_keys(gold: GoldRecord, index: dict[str, GoldEntity]) -> dict[tuple[str, str, str], bool]:
    """Each gold relation as (gold head, relation, gold tail) -> whether it touches an optional entity."""
    keys: dict[tuple[str, str, str], bool] = {}
    for rel in gold.relations:
        head, head_optional = _relation_key(rel.head, index)
        tail, tail_optional = _relation_key(rel.tail, index)
        keys[(head, rel.rel.value, tail)] = head_optional or tail_optional
    return keys


def score_relations(gold: GoldRecord, prediction: Prediction, score: PaperScore) -> None:
    index = _gold_index(gold)
    gold_keys = gold_relation_keys(gold, index)
    predicted: set[tuple[str, str, str]] = set()
    for head_name, rel, tail_name in prediction.relations:
        head, head_optional = _relation_key(head_name, index)
        tail, tail_optional = _relation_key(tail_name, index)
        key = (head, rel.value, tail)
        if key in predicted:
            continue
        predicted.add(key)
        if key in gold_keys:
            if not gold_keys[key]:
                score.add(score.relations, rel.value, Counts(tp=1))
        elif not (head_optional or tail_optional):
            score.add(score.relations, rel.value, Counts(fp=1))
            score.misses.append(
                Miss(gold.id, "false-positive", f"{rel.value}: {head_name} -> {tail_name}", "")
            )
    for (head, rel, tail), optional in sorted(gold_keys.items()):
        if not optional and (head, rel, tail) not in predicted:
            score.add(score.relations, rel, Counts(fn=1))
            score.misses.append(Miss(gold.id, "miss", f"{rel}: {head} -> {tail}", ""))


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def value_key(text: str) -> tuple[str, ...]:
    """The numbers of a reported value ("1.4 - 7.8 times" -> ("1.4", "7.8"))."""
    return tuple(n.rstrip("0").rstrip(".") if "." in n else n for n in _NUMBER.findall(text.replace(",", "")))


def score_results(gold: GoldRecord, prediction: Prediction, score: PaperScore) -> None:
    """Two scores: ``value`` (the number is reported) and ``full`` (with its model, dataset, metric)."""
    index = _gold_index(gold)

    def end(name: str | None) -> str | None:
        return None if name is None else _relation_key(name, index)[0]

    gold_values = {value_key(r.value) for r in gold.results}
    pred_values = {value_key(r.value) for r in prediction.results}
    score.add(
        score.results,
        "value",
        Counts(
            len(gold_values & pred_values), len(pred_values - gold_values), len(gold_values - pred_values)
        ),
    )
    gold_full = {(value_key(r.value), end(r.model), end(r.dataset), end(r.metric)) for r in gold.results}
    pred_full = {
        (value_key(r.value), end(r.model), end(r.dataset), end(r.metric)) for r in prediction.results
    }
    score.add(
        score.results,
        "full",
        Counts(len(gold_full & pred_full), len(pred_full - gold_full), len(gold_full - pred_full)),
    )
    for item in sorted(gold_full - pred_full, key=str):
        score.misses.append(
            Miss(
                gold.id,
                "miss",
                f"result: {' '.join(item[0])}",
                f"model={item[1]} dataset={item[2]} metric={item[3]}",
            )
        )
