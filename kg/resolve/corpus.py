"""``resolve_corpus``: surface forms -> canonical entities, relations -> facts with provenance.

Steps: group forms (normalisation keys, lexicon aliases, corpus-wide abbreviation pairs);
give each group one type (the lexicon's when it lists the name, else the
confidence-weighted majority of its mentions) and one label (the lexicon label, else an
abbreviation's long form, else the most frequent form; aliases that differ from the
label or from each other only by case are kept once); attach families (lexicon
``family`` column, and ``variantOf`` read from names); turn relations into facts whose
ends fit the ontology's domains and ranges. Everything comes out sorted.

Two readings depend on the paper: a plural of a known name ("ViTs", "ConvNeXts",
"Swin Transformers") is that name, not the variant whose folded key it shares
("ConvNeXt-S"); and a short form a paper defines ("mean absolute error (MAE)") names the
long form there, even when the lexicon lists the short form for something else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.lexicon import Lexicon, LexiconEntry, default_lexicon
from kg.iris import entity_key
from kg.records import (
    Entity,
    EntityType,
    Fact,
    IngestResult,
    Mention,
    PaperExtraction,
    RelationType,
    ResolvedCorpus,
    ResolvedMention,
    ResolvedResult,
)
from kg.resolve.facts import build_facts
from kg.resolve.groups import AliasGroups
from kg.resolve.normalise import norm_key

LEXICON_BONUS = 1.0


@dataclass
class _Group:
    forms: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    long_forms: Counter = field(default_factory=Counter)
    entry: LexiconEntry | None = None


class Resolver:
    """Holds the alias groups of one corpus; ``key_of`` answers "which entity is this name"."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.groups = AliasGroups()
        self.lexicon_keys: dict[str, LexiconEntry] = {}
        for entry in lexicon.entries:
            for form in entry.forms:
                self.groups.union(entry.label, form)
                self.lexicon_keys.setdefault(norm_key(form), entry)
        self.known_forms: set[str] = {form for entry in lexicon.entries for form in entry.forms}
        self.in_paper: dict[tuple[str, str], str] = {}
        self.info: dict[str, _Group] = {}
        self.keys: dict[str, str] = {}
        self.types: dict[str, EntityType] = {}

    def add_abbreviation(self, short: str, long: str, paper_id: str = "") -> None:
        short_entry = self.lexicon_keys.get(norm_key(short))
        long_entry = self.lexicon_keys.get(norm_key(long))
        if short_entry and long_entry and short_entry is not long_entry:
            self.in_paper[(paper_id, short)] = long  # "MAE" is the metric only where so defined
            return
        self.groups.union(short, long)
        self._group(long).long_forms[long] += 1

    def add_known_form(self, text: str) -> None:
        self.known_forms.add(text)

    def surface(self, name: str, paper_id: str = "") -> str:
        """The form ``name`` stands for in ``paper_id``: a defined long form, a plural's singular."""
        name = self.in_paper.get((paper_id, name), name)
        return plural_stem(name, self.known_forms) or name

    def _group(self, name: str) -> _Group:
        return self.info.setdefault(self.groups.find(name), _Group())

    def add_mention(self, mention: Mention, paper_id: str = "") -> None:
        surface = self.surface(mention.text, paper_id)
        group = self._group(surface)
        group.forms[mention.text] += 0  # kept as an alias; a plural counts for its singular
        group.forms[surface if plural_stem(mention.text, self.known_forms) else mention.text] += 1
        bonus = LEXICON_BONUS if mention.rule == "lexicon" else 0.0
        group.votes[mention.type] += mention.confidence + bonus

    def add_name(self, name: str, entity_type: EntityType) -> None:
        """A name seen only as a relation end (a family read from a variant's name)."""
        group = self._group(name)
        if not group.forms:
            group.forms[name] += 0
            group.votes[entity_type] += 0.01

    def finish(self) -> list[Entity]:
        for key, entry in self.lexicon_keys.items():
            root = self.groups.find(key)
            if root in self.info and self.info[root].entry is None:
                self.info[root].entry = entry
        entities: dict[str, Entity] = {}
        for root in sorted(self.info):
            group = self.info[root]
            if not group.forms or not (group.votes or group.entry):
                continue
            entity_type = (
                group.entry.type if group.entry else max(sorted(group.votes.items()), key=lambda kv: kv[1])[0]
            )
            if group.entry:
                label = group.entry.label
            elif group.long_forms:
                label = max(sorted(group.long_forms.items()), key=lambda kv: kv[1])[0]
            else:
                label = sorted(group.forms.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
            key = entity_key(entity_type, label)
            old = entities.get(key)
            aliases = distinct_aliases(label, group.forms, old.aliases if old else ())
            entities[key] = Entity(key, label, entity_type, aliases, None, group.entry is not None)
            self.keys[root] = key
            self.types[root] = entity_type
        return list(entities.values())

    def key_of(self, name: str, paper_id: str = "") -> str | None:
        return self.keys.get(self.groups.find(self.surface(name, paper_id)))


def plural_stem(name: str, known: set[str]) -> str | None:
    """The singular of a plural written with a plain "s" after a known name with a capital
    ("ViTs" -> "ViT", "Swin Transformers" -> "Swin Transformer"), else ``None``.

    Example:
        >>> plural_stem("ConvNeXts", {"ConvNeXt", "ConvNeXt-S"}), plural_stem("Places", {"Place"})
        ('ConvNeXt', None)
    """
    stem = name[:-1]
    if not name.endswith("s") or len(stem) < 2 or not stem[-1].isalnum() or stem.endswith("s"):
        return None
    if stem not in known or (not any(ch.isupper() for ch in stem[1:]) and " " not in stem):
        return None
    return stem


def distinct_aliases(label: str, forms: Counter, earlier: Iterable[str] = ()) -> tuple[str, ...]:
    """The other forms of an entity, one per spelling that differs by more than case (the
    most frequent of a case-only set, then the first in sorted order); none equal to the label.

    Example:
        >>> distinct_aliases("ViT", Counter({"ViT": 3, "vision transformer": 2, "Vision Transformer": 1}))
        ('vision transformer',)
    """
    counts = Counter(forms)
    for form in earlier:
        counts[form] += 0
    best: dict[str, str] = {}
    for form, _count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        best.setdefault(form.casefold(), form)
    return tuple(sorted(f for folded, f in best.items() if folded != label.casefold()))


def _families(resolver: Resolver, entities: list[Entity], facts: list[Fact]) -> list[Entity]:
    """Set ``Entity.family``: the lexicon's family column first, else a ``variantOf`` fact."""
    by_key = {e.key: e for e in entities}
    from_facts: dict[str, str] = {}
    for fact in sorted(facts, key=lambda f: (-f.confidence, f.object)):
        if fact.predicate is RelationType.VARIANT_OF:
            from_facts.setdefault(fact.subject, fact.object)
    out = []
    for entity in entities:
        family = None
        entry = resolver.lexicon_keys.get(norm_key(entity.label))
        if entry and entry.family:
            family = resolver.key_of(entry.family)
        family = family or from_facts.get(entity.key)
        if family == entity.key or family not in by_key:
            family = None
        out.append(Entity(entity.key, entity.label, entity.type, entity.aliases, family, entity.in_lexicon))
    return out


def _typed(
    resolver: Resolver,
    mention: Mention | None,
    types: dict[str, EntityType],
    allowed: set[EntityType],
    paper_id: str,
) -> str | None:
    """The entity a result names for a role, if its resolved type fits the role (else ``None``)."""
    key = resolver.key_of(mention.text, paper_id) if mention else None
    return key if key is not None and types.get(key) in allowed else None


def resolve_corpus(
    ingest: IngestResult, extractions: Iterable[PaperExtraction], lexicon: Lexicon | None = None
) -> ResolvedCorpus:
    extractions = list(extractions)
    resolver = Resolver(lexicon or default_lexicon())
    for extraction in extractions:
        for pair in extraction.abbreviations:
            resolver.add_abbreviation(pair.short_form, pair.long_form, extraction.paper_id)
        for mention in extraction.mentions:
            resolver.add_known_form(mention.text)
    for extraction in extractions:
        for mention in extraction.mentions:
            resolver.add_mention(mention, extraction.paper_id)
    for extraction in extractions:
        for relation in extraction.relations:
            if relation.predicate is RelationType.VARIANT_OF:
                resolver.add_name(relation.tail.text, relation.tail.type)
    for extraction in extractions:
        for mention in extraction.mentions:
            entry = resolver.lexicon_keys.get(norm_key(mention.text))
            if entry and entry.family:
                resolver.add_name(entry.family, entry.type)
    entities = resolver.finish()
    types = {e.key: e.type for e in entities}
    facts = build_facts(extractions, resolver.key_of, types, resolver.lexicon_keys)
    entities = _families(resolver, entities, facts)
    mentions = sorted(
        (
            ResolvedMention(x.paper_id, key, m)
            for x in extractions
            for m in x.mentions
            if (key := resolver.key_of(m.text, x.paper_id)) is not None
        ),
        key=lambda r: (r.paper_id, r.mention.field, r.mention.start, r.mention.end, r.entity_key),
    )
    results = sorted(
        (
            ResolvedResult(
                paper_id=x.paper_id,
                value=r.value,
                unit=r.unit,
                text=r.text,
                evidence=r.sentence,
                confidence=r.confidence,
                extractor=r.rule,
                model=_typed(resolver, r.model, types, {EntityType.MODEL, EntityType.METHOD}, x.paper_id),
                dataset=_typed(resolver, r.dataset, types, {EntityType.DATASET}, x.paper_id),
                metric=_typed(resolver, r.metric, types, {EntityType.METRIC}, x.paper_id),
            )
            for x in extractions
            for r in x.results
        ),
        key=lambda r: (
            r.paper_id,
            r.evidence,
            r.text,
            str(r.value),
            r.model or "",
            r.dataset or "",
            r.metric or "",
        ),
    )
    return ResolvedCorpus(
        papers=tuple(sorted(ingest.papers, key=lambda p: p.id)),
        entities=tuple(sorted(entities, key=lambda e: e.key)),
        mentions=tuple(mentions),
        facts=tuple(facts),
        results=tuple(results),
        ingest=ingest.report,
    )
