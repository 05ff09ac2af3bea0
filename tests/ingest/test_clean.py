"""Cleaning and identity keys: what makes two spellings of a title one paper."""

from __future__ import annotations

import hashlib
import random
import unicodedata

import pytest

from kg.ingest.clean import (
    arxiv_id_from,
    clean_paragraphs,
    clean_text,
    count_invisible,
    normalise_title,
    parse_iso_date,
    title_id,
)


def test_title_id_is_sha256_of_the_normalised_title() -> None:
    title = "TinyCLIP: CLIP Distillation via Affinity Mimicking and Weight Inheritance"
    normalised_by_hand = "tinyclip clip distillation via affinity mimicking and weight inheritance"
    assert normalise_title(title) == normalised_by_hand
    assert title_id(title) == "t-" + hashlib.sha256(normalised_by_hand.encode("utf-8")).hexdigest()[:12]


def test_normalisation_folds_case_compatibility_forms_and_punctuation() -> None:
    assert normalise_title("  I&S-ViT: An Inclusive & Stable Method ") == "i s vit an inclusive stable method"
    assert normalise_title("ＦＵＬＬＷＩＤＴＨ ﬁne-tuning") == "fullwidth fine tuning"  # NFKC
    assert normalise_title("Straße_Model") == "strasse model"  # casefold, "_" is punctuation here
    assert title_id("Token Merging: Your ViT But Faster") == title_id("TOKEN MERGING -- your ViT, but faster")
    assert title_id("Token Merging") != title_id("Token Merging 2")


def test_clean_text_applies_nfc_and_drops_control_characters() -> None:
    decomposed = "Re\u0301sume\u0301\x00 of\x07 a\tpaper\u200b\r\n  here"
    cleaned = clean_text(decomposed)
    assert cleaned == "Résumé of a paper here"
    assert unicodedata.is_normalized("NFC", cleaned)
    assert count_invisible(decomposed) == 3  # NUL, BEL, zero-width space; tab and newline are whitespace


def test_odd_unicode_does_not_crash_and_leaves_encodable_text() -> None:
    odd = "lone \ud800 surrogate \udfff, BOM \ufeff, soft\u00adhyphen, RTL \u202e mark, emoji 😀, CJK 変換"
    cleaned = clean_text(odd)
    cleaned.encode("utf-8")  # would raise on a surrogate
    assert cleaned == "lone surrogate , BOM , softhyphen, RTL mark, emoji 😀, CJK 変換"


def test_paragraph_breaks_survive_once_and_cleaning_is_idempotent() -> None:
    text = "  First line\n  wrapped here.\n\n\n  Second paragraph.\n"
    once = clean_paragraphs(text)
    assert once == "First line wrapped here.\n\nSecond paragraph."
    assert clean_paragraphs(once) == once


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2309.12314", "2309.12314"),
        ("2309.12314v3", "2309.12314"),
        ("arXiv:0704.0001", "0704.0001"),
        ("https://arxiv.org/abs/2010.11929", "2010.11929"),
        ("https://arxiv.org/pdf/2010.11929v2.pdf", "2010.11929"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("math.GT/0309136v1", "math.GT/0309136"),
        ("paper-17", None),
        ("12345", None),
        ("https://example.org/2309.12314", None),
        ("", None),
        (None, None),
    ],
)
def test_arxiv_ids_are_recognised_without_version(value: str | None, expected: str | None) -> None:
    assert arxiv_id_from(value) == expected


def test_iso_dates_parse_and_impossible_dates_do_not() -> None:
    assert parse_iso_date("2008-11-13").isoformat() == "2008-11-13"
    assert parse_iso_date(" 2023-10-30T08:00:00Z ").isoformat() == "2023-10-30"
    assert parse_iso_date("2023-02-29") is None
    assert parse_iso_date("Oct 30, 2023") is None
    assert parse_iso_date(None) is None


def _random_text(rng: random.Random, length: int) -> str:
    """Text drawn from every plane: controls, surrogates, combining marks, CJK, emoji, private use."""
    pools = [
        (0x00, 0x7F),
        (0x80, 0x24F),
        (0x300, 0x36F),
        (0x2000, 0x206F),
        (0x3040, 0x9FFF),
        (0xD800, 0xDFFF),
        (0xE000, 0xF8FF),
        (0xFE00, 0xFFFF),
        (0x1F300, 0x1FAFF),
        (0xE0000, 0xE007F),
    ]
    return "".join(chr(rng.randint(*rng.choice(pools))) for _ in range(length))


def test_cleaning_random_unicode_never_crashes_and_is_stable() -> None:
    rng = random.Random(20231030)
    for _ in range(300):
        raw = _random_text(rng, rng.randint(0, 80))
        title, abstract = clean_text(raw), clean_paragraphs(raw)
        for cleaned in (title, abstract):
            cleaned.encode("utf-8")
            assert unicodedata.is_normalized("NFC", cleaned)
            assert count_invisible(cleaned) == 0
        assert clean_text(title) == title
        assert clean_paragraphs(abstract) == abstract
        assert "\n" not in title and "  " not in title
        assert title_id(raw).startswith("t-") and len(title_id(raw)) == 14
