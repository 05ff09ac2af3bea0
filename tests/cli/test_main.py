"""The command line reports file-system refusals as one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main


def test_output_folder_that_is_a_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "outputs"
    blocker.write_text("not a folder")
    papers = tmp_path / "papers.jsonl"
    papers.write_text('{"id": "x1", "title": "A title", "abstract": "We propose FooNet, a model."}\n')
    code = main(["build", "--input", str(papers), "--out", str(blocker), "--no-html", "--validate", "off"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("kg build: error: ") and str(blocker) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unknown_command_is_refused_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
