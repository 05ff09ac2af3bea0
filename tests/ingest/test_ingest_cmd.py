"""`kg ingest` end to end through kg.cli.main."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.resources import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(autouse=True)
def _run_in_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA_DIR.parent)


def test_default_input_is_the_bundled_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "papers.jsonl"
    assert main(["ingest", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "kg ingest: read 253, kept 232, merged duplicates 21, skipped 0\n" in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 232
    assert sum(len(r["sources"]) for r in records) == 253
    dvpt = next(r for r in records if r["title"].startswith("DVPT:"))
    assert [s["line"] for s in dvpt["sources"]] == [29, 271, 23]


def test_stdout_when_no_out_and_skips_by_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--input", str(FIXTURES / "bad_lines.jsonl"), str(FIXTURES / "papers.csv")]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 6  # 3 kept from each file
    assert captured.err.splitlines()[-1] == (
        "kg ingest: read 13, kept 6, merged duplicates 0, skipped 7 "
        "(malformed-csv: 1, malformed-json: 1, missing-abstract: 2, missing-title: 2, not-an-object: 1)"
    )


def test_output_fed_back_as_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert main(["ingest", "--input", str(DATA_DIR), "--out", str(first)]) == 0
    assert main(["ingest", "--input", str(first), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("# not papers\n", encoding="utf-8")
    assert main(["ingest", "--input", str(tmp_path / "notes.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg ingest: error: {tmp_path.as_posix()}/notes.md: unknown source format")
    assert "Traceback" not in err


def test_out_pointing_at_a_directory_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "--out", str(tmp_path)]) == 2
    assert "is a directory; give a file name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_out_that_cannot_be_written_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    out = blocker / "papers.jsonl"  # its parent is a file, so nothing can be written there
    assert main(["ingest", "--input", str(FIXTURES / "papers.csv"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"kg ingest: error: cannot write {out}: " in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(DATA_DIR.parent))
    command = [sys.executable, "-m", "kg", "ingest", "--input", str(FIXTURES / "papers.csv")]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        process.stdout.close()  # like `kg ingest | head -0`: the reader is gone before the first line
        err = process.stderr.read().decode("utf-8")
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert process.returncode == 141
