"""What the graph asserts, decided once for both views (RDF and NetworkX).

Facts are grouped into one claim per ``(subject, predicate, object)`` with all their
evidence, best first; facts outside the ontology (a Task ``trainedOn`` something, an
unknown entity, a self-loop) are left out and counted by reason, so the graph always
fits its shapes and the summary says what was dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.graph.ontology import relation_signatures, result_link_ranges
from kg.records import Entity, EntityType, Paper, RelationType, ResolvedCorpus, ResolvedResult

MENTIONS = "mentions"
BROADER = "broader"
FAMILY_SOURCE = "lexicon:family"


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence of one paper that supports a claim."""

    paper_id: str
    sentence: str
    confidence: float
    extractor: str


@dataclass(frozen=True)
class Claim:
    """One asserted triple. ``subject`` is a paper id for ``mentions``/``proposes``, else an entity key.

    ``evidence`` is sorted best first (highest confidence, then paper, sentence, extractor);
    it is empty for links that come from the lexicon (``source``) rather than a sentence.
    """

    subject: str
    predicate: str
    object: str
    evidence: tuple[Evidence, ...]
    source: str = ""

    @property
    def best(self) -> Evidence | None:
        return self.evidence[0] if self.evidence else None


@dataclass(frozen=True)
class GraphContent:
    """The resolved corpus reduced to what the graph holds, sorted.

    ``broader`` holds ``(entity, family)`` pairs of lexicon families outside the models
    (written as ``skos:broader``; model families are ``variantOf`` claims in ``relations``).
    """

    papers: tuple[Paper, ...]
    entities: tuple[Entity, ...]
    mentions: tuple[Claim, ...]
    relations: tuple[Claim, ...]
    results: tuple[ResolvedResult, ...]
    dropped: tuple[tuple[str, int], ...] = ()
    broader: tuple[tuple[str, str], ...] = ()

    def paper_counts(self) -> dict[str, int]:
        """Entity key -> number of papers mentioning it (0 for lexicon-only families)."""
        counts = Counter(claim.object for claim in self.mentions)
        return {entity.key: counts.get(entity.key, 0) for entity in self.entities}


def _best_first(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    best: dict[tuple[str, str, str], Evidence] = {}
    for item in evidence:
        key = (item.paper_id, item.sentence, item.extractor)
        if key not in best or item.confidence > best[key].confidence:
            best[key] = item
    return tuple(sorted(best.values(), key=lambda e: (-e.confidence, e.paper_id, e.sentence, e.extractor)))


def _relation_claims(
    corpus: ResolvedCorpus, types: dict[str, EntityType], paper_ids: set[str], dropped: Counter[str]
) -> list[Claim]:
    signatures = relation_signatures()
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for fact in corpus.facts:
        predicate = fact.predicate
        if fact.paper_id not in paper_ids:
            dropped[f"{predicate.value}: unknown paper"] += 1
            continue
        if predicate is RelationType.PROPOSES:
            if fact.object not in types or fact.subject not in paper_ids:
                dropped[f"{predicate.value}: unknown entity or paper"] += 1
                continue
        else:
            if fact.subject not in types or fact.object not in types:
                dropped[f"{predicate.value}: unknown entity"] += 1
                continue
            if fact.subject == fact.object:
                dropped[f"{predicate.value}: entity linked to itself"] += 1
                continue
            subject_type, object_type = types[fact.subject], types[fact.object]
            if not signatures[predicate].allows(subject_type, object_type):
                reason = f"{subject_type.value} -> {object_type.value} outside the ontology"
                dropped[f"{predicate.value}: {reason}"] += 1
                continue
        evidence = Evidence(fact.paper_id, fact.evidence, fact.confidence, fact.extractor)
        grouped[(fact.subject, predicate.value, fact.object)].append(evidence)
    variant = RelationType.VARIANT_OF.value
    family_links = {link for link in _family_links(corpus, types, dropped) if link[1] == variant}
    claims = [
        Claim(
            s,
            p,
            o,
            _best_first(grouped.get((s, p, o), ())),
            FAMILY_SOURCE if (s, p, o) in family_links else "",
        )
        for (s, p, o) in sorted(set(grouped) | family_links)
    ]
    return claims


def _family_links(
    corpus: ResolvedCorpus, types: dict[str, EntityType], dropped: Counter[str]
) -> set[tuple[str, str, str]]:
    """``(entity, variantOf | broader, family)`` for every lexicon family of the same class.

    Model families are ``mlkg:variantOf`` (the contract); the other classes' families are
    ``skos:broader``, of which ``variantOf`` is a subproperty.
    """
    variant = relation_signatures()[RelationType.VARIANT_OF]
    links: set[tuple[str, str, str]] = set()
    for entity in corpus.entities:
        if entity.family is None:
            continue
        family_type = types.get(entity.family)
        if family_type is None or entity.family == entity.key:
            dropped["family: unknown family entity"] += 1
        elif variant.allows(entity.type, family_type):
            links.add((entity.key, RelationType.VARIANT_OF.value, entity.family))
        elif entity.type is family_type:
            links.add((entity.key, BROADER, entity.family))
        else:
            dropped[f"family: {entity.type.value} -> {family_type.value} (different classes)"] += 1
    return links


def _mention_claims(
    corpus: ResolvedCorpus,
    types: dict[str, EntityType],
    paper_ids: set[str],
    relations: list[Claim],
    dropped: Counter[str],
) -> list[Claim]:
    grouped: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for resolved in corpus.mentions:
        if resolved.entity_key not in types or resolved.paper_id not in paper_ids:
            dropped["mention: unknown entity or paper"] += 1
            continue
        m = resolved.mention
        grouped[(resolved.paper_id, resolved.entity_key)].append(
            Evidence(resolved.paper_id, m.sentence, m.confidence, m.rule)
        )
    for claim in relations:
        if claim.predicate == RelationType.PROPOSES.value and (claim.subject, claim.object) not in grouped:
            grouped[(claim.subject, claim.object)].extend(claim.evidence)
    return [Claim(p, MENTIONS, e, _best_first(ev)) for (p, e), ev in sorted(grouped.items())]


def _checked_result(
    result: ResolvedResult, types: dict[str, EntityType], dropped: Counter[str]
) -> ResolvedResult:
    ranges = result_link_ranges()
    links = {"model": result.model, "dataset": result.dataset, "metric": result.metric}
    for name, key in links.items():
        if key is not None and (key not in types or types[key] not in ranges[name]):
            dropped[f"result {name} link: not a {'/'.join(sorted(t.value for t in ranges[name]))}"] += 1
            links[name] = None
    return replace(result, **links)


def graph_content(corpus: ResolvedCorpus) -> GraphContent:
    """Reduce ``corpus`` to the claims and results the graph asserts."""
    types = {entity.key: entity.type for entity in corpus.entities}
    paper_ids = {paper.id for paper in corpus.papers}
    dropped: Counter[str] = Counter()
    relations = _relation_claims(corpus, types, paper_ids, dropped)
    broader = sorted((s, o) for s, p, o in _family_links(corpus, types, Counter()) if p == BROADER)
    mentions = _mention_claims(corpus, types, paper_ids, relations, dropped)
    results: list[ResolvedResult] = []
    for result in corpus.results:
        if result.paper_id not in paper_ids:
            dropped["result: unknown paper"] += 1
            continue
        results.append(_checked_result(result, types, dropped))
    return GraphContent(
        papers=tuple(sorted(corpus.papers, key=lambda p: p.id)),
        entities=tuple(sorted(corpus.entities, key=lambda e: e.key)),
        mentions=tuple(mentions),
        relations=tuple(relations),
        results=tuple(results),
        dropped=tuple(sorted(dropped.items())),
        broader=tuple(broader),
    )
