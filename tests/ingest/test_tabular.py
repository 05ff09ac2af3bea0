"""CSV and JSON-lines readers on small hand-written fixtures (tests/fixtures/ingest)."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_sources
from kg.ingest.clean import title_id
from kg.records import Paper

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(autouse=True)
def _run_in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def by_title(papers: tuple[Paper, ...], title: str) -> Paper:
    (paper,) = [p for p in papers if p.title == title]
    return paper


def test_csv_rows_become_papers_with_their_starting_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kg.ingest"):
        result = read_sources(["papers.csv"])
    simmim = by_title(result.papers, "SimMIM: A Simple Framework for Masked Image Modeling")
    assert simmim.id == "2111.09886"
    assert simmim.sources[0].line == 2
    assert simmim.authors == ("Zhenda Xie", "Zheng Zhang", "Yue Cao")
    assert simmim.date == datetime.date(2021, 11, 18)
    assert simmim.url == "https://arxiv.org/abs/2111.09886"
    tome = by_title(result.papers, "Token Merging: Your ViT But Faster")
    assert tome.id == title_id("Token Merging: Your ViT But Faster")  # "p-2" is no arXiv id
    assert tome.sources[0].line == 3  # the quoted abstract runs on to line 4
    assert tome.abstract == (
        "We introduce Token Merging (ToMe), a simple method to increase the throughput of existing ViT "
        "models."
    )
    assert tome.authors == ("Bolya, Daniel", "Fu, Cheng-Yang")  # ";" separates, commas stay inside names
    odd_date = by_title(result.papers, "An Undated Paper With An Odd Date")
    assert odd_date.date is None
    assert "papers.csv:7: date 'last spring' is not YYYY-MM-DD" in caplog.text


def test_csv_bad_rows_are_counted_skips() -> None:
    report = read_sources(["papers.csv"]).report
    assert [(s.line, s.reason) for s in report.skipped] == [(5, "missing-abstract"), (6, "malformed-csv")]
    assert (report.read, report.kept, report.merged_duplicates) == (5, 3, 0)


def test_csv_without_title_or_abstract_column_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "wrong.csv").write_text("id,name,summary\n1,A,B\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"wrong\.csv:1: CSV header lacks column\(s\) title, abstract"):
        read_sources([tmp_path / "wrong.csv"])


def test_generic_json_lines_take_lists_or_strings_of_authors() -> None:
    papers = read_sources(["papers.jsonl"]).papers
    tome = by_title(papers, "Token Merging: Your ViT But Faster")
    assert (tome.id, tome.date) == ("2210.09461", datetime.date(2022, 10, 17))
    assert tome.authors == ("Daniel Bolya", "Cheng-Yang Fu")
    assert by_title(papers, "Attentive Mask CLIP").authors == ("Yifan Yang", "Weiquan Huang")
    no_id = by_title(papers, "A Record Without Any Id")
    assert no_id.id == title_id("A Record Without Any Id")
    assert no_id.authors == ("Ada Lovelace", "Charles Babbage", "Mary Somerville")
    assert no_id.author_count == 3


def test_bad_json_lines_are_skipped_with_their_line_and_reason() -> None:
    result = read_sources(["bad_lines.jsonl"])
    skipped = [(s.path, s.line, s.reason) for s in result.report.skipped]
    assert skipped == [
        ("bad_lines.jsonl", 2, "malformed-json"),
        ("bad_lines.jsonl", 3, "not-an-object"),
        ("bad_lines.jsonl", 5, "missing-title"),
        ("bad_lines.jsonl", 6, "missing-abstract"),
        ("bad_lines.jsonl", 9, "missing-title"),  # a list is not a title
    ]
    assert result.report.read == 8  # line 4 is blank: no record
    assert result.report.kept == 3


def test_control_characters_and_odd_unicode_are_cleaned_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kg.ingest"):
        papers = read_sources(["bad_lines.jsonl"]).papers
    control = by_title(papers, "Control characters in a title")
    assert control.abstract == "Bell and escape characters are dropped; é becomes one character."
    assert "bad_lines.jsonl:7: dropped 4 control or invisible characters" in caplog.text
    odd = by_title(papers, "Lone surrogate in a title")
    assert odd.abstract == "Odd Unicode must not crash: , emoji 😀 stays."
