"""A trained linear classifier that decides which same-sentence entity pairs are related.

The trigger rules of :mod:`kg.extract.relations` are precise but miss relations worded in
ways no trigger lists. Every pair of entities in one sentence whose types fit a relation's
domain and range becomes a :class:`RelationCandidate` with sparse features (the words
between and around the two names, their distance and order, whether a rule fired for the
pair, whether the head is the paper's own entity); a logistic model per relation, trained
on the gold development sets by ``kg train`` and shipped as
``ontology/extraction/relation_model.tsv``, scores it. A pair whose probability reaches
the relation's threshold becomes a relation with that probability as its confidence.

Example:
    >>> _bucket(0), _bucket(4), _bucket(30)
    ('0', '3-5', '21+')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.errors import InputError
from kg.extract.relation_patterns import fold
from kg.extract.rules import RULES_DIR, default_rules, tsv_rows
from kg.extract.sentences import sentence_at
from kg.files import write_atomic
from kg.records import EntityType, Mention, Relation, RelationType

M, D, ME, H, T = EntityType.MODEL, EntityType.DATASET, EntityType.METHOD, EntityType.HARDWARE, EntityType.TASK
# the relations the classifier decides, with their (head types, tail types)
CLASSIFIED: dict[RelationType, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    RelationType.TRAINED_ON: (frozenset({M, ME}), frozenset({D})),
    RelationType.EVALUATED_ON: (frozenset({M, ME}), frozenset({D})),
    RelationType.RUNS_ON: (frozenset({M, ME}), frozenset({H})),
    RelationType.OUTPERFORMS: (frozenset({M, ME}), frozenset({M, ME})),
    RelationType.USES_METHOD: (frozenset({M, ME}), frozenset({ME})),
    RelationType.ADDRESSES_TASK: (frozenset({M, ME}), frozenset({T})),
}
MODEL_PATH = RULES_DIR / "relation_model.tsv"
BIAS = "bias"
THRESHOLD = "threshold"
RULE_NAME = "model:relations"
_WORD = re.compile(r"[a-z][a-z-]*|\d+|[,;:()%]")


@dataclass(frozen=True)
class RelationCandidate:
    """One ordered pair of mentions of one sentence, with the features the model reads."""

    head: Mention
    predicate: RelationType
    tail: Mention
    features: tuple[str, ...]


@dataclass(frozen=True)
class RelationModel:
    """Weights per (relation, feature), a bias and a decision threshold per relation."""

    weights: dict[tuple[RelationType, str], float]
    bias: dict[RelationType, float]
    threshold: dict[RelationType, float]

    def probability(self, candidate: RelationCandidate) -> float:
        predicate = candidate.predicate
        total = self.bias.get(predicate, 0.0)
        total += sum(self.weights.get((predicate, f), 0.0) for f in candidate.features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def accepts(self, candidate: RelationCandidate) -> tuple[bool, float]:
        p = self.probability(candidate)
        return p >= self.threshold.get(candidate.predicate, 1.01), p


def _bucket(n: int) -> str:
    for upper, name in ((0, "0"), (2, "1-2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if n <= upper:
            return name
    return "21+"


def _words(span: Span) -> list[str]:
    return _WORD.findall(span.text.lower())


def _features(
    doc: Doc,
    sent: Span,
    group: list[tuple[Span, Mention]],
    head: tuple[Span, Mention],
    tail: tuple[Span, Mention],
    fired: dict[tuple[Mention, Mention], set[str]],
    proposed_names: set[str],
    triggers: dict[RelationType, tuple[str, ...]],
) -> tuple[str, ...]:
    (head_span, head_m), (tail_span, tail_m) = head, tail
    first, second = sorted((head_span, tail_span), key=lambda s: s.start)
    between = doc[first.end : second.start]
    words = _words(between)
    feats = {
        f"order:{'ht' if head_span.start < tail_span.start else 'th'}",
        f"dist:{_bucket(len(between))}",
        f"types:{head_m.type.value}>{tail_m.type.value}",
        f"field:{head_m.field}",
    }
    inner = [m for s, m in group if first.end <= s.start and s.end <= second.start]
    feats.add(f"entities-between:{_bucket(len(inner))}")
    if any(m.type is head_m.type for m in inner):
        feats.add("head-type-between")
    if any(m.type is tail_m.type for m in inner):
        feats.add("tail-type-between")
    short = len(words) <= 12
    for w in set(words if short else words[:6] + words[-6:]):
        feats.add(f"between:{w}")
    for a, b in zip(words, words[1:], strict=False):
        if short:
            feats.add(f"between2:{a} {b}")
    if not words:
        feats.add("adjacent")
    padded = f" {' '.join(words)} "
    tail_before = " ".join(
        _WORD.findall(doc[max(sent.start, tail_span.start - 4) : tail_span.start].text.lower())
    )
    for predicate, phrases in triggers.items():
        if any(f" {phrase} " in padded for phrase in phrases):
            feats.add(f"trigger-between:{predicate.value}")
        if any(f" {tail_before} ".endswith(f" {phrase} ") for phrase in phrases):
            feats.add(f"trigger-before-tail:{predicate.value}")
    if ";" in words:
        feats.add("semicolon-between")
    for name, span in (("head", head_span), ("tail", tail_span)):
        before = _WORD.findall(doc[max(sent.start, span.start - 3) : span.start].text.lower())
        after = _WORD.findall(doc[span.end : min(sent.end, span.end + 2)].text.lower())
        if before:
            feats.add(f"{name}-prev:{before[-1]}")
        if len(before) >= 2:
            feats.add(f"{name}-prev2:{before[-2]} {before[-1]}")
        if after:
            feats.add(f"{name}-next:{after[0]}")
    if fold(head_m.text) in proposed_names:
        feats.add("head-own")
    if fold(tail_m.text) in proposed_names:
        feats.add("tail-own")
    models = [s for s, m in group if m.type in (M, ME)]
    if models and models[0].start == head_span.start:
        feats.add("head-first-name")
    if any(ch.isupper() or ch.isdigit() for ch in head_m.text[1:]):
        feats.add("head-inner-capital")
    if head_m.text.islower():
        feats.add("head-lower")
    for rule in fired.get((head_m, tail_m), ()):
        feats.add("rule")
        feats.add(f"rule:{rule}")
    return tuple(sorted(feats))


def relation_candidates(
    doc: Doc,
    mentions: list[tuple[Span, Mention]],
    rule_relations: list[Relation],
    proposed_names: set[str],
) -> list[RelationCandidate]:
    """Every type-compatible ordered pair of differently named mentions of one sentence."""
    fired: dict[RelationType, dict[tuple[Mention, Mention], set[str]]] = {}
    for r in rule_relations:
        if r.head is not None and r.predicate in CLASSIFIED:
            fired.setdefault(r.predicate, {}).setdefault((r.head, r.tail), set()).add(r.rule)
    by_sentence: dict[int, list[tuple[Span, Mention]]] = {}
    for span, mention in mentions:
        by_sentence.setdefault(sentence_at(doc, span.start).start, []).append((span, mention))
    triggers = default_rules().triggers
    found = []
    for start in sorted(by_sentence):
        group = by_sentence[start]
        sent = sentence_at(doc, start)
        for head in group:
            for tail in group:
                if fold(head[1].text) == fold(tail[1].text):
                    continue
                for predicate, (heads, tails) in CLASSIFIED.items():
                    if head[1].type in heads and tail[1].type in tails:
                        feats = _features(
                            doc, sent, group, head, tail, fired.get(predicate, {}), proposed_names, triggers
                        )
                        found.append(RelationCandidate(head[1], predicate, tail[1], feats))
    return found


def classify(candidates: list[RelationCandidate], model: RelationModel) -> list[Relation]:
    relations = []
    for candidate in candidates:
        accepted, p = model.accepts(candidate)
        if accepted:
            relations.append(
                Relation(
                    candidate.head,
                    candidate.predicate,
                    candidate.tail,
                    candidate.head.sentence,
                    round(p, 2),
                    RULE_NAME,
                )
            )
    return relations


def write_model(model: RelationModel, path: Path, header: str) -> None:
    """The model as a sorted, diffable TSV (``relation  feature  weight``)."""
    lines = [f"# {line}" for line in header.splitlines()]
    lines.append("relation\tfeature\tweight")
    for predicate in sorted(CLASSIFIED, key=lambda p: p.value):
        lines.append(f"{predicate.value}\t{THRESHOLD}\t{model.threshold[predicate]:.2f}")
        lines.append(f"{predicate.value}\t{BIAS}\t{model.bias[predicate]:.4f}")
        for (p, feature), weight in sorted(model.weights.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
            if p is predicate and f"{weight:.4f}" not in ("0.0000", "-0.0000"):
                lines.append(f"{predicate.value}\t{feature}\t{weight:.4f}")
    write_atomic(path, "\n".join(lines) + "\n")


def read_model(path: Path | str = MODEL_PATH) -> RelationModel:
    path = Path(path)
    weights: dict[tuple[RelationType, str], float] = {}
    bias: dict[RelationType, float] = {}
    threshold: dict[RelationType, float] = {}
    for number, cells in tsv_rows(path, 3):
        try:
            predicate, value = RelationType(cells[0]), float(cells[2])
        except ValueError as error:
            raise InputError(str(path), number, str(error)) from None
        if cells[1] == BIAS:
            bias[predicate] = value
        elif cells[1] == THRESHOLD:
            threshold[predicate] = value
        else:
            weights[(predicate, cells[1])] = value
    return RelationModel(weights, bias, threshold)


@lru_cache(maxsize=1)
def default_model() -> RelationModel | None:
    """The shipped model, or ``None`` when none has been trained (rules alone then)."""
    return read_model(MODEL_PATH) if MODEL_PATH.exists() else None
