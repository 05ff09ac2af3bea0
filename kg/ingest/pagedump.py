"""Hugging Face Daily Papers pages, copied from a browser into a text file.

Three layouts occur, told apart by content (:func:`detect_layout`):

- ``line-pairs``: a title line then its abstract line, no blank lines; the page's
  "Subscribe" button text is glued to the first title ("SubscribeTinyCLIP: ...").
- ``blank-separated``: the same, each title and abstract a block between blank lines.
- ``with-metadata``: blank-separated, and after each abstract a block such as
  ``  • 13 authors`` / ``·`` / ``Oct 30, 2023 1`` (date, then the upvote count), where an
  organisation line ("GD-ML AMAP-ML") may stand in place of, or beside, the authors line.
  That block describes the paper ABOVE it. A date without a year takes the year of the
  page's header date when that has one; otherwise the date stays unknown.

Page chrome ("new", "Subscribe", "Daily Papers", "byAK and the research community",
"Get trending papers ...", the header date) is never a paper. A page is a few hundred
lines, so it is read whole: pairing titles with abstracts needs to look ahead.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kg.ingest.sources import display_path, iter_lines
from kg.ingest.validate import MISSING_ABSTRACT, MISSING_TITLE, make_paper
from kg.records import Paper, Skip, SourceRef

logger = logging.getLogger(__name__)

CHROME_LINES = frozenset(
    {
        "new",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
    }
)
_GLUED_SUBSCRIBE = re.compile(r"^Subscribe(?=\S)")
_AUTHORS = re.compile(r"^\s*•\s*(\d+)\s+authors?\s*$")
_MIDDLE_DOT = "·"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d+))?$")
# Longest title seen in the bundled pages is 137 characters, shortest abstract 896.
_LONGEST_TITLE = 300
# The page header ("Get trending papers ...", "Subscribe") sits in the first few lines.
_CHROME_WITHIN = 12


class PageLayout(str, Enum):
    LINE_PAIRS = "line-pairs"
    BLANK_SEPARATED = "blank-separated"
    WITH_METADATA = "with-metadata"


@dataclass(frozen=True)
class PageDate:
    """A date as a page shows it: the year may be missing; the upvote count may follow it."""

    month: int
    day: int
    year: int | None
    upvotes: int | None

    def resolve(self, page_year: int | None) -> datetime.date | None:
        year = self.year if self.year is not None else page_year
        if year is None:
            return None
        try:
            return datetime.date(year, self.month, self.day)
        except ValueError:
            return None


def parse_page_date(text: str) -> PageDate | None:
    """``"Oct 30, 2023 1"`` -> month 10, day 30, year 2023, 1 upvote; None if ``text`` is no date.

    Example:
        >>> parse_page_date("Oct 14 3")
        PageDate(month=10, day=14, year=None, upvotes=3)
        >>> parse_page_date("Attentive Mask CLIP") is None
        True
    """
    match = _DATE.match(text.strip())
    if not match or match.group(1).lower() not in _MONTHS:
        return None
    month = _MONTHS.index(match.group(1).lower()) + 1
    year = int(match.group(3)) if match.group(3) else None
    upvotes = int(match.group(4)) if match.group(4) else None
    return PageDate(month, int(match.group(2)), year, upvotes)


@dataclass(frozen=True)
class _Unit:
    """A title or abstract candidate (``meta`` empty) or a metadata block (``meta`` set)."""

    line: int
    text: str
    meta: tuple[str, ...] = ()


def _is_meta_line(lines: Sequence[str], index: int) -> bool:
    text = lines[index]
    if _AUTHORS.match(text) or text.strip() == _MIDDLE_DOT:
        return True
    if parse_page_date(text) is not None and index > 0 and _is_meta_line(lines, index - 1):
        return True
    return index + 1 < len(lines) and lines[index + 1].strip() == _MIDDLE_DOT


def detect_layout(lines: Sequence[str]) -> PageLayout:
    """Which of the three page layouts ``lines`` (the file's lines) are in.

    Example:
        >>> detect_layout(["Title", "Abstract.", "Title 2", "Abstract 2."]).value
        'line-pairs'
        >>> detect_layout(["Title", "", "Abstract.", "", "  • 3 authors", "·", "Oct 14 3"]).value
        'with-metadata'
    """
    if any(_AUTHORS.match(text) or text.strip() == _MIDDLE_DOT for text in lines):
        return PageLayout.WITH_METADATA
    content = [i for i, text in enumerate(lines) if text.strip() and text.strip() not in CHROME_LINES]
    if content and any(not lines[i].strip() for i in range(content[0], content[-1])):
        return PageLayout.BLANK_SEPARATED
    return PageLayout.LINE_PAIRS


def _blocks(numbered: Sequence[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """Runs of non-blank lines between blank lines, page chrome left out."""
    block: list[tuple[int, str]] = []
    for number, text in numbered:
        if not text.strip():
            if block:
                yield block
            block = []
        elif text.strip() not in CHROME_LINES:
            block.append((number, text))
    if block:
        yield block


def _units(numbered: Sequence[tuple[int, str]], layout: PageLayout) -> tuple[list[_Unit], int | None]:
    """The page as units, and the year of its header date (None when it shows none).

    Every line is a unit of its own (browsers copy a title or an abstract as one line),
    except that adjacent metadata lines form one metadata unit; metadata is looked for
    only on pages in the ``with-metadata`` layout.
    """
    units: list[_Unit] = []
    page_year: int | None = None
    for block in _blocks(numbered):
        texts = [text for _, text in block]
        meta: list[str] = []
        meta_line = 0
        for index, (number, text) in enumerate(block):
            if layout is PageLayout.WITH_METADATA and _is_meta_line(texts, index):
                meta_line = meta_line or number
                meta.append(text.strip())
                continue
            if meta:
                units.append(_Unit(meta_line, "", tuple(meta)))
                meta, meta_line = [], 0
            header = parse_page_date(text) if not units else None
            if header is not None:
                page_year = header.year
            elif not units:
                units.append(_Unit(number, _GLUED_SUBSCRIBE.sub("", text.strip())))
            else:
                units.append(_Unit(number, text.strip()))
        if meta:
            units.append(_Unit(meta_line, "", tuple(meta)))
    return units, page_year


@dataclass(frozen=True)
class _Metadata:
    author_count: int | None = None
    organisation: str | None = None
    date: datetime.date | None = None
    upvotes: int | None = None


def _parse_meta(meta: Sequence[str], page_year: int | None, where: str) -> _Metadata:
    author_count = organisation = when = upvotes = None
    for index, text in enumerate(meta):
        authors = _AUTHORS.match(text)
        page_date = parse_page_date(text) if index > 0 else None
        if authors:
            author_count = int(authors.group(1))
        elif text == _MIDDLE_DOT:
            continue
        elif page_date is not None:
            when, upvotes = page_date.resolve(page_year), page_date.upvotes
            if when is None and (page_date.year or page_year):
                logger.warning("%s: date %r does not exist; left unknown", where, text)
        else:
            organisation = text
    return _Metadata(author_count, organisation, when, upvotes)


def _looks_like_title(unit: _Unit | None) -> bool:
    return unit is not None and not unit.meta and len(unit.text) <= _LONGEST_TITLE


def _looks_like_abstract(unit: _Unit | None) -> bool:
    return unit is not None and not unit.meta and len(unit.text) > _LONGEST_TITLE


def read_page_dump(path: Path) -> Iterator[Paper | Skip]:
    """Every entry of a Daily Papers page dump, as a Paper or a Skip naming the title's line."""
    shown = display_path(path)
    numbered = list(iter_lines(path))
    layout = detect_layout([text for _, text in numbered])
    units, page_year = _units(numbered, layout)
    if not any(text.strip() in CHROME_LINES for _, text in numbered[:_CHROME_WITHIN]):
        logger.warning("%s: no Daily Papers page header; reading it as title and abstract lines", shown)
    logger.info("%s: Daily Papers page, layout %s, page year %s", shown, layout.value, page_year or "unknown")
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if unit.meta:
            logger.info("%s:%d: metadata with no paper above it: %s", shown, unit.line, " ".join(unit.meta))
            continue
        if _looks_like_abstract(unit):
            yield Skip(shown, unit.line, MISSING_TITLE, f"text without a title: {unit.text[:60]!r}")
            continue
        after = units[index] if index < len(units) else None
        after_next = units[index + 1] if index + 1 < len(units) else None
        # A short line followed by a long one is the next title, not this title's abstract.
        if after is None or after.meta or (_looks_like_title(after) and _looks_like_abstract(after_next)):
            yield Skip(shown, unit.line, MISSING_ABSTRACT, f"no abstract for {unit.text[:80]!r}")
            continue
        index += 1
        meta = _Metadata()
        if index < len(units) and units[index].meta:
            meta = _parse_meta(units[index].meta, page_year, f"{shown}:{units[index].line}")
            index += 1
        yield make_paper(
            SourceRef(shown, unit.line),
            unit.text,
            after.text,
            date=meta.date,
            author_count=meta.author_count,
            organisation=meta.organisation,
            upvotes=meta.upvotes,
        )
