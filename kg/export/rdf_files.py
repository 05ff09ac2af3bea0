"""The RDF files of a build: N-Triples (sorted lines), Turtle (Oxigraph) and JSON-LD (rdflib).

All three say the same graph; every write is atomic and byte-deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.files import write_atomic
from kg.graph.ontology import CONTEXT_FILE
from kg.graph.store import ntriples_bytes, turtle_bytes
from kg.iris import Iris


def write_ntriples(lines: Sequence[str], path: Path) -> Path:
    write_atomic(path, ntriples_bytes(lines))
    return path


def write_turtle(lines: Sequence[str], iris: Iris, path: Path) -> Path:
    write_atomic(path, turtle_bytes(lines, iris))
    return path


def jsonld_context() -> dict[str, Any]:
    """The compact context of ``ontology/context.jsonld`` (short names for every mlkg property)."""
    return dict(json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"])


def _canonical(value: Any) -> Any:
    """Sort JSON-LD arrays (they are sets here: mlkg writes no @list) and keys, recursively."""
    if isinstance(value, dict):
        return {key: _canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld_text(lines: Sequence[str], iris: Iris) -> str:
    graph = Graph().parse(data="\n".join(lines) + "\n", format="nt")
    context = jsonld_context()
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    if "@graph" not in document:
        document = {"@context": document.pop("@context", context), "@graph": [document] if document else []}
    body = _canonical({key: value for key, value in document.items() if key != "@context"})
    ordered = {"@context": context, **body}
    return json.dumps(ordered, indent=1, ensure_ascii=False) + "\n"


def write_jsonld(lines: Sequence[str], iris: Iris, path: Path) -> Path:
    write_atomic(path, jsonld_text(lines, iris))
    return path
