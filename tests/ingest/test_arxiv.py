"""arXiv metadata records (Kaggle dump shape) and how they are told from generic records."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.ingest import read_sources
from kg.ingest.arxiv import is_arxiv_record, split_authors, strip_latex_breaks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(autouse=True)
def _run_in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def test_arxiv_records_become_papers_named_by_their_arxiv_id() -> None:
    result = read_sources(["arxiv_sample.jsonl"])
    papers = {p.id: p for p in result.papers}
    assert sorted(papers) == ["2010.11929", "2103.00020", "hep-th/9901001"]
    vit = papers["2010.11929"]
    assert vit.title == "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"
    assert vit.abstract == (
        "While the Transformer architecture has become the de-facto standard for natural language "
        "processing tasks, its applications to computer vision remain limited. In vision, attention is "
        "either applied in conjunction with convolutional networks.\n\nWhen pre-trained on large "
        "amounts of data, Vision Transformer (ViT) attains excellent results."
    )
    assert vit.authors[0] == "Alexey Dosovitskiy" and vit.authors[-1] == "Neil Houlsby"
    assert vit.author_count == 6
    assert vit.categories == ("cs.CV", "cs.AI", "cs.LG")
    assert vit.date == datetime.date(2021, 6, 4)
    assert papers["2103.00020"].author_count == 12
    old = papers["hep-th/9901001"]  # "v2" dropped: versions of one paper are one paper
    assert old.authors == ("A. Author", "B. Author (Some Institute, Somewhere)")


def test_arxiv_record_without_abstract_is_a_skip() -> None:
    report = read_sources(["arxiv_sample.jsonl"]).report
    assert [(s.line, s.reason) for s in report.skipped] == [(4, "missing-abstract")]


def test_records_are_told_apart_by_their_keys() -> None:
    assert is_arxiv_record({"id": "1", "title": "T", "abstract": "A", "update_date": "2020-01-01"})
    assert is_arxiv_record({"id": "1", "title": "T", "abstract": "A", "categories": "cs.LG"})
    generic = {"id": "1", "title": "T", "abstract": "A", "authors": "X and Y", "date": "2020-01-01"}
    assert not is_arxiv_record(generic)


def test_latex_line_breaks_become_spaces() -> None:
    assert strip_latex_breaks(r"first\\second\newline third") == "first second  third"
    assert strip_latex_breaks(r"keeps $\alpha$ and \newcommand") == r"keeps $\alpha$ and \newcommand"


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("A, B and C", ("A", "B", "C")),
        ("A, B, and C", ("A", "B", "C")),
        ("Alexander Anderson and Sandra Andrews", ("Alexander Anderson", "Sandra Andrews")),
        ("Solo Author", ("Solo Author",)),
        ("", ()),
    ],
)
def test_author_strings_split_on_commas_and_the_last_and(authors: str, expected: tuple[str, ...]) -> None:
    assert split_authors(authors) == expected
