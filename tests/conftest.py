"""Shared fixtures: the bundled corpus built once per test session, the shipped extraction
pipeline loaded once, and real bundled text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from kg.records import Paper, PaperExtraction
from kg.resources import DATA_DIR


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output directory of ``kg build`` on the bundled corpus (built once, shared)."""
    from kg.pipeline import BuildConfig, build

    out = tmp_path_factory.mktemp("bundled-build")
    build(BuildConfig(inputs=(DATA_DIR,), out_dir=out))
    return out


@pytest.fixture(scope="session")
def nlp() -> Language:
    from kg.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., PaperExtraction]:
    """``extract(title, abstract)`` -> the PaperExtraction of one paper."""
    from kg.extract import extract_papers

    def run(title: str, abstract: str = "", paper_id: str = "p1") -> PaperExtraction:
        return next(extract_papers([Paper(id=paper_id, title=title, abstract=abstract, sources=())], nlp=nlp))

    return run


@pytest.fixture(scope="session")
def tinyclip() -> tuple[str, str]:
    """Title and abstract of the TinyCLIP paper, as bundled in data/ (page dump layout 1)."""
    lines = Path(DATA_DIR, "000_98a4905e366ac11c.txt").read_text(encoding="utf-8").splitlines()
    return lines[2].removeprefix("Subscribe"), lines[3]
