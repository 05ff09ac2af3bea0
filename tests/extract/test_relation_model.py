"""The relation model: candidates and their features, the TSV it is shipped as, its decisions."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.paper import paper_candidates
from kg.extract.relation_model import (
    CLASSIFIED,
    MODEL_PATH,
    RelationCandidate,
    RelationModel,
    classify,
    read_model,
    write_model,
)
from kg.records import RelationType

TRAINED, EVALUATED = RelationType.TRAINED_ON, RelationType.EVALUATED_ON


@pytest.fixture(scope="module")
def candidates(nlp) -> list[RelationCandidate]:
    title = nlp("FooNet-V2: fast backbones for the edge")
    abstract = nlp(
        "We propose FooNet-V2, trained on BarSet-10K and evaluated on the QuxBench benchmark. "
        "A separate sentence names ImageNet only."
    )
    return paper_candidates(title, abstract)


def by_pair(candidates, head, predicate, tail):
    return [c for c in candidates if (c.head.text, c.predicate, c.tail.text) == (head, predicate, tail)]


def test_each_type_compatible_pair_of_a_sentence_is_a_candidate(candidates):
    assert by_pair(candidates, "FooNet-V2", TRAINED, "BarSet-10K")
    assert by_pair(candidates, "FooNet-V2", EVALUATED, "QuxBench")
    # a dataset is never a head, and pairs never cross sentences
    assert not [c for c in candidates if c.head.text in {"BarSet-10K", "QuxBench"}]
    assert not [c for c in candidates if c.tail.text == "ImageNet"]


def test_features_read_the_words_between_rules_and_ownership(candidates):
    trained = by_pair(candidates, "FooNet-V2", TRAINED, "BarSet-10K")[0].features
    assert {"between:trained", "between:on", "order:ht", "head-own", "trigger-between:trainedOn"} <= set(
        trained
    )
    assert "rule" in trained  # the trigger rule also found "X, trained on Y"
    evaluated = by_pair(candidates, "FooNet-V2", EVALUATED, "QuxBench")[0].features
    assert "tail-prev:the" in evaluated and "between:evaluated" in evaluated
    assert list(trained) == sorted(trained)


def test_model_round_trips_through_its_tsv(tmp_path):
    model = RelationModel(
        {(TRAINED, "between:trained"): 2.5, (EVALUATED, "order:ht"): -0.125},
        {p: -1.0 for p in CLASSIFIED},
        {p: 0.5 for p in CLASSIFIED},
    )
    path = tmp_path / "model.tsv"
    write_model(model, path, "a test model")
    assert path.read_text(encoding="utf-8").startswith("# a test model\nrelation\tfeature\tweight\n")
    assert read_model(path) == model


def test_a_bad_model_line_names_its_line(tmp_path):
    path = tmp_path / "model.tsv"
    path.write_text("relation\tfeature\tweight\ntrainedOn\tbias\t0.1\nlikes\tbias\t0.3\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_model(path)
    assert error.value.line == 3 and "likes" in error.value.message


def test_classify_keeps_pairs_whose_probability_reaches_the_threshold(candidates):
    model = RelationModel(
        {(TRAINED, "between:trained"): 3.0}, {p: -1.0 for p in CLASSIFIED}, {p: 0.5 for p in CLASSIFIED}
    )
    found = {(r.head.text, r.predicate, r.tail.text): r for r in classify(candidates, model)}
    relation = found[("FooNet-V2", TRAINED, "BarSet-10K")]
    assert relation.confidence == pytest.approx(0.88, abs=0.01)  # sigmoid(3 - 1)
    assert relation.rule == "model:relations"
    assert relation.sentence.startswith("We propose FooNet-V2, trained on BarSet-10K")
    assert all(r.predicate is TRAINED for r in found.values())


def test_shipped_model_covers_every_classified_relation():
    model = read_model(MODEL_PATH)
    assert set(model.threshold) == set(CLASSIFIED) == set(model.bias)
    assert set(model.threshold.values()) == {0.5}  # more likely than not (kg/evaluation/train_relations.py)
