"""Helpers for resolve tests: the shipped extraction pipeline, built once, and real bundled text."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract import extract_papers, load_pipeline
from kg.records import Paper, PaperExtraction
from kg.resources import DATA_DIR


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp: Language):
    """``extract(title, abstract)`` -> the PaperExtraction of one paper."""

    def run(title: str, abstract: str = "", paper_id: str = "p1") -> PaperExtraction:
        return next(extract_papers([Paper(id=paper_id, title=title, abstract=abstract, sources=())], nlp=nlp))

    return run


@pytest.fixture(scope="session")
def tinyclip() -> tuple[str, str]:
    """Title and abstract of the TinyCLIP paper, as bundled in data/ (page dump layout 1)."""
    lines = Path(DATA_DIR, "000_98a4905e366ac11c.txt").read_text(encoding="utf-8").splitlines()
    return lines[2].removeprefix("Subscribe"), lines[3]


def names(extraction: PaperExtraction) -> set[tuple[str, str]]:
    return {(m.text, m.type.value) for m in extraction.mentions}
