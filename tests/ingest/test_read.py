"""read_sources on real and broken inputs: reports that add up, huge fields skipped, records streamed."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import iter_source_records, read_sources
from kg.records import IngestReport, Paper
from kg.resources import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
TEN_MB = 10 * 1024 * 1024


def assert_adds_up(report: IngestReport) -> None:
    assert report.read == report.kept + report.merged_duplicates + len(report.skipped)


def test_bundled_corpus_numbers() -> None:
    result = read_sources([DATA_DIR])
    report = result.report
    assert (report.read, report.kept, report.merged_duplicates, report.skipped) == (253, 232, 21, ())
    assert len(result.papers) == 232
    assert [p.id for p in result.papers] == sorted(p.id for p in result.papers)
    assert len({p.id for p in result.papers}) == 232


def test_every_fixture_and_the_bundled_corpus_together_add_up() -> None:
    report = read_sources([DATA_DIR, FIXTURES]).report
    assert_adds_up(report)
    # Skips counted by hand from the fixtures: papers.csv 2, bad_lines.jsonl 5, arxiv_sample.jsonl 1,
    # page_broken_pairs.txt 2.
    assert report.skipped_by_reason() == {
        "malformed-csv": 1,
        "malformed-json": 1,
        "missing-abstract": 4,
        "missing-title": 3,
        "not-an-object": 1,
    }


def test_ten_megabyte_abstract_is_skipped_and_the_rest_is_read(tmp_path: Path) -> None:
    huge = "word " * (TEN_MB // 5)
    lines = [
        {"title": "A Normal Paper", "abstract": "Short and sweet."},
        {"title": "An Absurd Export", "abstract": huge},
        {"title": "Another Normal Paper", "abstract": "Also short."},
    ]
    (tmp_path / "huge.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    csv_text = f'title,abstract\nCSV Absurd Export,"{huge}"\nCSV Fine,Fine.\n'
    (tmp_path / "huge.csv").write_text(csv_text, encoding="utf-8")
    report = read_sources([tmp_path]).report
    assert [(Path(s.path).name, s.line, s.reason) for s in report.skipped] == [
        ("huge.csv", 2, "abstract-too-long"),
        ("huge.jsonl", 2, "abstract-too-long"),
    ]
    assert "10,485,760 characters (limit 100,000)" in report.skipped[0].detail
    assert (report.read, report.kept) == (5, 3)


def test_abstract_at_the_limit_is_kept_and_one_more_character_is_skipped(tmp_path: Path) -> None:
    # 100,000 characters is ~15,000 words, far beyond any real abstract (arXiv caps them at
    # 1,920 characters), yet a 10,000-word abstract still passes
    ten_thousand_words = " ".join(["token"] * 10_000)
    records = [
        {"title": "Edge", "abstract": "x" * 100_000},
        {"title": "Over", "abstract": "x" * 100_001},
        {"title": "Long but real", "abstract": ten_thousand_words},
    ]
    (tmp_path / "edge.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = read_sources([tmp_path])
    assert sorted(p.title for p in result.papers) == ["Edge", "Long but real"]
    assert [(s.line, s.reason) for s in result.report.skipped] == [(2, "abstract-too-long")]
    assert "100,001 characters (limit 100,000)" in result.report.skipped[0].detail


def test_skips_are_logged_per_record_and_summarised_per_file(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES)
    with caplog.at_level(logging.INFO, logger="kg.ingest"):
        read_sources(["bad_lines.jsonl"])
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "bad_lines.jsonl:2: skipped (malformed-json): Expecting ',' delimiter at column 56" in infos
    assert warnings == [
        "bad_lines.jsonl: skipped 5 record(s) "
        "(malformed-json: 1, missing-abstract: 1, missing-title: 2, not-an-object: 1)"
    ]


def test_records_stream_before_the_whole_file_is_read(tmp_path: Path) -> None:
    source = tmp_path / "late_error.jsonl"
    source.write_bytes(b'{"title": "First", "abstract": "Read before the bad byte."}\n{}\n\xff\n')
    records = iter_source_records([source])
    first = next(records)
    assert isinstance(first, Paper) and first.title == "First"
    with pytest.raises(InputError) as raised:
        list(records)
    assert raised.value.line == 3


def test_no_inputs_read_nothing() -> None:
    result = read_sources([])
    assert result.papers == () and result.report == IngestReport(0, 0, 0)
