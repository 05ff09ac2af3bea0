"""The one orchestrator: ingest -> extract -> resolve -> graph -> outputs.

Stages return values; this module wires them, reports progress through a callback, and
writes every file of a build atomically. The graph is checked against the SHACL shapes
before any file is replaced, so a build that fails validation leaves the old outputs as
they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import MlkgError
from kg.records import IngestReport, ResolvedCorpus
from kg.resources import DATA_DIR, DEFAULT_OUTPUT_DIR
from kg.vocab import DEFAULT_BASE

if TYPE_CHECKING:
    from kg.graph.shacl import ValidationReport

VALIDATE_MODES = ("full", "sample", "off")
OUTPUT_FILES = ("kg.nt", "kg.ttl", "kg.jsonld", "kg.graphml", "extractions.jsonl", "stats.json")
HTML_FILE = "kg.html"
STORE_DIR = "store"

Progress = Callable[[Iterable[Any], str, int | None], Iterable[Any]]


def no_progress(items: Iterable[Any], label: str, total: int | None = None) -> Iterable[Any]:  # noqa: ARG001
    return items


@dataclass(frozen=True)
class BuildConfig:
    inputs: tuple[Path, ...] = (DATA_DIR,)
    out_dir: Path = DEFAULT_OUTPUT_DIR
    base_iri: str = DEFAULT_BASE
    validate: str = "full"  # full | sample | off
    html: bool = True


@dataclass(frozen=True)
class BuildSummary:
    """What a build read, asserted and wrote (counts as sorted ``(name, count)`` pairs)."""

    out_dir: Path
    papers_read: int
    papers_kept: int
    papers_merged: int
    skipped_by_reason: tuple[tuple[str, int], ...]
    entities_by_class: tuple[tuple[str, int], ...]
    relations_by_predicate: tuple[tuple[str, int], ...]
    statements: int
    results: int
    triples: int
    left_out: tuple[tuple[str, int], ...]
    files: tuple[Path, ...]
    validation: ValidationReport | None = None  # None when validation was skipped


class GraphValidationError(MlkgError):
    """The built graph breaks the SHACL shapes: a bug in mlkg, not in the input."""

    def __init__(self, report: ValidationReport, shown: int = 10) -> None:
        self.report = report
        lines = [f"  {v.focus} {v.path}: {v.message}" for v in report.violations[:shown]]
        more = len(report.violations) - shown
        if more > 0:
            lines.append(f"  ... and {more} more")
        super().__init__(
            f"the built graph is not valid ({report.summary()}); no file was replaced:\n" + "\n".join(lines)
        )


def build(config: BuildConfig, progress: Progress = no_progress) -> BuildSummary:
    """Run every stage on ``config.inputs`` and write the outputs to ``config.out_dir``.

    ``progress(items, label, total)`` wraps long iterations (``kg.cli.progress.with_progress`` fits).
    """
    from kg.extract import extract_papers
    from kg.ingest import read_sources
    from kg.resolve import resolve_corpus

    check_config(config)
    ingest = read_sources(list(config.inputs))
    extractions = extract_papers(progress(ingest.papers, "extract", len(ingest.papers)))
    corpus = resolve_corpus(ingest, extractions)
    return write_outputs(corpus, config, ingest.report)


def check_config(config: BuildConfig) -> None:
    if config.validate not in VALIDATE_MODES:
        raise MlkgError(f"validate must be one of {', '.join(VALIDATE_MODES)}, not {config.validate!r}")


def write_outputs(
    corpus: ResolvedCorpus, config: BuildConfig, ingest: IngestReport | None = None
) -> BuildSummary:
    """The graph stage and every file of a build, from a resolved corpus.

    ``ingest`` is the ingest report to count papers by (default: the one the corpus carries).
    """
    from kg.export import (
        build_stats,
        write_extractions,
        write_graphml,
        write_jsonld,
        write_ntriples,
        write_stats,
        write_turtle,
    )
    from kg.export.stats import content_counts
    from kg.graph import graph_content, rdf_lines, to_networkx, validate_lines, write_store
    from kg.iris import Iris

    check_config(config)
    report_in = ingest or corpus.ingest
    iris = Iris(config.base_iri)
    out = Path(config.out_dir)
    content = graph_content(corpus)
    lines = rdf_lines(content, iris)

    validation = None
    if config.validate != "off":
        validation = validate_lines(lines, sample=config.validate == "sample")
        if not validation.conforms:
            raise GraphValidationError(validation)

    files = [
        write_ntriples(lines, out / "kg.nt"),
        write_turtle(lines, iris, out / "kg.ttl"),
        write_jsonld(lines, iris, out / "kg.jsonld"),
    ]
    write_store(out / "kg.nt", out / STORE_DIR)
    graph = to_networkx(content, iris)
    files.append(write_graphml(graph, out / "kg.graphml"))
    files.append(write_extractions(corpus, content, iris, out / "extractions.jsonl"))
    if config.html:
        from kg.viz import write_graph_html

        view = write_graph_html(graph, out / HTML_FILE, title=f"mlkg: {len(content.papers)} papers")
        files.append(view.path)
        if view.matrix_path is not None:
            files.append(view.matrix_path)
    stats_path = out / "stats.json"
    files.append(stats_path)
    write_stats(build_stats(lines, content, report_in, iris, [p.name for p in files]), stats_path)

    counts = content_counts(content, lines)
    return BuildSummary(
        out_dir=out,
        papers_read=report_in.read,
        papers_kept=report_in.kept,
        papers_merged=report_in.merged_duplicates,
        skipped_by_reason=tuple(report_in.skipped_by_reason().items()),
        entities_by_class=counts.entities_by_class,
        relations_by_predicate=counts.relations_by_predicate,
        statements=counts.statements,
        results=counts.results,
        triples=len(lines),
        left_out=content.dropped,
        files=tuple(files),
        validation=validation,
    )
