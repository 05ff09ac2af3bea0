"""Typed records that cross stage boundaries.

Every stage of ``ingest -> extract -> resolve -> graph`` takes and returns these frozen
dataclasses and nothing looser, so a stage can be read, tested and replaced on its own.
No spaCy, rdflib or NetworkX object ever lives inside a record.

Example:
    >>> from kg.records import Paper, SourceRef
    >>> p = Paper(id="t-0", title="T", abstract="A.", sources=(SourceRef("data/x.txt", 3),))
    >>> p.sources[0].line
    3
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum


class EntityType(str, Enum):
    """The six entity classes of the ontology (values are the ``mlkg:`` class names)."""

    MODEL = "Model"
    DATASET = "Dataset"
    METHOD = "Method"
    HARDWARE = "Hardware"
    TASK = "Task"
    METRIC = "Metric"


class RelationType(str, Enum):
    """Entity-entity relations (values are the ``mlkg:`` property names)."""

    PROPOSES = "proposes"
    TRAINED_ON = "trainedOn"
    EVALUATED_ON = "evaluatedOn"
    RUNS_ON = "runsOn"
    OUTPERFORMS = "outperforms"
    VARIANT_OF = "variantOf"
    USES_METHOD = "usesMethod"
    ADDRESSES_TASK = "addressesTask"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a paper was read: a file (as the user named it, relative when possible) and a 1-based line."""

    path: str
    line: int


@dataclass(frozen=True)
class Paper:
    """One paper, whatever file(s) it came from.

    ``id`` is the arXiv id when known, else ``t-`` plus a hash of the normalised title, so
    the same paper read from two sources gets the same id.
    """

    id: str
    title: str
    abstract: str
    sources: tuple[SourceRef, ...]
    date: date | None = None
    authors: tuple[str, ...] = ()
    author_count: int | None = None
    organisation: str | None = None
    upvotes: int | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skip:
    """An input record that was not kept, and why (``reason`` is a short stable key)."""

    path: str
    line: int
    reason: str
    detail: str


@dataclass(frozen=True)
class IngestReport:
    """Counts that always add up: ``read == kept + merged_duplicates + len(skipped)``."""

    read: int
    kept: int
    merged_duplicates: int
    skipped: tuple[Skip, ...] = ()

    def skipped_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for skip in self.skipped:
            counts[skip.reason] = counts.get(skip.reason, 0) + 1
        return dict(sorted(counts.items()))


@dataclass(frozen=True)
class IngestResult:
    papers: tuple[Paper, ...]
    report: IngestReport


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True)
class Mention:
    """A typed span in a paper's title or abstract.

    ``field`` is ``"title"`` or ``"abstract"``; ``start``/``end`` are character offsets
    into that field's text; ``sentence`` is the sentence holding the span, and
    ``sentence_start`` its offset in the same field. ``rule`` names the component or rule
    that found it (``lexicon``, ``shape:model-size``, ``definition:called`` ...).
    """

    text: str
    type: EntityType
    field: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    confidence: float
    rule: str


@dataclass(frozen=True)
class Relation:
    """A typed link found in one sentence; ``head is None`` means the paper itself (``proposes``)."""

    head: Mention | None
    predicate: RelationType
    tail: Mention
    sentence: str
    confidence: float
    rule: str


@dataclass(frozen=True)
class Result:
    """A reported number (``41.1`` ``%``) with the model, dataset and metric its sentence names."""

    value: Decimal
    unit: str
    text: str
    field: str
    start: int
    end: int
    sentence: str
    confidence: float
    rule: str
    model: Mention | None = None
    dataset: Mention | None = None
    metric: Mention | None = None


@dataclass(frozen=True)
class Abbreviation:
    """``long_form (short_form)`` as defined in a paper: the short form is an alias corpus-wide."""

    short_form: str
    long_form: str
    sentence: str


@dataclass(frozen=True)
class PaperExtraction:
    paper_id: str
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    results: tuple[Result, ...] = ()
    abbreviations: tuple[Abbreviation, ...] = ()


# --------------------------------------------------------------------------- resolve


@dataclass(frozen=True)
class Entity:
    """A canonical entity. ``key`` is ``<type-lowercase>/<slug>`` and names its IRI under the base.

    ``family`` is the key of the entity this one is a variant of (``model/vit``), if any.
    """

    key: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    family: str | None = None
    in_lexicon: bool = False


@dataclass(frozen=True)
class ResolvedMention:
    """A mention tied to the canonical entity it names."""

    paper_id: str
    entity_key: str
    mention: Mention


@dataclass(frozen=True)
class Fact:
    """One extracted triple with its provenance.

    ``subject`` is an entity key, or a paper id when ``predicate`` is ``proposes``.
    """

    subject: str
    predicate: RelationType
    object: str
    paper_id: str
    evidence: str
    confidence: float
    extractor: str


@dataclass(frozen=True)
class ResolvedResult:
    paper_id: str
    value: Decimal
    unit: str
    text: str
    evidence: str
    confidence: float
    extractor: str
    model: str | None = None
    dataset: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class ResolvedCorpus:
    """Everything the graph stage needs; sorted so that the same input gives the same output."""

    papers: tuple[Paper, ...]
    entities: tuple[Entity, ...]
    mentions: tuple[ResolvedMention, ...]
    facts: tuple[Fact, ...]
    results: tuple[ResolvedResult, ...]
    ingest: IngestReport = field(default_factory=lambda: IngestReport(0, 0, 0))
