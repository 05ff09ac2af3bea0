"""``kg eval``'s work: run the extraction on each gold record and score it.

The score of the whole file, and separately of the records written for the gold set
(``source == "written"``: names no lexicon lists), so that generalisation shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.evaluation.gold import GoldRecord
from kg.evaluation.predict import predict
from kg.evaluation.scoring import (
    CORE,
    Counts,
    Miss,
    PaperScore,
    Prediction,
    score_entities,
    score_relations,
    score_results,
)
from kg.extract import extract_papers
from kg.extract.relation_model import RelationModel
from kg.records import EntityType, Paper


@dataclass(frozen=True)
class Scores:
    records: int
    entities: dict[str, Counts]
    relations: dict[str, Counts]
    results: dict[str, Counts]

    @property
    def core_micro(self) -> Counts:
        return sum((self.entities.get(t.value, Counts()) for t in CORE), Counts())

    @property
    def all_micro(self) -> Counts:
        return sum((self.entities.get(t.value, Counts()) for t in EntityType), Counts())

    @property
    def relation_micro(self) -> Counts:
        return sum(self.relations.values(), Counts())


@dataclass(frozen=True)
class EvalReport:
    overall: Scores
    written: Scores
    misses: tuple[Miss, ...] = field(default_factory=tuple)


def _sum(scores: Iterable[PaperScore], records: int) -> Scores:
    entities: dict[str, Counts] = {}
    relations: dict[str, Counts] = {}
    results: dict[str, Counts] = {}
    for score in scores:
        for target, source in (
            (entities, score.entities),
            (relations, score.relations),
            (results, score.results),
        ):
            for key, counts in source.items():
                target[key] = target.get(key, Counts()) + counts
    return Scores(
        records,
        dict(sorted(entities.items())),
        dict(sorted(relations.items())),
        dict(sorted(results.items())),
    )


def score_paper(gold: GoldRecord, prediction: Prediction) -> PaperScore:
    score = PaperScore()
    score_entities(gold, prediction, score)
    score_relations(gold, prediction, score)
    score_results(gold, prediction, score)
    return score


def evaluate(records: list[GoldRecord], relation_model: RelationModel | None | str = "shipped") -> EvalReport:
    """``relation_model`` as in :func:`kg.extract.extract_papers` (``None``: rules alone)."""
    papers = [Paper(id=r.id, title=r.title, abstract=r.abstract, sources=()) for r in records]
    predictions = {e.paper_id: predict(e) for e in extract_papers(papers, relation_model=relation_model)}
    scored = [(record, score_paper(record, predictions[record.id])) for record in records]
    written = [s for r, s in scored if r.source == "written"]
    misses = tuple(m for _, s in scored for m in s.misses)
    return EvalReport(_sum((s for _, s in scored), len(scored)), _sum(written, len(written)), misses)
