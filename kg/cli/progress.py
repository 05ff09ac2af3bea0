"""Progress on a terminal, silence in pipes and CI: long work tells people it is alive."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_enabled() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def with_progress(items: Iterable[T], label: str, total: int | None = None, every: int = 25) -> Iterator[T]:
    """Yield ``items`` unchanged, printing ``label: n/total`` to stderr on a terminal."""
    if not progress_enabled():
        yield from items
        return
    count = 0
    for count, item in enumerate(items, start=1):
        if count % every == 0:
            suffix = f"/{total}" if total else ""
            print(f"\r{label}: {count}{suffix}", end="", file=sys.stderr, flush=True)
        yield item
    print(f"\r{label}: {count}{'/' + str(total) if total else ''} done", file=sys.stderr, flush=True)
