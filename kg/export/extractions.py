"""``extractions.jsonl``: per paper, what the extractor read and where it ends up in the graph.

One JSON object per paper (sorted by id): every mention with its offsets, sentence, type,
canonical entity, confidence and rule; every relation with its evidence and whether the
graph keeps it (and under which statement IRI); every result. For reviewing the
extraction line by line without reading RDF.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from kg.files import write_atomic
from kg.graph.claims import GraphContent
from kg.graph.provenance import best_results, result_iri, statement_iri
from kg.graph.terms import decimal_text
from kg.iris import Iris
from kg.records import Fact, RelationType, ResolvedCorpus, ResolvedMention, ResolvedResult
from kg.vocab import MLKG


def _confidence(value: float) -> float:
    return float(decimal_text(value))


def _mention_record(resolved: ResolvedMention, iris: Iris) -> dict[str, object]:
    m = resolved.mention
    return {
        "text": m.text,
        "type": m.type.value,
        "field": m.field,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "sentence_start": m.sentence_start,
        "entity": resolved.entity_key,
        "entity_iri": str(iris.entity(resolved.entity_key)),
        "confidence": _confidence(m.confidence),
        "rule": m.rule,
    }


def _fact_record(fact: Fact, kept: set[tuple[str, str, str]], iris: Iris) -> dict[str, object]:
    in_graph = (fact.subject, fact.predicate.value, fact.object) in kept
    record: dict[str, object] = {
        "subject": fact.subject,
        "predicate": fact.predicate.value,
        "object": fact.object,
        "evidence": fact.evidence,
        "confidence": _confidence(fact.confidence),
        "extractor": fact.extractor,
        "in_graph": in_graph,
    }
    if in_graph:
        is_paper = fact.predicate is RelationType.PROPOSES
        subject = iris.paper(fact.subject) if is_paper else iris.entity(fact.subject)
        predicate, obj = MLKG[fact.predicate.value], iris.entity(fact.object)
        record["statement"] = str(
            statement_iri(iris, subject, predicate, obj, fact.paper_id, fact.evidence, fact.extractor)
        )
    return record


def _result_record(result: ResolvedResult, kept: set[str], iris: Iris) -> dict[str, object]:
    node = str(result_iri(iris, result))
    return {
        "value": format(result.value, "f"),
        "unit": result.unit,
        "text": result.text,
        "model": result.model,
        "dataset": result.dataset,
        "metric": result.metric,
        "evidence": result.evidence,
        "confidence": _confidence(result.confidence),
        "extractor": result.extractor,
        "result": node if node in kept else None,
    }


def extraction_lines(corpus: ResolvedCorpus, content: GraphContent, iris: Iris) -> Iterator[str]:
    """One JSON line per paper; ``content`` says which facts and results the graph kept."""
    mentions: dict[str, list[ResolvedMention]] = defaultdict(list)
    for resolved in corpus.mentions:
        mentions[resolved.paper_id].append(resolved)
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in corpus.facts:
        facts[fact.paper_id].append(fact)
    kept_results = {str(node) for node in best_results(content.results, iris)}
    results: dict[str, list[ResolvedResult]] = defaultdict(list)
    for result in content.results:
        results[result.paper_id].append(result)
    kept_facts = {(c.subject, c.predicate, c.object) for c in content.relations if c.evidence}
    for paper in content.papers:
        record = {
            "paper": paper.id,
            "iri": str(iris.paper(paper.id)),
            "title": paper.title,
            "mentions": sorted(
                (_mention_record(m, iris) for m in mentions[paper.id]),
                key=lambda r: (r["field"], r["start"], r["end"], r["entity"], r["rule"]),
            ),
            "relations": sorted(
                (_fact_record(f, kept_facts, iris) for f in facts[paper.id]),
                key=lambda r: json.dumps(r, sort_keys=True),
            ),
            "results": sorted(
                (_result_record(r, kept_results, iris) for r in results[paper.id]),
                key=lambda r: json.dumps(r, sort_keys=True),
            ),
        }
        yield json.dumps(record, ensure_ascii=False, sort_keys=False)


def write_extractions(corpus: ResolvedCorpus, content: GraphContent, iris: Iris, path: Path) -> Path:
    write_atomic(path, "".join(line + "\n" for line in extraction_lines(corpus, content, iris)))
    return path
