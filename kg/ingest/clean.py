"""Text cleaning and the keys that make one paper one paper, whatever file it came from.

Titles and abstracts arrive from web pages, spreadsheets and arXiv's LaTeX-flavoured
metadata. Cleaning them the same way (Unicode NFC, no control characters, single spaces)
is what lets the same title from two sources produce the same id.

Example:
    >>> clean_text("  Token\\tMerging:\\u00a0Your ViT\\x00 But Faster ")
    'Token Merging: Your ViT But Faster'
    >>> normalise_title("Token Merging: Your ViT But Faster!")
    'token merging your vit but faster'
    >>> arxiv_id_from("https://arxiv.org/abs/2309.12314v2")
    '2309.12314'
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
import unicodedata
from datetime import date

# Characters that carry no text: C0/C1 controls (category Cc), lone surrogates (Cs, they
# cannot even be written as UTF-8) and invisible format characters such as zero-width
# spaces, soft hyphens and byte-order marks (Cf). Tab, newline and carriage return are
# whitespace, handled by whitespace collapsing instead.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cs", "Cf"})
_KEEP = frozenset("\n\t\r")
_ASCII_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARAGRAPH_BREAK = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*\n\s*")
_NON_ALNUM = re.compile(r"[\W_]+")

_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = re.compile(rf"^(?:arxiv:)?({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?$", re.IGNORECASE)
_ARXIV_URL = re.compile(
    rf"arxiv\.org/(?:abs|pdf)/({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf)?/?$", re.IGNORECASE
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


@functools.cache
def _invisible_pattern() -> re.Pattern[str]:
    """One character class of every invisible code point (built once, on first non-ASCII text)."""
    ranges: list[str] = []
    start = previous = -2
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in _KEEP or unicodedata.category(char) not in _INVISIBLE_CATEGORIES:
            continue
        if code != previous + 1:
            if start >= 0:
                ranges.append(_char_range(start, previous))
            start = code
        previous = code
    ranges.append(_char_range(start, previous))
    return re.compile("[" + "".join(ranges) + "]")


def _char_range(first: int, last: int) -> str:
    return f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}"


def _invisible(text: str) -> re.Pattern[str]:
    return _ASCII_INVISIBLE if text.isascii() else _invisible_pattern()


def count_invisible(text: str) -> int:
    """How many characters :func:`clean_text` drops as invisible (controls, surrogates, format chars)."""
    return len(_invisible(text).findall(text))


def _drop_invisible(text: str) -> str:
    return _invisible(text).sub("", text)


def clean_text(text: str) -> str:
    """One line of text: NFC, invisible characters dropped, every run of whitespace one space."""
    return _collapse(_drop_invisible(text))


def _collapse(text: str) -> str:
    # str.split() splits on exactly the characters regex \s matches, several times faster.
    return " ".join(unicodedata.normalize("NFC", text).split())


def clean_paragraphs(text: str) -> str:
    """Like :func:`clean_text`, but a blank line between paragraphs survives (as exactly one).

    Cleaning twice gives the same text as cleaning once, so written papers read back unchanged.

    Example:
        >>> clean_paragraphs("First  part\\n  goes on.\\n \\n\\n   Second part.")
        'First part goes on.\\n\\nSecond part.'
    """
    visible = _drop_invisible(text)
    if "\n" not in visible:
        return _collapse(visible)
    paragraphs = _PARAGRAPH_BREAK.split(visible)
    return "\n\n".join(p for p in (_collapse(p) for p in paragraphs) if p)


def normalise_title(title: str) -> str:
    """The comparison key of a title: NFKC, casefolded, non-alphanumeric runs as single spaces."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


def title_id(title: str) -> str:
    """The id of a paper without an arXiv id: ``t-`` + 12 hex digits of sha256(normalised title).

    Example:
        >>> title_id("Token Merging: Your ViT But Faster")
        't-401b5e968791'
        >>> title_id("token merging -- your ViT, but faster")
        't-401b5e968791'
    """
    digest = hashlib.sha256(normalise_title(title).encode("utf-8")).hexdigest()
    return "t-" + digest[:12]


def arxiv_id_from(value: str | None) -> str | None:
    """The version-less arXiv id in ``value`` (a bare id, ``arXiv:`` id or arxiv.org URL), else None.

    Example:
        >>> arxiv_id_from("arXiv:hep-th/9901001v1"), arxiv_id_from("paper-17")
        ('hep-th/9901001', None)
    """
    if not value:
        return None
    value = value.strip()
    match = _ARXIV_ID.match(value) or _ARXIV_URL.search(value)
    return match.group(1) if match else None


def parse_iso_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (optionally followed by a time) as a date; None when absent or not a real date.

    Example:
        >>> parse_iso_date("2023-10-30T12:00:00Z"), parse_iso_date("2023-02-30")
        (datetime.date(2023, 10, 30), None)
    """
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
