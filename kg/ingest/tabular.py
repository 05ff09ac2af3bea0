"""Papers as rows: CSV files and JSON-lines files, read one record at a time.

Both carry ``id, title, abstract`` and optionally ``date, authors, url``. A JSON-lines
file may also hold arXiv metadata records or papers written by ``kg ingest``; each line
is recognised by its keys, so one file may even mix them. An ``id`` becomes the paper id
only when it is an arXiv id; otherwise the paper is named by its title like any other.

Example:
    >>> from kg.records import SourceRef
    >>> record = {"id": "arXiv:2111.09886", "title": "SimMIM", "abstract": "We mask.", "authors": "A; B"}
    >>> paper = generic_paper(SourceRef("papers.jsonl", 4), record)
    >>> paper.id, paper.authors
    ('2111.09886', ('A', 'B'))
"""

from __future__ import annotations

import csv
import datetime
import json
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

from kg.errors import InputError
from kg.ingest.arxiv import arxiv_paper, is_arxiv_record, split_authors
from kg.ingest.clean import arxiv_id_from, parse_iso_date
from kg.ingest.paper_jsonl import is_paper_record, paper_from_record
from kg.ingest.sources import display_path, iter_lines
from kg.ingest.validate import MALFORMED_CSV, MALFORMED_JSON, NOT_AN_OBJECT, make_paper
from kg.records import Paper, Skip, SourceRef

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("title", "abstract")
OPTIONAL_COLUMNS = ("id", "date", "authors", "url")
# Large enough for any field, so that an absurd abstract is skipped by length, not by the csv module.
_CSV_FIELD_LIMIT = 2**31 - 1


def _text(value: object) -> str | None:
    """A field as text; numbers become text, anything else (lists, objects) counts as missing."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _authors(value: object) -> tuple[str, ...]:
    """A list of names, a ``;``-separated string, or an arXiv-style ``"A, B and C"`` string."""
    # CSV rows arrive here already split on ";" (a single author may be "Smith, John").
    if isinstance(value, list):
        return tuple(name for name in value if isinstance(name, str))
    if not isinstance(value, str):
        return ()
    if ";" in value:
        return tuple(value.split(";"))
    return split_authors(value)


def _date(value: object, source: SourceRef) -> datetime.date | None:
    text = _text(value)
    parsed = parse_iso_date(text)
    if text and text.strip() and parsed is None:
        logger.warning("%s:%d: date %r is not YYYY-MM-DD; left unknown", source.path, source.line, text)
    return parsed


def generic_paper(source: SourceRef, record: Mapping[str, object]) -> Paper | Skip:
    """A record with ``title``, ``abstract`` and optionally ``id``, ``date``, ``authors``, ``url``."""
    url = _text(record.get("url"))
    return make_paper(
        source,
        _text(record.get("title")),
        _text(record.get("abstract")),
        arxiv_id=arxiv_id_from(_text(record.get("id"))) or arxiv_id_from(url),
        date=_date(record.get("date"), source),
        authors=_authors(record.get("authors")),
        url=url,
    )


def read_json_lines(path: Path) -> Iterator[Paper | Skip]:
    """Each non-blank line of ``path`` as a paper: arXiv metadata, written papers or generic records."""
    shown = display_path(path)
    first = True
    for number, line in iter_lines(path):
        if not line.strip():
            continue
        if first and line.lstrip().startswith("["):
            raise InputError(shown, number, "a JSON array; expected one JSON object per line (JSON lines)")
        first = False
        source = SourceRef(shown, number)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skip(shown, number, MALFORMED_JSON, f"{error.msg} at column {error.colno}")
            continue
        if not isinstance(record, dict):
            yield Skip(shown, number, NOT_AN_OBJECT, f"a JSON {type(record).__name__}, expected an object")
        elif is_paper_record(record):
            yield paper_from_record(record, source)
        elif is_arxiv_record(record):
            yield arxiv_paper(source, record)
        else:
            yield generic_paper(source, record)


def read_csv(path: Path) -> Iterator[Paper | Skip]:
    """Each row of a CSV file with a header naming at least ``title`` and ``abstract``.

    Authors are ``;``-separated. A row may span several lines (quoted newlines); its line
    number is the line where it starts.
    """
    shown = display_path(path)
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.reader(text for _, text in iter_lines(path, keep_ends=True))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise InputError(shown, 1, f"CSV header lacks column(s) {', '.join(missing)}; found {header}")
    row_start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Skip(shown, row_start, MALFORMED_CSV, str(error))
            row_start = reader.line_num + 1
            continue
        number, row_start = row_start, reader.line_num + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield Skip(shown, number, MALFORMED_CSV, f"{len(row)} fields, the header names {len(header)}")
            continue
        record: dict[str, object] = dict(zip(header, row, strict=False))
        record["authors"] = str(record.get("authors") or "").split(";")
        yield generic_paper(SourceRef(shown, number), record)
