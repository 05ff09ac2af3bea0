"""The files load the way PyKEEN and PyTorch Geometric load them.

PyKEEN is not a test dependency (it needs torch), so ``pykeen_load_triples`` below follows
``pykeen.triples.utils.load_triples`` step by step: ``pandas.read_csv(path, sep="\\t",
header=None, dtype=str, keep_default_na=False)`` -- a tab-separated reader with the default
double-quote quoting and no header -- and ``create_entity_mapping``, which numbers the
sorted unique labels from 0. When PyKEEN is installed, the real loader is run too.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from kg.cli import main
from kg.linkpred import check_leakage, read_triples, split_random, write_dataset


def pykeen_load_triples(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [tuple(row) for row in csv.reader(handle, delimiter="\t", quotechar='"')]
    assert all(len(row) == 3 for row in rows), "every line must have exactly three columns"
    return rows  # type: ignore[return-value]


def export(graph: Path, out: Path, seed: int = 42) -> dict:
    source = read_triples(graph)
    split = split_random(source.triples, seed=seed, ratios=(0.6, 0.2, 0.2))
    return write_dataset(out, source, split, check_leakage(split))


def test_triples_files_parse_as_pykeen_parses_them(fixture_graph: Path, tmp_path: Path) -> None:
    meta = export(fixture_graph, tmp_path / "ds")
    parsed = {
        name: pykeen_load_triples(tmp_path / "ds" / f"{name}.tsv") for name in ("train", "valid", "test")
    }
    assert {k: len(v) for k, v in parsed.items()} == {
        k: meta["counts"][k] for k in ("train", "valid", "test")
    }
    labels = sorted({x for rows in parsed.values() for h, _, t in rows for x in (h, t)})
    with (tmp_path / "ds" / "entities.tsv").open(encoding="utf-8") as handle:
        entity_rows = list(csv.reader(handle, delimiter="\t"))
    assert entity_rows[0] == ["id", "label"]
    assert [row[1] for row in entity_rows[1:]] == labels  # PyKEEN's create_entity_mapping order
    assert [int(row[0]) for row in entity_rows[1:]] == list(range(len(labels)))


def test_edge_index_matches_the_tsv_files(fixture_graph: Path, tmp_path: Path) -> None:
    export(fixture_graph, tmp_path / "ds")
    ds = tmp_path / "ds"
    ids = {row[1]: int(row[0]) for row in list(csv.reader((ds / "entities.tsv").open(), delimiter="\t"))[1:]}
    rel = {row[1]: int(row[0]) for row in list(csv.reader((ds / "relations.tsv").open(), delimiter="\t"))[1:]}
    arrays = np.load(ds / "edge_index.npz")
    train = pykeen_load_triples(ds / "train.tsv")
    assert arrays["train_edge_index"].shape == (2, len(train))
    assert arrays["train_edge_index"][:, 0].tolist() == [ids[train[0][0]], ids[train[0][2]]]
    assert arrays["train_edge_type"][0] == rel[train[0][1]]
    assert int(arrays["num_nodes"]) == len(ids)


def test_export_is_byte_identical_for_the_same_seed(fixture_graph: Path, tmp_path: Path) -> None:
    export(fixture_graph, tmp_path / "a", seed=9)
    export(fixture_graph, tmp_path / "b", seed=9)
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_metadata_records_seed_rule_checksum_and_clean_leakage(fixture_graph: Path, tmp_path: Path) -> None:
    export(fixture_graph, tmp_path / "ds", seed=5)
    meta = json.loads((tmp_path / "ds" / "metadata.json").read_text())
    assert meta["split"]["seed"] == 5
    assert meta["split"]["rule"].startswith("random over entity pairs")
    assert meta["graph"]["checksum"] == read_triples(fixture_graph).checksum
    assert meta["leakage"]["clean"] is True


def test_cli_export_and_baseline(
    fixture_graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli"
    assert (
        main(
            [
                "linkpred",
                "export",
                "--graph",
                str(fixture_graph),
                "--out",
                str(out),
                "--ratios",
                "0.6,0.2,0.2",
            ]
        )
        == 0
    )
    assert (out / "train.tsv").is_file() and (out / "README.md").is_file()
    assert main(["linkpred", "export", "--graph", str(fixture_graph), "--ratios", "0.9,0.2"]) == 2
    assert "--ratios" in capsys.readouterr().err


def test_real_pykeen_reads_the_files_when_installed(fixture_graph: Path, tmp_path: Path) -> None:
    triples_factory = pytest.importorskip("pykeen.triples").TriplesFactory
    export(fixture_graph, tmp_path / "ds")
    train = triples_factory.from_path(tmp_path / "ds" / "train.tsv")
    assert train.num_triples == len(pykeen_load_triples(tmp_path / "ds" / "train.tsv"))


def test_cli_out_file_or_unwritable_is_one_line(fixture_graph: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    cases = ((blocker, f"--out {blocker} is a file"), (blocker / "ds", f"cannot write {blocker / 'ds'}: "))
    for out, message in cases:
        assert main(["linkpred", "export", "--graph", str(fixture_graph), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert f"kg linkpred: error: {message}" in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_random_export_over_a_temporal_one_leaves_no_stale_file(fixture_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    common = ["linkpred", "export", "--graph", str(fixture_graph), "--out", str(out)]
    common += ["--ratios", "0.6,0.2,0.2"]
    assert main([*common, "--split", "temporal"]) == 0
    assert (out / "test_unseen.tsv").is_file()  # p4's a100 is first seen after the cut-off
    assert main(common) == 0
    assert not (out / "test_unseen.tsv").exists()


def test_cli_temporal_summary_says_what_was_set_aside(fixture_graph: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ds"
    args = ["linkpred", "export", "--graph", str(fixture_graph), "--out", str(out), "--split", "temporal"]
    assert main([*args, "--ratios", "0.6,0.2,0.2"]) == 0
    unseen = len((out / "test_unseen.tsv").read_text(encoding="utf-8").splitlines())
    undated = json.loads((out / "metadata.json").read_text())["split"]["notes"]["undated_in_train"]
    assert unseen > 0 and int(undated) > 0  # p4's a100 comes after the cut-off; p5 has no date
    err = capsys.readouterr().err
    assert f"{unseen} set aside in test_unseen.tsv" in err and f"{undated} undated in train" in err
