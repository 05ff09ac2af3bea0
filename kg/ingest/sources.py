"""Finding source files, naming them, recognising their format and reading their lines.

A problem with a whole file (missing, unreadable, not UTF-8, unknown format) stops the run
with an :class:`~kg.errors.InputError` naming the file: guessing an encoding or a format
would quietly turn a user's mistake into wrong papers. Problems with single records are
the readers' business and become counted skips.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from enum import Enum
from pathlib import Path

from kg.errors import InputError


class SourceFormat(str, Enum):
    PAGE_DUMP = "page-dump"
    JSON_LINES = "json-lines"
    CSV = "csv"


EXTENSIONS = {
    ".txt": SourceFormat.PAGE_DUMP,
    ".jsonl": SourceFormat.JSON_LINES,
    ".ndjson": SourceFormat.JSON_LINES,
    ".json": SourceFormat.JSON_LINES,
    ".csv": SourceFormat.CSV,
}
# Words that only a Hugging Face Daily Papers page shows, for files without a known extension.
_PAGE_MARKERS = ("Get trending papers", "byAK and the research community", "Daily Papers")
_SNIFF_LINES = 20
_BOM = "\ufeff".encode()


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as recorded in a ``SourceRef``: posix, relative to the current directory when under it.

    Example:
        >>> display_path(Path.cwd() / "data" / "x.txt")
        'data/x.txt'
    """
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(os.getcwd()))).as_posix()
    except ValueError:
        return Path(path).as_posix()


def expand_inputs(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Every file to read: files as given, directories recursively in sorted order, hidden ones left out.

    A file named twice (directly or through its directory) is read once. A directory with
    nothing to read is an error: an empty run would look like a corpus of no papers.
    """
    files: list[Path] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.is_file() and not _is_hidden(p.relative_to(path))),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not found:
                raise InputError(display_path(path), None, "no files to read in this directory")
        elif path.exists():
            found = [path]
        else:
            raise InputError(display_path(path), None, "no such file or directory")
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def detect_format(path: Path) -> SourceFormat:
    """The format by extension; for other names, by the first lines of content."""
    known = EXTENSIONS.get(path.suffix.lower())
    if known is not None:
        return known
    head = [text.strip() for _, text in _first_lines(path) if text.strip()]
    if head and head[0].startswith("{"):
        return SourceFormat.JSON_LINES
    if head and {"title", "abstract"} <= {cell.strip().lower() for cell in head[0].split(",")}:
        return SourceFormat.CSV
    if any(marker in line for line in head for marker in _PAGE_MARKERS):
        return SourceFormat.PAGE_DUMP
    raise InputError(
        display_path(path),
        None,
        "unknown source format: expected a Daily Papers page dump (.txt), JSON lines (.jsonl, .json) "
        "or CSV with a header naming title and abstract (.csv)",
    )


def _first_lines(path: Path) -> list[tuple[int, str]]:
    lines = []
    for number, text in iter_lines(path):
        lines.append((number, text))
        if number >= _SNIFF_LINES:
            break
    return lines


def iter_lines(path: Path, keep_ends: bool = False) -> Iterator[tuple[int, str]]:
    """``(1-based line number, text)`` for each line of a UTF-8 file, streamed.

    A byte-order mark is ignored; ``\\r\\n`` ends a line like ``\\n``. Bytes that are not
    UTF-8 raise an ``InputError`` naming the line, instead of being replaced by characters
    nobody wrote. Lines are decoded one by one so that the line number is exact.
    """
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    byte = raw[error.start : error.start + 1].hex()
                    message = (
                        f"not valid UTF-8 (byte 0x{byte} at offset {error.start} of the line); "
                        "save the file as UTF-8"
                    )
                    raise InputError(shown, number, message) from None
                yield number, text if keep_ends else text.rstrip("\r\n")
    except PermissionError:
        raise InputError(shown, None, "cannot read the file: permission denied") from None
    except IsADirectoryError:
        raise InputError(shown, None, "is a directory, expected a file") from None
    except FileNotFoundError:
        raise InputError(shown, None, "no such file or directory") from None
