"""SHACL validation of an mlkg graph against ``ontology/shapes.ttl`` (pyshacl).

Violations come back as plain records (focus node, path, message) sorted for people;
``sample_lines`` cuts a huge graph down to the subgraphs of some papers, so ``kg build
--validate sample`` stays fast on corpora where full validation would not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import BNode, Graph, Node
from rdflib.exceptions import ParserError
from rdflib.namespace import PROV, RDF, RDFS, SH

from kg.errors import InputError
from kg.graph.ontology import ONTOLOGY_FILE, SHAPES_FILE
from kg.vocab import MLKG

PAPER_SAMPLE = 200


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    message: str
    value: str = ""


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int
    sampled_papers: int | None = None

    def summary(self) -> str:
        scope = f"{self.triples} triples" + (
            f" (sample of {self.sampled_papers} papers)" if self.sampled_papers is not None else ""
        )
        if self.conforms:
            return f"conforms: {scope}"
        return f"{len(self.violations)} violation(s) in {scope}"


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _path_text(graph: Graph, path: Node | None, short: Graph) -> str:
    if path is None:
        return ""
    if isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + short.namespace_manager.normalizeUri(inverse)
        return "(complex path)"
    return short.namespace_manager.normalizeUri(path)


def validate_graph(data: Graph, *, sampled_papers: int | None = None) -> ValidationReport:
    """Run the shapes over ``data`` (the ontology is mixed in for subclass checks)."""
    import pyshacl  # slow to import: only when validating

    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
    )
    short = _shapes()
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        violations.append(
            Violation(
                focus=str(focus),
                path=_path_text(results, results.value(result, SH.resultPath), short),
                message=str(message) if message is not None else "constraint not met",
                value="" if value is None else str(value),
            )
        )
    return ValidationReport(bool(conforms), tuple(sorted(set(violations))), len(data), sampled_papers)


def validate_path(path: Path) -> ValidationReport:
    """Validate a Turtle, N-Triples or JSON-LD file."""
    formats = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
    if not Path(path).exists():
        raise InputError(str(path), None, "no such file or directory")
    fmt = formats.get(Path(path).suffix)
    if fmt is None:
        raise InputError(str(path), None, "expected a .ttl, .nt or .jsonld file or an output directory")
    try:
        graph = Graph().parse(path, format=fmt)
    except (SyntaxError, ParserError, ValueError) as error:
        # rdflib raises BadSyntax (a SyntaxError) for Turtle, ParserError for N-Triples and
        # JSON decoding errors (ValueError) for JSON-LD
        raise InputError(str(path), _error_line(error), f"not valid {fmt}: {_error_reason(error)}") from error
    return validate_graph(graph)


def _error_line(error: Exception) -> int | None:
    """rdflib's Turtle errors know their 0-based line; the others do not."""
    line = getattr(error, "lines", None)
    return line + 1 if isinstance(line, int) else None


def _error_reason(error: Exception) -> str:
    """One line: rdflib's Turtle errors otherwise repeat the input as byte strings."""
    why = getattr(error, "_why", None)
    return str(why) if why else " ".join(str(error).split())


def _split(line: str) -> tuple[str, str, str]:
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-2]


def sample_lines(lines: Sequence[str], papers: int = PAPER_SAMPLE) -> tuple[list[str], int]:
    """The subgraphs of ``papers`` papers (chosen by hash, stable) and what they point to.

    Kept: the papers, their results and statements, the entities they mention (all their
    triples), and the class and label of every other resource those triples point to.
    """
    type_p, label_p = f"<{RDF.type}>", f"<{RDFS.label}>"
    derived_p, paper_c = f"<{PROV.wasDerivedFrom}>", f"<{MLKG.Paper}>"
    split = [_split(line) for line in lines]
    all_papers = sorted(
        {s for s, p, o in split if p == type_p and o == paper_c},
        key=lambda s: hashlib.sha256(s.encode()).hexdigest(),
    )
    chosen = set(all_papers[:papers])
    nodes = set(chosen)
    nodes |= {o for s, _, o in split if s in chosen and o.startswith("<")}
    nodes |= {s for s, p, o in split if p == derived_p and o in chosen}
    kept = [line for line, (s, _, _) in zip(lines, split, strict=True) if s in nodes]
    pointed = {o for s, _, o in split if s in nodes and o.startswith("<")} - nodes
    kept += [
        line for line, (s, p, _) in zip(lines, split, strict=True) if s in pointed and p in (type_p, label_p)
    ]
    return sorted(kept), len(chosen)


def parse_lines(lines: Sequence[str]) -> Graph:
    return Graph().parse(data="\n".join(lines) + "\n", format="nt")


def validate_lines(lines: Sequence[str], *, sample: bool = False) -> ValidationReport:
    if sample:
        kept, count = sample_lines(lines)
        return validate_graph(parse_lines(kept), sampled_papers=count)
    return validate_graph(parse_lines(lines))
