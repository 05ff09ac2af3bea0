"""A paper's extraction as plain names, the shape gold annotations have.

Mentions whose names fold to the same key, or that an abbreviation pair links
("Token Merging" / "ToMe"), are one predicted entity; its type is the confidence-weighted
majority of its mentions' types, as in the resolver. Model sizes are not compared with
gold results (the guideline does not count them as results).
"""

from __future__ import annotations

from kg.evaluation.gold import PAPER, fold_name
from kg.evaluation.scoring import PredictedEntity, PredictedResult, Prediction
from kg.records import EntityType, PaperExtraction

# Model sizes ("436M parameters") are extracted for the graph, but the annotation guideline
# does not count a model's size as a result, so they are left out of the comparison.
SIZE_RULE = "result:size"


def _groups(extraction: PaperExtraction) -> dict[str, str]:
    """Folded name -> representative folded name (union of abbreviation pairs)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for mention in extraction.mentions:
        find(fold_name(mention.text))
    for pair in extraction.abbreviations:
        a, b = find(fold_name(pair.short_form)), find(fold_name(pair.long_form))
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {key: find(key) for key in list(parent)}


def predict(extraction: PaperExtraction) -> Prediction:
    groups = _groups(extraction)
    names: dict[str, dict[str, None]] = {}
    votes: dict[str, dict[EntityType, float]] = {}
    for mention in extraction.mentions:
        root = groups[fold_name(mention.text)]
        names.setdefault(root, {})[mention.text] = None
        weight = mention.confidence + (1.0 if mention.rule == "lexicon" else 0.0)
        table = votes.setdefault(root, {})
        table[mention.type] = table.get(mention.type, 0.0) + weight
    entities = tuple(
        PredictedEntity(tuple(names[root]), max(sorted(votes[root].items()), key=lambda kv: kv[1])[0])
        for root in sorted(names)
    )
    relations = tuple(
        (r.head.text if r.head else PAPER, r.predicate, r.tail.text) for r in extraction.relations
    )
    results = tuple(
        PredictedResult(
            r.text,
            r.model.text if r.model else None,
            r.dataset.text if r.dataset else None,
            r.metric.text if r.metric else None,
        )
        for r in extraction.results
        if r.rule != SIZE_RULE
    )
    return Prediction(extraction.paper_id, entities, relations, results)
