import json

import pytest

from kg.errors import InputError
from kg.evaluation.gold import fold_name, read_gold
from kg.records import EntityType


def test_reads_records(tmp_path):
    path = tmp_path / "gold.jsonl"
    record = {
        "id": "x1",
        "title": "T",
        "abstract": "A",
        "source": "written",
        "entities": [
            {
                "name": "ViT-B/16",
                "type": "Model",
                "optional": False,
                "alt_types": ["Method"],
                "aliases": ["ViT-B16"],
            }
        ],
        "relations": [{"head": "PAPER", "rel": "proposes", "tail": "ViT-B/16"}],
        "results": [{"model": "ViT-B/16", "dataset": None, "metric": None, "value": "41.1%"}],
    }
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    (gold,) = read_gold(path)
    assert gold.entities[0].accepts(EntityType.METHOD) and gold.entities[0].keys == {"vitb16"}
    assert gold.relations[0].rel.value == "proposes" and gold.results[0].value == "41.1%"


def test_bad_line_is_named(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"id": "ok", "title": "", "abstract": ""}\n'
        '{"id": "bad", "entities": [{"name": "X", "type": "Robot"}]}\n'
    )
    with pytest.raises(InputError) as error:
        read_gold(path)
    assert error.value.line == 2


def test_missing_file(tmp_path):
    with pytest.raises(InputError):
        read_gold(tmp_path / "nope.jsonl")


def test_fold_name():
    assert fold_name("ViT-B/16") == fold_name("vit b 16") == fold_name("VIT_B-16") == "vitb16"
