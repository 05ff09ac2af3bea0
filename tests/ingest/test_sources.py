"""Whole-file problems stop the run with the file (and line) named; directories are read in order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_sources
from kg.ingest.sources import SourceFormat, detect_format, display_path, expand_inputs, iter_lines
from kg.resources import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
GOOD_LINE = '{"title": "A Title", "abstract": "An abstract."}\n'


def test_missing_file_is_an_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^missing\.jsonl: no such file or directory$"):
        read_sources(["missing.jsonl"])


def test_unreadable_file_is_an_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "locked.jsonl"
    source.write_text(GOOD_LINE, encoding="utf-8")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("kg.ingest.sources.open", deny, raising=False)
    with pytest.raises(InputError, match=r"^locked\.jsonl: cannot read the file: permission denied$"):
        read_sources([source])


def test_non_utf8_file_is_an_error_naming_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("title,abstract\nCaf\u00e9 models,Fine.\nNa\u00efve Bayes,Old.\n".encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as raised:
        read_sources([source])
    assert (raised.value.path, raised.value.line) == ("latin1.csv", 2)
    assert "not valid UTF-8 (byte 0xe9" in raised.value.message


def test_unknown_format_is_an_error_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "notes.md").write_text("# Reading list\n\n- some paper\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^notes\.md: unknown source format"):
        read_sources([tmp_path])


def test_json_array_is_an_error_not_a_pile_of_skips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "papers.json").write_text('\n[\n  {"title": "T", "abstract": "A."}\n]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^papers\.json:2: a JSON array"):
        read_sources(["papers.json"])


def test_content_decides_for_files_without_a_known_extension(tmp_path: Path) -> None:
    page = tmp_path / "page.dump"
    shutil.copy(DATA_DIR / "001_fca681edfe12ef69.txt", page)
    lines = tmp_path / "export"
    lines.write_text(GOOD_LINE, encoding="utf-8")
    table = tmp_path / "sheet.tsvx"
    table.write_text("id,title,abstract\n1,T,A.\n", encoding="utf-8")
    assert detect_format(page) is SourceFormat.PAGE_DUMP
    assert detect_format(lines) is SourceFormat.JSON_LINES
    assert detect_format(table) is SourceFormat.CSV
    assert detect_format(tmp_path / "x.JSONL") is SourceFormat.JSON_LINES  # extension alone, no need to open


def test_directories_are_read_recursively_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    for name in ("b/2.jsonl", "a.jsonl", "b/10.csv", ".hidden.jsonl", ".git/x.jsonl", "b/.cache.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD_LINE, encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert found == ["a.jsonl", "b/10.csv", "b/2.jsonl"]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(GOOD_LINE, encoding="utf-8")
    assert len(expand_inputs([tmp_path, tmp_path / "a.jsonl"])) == 1
    assert read_sources([tmp_path, tmp_path / "a.jsonl"]).report.read == 1


def test_byte_order_mark_and_crlf_line_ends_are_tolerated(tmp_path: Path) -> None:
    source = tmp_path / "windows.csv"
    source.write_bytes("\ufefftitle,abstract\r\nA Title,An abstract.\r\n".encode())
    assert [text for _, text in iter_lines(source)] == ["title,abstract", "A Title,An abstract."]
    (paper,) = read_sources([source]).papers
    assert (paper.title, paper.abstract, paper.sources[0].line) == ("A Title", "An abstract.", 2)


def test_source_paths_are_relative_to_the_working_directory_when_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA_DIR.parent)
    assert display_path(DATA_DIR / "000_98a4905e366ac11c.txt") == "data/000_98a4905e366ac11c.txt"
    outside = tmp_path / "elsewhere.jsonl"
    assert display_path(outside) == outside.as_posix()


def test_a_directory_with_no_files_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "papers" / ".cache").mkdir(parents=True)
    (tmp_path / "papers" / ".cache" / "old.jsonl").write_text(GOOD_LINE, encoding="utf-8")  # hidden: not read
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^papers: no files to read in this directory$"):
        read_sources(["papers"])
