"""Each shape family on names no lexicon lists (invented names, so only the shape can find them)."""

import pytest
import spacy

from kg.extract.rules import default_rules
from kg.extract.shapes import ShapeMatcher


@pytest.fixture(scope="module")
def shapes():
    nlp = spacy.blank("en")
    matcher = ShapeMatcher(default_rules())

    def found(text: str) -> set[tuple[str, str]]:
        doc = matcher(nlp(text))
        return {(s.text, s.label_) for s in doc.spans.get("mlkg_candidates", []) if s.label_}

    return found


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("We train QuuxNet on it.", "QuuxNet", "Model"),
        ("We train FlorbNet-V2 on it.", "FlorbNet-V2", "Model"),
        ("Our ZorbViT-B/16 is small.", "ZorbViT-B/16", "Model"),
        ("We compare with YOLOv9-E6 here.", "YOLOv9-E6", "Model"),
        ("We compare with Qux-34B here.", "Qux-34B", "Model"),
        ("We compare with BlipT-S here.", "BlipT-S", "Model"),
        ("We compare with Florb-large here.", "Florb-large", "Model"),
        ("We pre-train on Snorp-15M first.", "Snorp-15M", "Dataset"),
        ("We report results on QUUX-100 too.", "QUUX-100", "Dataset"),
        ("We report results on SnorpNet-21k too.", "SnorpNet-21k", "Dataset"),
        ("It runs on an A100 at speed.", "A100", "Hardware"),
        ("It runs on TPUv4 pods.", "TPUv4", "Hardware"),
        ("It runs on an RTX 4090 at home.", "RTX 4090", "Hardware"),
        ("It runs on a Jetson Orin in real time.", "Jetson Orin", "Hardware"),
        ("It reaches 41.1% zero-shot top-1 accuracy here.", "zero-shot top-1 accuracy", "Metric"),
        ("We add weight inheritance to it.", "weight inheritance", "Method"),
    ],
)
def test_shape_finds_unlisted_name(shapes, text, name, type_):
    assert (name, type_) in shapes(text)


def test_context_word_decides_the_type_of_a_bare_acronym(shapes):
    assert ("QRXT", "Dataset") in shapes("We evaluate on the QRXT dataset.")
    assert ("QRXT", "Hardware") in shapes("We train on 8 QRXT GPUs.")
    assert not shapes("We like QRXT a lot.")


def test_context_word_overrides_the_default_type(shapes):
    assert ("Florb-9B", "Dataset") in shapes("We release the Florb-9B dataset.")


def test_size_variants_of_hyphenated_and_spaced_names(extract):
    from tests.extract.conftest import names

    found = names(
        extract(
            "Murmur-CTC: streaming speech",
            "Murmur-CTC-XS, Murmur-CTC-S and Tessellate-Small run on a V100; Code Llama 7B is larger.",
        )
    )
    for name in ("Murmur-CTC-XS", "Murmur-CTC-S", "Tessellate-Small", "Code Llama 7B"):
        assert (name, "Model") in found
    assert not any(text == "CTC" for text, _ in found)
