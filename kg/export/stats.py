"""``stats.json``: what a build read, kept and asserted, in numbers (no timestamps, sorted keys).

Counts per class and per property come from the written N-Triples themselves, so they
describe the files, not what the code meant to write.

Example:
    >>> lines = ['<https://w3id.org/mlkg/resource/model/vit> '
    ...          '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/mlkg/ontology#Model> .']
    >>> triple_counts(lines)
    ({'mlkg:Model': 1}, {'rdf:type': 1})
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib.namespace import RDF

from kg import __version__
from kg.files import write_atomic
from kg.graph.claims import GraphContent
from kg.graph.store import prefixes
from kg.iris import Iris
from kg.records import EntityType, IngestReport

_TYPE = f"<{RDF.type}>"


def _curie(term: str, known: dict[str, str]) -> str:
    value = term[1:-1]
    best = max((ns for ns in known.values() if value.startswith(ns)), key=len, default=None)
    if best is None:
        return term
    name = next(prefix for prefix, ns in known.items() if ns == best)
    return f"{name}:{value[len(best) :]}"


def triple_counts(lines: Sequence[str], iris: Iris | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """Instances per class (``rdf:type`` objects) and triples per property, as CURIEs."""
    known = prefixes(iris or Iris())
    classes: Counter[str] = Counter()
    properties: Counter[str] = Counter()
    for line in lines:
        _, predicate, rest = line.split(" ", 2)
        properties[predicate] += 1
        if predicate == _TYPE:
            classes[rest[:-2]] += 1
    return (
        dict(sorted((_curie(k, known), v) for k, v in classes.items())),
        dict(sorted((_curie(k, known), v) for k, v in properties.items())),
    )


@dataclass(frozen=True)
class ContentCounts:
    entities_by_class: tuple[tuple[str, int], ...]
    relations_by_predicate: tuple[tuple[str, int], ...]
    statements: int
    results: int


def content_counts(content: GraphContent, lines: Sequence[str]) -> ContentCounts:
    """Entities per class (all six), edges per predicate (``broader``: SKOS families), statements, results."""
    entities = Counter(entity.type.value for entity in content.entities)
    relations = Counter(claim.predicate for claim in content.mentions + content.relations)
    if content.broader:
        relations["broader"] = len(content.broader)
    classes, _ = triple_counts(lines)
    return ContentCounts(
        entities_by_class=tuple((t.value, entities.get(t.value, 0)) for t in EntityType),
        relations_by_predicate=tuple(sorted(relations.items())),
        statements=classes.get("rdf:Statement", 0),
        results=classes.get("mlkg:Result", 0),
    )


def build_stats(
    lines: Sequence[str], content: GraphContent, ingest: IngestReport, iris: Iris, files: Sequence[str]
) -> dict[str, object]:
    classes, properties = triple_counts(lines, iris)
    counts = content_counts(content, lines)
    return {
        "mlkg_version": __version__,
        "base_iri": iris.base,
        "papers": {
            "read": ingest.read,
            "kept": ingest.kept,
            "merged_duplicates": ingest.merged_duplicates,
            "skipped": len(ingest.skipped),
            "skipped_by_reason": ingest.skipped_by_reason(),
            "in_graph": len(content.papers),
        },
        "entities": dict(counts.entities_by_class),
        "relations": dict(counts.relations_by_predicate),
        "statements": counts.statements,
        "results": counts.results,
        "facts_left_out": dict(content.dropped),
        "triples": len(lines),
        "classes": classes,
        "properties": properties,
        "files": sorted(files),
    }


def write_stats(stats: dict[str, object], path: Path) -> Path:
    write_atomic(path, json.dumps(stats, indent=2, ensure_ascii=False) + "\n")
    return path
