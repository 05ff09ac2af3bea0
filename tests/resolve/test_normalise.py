import pytest

from kg.resolve.normalise import norm_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ResNet50", "ResNet-50"),
        ("ViT-B/16", "ViT-B-16"),
        ("ViT-B/16", "vit b 16"),
        ("ViTs", "ViT"),
        ("GPU\u2011s", "GPU-s"),
    ],
)
def test_spellings_share_a_key(a, b):
    assert norm_key(a) == norm_key(b)


def test_different_names_keep_different_keys():
    assert norm_key("ViT-B/16") != norm_key("ViT-B/32")
    assert norm_key("Transformers") == "transformers"  # only an acronym's plural "s" is dropped
