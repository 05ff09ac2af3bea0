"""Plain capitalised words listed with datasets are datasets (kg/extract/listed_names.py)."""

import pytest

from tests.extract.conftest import names


@pytest.mark.parametrize(
    ("abstract", "datasets"),
    [
        (
            "We evaluate it on the public ETTh1, Weather and Traffic benchmarks.",
            {"ETTh1", "Weather", "Traffic"},
        ),
        (
            "We also report results on the public Instacart and Dunnhumby datasets.",
            {"Instacart", "Dunnhumby"},
        ),
        (
            "We evaluate PollenFL on FEMNIST and Shakespeare from the LEAF benchmark.",
            {"FEMNIST", "Shakespeare"},
        ),
        (
            "It uses endoscopic datasets (REAL-Colon, Misawa, and SUN) for sizing.",
            {"REAL-Colon", "Misawa", "SUN"},
        ),
    ],
)
def test_items_of_a_dataset_list_are_datasets(extract, abstract, datasets):
    found = names(extract("A study", abstract))
    assert {(name, "Dataset") for name in datasets} <= found


def test_words_after_a_dataset_that_do_not_close_a_list_stay_plain(extract):
    found = {
        text
        for text, _ in names(
            extract("A study", "We train on COCO and Results improve. On ImageNet and Our data.")
        )
    }
    assert found == {"COCO", "ImageNet"}
    assert not names(extract("A study", "Public datasets show gains."))


def test_a_name_typed_only_by_its_shape_gives_way_in_a_dataset_list(extract):
    found = names(extract("A study", "On HotpotQA and MuSiQue, Lanternfish-8B improves exact match."))
    assert ("MuSiQue", "Dataset") in found and ("Lanternfish-8B", "Model") in found
    found = names(
        extract("A study", "On HumanEval, QuillCoder-7B reaches 71%. On FUNSD and CORD, DocNet-Base wins.")
    )
    assert ("QuillCoder-7B", "Model") in found and ("DocNet-Base", "Model") in found


def test_a_list_repeating_on_keeps_its_datasets(extract):
    found = names(extract("A study", "It is evaluated on PDBBind, on PoseBusters, and on HiddenPocket-300."))
    assert ("PoseBusters", "Dataset") in found
