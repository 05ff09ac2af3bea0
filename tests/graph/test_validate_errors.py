"""`kg validate` and `kg build --base` report bad input as one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bad.nt", "<a> b c .\n", "bad.nt: not valid nt"),
        (
            "bad.ttl",
            "@prefix x: <http://x/> .\nx:a x:b .\n",
            "bad.ttl:2: not valid turtle: objectList expected",
        ),
        ("bad.jsonld", "{bad", "bad.jsonld: not valid json-ld"),
    ],
)
def test_unparsable_graph_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, expected: str
) -> None:
    (tmp_path / name).write_text(text)
    assert main(["validate", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert expected in err and len(err.strip().splitlines()) == 1


def test_missing_graph_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.ttl")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_base_that_is_not_an_iri_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--base", "not an iri", "--out", str(tmp_path / "o"), "--no-html"]) == 2
    assert "not an absolute IRI" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
