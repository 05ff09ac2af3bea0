"""The papers JSONL format that ``kg ingest`` writes, and the way back from it.

One JSON object per paper, sorted by id, keys sorted, dates ISO, UTF-8 text as written
(``ensure_ascii=False``): the same papers always give the same bytes. Each object keeps
its ``sources`` (file and line the paper was first read from), so feeding the file back
to ``kg ingest`` yields the same papers with their original provenance.

Example:
    >>> from kg.records import Paper, SourceRef
    >>> paper = Paper("2111.09886", "Títle", "Abstract.", (SourceRef("data/a.txt", 3),), upvotes=2)
    >>> line = paper_json_line(paper)
    >>> line[:61], '"Títle"' in line
    ('{"abstract": "Abstract.", "author_count": null, "authors": []', True)
    >>> paper_from_record(json.loads(line), SourceRef("papers.jsonl", 1)) == paper
    True
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping

from kg.files import atomic_path
from kg.ingest.clean import arxiv_id_from, parse_iso_date
from kg.ingest.validate import make_paper
from kg.records import Paper, Skip, SourceRef

logger = logging.getLogger(__name__)

# A record with these keys was written by this module (a generic record has no "sources").
PAPER_KEYS = frozenset({"id", "title", "abstract", "sources"})


def is_paper_record(record: Mapping[str, object]) -> bool:
    return record.keys() >= PAPER_KEYS


def paper_to_record(paper: Paper) -> dict[str, object]:
    """A paper as plain JSON values (sources as ``{"path", "line"}`` objects, date as ISO text)."""
    return {
        "id": paper.id,
        "title": paper.title,
        "abstract": paper.abstract,
        "sources": [{"path": s.path, "line": s.line} for s in paper.sources],
        "date": paper.date.isoformat() if paper.date else None,
        "authors": list(paper.authors),
        "author_count": paper.author_count,
        "organisation": paper.organisation,
        "upvotes": paper.upvotes,
        "url": paper.url,
        "categories": list(paper.categories),
    }


def paper_json_line(paper: Paper) -> str:
    """One line of the papers JSONL format, without the newline."""
    return json.dumps(paper_to_record(paper), ensure_ascii=False, sort_keys=True)


def papers_jsonl_lines(papers: Iterable[Paper]) -> Iterator[str]:
    """Lines (each ending in ``\\n``) for ``papers``, sorted by id."""
    for paper in sorted(papers, key=lambda p: p.id):
        yield paper_json_line(paper) + "\n"


def write_papers_jsonl(papers: Iterable[Paper], target: str | os.PathLike[str]) -> None:
    """Write ``papers`` to ``target`` atomically (a crash never leaves half a file)."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(papers_jsonl_lines(papers))


def _int_or_none(value: object, name: str, source: SourceRef) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    where = f"{source.path}:{source.line}"
    logger.warning("%s: %s should be a whole number, got %r; left unknown", where, name, value)
    return None


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _sources(value: object, fallback: SourceRef) -> tuple[SourceRef, ...]:
    refs = {
        SourceRef(item["path"], item["line"])
        for item in (value if isinstance(value, list) else [])
        if isinstance(item, dict) and isinstance(item.get("path"), str) and isinstance(item.get("line"), int)
    }
    return tuple(sorted(refs)) or (fallback,)


def paper_from_record(record: Mapping[str, object], source: SourceRef) -> Paper | Skip:
    """A record of the papers JSONL format back as a Paper, its written sources kept.

    ``source`` (where the record was read now) stands in only when the record names no sources.
    """
    title, abstract = record.get("title"), record.get("abstract")
    raw_id = record.get("id")
    organisation, url = record.get("organisation"), record.get("url")
    made = make_paper(
        source,
        title if isinstance(title, str) else None,
        abstract if isinstance(abstract, str) else None,
        arxiv_id=arxiv_id_from(raw_id) if isinstance(raw_id, str) else None,
        date=parse_iso_date(record.get("date") if isinstance(record.get("date"), str) else None),
        authors=_strings(record.get("authors")),
        author_count=_int_or_none(record.get("author_count"), "author_count", source),
        organisation=organisation if isinstance(organisation, str) else None,
        upvotes=_int_or_none(record.get("upvotes"), "upvotes", source),
        url=url if isinstance(url, str) else None,
        categories=_strings(record.get("categories")),
    )
    if isinstance(made, Skip):
        return made
    return dataclasses.replace(made, sources=_sources(record.get("sources"), source))
