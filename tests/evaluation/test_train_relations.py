"""Training the relation model: labels from gold, thresholds chosen out of fold, and a
shipped model that `kg train` remakes byte for byte from the gold files it names."""

from __future__ import annotations

import re
from pathlib import Path

from kg.cli import main
from kg.evaluation import read_gold_files
from kg.evaluation.gold import read_gold
from kg.evaluation.train_relations import label
from kg.extract.paper import paper_candidates
from kg.extract.relation_model import MODEL_PATH

GOLD = Path(__file__).resolve().parents[1] / "gold"


def test_labels_follow_the_gold_and_skip_optional_ends(nlp, tmp_path):
    line = (
        '{"id": "w1", "title": "FooNet",'
        ' "abstract": "FooNet, trained on BarSet-10K, beats CNNs on the QuxBench benchmark.",'
        ' "source": "written", "entities": ['
        '{"name": "FooNet", "type": "Model", "optional": false, "alt_types": [], "aliases": []},'
        '{"name": "BarSet-10K", "type": "Dataset", "optional": false, "alt_types": [], "aliases": []},'
        '{"name": "QuxBench", "type": "Dataset", "optional": false, "alt_types": [], "aliases": []},'
        '{"name": "CNNs", "type": "Model", "optional": true, "alt_types": [], "aliases": []}],'
        ' "relations": [{"head": "FooNet", "rel": "trainedOn", "tail": "BarSet-10K"},'
        ' {"head": "FooNet", "rel": "evaluatedOn", "tail": "QuxBench"}], "results": []}'
    )
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    record = read_gold(path)[0]
    candidates = paper_candidates(nlp(record.title), nlp(record.abstract))
    examples = {(e.key, e.positive) for e in label([record], {"w1": candidates})}
    assert (("FooNet", "trainedOn", "BarSet-10K"), True) in examples
    assert (("FooNet", "evaluatedOn", "QuxBench"), True) in examples
    assert (("FooNet", "evaluatedOn", "BarSet-10K"), False) in examples
    assert not [key for key, _ in examples if "CNNs" in key]  # optional: neither right nor wrong


def test_fit_learns_which_words_between_signal_a_relation():
    from kg.evaluation.train_relations import DECISION, Example, fit
    from kg.extract.relation_model import RelationCandidate
    from kg.records import EntityType, Mention, RelationType

    def mention(text, kind):
        return Mention(text, kind, "abstract", 0, len(text), text, 0, 0.9, "lexicon")

    head, tail = mention("FooNet", EntityType.MODEL), mention("BarSet", EntityType.DATASET)
    examples = [
        Example(
            f"p{i}",
            ("FooNet", "trainedOn", "BarSet"),
            RelationCandidate(head, RelationType.TRAINED_ON, tail, feats),
            y,
        )
        for i in range(6)
        for feats, y in ((("between:trained", "order:ht"), True), (("between:and", "order:ht"), False))
    ]
    model = fit(examples)
    assert model.weights[(RelationType.TRAINED_ON, "between:trained")] > 0
    assert model.weights[(RelationType.TRAINED_ON, "between:and")] < 0
    assert model.probability(examples[0].candidate) > DECISION > model.probability(examples[1].candidate)


def _named_gold_files() -> list[Path]:
    header = MODEL_PATH.read_text(encoding="utf-8").splitlines()[1]
    match = re.search(r"gold papers \(([^)]*)\)", header)
    assert match, header
    return [GOLD / name for name in match.group(1).split()]


def test_shipped_model_is_trained_on_development_gold_only():
    names = {p.name for p in _named_gold_files()}
    assert names and not any(n.startswith("heldout") for n in names)
    assert all((GOLD / n).exists() for n in names)


def test_kg_train_remakes_the_shipped_model_byte_for_byte(tmp_path, capsys):
    out = tmp_path / "model.tsv"
    args = ["train", "--out", str(out)]
    for path in _named_gold_files():
        args += ["--gold", str(path)]
    assert main(args) == 0
    assert "threshold" in capsys.readouterr().out
    assert out.read_bytes() == MODEL_PATH.read_bytes()


def test_kg_train_refuses_held_out_gold(tmp_path, capsys):
    out = tmp_path / "model.tsv"
    assert main(["train", "--out", str(out), "--gold", str(GOLD / "heldout2a.jsonl")]) == 2
    assert "heldout2a.jsonl" in capsys.readouterr().err and not out.exists()


def test_training_ignores_gold_file_order(tmp_path):
    files = [GOLD / "dev2a.jsonl", GOLD / "dev2b.jsonl"]
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert main(["train", "--out", str(a), "--gold", str(files[0]), "--gold", str(files[1])]) == 0
    assert main(["train", "--out", str(b), "--gold", str(files[1]), "--gold", str(files[0])]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(read_gold_files(files)) == 50
