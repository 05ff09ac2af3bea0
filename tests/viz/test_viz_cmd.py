"""`kg viz` on the bundled build: focus, classes and errors, checked against the GraphML itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.cli import main


def page_nodes(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="mlkg-data">(.*?)</script>', text, re.S)
    return json.loads(block.group(1))["nodes"]


@pytest.fixture(scope="module")
def graphml(bundled_build: Path) -> nx.MultiDiGraph:
    """The build's GraphML read by NetworkX directly, as the independent reference."""
    return nx.read_graphml(bundled_build / "kg.graphml", force_multigraph=True)


def test_build_wrote_the_graph_page_and_the_matrix(bundled_build: Path, graphml) -> None:
    assert (bundled_build / "kg.html").is_file() and (bundled_build / "kg-matrix.html").is_file()
    assert graphml.number_of_nodes() <= 2000  # the bundled corpus fits without ranking
    assert len(page_nodes(bundled_build / "kg.html")) == graphml.number_of_nodes()


def test_focus_one_hop_shows_vit_and_exactly_its_neighbours(
    bundled_build: Path, graphml, tmp_path, capsys
) -> None:
    vit = [n for n, d in graphml.nodes(data=True) if d.get("label") == "ViT" and d.get("kind") == "Model"]
    assert len(vit) == 1
    expected = {vit[0]} | set(graphml.successors(vit[0])) | set(graphml.predecessors(vit[0]))
    out = tmp_path / "vit.html"
    code = main(
        [
            "viz",
            "--graph",
            str(bundled_build),
            "--out",
            str(out),
            "--focus",
            "vit",
            "--hops",
            "1",
            "--no-matrix",
        ]
    )
    assert code == 0
    assert {n["id"] for n in page_nodes(out)} == expected
    assert f"of {graphml.number_of_nodes():,} nodes" in capsys.readouterr().out
    assert not (tmp_path / "vit-matrix.html").exists()


def test_classes_keep_models_and_datasets_only(bundled_build: Path, graphml, tmp_path) -> None:
    out = tmp_path / "md.html"
    assert main(["viz", "--graph", str(bundled_build), "--out", str(out), "--classes", "Model,Dataset"]) == 0
    kinds = [n["kind"] for n in page_nodes(out)]
    expected = sum(d.get("kind") in {"Model", "Dataset"} for _, d in graphml.nodes(data=True))
    assert set(kinds) == {"Model", "Dataset"} and len(kinds) == expected
    assert (tmp_path / "md-matrix.html").is_file()


def test_max_nodes_ranks_and_reports(bundled_build: Path, tmp_path, capsys) -> None:
    out = tmp_path / "top.html"
    assert main(["viz", "--graph", str(bundled_build), "--out", str(out), "--max-nodes", "50"]) == 0
    assert len(page_nodes(out)) == 50
    assert "ranked by degree" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "NoSuchModelAnywhere"], "no entity named 'NoSuchModelAnywhere'"),
        (["--classes", "Model,Gizmo"], "unknown class 'Gizmo'"),
        (["--max-nodes", "0"], "--max-nodes must be at least 1"),
    ],
)
def test_bad_requests_are_one_line_errors(bundled_build: Path, tmp_path, capsys, args, message) -> None:
    assert main(["viz", "--graph", str(bundled_build), "--out", str(tmp_path / "x.html"), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


def test_missing_graph_directory_says_to_build_first(tmp_path, capsys) -> None:
    assert main(["viz", "--graph", str(tmp_path)]) == 2
    assert "kg build" in capsys.readouterr().err


def test_out_that_is_a_directory_is_a_one_line_error(bundled_build: Path, tmp_path, capsys) -> None:
    assert main(["viz", "--graph", str(bundled_build), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"kg viz: error: --out {tmp_path} is a directory" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_out_is_a_one_line_error(bundled_build: Path, tmp_path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    out = blocker / "kg.html"  # its parent is a file, so nothing can be written there
    assert main(["viz", "--graph", str(bundled_build), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"kg viz: error: cannot write {out}: " in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
