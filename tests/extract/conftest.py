"""Helpers for extraction tests; the nlp, extract and tinyclip fixtures live in tests/conftest.py."""

from __future__ import annotations

from kg.records import PaperExtraction


def names(extraction: PaperExtraction) -> set[tuple[str, str]]:
    return {(m.text, m.type.value) for m in extraction.mentions}
