"""Relations between two entities of one sentence, typed by the ontology's domains and ranges.

A relation needs a trigger phrase (``ontology/extraction/triggers.tsv``) between its
two mentions, or just before the tail for the prepositional ones ("on ImageNet",
"on 8 A100 GPUs"). When the sentence names no model but speaks for the authors ("we",
"our"), the head is what the paper proposes. ``variantOf`` comes from the names
themselves: ``ViT-B/16`` -> ``ViT``, ``ResNet50`` -> ``ResNet``.

Example:
    >>> family_prefix("ViT-B/16"), family_prefix("ResNet50"), family_prefix("YOLOv7-E6"), family_prefix("TinyCLIP")
    ('ViT', 'ResNet', 'YOLO', None)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.rules import ExtractionRules, default_rules
from kg.records import EntityType, Mention, Relation, RelationType

M, D, ME, H, T = EntityType.MODEL, EntityType.DATASET, EntityType.METHOD, EntityType.HARDWARE, EntityType.TASK
# predicate -> (head types, tail types, trigger must sit between the two | just before the tail)
SIGNATURES: dict[RelationType, tuple[set[EntityType], set[EntityType], str]] = {
    RelationType.TRAINED_ON: ({M, ME}, {D}, "between"),
    RelationType.EVALUATED_ON: ({M, ME}, {D}, "before-tail"),
    RelationType.RUNS_ON: ({M, ME}, {H}, "before-tail"),
    RelationType.OUTPERFORMS: ({M, ME}, {M, ME}, "between"),
    RelationType.USES_METHOD: ({M, ME}, {ME}, "between"),
    RelationType.ADDRESSES_TASK: ({M, ME}, {T}, "before-tail"),
}
CONFIDENCE = {"between": 0.75, "before-tail": 0.65, "paper": 0.55}
_FAMILY = re.compile(
    r"^(?P<family>[A-Za-z][A-Za-z]*?[A-Za-z])(?:[vV]\d+(?:\.\d+)?)?"
    r"(?:[-_ ]|(?=\d))(?P<rest>(?:\d[\w./-]*|[A-Z][a-z]?(?:/\d+)?|XL|XXL|Ti|Tiny|Small|Base|Large|Huge|Mini|[A-Z]\d+[\w./-]*))$"
)
_VERSION = re.compile(r"^(?P<family>[A-Za-z]*[A-Za-z])[vV]\d+(?:[-.]\w+)*$")


def family_prefix(name: str) -> str | None:
    """The family a variant name belongs to, when its shape says so (``None`` otherwise)."""
    match = _VERSION.match(name) or _FAMILY.match(name)
    if match is None:
        return None
    family = match.group("family")
    return family if len(family) >= 2 and family != name else None


def _has_trigger(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {' '.join(re.findall(r'[a-z0-9-]+', text.lower()))} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _tail_context(doc: Doc, tail: Span, sent: Span) -> str:
    """Up to four words before the tail, stopping at another entity or clause punctuation."""
    words = []
    for token in reversed(doc[max(sent.start, tail.start - 4) : tail.start]):
        if token.ent_type_ or token.text in {",", ";", ":", "(", ")"}:
            break
        words.append(token.text)
    return " ".join(reversed(words))


def _variant_relations(mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    relations = []
    for _, mention in mentions:
        if mention.type is not M:
            continue
        family = family_prefix(mention.text)
        if family is None:
            continue
        tail = Mention(
            family, M, mention.field, mention.start, mention.start + len(family), mention.sentence,
            mention.sentence_start, round(mention.confidence * 0.9, 2), "variant:name",
        )
        relations.append(Relation(mention, RelationType.VARIANT_OF, tail, mention.sentence, tail.confidence, "variant:name"))
    return relations


def _speaks_for_authors(sent: Span) -> bool:
    return any(t.lower_ in {"we", "our", "ours"} for t in sent)


def find_relations(
    doc: Doc,
    mentions: list[tuple[Span, Mention]],
    proposed: list[Mention],
    rules: ExtractionRules | None = None,
) -> list[Relation]:
    rules = rules or default_rules()
    relations = _variant_relations(mentions)
    by_sentence: dict[int, list[tuple[Span, Mention]]] = {}
    for span, mention in mentions:
        by_sentence.setdefault(span.sent.start, []).append((span, mention))
    for group in by_sentence.values():
        sent = group[0][0].sent
        for predicate, (heads, tails, where) in SIGNATURES.items():
            phrases = rules.triggers.get(predicate, ())
            for tail_span, tail in group:
                if tail.type not in tails:
                    continue
                found = _heads_for(doc, group, tail_span, heads, phrases, where, sent)
                if not found and where == "before-tail" and _speaks_for_authors(sent):
                    if _has_trigger(_tail_context(doc, tail_span, sent), phrases):
                        found = [(m, CONFIDENCE["paper"]) for m in proposed[:1] if m.type in heads]
                for head, confidence in found:
                    if head.text != tail.text:
                        relations.append(Relation(head, predicate, tail, sent.text.strip(), confidence, f"trigger:{where}"))
    return relations


def _heads_for(doc, group, tail_span, heads, phrases, where, sent) -> list[tuple[Mention, float]]:
    """Heads before the tail joined to it by a trigger (nearest first; coordinated heads too)."""
    found: list[tuple[Mention, float]] = []
    before = [(s, m) for s, m in group if s.end <= tail_span.start and m.type in heads]
    if where == "between":
        for span, mention in reversed(before):
            between = doc[span.end : tail_span.start].text
            if _has_trigger(between, phrases):
                found.append((mention, CONFIDENCE["between"]))
                break
    elif _has_trigger(_tail_context(doc, tail_span, sent), phrases):
        if before:
            found.append((before[-1][1], CONFIDENCE["before-tail"]))
        else:
            after = [(s, m) for s, m in group if s.start >= tail_span.end and m.type in heads]
            if after:
                found.append((after[0][1], CONFIDENCE["paper"]))
    return found
