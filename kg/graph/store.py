"""The on-disk Oxigraph store and the fast serialisations, fed from sorted N-Triples lines.

``bulk_load`` of N-Triples is the fastest way into Oxigraph (see ``benchmarks/store_comparison.py``);
Turtle is written by Oxigraph from the same sorted triples, so it is grouped by subject and
identical from build to build.

Example:
    >>> lines = ['<https://w3id.org/mlkg/resource/model/vit> '
    ...          '<http://www.w3.org/2000/01/rdf-schema#label> "ViT" .']
    >>> print(turtle_bytes(lines, Iris()).decode().splitlines()[-1])
    model:vit rdfs:label "ViT" .
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.iris import Iris
from kg.records import EntityType
from kg.vocab import DQV, ITSRDF, MLS, ONTOLOGY_IRI, SCHEMA

RESOURCE_KINDS = ("paper", "statement", "result", *(t.value.lower() for t in EntityType))


def prefixes(iris: Iris) -> dict[str, str]:
    """Prefixes for Turtle and JSON-LD: the vocabularies, then one per resource kind under the base."""
    known = {
        "mlkg": ONTOLOGY_IRI,
        "dcterms": str(DCTERMS),
        "skos": str(SKOS),
        "prov": str(PROV),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
        "owl": str(OWL),
        "schema": str(SCHEMA),
        "mls": str(MLS),
        "dqv": str(DQV),
        "itsrdf": str(ITSRDF),
    }
    for kind in RESOURCE_KINDS:
        known[kind] = iris.base + kind + "/"
    return dict(sorted(known.items()))


def ntriples_bytes(lines: Sequence[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


def turtle_bytes(lines: Sequence[str], iris: Iris) -> bytes:
    """Turtle with prefixes, subjects in sorted order; prefix lines sorted by name."""
    triples = ox.parse(ntriples_bytes(lines), format=ox.RdfFormat.N_TRIPLES)
    used = prefixes(iris)
    raw = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")
    head: list[str] = []
    body = raw.splitlines(keepends=True)
    while body and body[0].startswith("@prefix "):
        head.append(body.pop(0))
    return ("".join(sorted(head)) + ("\n" if head else "") + "".join(body)).encode("utf-8")


def write_store(nt_file: Path, store_dir: Path) -> None:
    """Bulk-load ``nt_file`` into a fresh store built beside ``store_dir``, then swap it in.

    An interrupted load leaves the previous store untouched; readers never see a half-loaded one.
    """
    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.", suffix=".tmp", dir=store_dir.parent))
    retired: Path | None = None
    try:
        store = ox.Store(str(fresh))
        store.bulk_load(path=str(nt_file), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes the database so the directory can move
        if store_dir.exists():
            retired = Path(
                tempfile.mkdtemp(prefix=f".{store_dir.name}.", suffix=".old", dir=store_dir.parent)
            )
            os.replace(store_dir, retired / store_dir.name)
        os.replace(fresh, store_dir)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
        if retired is not None:
            shutil.rmtree(retired)
