from kg.extract.abbreviations import best_long_form, find_pairs


def pairs(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], text[c:d]) for a, b, c, d in find_pairs(text)]


def test_schwartz_hearst_long_forms():
    assert pairs("We use Token Merging (ToMe) here.") == [("Token Merging", "ToMe")]
    assert pairs("unlike Convolutional Neural Networks (CNN), ViTs") == [
        ("Convolutional Neural Networks", "CNN")
    ]
    assert pairs('We call it "Dilated Convolution with Learnable Spacings" (DCLS).') == [
        ("Dilated Convolution with Learnable Spacings", "DCLS")
    ]


def test_parentheses_that_are_not_short_forms_are_ignored():
    assert pairs("accuracy (41.1%) and models (e.g. ViT) and (see below)") == []


def test_best_long_form_needs_first_letter_at_a_word_start():
    assert best_long_form("TM", "a token merging") == 2
    assert best_long_form("XQ", "a token merging") is None


def test_short_form_is_a_mention_everywhere_and_both_forms_share_the_type(extract):
    extraction = extract(
        "Faster transformers",
        "We present Quantum Token Folding (QTF), a new method. QTF halves the cost. "
        "With QTF, ViT-B is 2x faster.",
    )
    found = [
        (m.text, m.type.value) for m in extraction.mentions if m.text in {"QTF", "Quantum Token Folding"}
    ]
    assert found == [
        ("Quantum Token Folding", "Method"),
        ("QTF", "Method"),
        ("QTF", "Method"),
        ("QTF", "Method"),
    ]
    assert [(a.short_form, a.long_form) for a in extraction.abbreviations] == [
        ("QTF", "Quantum Token Folding")
    ]


def test_abbreviation_defined_in_abstract_is_found_in_title(extract):
    extraction = extract("QTF for vision", "We present Quantum Token Folding (QTF), a new method.")
    assert ("title", "QTF") in {(m.field, m.text) for m in extraction.mentions}


def test_counted_short_forms():
    assert pairs("We introduce Monarch Mixer (M2), a new architecture.") == [("Monarch Mixer", "M2")]
    assert pairs("the power of Scaling on Scales (S^2), whereby") == [("Scaling on Scales", "S^2")]


def test_short_form_defined_in_the_paper_outranks_a_shape_guess(extract):
    extraction = extract("A study", "We introduce Monarch Mixer (M2), a new architecture. M2 is fast.")
    assert {m.type.value for m in extraction.mentions if m.text == "M2"} == {"Model"}


def test_long_form_whose_word_initials_spell_the_short_form():
    assert pairs("LayoutLens is pre-trained with Reading Order Reconstruction (ROR), a new objective.") == [
        ("Reading Order Reconstruction", "ROR")
    ]
    assert pairs("We apply Quadratic Synchronization Rule (QSR) to Local AdamW.") == [
        ("Quadratic Synchronization Rule", "QSR")
    ]


def test_no_definition_when_a_capital_of_the_short_form_starts_no_word():
    text = "It shows how face localization (LNet) and attribute prediction (ANet) can be improved."
    assert pairs(text) == []
    assert pairs("We introduce Sparse masKed modeling (SparK) for convolutions.") == [
        ("Sparse masKed modeling", "SparK")
    ]
