"""`kg eval` end to end on a two-record gold file written here and checked by hand."""

import json

from kg.cli import main

RECORDS = [
    {
        "id": "g1",
        "title": "FlorbNet: Fast Vision",
        "abstract": "We propose FlorbNet, a new backbone. FlorbNet reaches 81.2% top-1 accuracy on ImageNet.",
        "source": "bundled",
        "entities": [
            {"name": "FlorbNet", "type": "Model", "optional": False, "alt_types": [], "aliases": []},
            {"name": "ImageNet", "type": "Dataset", "optional": False, "alt_types": [], "aliases": []},
            {"name": "top-1 accuracy", "type": "Metric", "optional": False, "alt_types": [], "aliases": []},
        ],
        "relations": [
            {"head": "PAPER", "rel": "proposes", "tail": "FlorbNet"},
            {"head": "FlorbNet", "rel": "evaluatedOn", "tail": "ImageNet"},
        ],
        "results": [
            {"model": "FlorbNet", "dataset": "ImageNet", "metric": "top-1 accuracy", "value": "81.2%"}
        ],
    },
    {
        "id": "w1",
        "title": "Snorp",
        "abstract": "We release Snorp-15M, a new dataset of streams.",
        "source": "written",
        "entities": [
            {"name": "Snorp-15M", "type": "Dataset", "optional": False, "alt_types": [], "aliases": []}
        ],
        "relations": [{"head": "PAPER", "rel": "proposes", "tail": "Snorp-15M"}],
        "results": [],
    },
]


def test_eval_json_scores(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["all"]["records"] == 2 and report["written"]["records"] == 1
    assert report["all"]["entities_micro_all"]["recall"] == 1.0
    assert report["written"]["entities"]["Dataset"] == {
        "f1": 1.0,
        "fn": 0,
        "fp": 0,
        "precision": 1.0,
        "recall": 1.0,
        "tp": 1,
    }
    assert report["all"]["relations"]["proposes"]["tp"] == 2
    assert report["all"]["results"]["full"]["tp"] == 1


def test_eval_text_lists_misses_unless_summary_only(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    record = dict(RECORDS[1], entities=[*RECORDS[1]["entities"], {"name": "streams", "type": "Task"}])
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold)]) == 0
    text = capsys.readouterr().out
    assert "misses (1):" in text and "w1  Task: streams" in text
    assert main(["eval", "--gold", str(gold), "--summary-only"]) == 0
    assert "misses" not in capsys.readouterr().out


def test_missing_gold_file_is_one_clear_error(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "nope.jsonl")]) == 2
    assert "gold file not found" in capsys.readouterr().err


def test_eval_scores_several_gold_files_together(tmp_path, capsys):
    for record in RECORDS:
        (tmp_path / f"{record['id']}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert (
        main(["eval", "--gold", str(tmp_path / "g1.jsonl"), "--gold", str(tmp_path / "w1.jsonl"), "--json"])
        == 0
    )
    repeated = json.loads(capsys.readouterr().out)
    assert repeated["all"]["records"] == 2 and repeated["written"]["records"] == 1
    assert main(["eval", "--gold", str(tmp_path / "*.jsonl"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == repeated


def test_same_paper_in_two_gold_files_is_an_error(tmp_path, capsys):
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(tmp_path / "*.jsonl")]) == 2
    assert "'g1' is also in" in capsys.readouterr().err


def test_glob_matching_nothing_is_an_error(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "*.jsonl")]) == 2
    assert "no gold file matches" in capsys.readouterr().err
