"""Relations -> facts between canonical entities, checked against domains and ranges.

A relation whose ends resolve to types the ontology does not allow (a "Dataset
outperforms ...") is dropped; the same (subject, predicate, object) found twice in one
paper is kept once, with its most confident evidence. Lexicon families become
``variantOf`` facts too, with the variant's first mention as evidence.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.lexicon import LexiconEntry
from kg.extract.relations import SIGNATURES
from kg.records import EntityType, Fact, PaperExtraction, RelationType
from kg.resolve.normalise import norm_key

ALLOWED: dict[RelationType, tuple[set[EntityType], set[EntityType]]] = {
    predicate: (heads, tails) for predicate, (heads, tails, _) in SIGNATURES.items()
}
ALLOWED[RelationType.VARIANT_OF] = ({EntityType.MODEL}, {EntityType.MODEL})
ALLOWED[RelationType.PROPOSES] = (set(), set(EntityType))


def _fits(predicate: RelationType, head: EntityType | None, tail: EntityType) -> bool:
    heads, tails = ALLOWED[predicate]
    return tail in tails and (head is None or head in heads)


def build_facts(
    extractions: list[PaperExtraction],
    key_of: Callable[[str, str], str | None],
    types: dict[str, EntityType],
    lexicon_keys: dict[str, LexiconEntry],
) -> list[Fact]:
    best: dict[tuple[str, RelationType, str, str], Fact] = {}

    def keep(fact: Fact) -> None:
        key = (fact.subject, fact.predicate, fact.object, fact.paper_id)
        current = best.get(key)
        if current is None or (-fact.confidence, fact.evidence) < (-current.confidence, current.evidence):
            best[key] = fact

    for extraction in extractions:
        for relation in extraction.relations:
            paper = extraction.paper_id
            tail = key_of(relation.tail.text, paper)
            head = key_of(relation.head.text, paper) if relation.head else None
            if tail is None or (relation.head is not None and head is None) or head == tail:
                continue
            if not _fits(relation.predicate, types.get(head) if head else None, types[tail]):
                continue
            subject = head if head is not None else extraction.paper_id
            keep(
                Fact(
                    subject,
                    relation.predicate,
                    tail,
                    extraction.paper_id,
                    relation.sentence,
                    relation.confidence,
                    relation.rule,
                )
            )
        for mention in extraction.mentions:
            entry = lexicon_keys.get(norm_key(mention.text))
            if entry is None or not entry.family:
                continue
            head, tail = key_of(mention.text, extraction.paper_id), key_of(entry.family, extraction.paper_id)
            if head and tail and head != tail and _fits(RelationType.VARIANT_OF, types[head], types[tail]):
                keep(
                    Fact(
                        head,
                        RelationType.VARIANT_OF,
                        tail,
                        extraction.paper_id,
                        mention.sentence,
                        0.9,
                        "lexicon:family",
                    )
                )
    return sorted(
        best.values(), key=lambda f: (f.subject, f.predicate.value, f.object, f.paper_id, f.evidence)
    )
