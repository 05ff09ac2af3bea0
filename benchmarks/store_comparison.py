"""Why the build goes through N-Triples lines and Oxigraph instead of an in-memory rdflib Graph.

A synthetic resolved corpus shaped like mlkg's graph (default 20,000 papers, about 250k
triples: papers with title/abstract/date/source, three mentions each, a quarter proposing
something with its provenance statement, a few entity-entity relations) is turned into
triples once; then each store does the same jobs, each timed once in this fresh process:

* rdflib: ``Graph.add`` per triple, Turtle and N-Triples serialisation, one GROUP BY /
  ORDER BY SPARQL query;
* pyoxigraph: ``bulk_load`` of the N-Triples into an in-memory and an on-disk store, Turtle
  dump, the same query; plus mlkg's own path (records -> sorted lines, lines -> sorted
  Turtle) and the sampled SHACL check ``kg build --validate sample`` runs.

Usage:
    python benchmarks/store_comparison.py [--papers 20000] [--seed 7] [--no-validate] [--full-shacl]
"""

from __future__ import annotations

import argparse
import platform
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pyoxigraph as ox
import rdflib

from kg.graph import rdf_lines, turtle_bytes, validate_lines
from kg.graph.claims import graph_content
from kg.graph.store import ntriples_bytes
from kg.iris import Iris, entity_key
from kg.records import (
    Entity,
    EntityType,
    Fact,
    IngestReport,
    Mention,
    Paper,
    RelationType,
    ResolvedCorpus,
    ResolvedMention,
    SourceRef,
)

T = TypeVar("T")
POOLS = {
    EntityType.MODEL: 4000,
    EntityType.DATASET: 800,
    EntityType.METHOD: 1500,
    EntityType.HARDWARE: 40,
    EntityType.TASK: 200,
    EntityType.METRIC: 60,
}
QUERY = """PREFIX mlkg: <https://w3id.org/mlkg/ontology#>
SELECT ?entity (COUNT(?paper) AS ?papers) WHERE { ?paper mlkg:mentions ?entity }
GROUP BY ?entity ORDER BY DESC(?papers) ?entity LIMIT 10"""


def corpus(papers: int, seed: int) -> ResolvedCorpus:
    """Deterministic synthetic corpus: Zipf-like entity use, ~12.5 triples per paper."""
    rng = random.Random(seed)
    entities = [
        Entity(
            key=entity_key(t, f"{t.value} {i}"),
            label=f"{t.value} {i}",
            type=t,
            aliases=(f"{t.value}-{i}",) if i % 5 == 0 else (),
        )
        for t, size in POOLS.items()
        for i in range(size)
    ]
    by_type = {t: [e for e in entities if e.type is t] for t in POOLS}
    weights = {t: [1 / (rank + 1) for rank in range(len(pool))] for t, pool in by_type.items()}
    kinds = list(POOLS)
    paper_list, mentions, facts = [], [], []
    for n in range(papers):
        pid = f"{2000 + n // 10000}.{n % 10000:05d}"
        sentence = f"We propose method {n} and evaluate it carefully on several benchmarks."
        paper_list.append(
            Paper(
                id=pid,
                title=f"Paper {n}: a study",
                abstract=sentence,
                sources=(SourceRef("synthetic.jsonl", n + 1),),
                date=date(2020, 1, 1) + timedelta(days=n % 1500),
            )
        )
        named = {rng.choices(by_type[t], weights[t])[0] for t in rng.sample(kinds, 3)}
        for entity in sorted(named, key=lambda e: e.key):
            mentions.append(
                ResolvedMention(
                    pid,
                    entity.key,
                    Mention(
                        entity.label,
                        entity.type,
                        "abstract",
                        0,
                        len(entity.label),
                        sentence,
                        0,
                        0.9,
                        "lexicon",
                    ),
                )
            )
        if n % 4 == 0:
            target = min(named, key=lambda e: e.key)
            facts.append(
                Fact(pid, RelationType.PROPOSES, target.key, pid, sentence, 0.8, "definition:propose")
            )
        if n % 10 == 0:
            model = rng.choices(by_type[EntityType.MODEL], weights[EntityType.MODEL])[0]
            dataset = rng.choices(by_type[EntityType.DATASET], weights[EntityType.DATASET])[0]
            facts.append(
                Fact(model.key, RelationType.EVALUATED_ON, dataset.key, pid, sentence, 0.7, "pattern:on")
            )
    return ResolvedCorpus(
        tuple(paper_list), tuple(entities), tuple(mentions), tuple(facts), (), IngestReport(papers, papers, 0)
    )


def timed(label: str, rows: list[tuple[str, float]], work: Callable[[], T]) -> T:
    start = time.perf_counter()
    value = work()
    rows.append((label, time.perf_counter() - start))
    return value


def to_rdflib_terms(lines: list[str]) -> list[tuple]:
    """Parse the lines once (not timed) so ``Graph.add`` is timed on ready-made terms."""
    return [
        (
            rdflib.URIRef(t.subject.value),
            rdflib.URIRef(t.predicate.value),
            rdflib.URIRef(t.object.value)
            if isinstance(t.object, ox.NamedNode)
            else rdflib.Literal(t.object.value, datatype=rdflib.URIRef(t.object.datatype.value)),
        )
        for t in ox.parse(ntriples_bytes(lines), format=ox.RdfFormat.N_TRIPLES)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-validate",
        dest="validate",
        action="store_false",
        help="skip timing the sampled SHACL validation",
    )
    parser.add_argument(
        "--full-shacl",
        action="store_true",
        help="also time SHACL validation of the whole graph (slow: tens of seconds)",
    )
    args = parser.parse_args()
    iris = Iris()
    data = corpus(args.papers, args.seed)

    mlkg: list[tuple[str, float]] = []
    content = timed("records -> graph content (claims)", mlkg, lambda: graph_content(data))
    lines = timed("graph content -> sorted N-Triples lines", mlkg, lambda: rdf_lines(content, iris))
    nt = ntriples_bytes(lines)
    if args.validate:
        timed(
            "SHACL validation, --validate sample (pyshacl)", mlkg, lambda: validate_lines(lines, sample=True)
        )
    if args.full_shacl:
        timed("SHACL validation, --validate full (pyshacl)", mlkg, lambda: validate_lines(lines))
    triples = to_rdflib_terms(lines)

    rdf: list[tuple[str, float]] = []
    graph = rdflib.Graph()
    timed("Graph.add, one triple at a time", rdf, lambda: [graph.add(t) for t in triples])
    timed("serialise Turtle", rdf, lambda: graph.serialize(format="turtle"))
    timed("serialise N-Triples", rdf, lambda: graph.serialize(format="nt"))
    rdflib_rows = timed(
        "GROUP BY / ORDER BY query", rdf, lambda: [tuple(map(str, r)) for r in graph.query(QUERY)]
    )

    oxi: list[tuple[str, float]] = []
    memory = ox.Store()
    timed(
        "bulk_load N-Triples (in-memory store)",
        oxi,
        lambda: memory.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES),
    )
    memory_rows = timed(
        "GROUP BY / ORDER BY query (in-memory store)",
        oxi,
        lambda: [tuple(s[v].value for v in ("entity", "papers")) for s in memory.query(QUERY)],
    )
    memory = None  # free the in-memory store before the on-disk run
    with tempfile.TemporaryDirectory() as folder:
        store = ox.Store(folder)
        timed(
            "bulk_load N-Triples (on-disk store)",
            oxi,
            lambda: store.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES),
        )
        timed(
            "dump Turtle", oxi, lambda: store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
        )
        ox_rows = timed(
            "GROUP BY / ORDER BY query (on-disk store)",
            oxi,
            lambda: [tuple(s[v].value for v in ("entity", "papers")) for s in store.query(QUERY)],
        )
        timed("mlkg sorted Turtle (parse lines + serialise)", oxi, lambda: turtle_bytes(lines, iris))
        store = None  # close the store before its folder is removed
    assert rdflib_rows == [tuple(r) for r in ox_rows] == [tuple(r) for r in memory_rows], "stores disagree"

    print(
        f"{args.papers} papers, {len(lines)} triples; Python {platform.python_version()}, "
        f"rdflib {rdflib.__version__}, pyoxigraph {ox.__version__}; each step timed once, fresh process\n"
    )
    print(f"| {'store':<10} | {'step':<45} | {'seconds':>8} |")
    print(f"| {'-' * 10} | {'-' * 45} | {'-' * 8}:|")
    for store_name, rows in (("mlkg", mlkg), ("rdflib", rdf), ("pyoxigraph", oxi)):
        for label, seconds in rows:
            print(f"| {store_name:<10} | {label:<45} | {seconds:>8.2f} |")


if __name__ == "__main__":
    main()
