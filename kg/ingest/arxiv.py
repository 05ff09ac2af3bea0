"""arXiv metadata records, as in the Kaggle arXiv dump (one JSON object per line).

Those records keep arXiv's LaTeX-ish text: titles and abstracts are wrapped at about 80
columns with indentation, may hold ``\\\\`` or ``\\newline`` line breaks, and the authors
are one string ``"A, B and C"``. This module turns one such record into a Paper.

Example:
    >>> from kg.records import SourceRef
    >>> record = {"id": "2309.12314", "title": "TinyCLIP: CLIP Distillation via Affinity\\n  Mimicking",
    ...           "abstract": "  In this paper,\\\\\\\\ we propose\\n TinyCLIP.",
    ...           "authors": "Kan Wu, Houwen Peng and Zhenghong Zhou",
    ...           "categories": "cs.CV cs.LG", "update_date": "2023-09-21"}
    >>> paper = arxiv_paper(SourceRef("arxiv.jsonl", 1), record)
    >>> paper.id, paper.title
    ('2309.12314', 'TinyCLIP: CLIP Distillation via Affinity Mimicking')
    >>> paper.abstract
    'In this paper, we propose TinyCLIP.'
    >>> paper.authors, paper.categories, paper.date.isoformat()
    (('Kan Wu', 'Houwen Peng', 'Zhenghong Zhou'), ('cs.CV', 'cs.LG'), '2023-09-21')
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.ingest.clean import arxiv_id_from, parse_iso_date
from kg.ingest.validate import make_paper
from kg.records import Paper, Skip, SourceRef

# Keys that only arXiv metadata records have; a generic paper record has none of them.
ARXIV_KEYS = frozenset(
    {"update_date", "categories", "authors_parsed", "submitter", "versions", "journal-ref"}
)
_LATEX_BREAK = re.compile(r"\\\\|\\newline\b")
_AUTHOR_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def is_arxiv_record(record: Mapping[str, object]) -> bool:
    return not ARXIV_KEYS.isdisjoint(record)


def strip_latex_breaks(text: str) -> str:
    """LaTeX line breaks (``\\\\``, ``\\newline``) become spaces; the rest of the text is left as written."""
    return _LATEX_BREAK.sub(" ", text)


def split_authors(authors: str) -> tuple[str, ...]:
    """``"A, B and C"`` -> ``("A", "B", "C")``; commas inside parentheses (affiliations) do not split.

    Example:
        >>> split_authors("C. Bal\\\\'azs, E. L. Berger (ANL, Argonne), and C.-P. Yuan")
        ("C. Bal\\\\'azs", 'E. L. Berger (ANL, Argonne)', 'C.-P. Yuan')
    """
    names: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(authors):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index >= start:
            match = _AUTHOR_SEPARATOR.match(authors, index)
            if match:
                names.append(authors[start:index])
                start = match.end()
    names.append(authors[start:])
    return tuple(name.strip() for name in names if name.strip())


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def arxiv_paper(source: SourceRef, record: Mapping[str, object]) -> Paper | Skip:
    """One arXiv metadata record as a Paper (or a Skip when it lacks a title or abstract)."""
    title, abstract = _text(record.get("title")), _text(record.get("abstract"))
    authors = _text(record.get("authors")) or ""
    categories = _text(record.get("categories")) or ""
    raw_id = record.get("id")
    return make_paper(
        source,
        strip_latex_breaks(title) if title else None,
        strip_latex_breaks(abstract) if abstract else None,
        arxiv_id=arxiv_id_from(str(raw_id)) if raw_id is not None else None,
        date=parse_iso_date(_text(record.get("update_date"))),
        authors=split_authors(strip_latex_breaks(authors)),
        categories=categories.split(),
    )
