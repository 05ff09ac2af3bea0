"""One gate every reader passes its fields through: clean them, then keep the paper or say why not.

Keeping the rules here (not in each reader) means a page dump, a CSV row and an arXiv
record are judged the same way, and every skip carries the same stable reason keys.

Example:
    >>> from kg.records import SourceRef
    >>> make_paper(SourceRef("a.csv", 2), " Token  Merging ", "We merge tokens.").title
    'Token Merging'
    >>> make_paper(SourceRef("a.csv", 3), "Token Merging", "  ").reason
    'missing-abstract'
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from kg.ingest.clean import clean_paragraphs, clean_text, count_invisible, title_id
from kg.records import Paper, Skip, SourceRef

logger = logging.getLogger(__name__)

# About 15,000 words, fifty times arXiv's limit of 1,920 characters: such a field is a broken
# export (a whole file in one cell), not a paper, and its "entities" would flood the graph.
MAX_ABSTRACT_CHARS = 100_000
MAX_TITLE_CHARS = 2_000

MISSING_TITLE = "missing-title"
MISSING_ABSTRACT = "missing-abstract"
ABSTRACT_TOO_LONG = "abstract-too-long"
TITLE_TOO_LONG = "title-too-long"
MALFORMED_JSON = "malformed-json"
MALFORMED_CSV = "malformed-csv"
NOT_AN_OBJECT = "not-an-object"


def make_paper(
    source: SourceRef,
    title: str | None,
    abstract: str | None,
    *,
    arxiv_id: str | None = None,
    date: datetime.date | None = None,
    authors: Iterable[str] = (),
    author_count: int | None = None,
    organisation: str | None = None,
    upvotes: int | None = None,
    url: str | None = None,
    categories: Iterable[str] = (),
) -> Paper | Skip:
    """A cleaned :class:`Paper`, or a :class:`Skip` saying which required field is missing or absurd."""
    raw_title, raw_abstract = title or "", abstract or ""
    if len(raw_abstract) > MAX_ABSTRACT_CHARS:
        detail = f"abstract has {len(raw_abstract):,} characters (limit {MAX_ABSTRACT_CHARS:,})"
        return Skip(source.path, source.line, ABSTRACT_TOO_LONG, detail)
    if len(raw_title) > MAX_TITLE_CHARS:
        detail = f"title has {len(raw_title):,} characters (limit {MAX_TITLE_CHARS:,})"
        return Skip(source.path, source.line, TITLE_TOO_LONG, detail)
    clean_title, clean_abstract = clean_text(raw_title), clean_paragraphs(raw_abstract)
    if not clean_title:
        detail = f"no title (abstract starts {clean_abstract[:60]!r})"
        return Skip(source.path, source.line, MISSING_TITLE, detail)
    if not clean_abstract:
        return Skip(source.path, source.line, MISSING_ABSTRACT, f"no abstract for {clean_title[:80]!r}")
    dropped = count_invisible(raw_title) + count_invisible(raw_abstract)
    if dropped:
        logger.info("%s:%d: dropped %d control or invisible characters", source.path, source.line, dropped)
    clean_authors = tuple(a for a in (clean_text(a) for a in authors) if a)
    return Paper(
        id=arxiv_id or title_id(clean_title),
        title=clean_title,
        abstract=clean_abstract,
        sources=(source,),
        date=date,
        authors=clean_authors,
        author_count=author_count if author_count is not None else (len(clean_authors) or None),
        organisation=clean_text(organisation) or None if organisation else None,
        upvotes=upvotes,
        url=clean_text(url) or None if url else None,
        categories=tuple(c for c in (clean_text(c) for c in categories) if c),
    )
