"""Read every source, keep the good records, merge duplicates, and account for the rest.

:func:`iter_source_records` streams ``Paper | Skip`` from all files (so a caller can show
progress); :func:`collect` turns that stream into an :class:`IngestResult` whose report
always adds up: ``read == kept + merged_duplicates + len(skipped)``.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from kg.ingest.dedupe import merge_duplicates
from kg.ingest.pagedump import read_page_dump
from kg.ingest.sources import SourceFormat, detect_format, display_path, expand_inputs
from kg.ingest.tabular import read_csv, read_json_lines
from kg.records import IngestReport, IngestResult, Paper, Skip

logger = logging.getLogger(__name__)

READERS: dict[SourceFormat, Callable[[Path], Iterator[Paper | Skip]]] = {
    SourceFormat.PAGE_DUMP: read_page_dump,
    SourceFormat.JSON_LINES: read_json_lines,
    SourceFormat.CSV: read_csv,
}


def iter_source_records(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Paper | Skip]:
    """Every record of every file under ``paths``, in file order then line order.

    All files are found and their formats recognised before the first is read, so a typo
    or an unknown file fails at once rather than after minutes of work.
    """
    plan = [(file, detect_format(file)) for file in expand_inputs(paths)]
    for file, source_format in plan:
        skipped: Counter[str] = Counter()
        for record in READERS[source_format](file):
            if isinstance(record, Skip):
                skipped[record.reason] += 1
            yield record
        if skipped:
            reasons = ", ".join(f"{reason}: {count}" for reason, count in sorted(skipped.items()))
            logger.warning("%s: skipped %d record(s) (%s)", display_path(file), skipped.total(), reasons)


def collect(records: Iterable[Paper | Skip]) -> IngestResult:
    """Papers merged and sorted by id, with the report of what was read, kept, merged and skipped."""
    papers: list[Paper] = []
    skips: list[Skip] = []
    for record in records:
        if isinstance(record, Skip):
            logger.info("%s:%d: skipped (%s): %s", record.path, record.line, record.reason, record.detail)
            skips.append(record)
        else:
            papers.append(record)
    merged, duplicates = merge_duplicates(papers)
    report = IngestReport(
        read=len(papers) + len(skips),
        kept=len(merged),
        merged_duplicates=duplicates,
        skipped=tuple(sorted(skips, key=lambda s: (s.path, s.line, s.reason, s.detail))),
    )
    return IngestResult(papers=merged, report=report)


def read_sources(paths: Sequence[str | os.PathLike[str]]) -> IngestResult:
    """Read papers from files and directories (page dumps, JSON lines, CSV, arXiv metadata).

    Example:
        >>> from kg.resources import DATA_DIR
        >>> report = read_sources([DATA_DIR]).report
        >>> report.read, report.kept, report.merged_duplicates, report.skipped
        (253, 232, 21, ())
    """
    return collect(iter_source_records(paths))
