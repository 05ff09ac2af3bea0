"""Ingest: papers from Daily Papers page dumps, JSON lines, CSV and arXiv metadata, one per paper.

``read_sources(paths)`` is the stage's entry point; the papers JSONL writer and reader
make its output a valid input again.

Example:
    >>> from kg.resources import DATA_DIR
    >>> result = read_sources([DATA_DIR])
    >>> len(result.papers) == result.report.kept
    True
"""

from __future__ import annotations

from kg.ingest.clean import normalise_title, title_id
from kg.ingest.paper_jsonl import papers_jsonl_lines, write_papers_jsonl
from kg.ingest.read import collect, iter_source_records, read_sources

__all__ = [
    "collect",
    "iter_source_records",
    "normalise_title",
    "papers_jsonl_lines",
    "read_sources",
    "title_id",
    "write_papers_jsonl",
]
