"""Capitalised technique names in titles: after "Name:" and after "with/via/through/using"."""

import pytest

from tests.extract.conftest import names


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("TideMixer: Patch-Frequency Mixing for Long-Horizon Forecasting", {"Patch-Frequency Mixing"}),
        ("Quillfold: Equivariant Diffusion with Pocket Tokens for Drug Design", {"Pocket Tokens"}),
        (
            "Learning Compact Students via Affinity Mimicking and Weight Inheritance",
            {"Affinity Mimicking", "Weight Inheritance"},
        ),
        (
            "MambaEye: A Size-Agnostic Visual Encoder with Causal Sequential Processing",
            {"Causal Sequential Processing"},
        ),
    ],
)
def test_title_technique_phrases_are_methods(extract, title, expected):
    methods = {text for text, type_ in names(extract(title, "")) if type_ == "Method"}
    assert expected <= methods


@pytest.mark.parametrize(
    ("title", "not_methods"),
    [
        # model, task and data heads, findings, verb and adverb openings, a known name in front
        (
            "Orbit: Scaling Vision Transformers with Hierarchical Vision Transformers",
            {"Hierarchical Vision Transformers"},
        ),
        ("Zest: Improved Training for Robust Models", {"Improved Training"}),
        (
            "Kelp: Mechanistically Demystifying Extreme-Token Phenomena",
            {"Mechanistically Demystifying Extreme-Token Phenomena"},
        ),
        ("Fennel: CLIP Distillation for Tiny Models", {"CLIP Distillation"}),
        ("Reading Medical Images with Deep Convolutional Networks", {"Deep Convolutional Networks"}),
    ],
)
def test_title_phrases_that_do_not_name_a_technique_are_left_alone(extract, title, not_methods):
    methods = {text for text, type_ in names(extract(title, "")) if type_ == "Method"}
    assert not (not_methods & methods)


def test_sentences_of_an_abstract_are_not_read_as_titles(extract):
    abstract = "We train the network with Pocket Tokens and report gains on two benchmarks."
    assert "Pocket Tokens" not in {text for text, _ in names(extract("A study", abstract))}
