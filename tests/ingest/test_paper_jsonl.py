"""The papers JSONL format: deterministic bytes, and read back into the same papers."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from kg.ingest import read_sources, write_papers_jsonl
from kg.records import Paper, SourceRef
from kg.resources import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(autouse=True)
def _run_in_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA_DIR.parent)


def test_written_papers_read_back_unchanged(tmp_path: Path) -> None:
    original = read_sources([DATA_DIR, FIXTURES / "arxiv_sample.jsonl", FIXTURES / "papers.csv"])
    out = tmp_path / "papers.jsonl"
    write_papers_jsonl(original.papers, out)
    again = read_sources([out])
    assert again.papers == original.papers
    assert (again.report.read, again.report.kept, again.report.skipped) == (len(original.papers),) * 2 + ((),)


def test_output_is_sorted_deterministic_utf8_with_iso_dates(tmp_path: Path) -> None:
    papers = read_sources([DATA_DIR]).papers
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_papers_jsonl(papers, first)
    write_papers_jsonl(tuple(reversed(papers)), second)
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    assert all(list(r) == sorted(r) for r in records)
    battle = next(r for r in records if r["title"].startswith("Battle of the Backbones"))
    assert battle["date"] == "2023-10-30"
    assert battle["sources"] == [{"line": 77, "path": "data/003_e31ba6b3cdb23aab.txt"}]


def test_non_ascii_text_is_written_as_is(tmp_path: Path) -> None:
    source = (SourceRef("x.csv", 2),)
    when = datetime.date(2024, 1, 2)
    paper = Paper("2401.00002", "Café Models für Übersetzung", "Résumé: 変換.", source, date=when)
    out = tmp_path / "p.jsonl"
    write_papers_jsonl([paper], out)
    text = out.read_text(encoding="utf-8")
    assert "Café Models für Übersetzung" in text and "\\u" not in text
    (back,) = read_sources([out]).papers
    assert back == paper
