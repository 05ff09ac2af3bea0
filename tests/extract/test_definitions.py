"""Definition patterns: each names what a paper introduces, typed by its head noun."""

import pytest

from tests.extract.conftest import names


@pytest.mark.parametrize(
    ("sentence", "name", "type_"),
    [
        ("We propose a simple pruning method, called Snip Snap, for vision models.", "Snip Snap", "Method"),
        ("We present a new network dubbed Glorb, which is fast.", "Glorb", "Model"),
        ("We introduce a regularizer termed Wobble that helps.", "Wobble", "Method"),
        ("We release a benchmark named Quibble for reasoning.", "Quibble", "Dataset"),
        ("Our training scheme, which we name Hoppity, is simple.", "Hoppity", "Method"),
        ("We introduce Zanzibar, a new dataset of street scenes.", "Zanzibar", "Dataset"),
        ("We propose Fizzwick, a novel technique for sparse training.", "Fizzwick", "Method"),
        ('We call this method "Dilated Pixel Walks" and test it.', "Dilated Pixel Walks", "Method"),
    ],
)
def test_defined_name_is_found_typed_and_proposed(extract, sentence, name, type_):
    extraction = extract("A study", sentence)
    assert (name, type_) in names(extraction)
    assert name in {r.tail.text for r in extraction.relations if r.predicate.value == "proposes"}


def test_title_name_before_colon_is_proposed(extract):
    extraction = extract("Quorble: Fast Vision Models", "We study Quorble on images.")
    assert "Quorble" in {r.tail.text for r in extraction.relations if r.predicate.value == "proposes"}


def test_existing_thing_used_is_not_proposed(extract):
    extraction = extract("A study", "We fine-tune ResNet-50 on the data. We release a Python package.")
    proposed = {r.tail.text for r in extraction.relations if r.predicate.value == "proposes"}
    assert proposed == set()


def test_listed_objects_and_new_things_are_proposed(extract):
    extraction = extract(
        "A study",
        "We introduce two techniques: weight inheritance and affinity mimicking. "
        "We report results on the new Snorp-40K benchmark.",
    )
    proposed = {r.tail.text for r in extraction.relations if r.predicate.value == "proposes"}
    assert {"weight inheritance", "affinity mimicking", "Snorp-40K"} <= proposed


def test_lower_case_hyphenated_name_after_a_naming_cue(extract):
    extraction = extract(
        "A study", "Candidates are re-ranked after a touch, a procedure we refer to as probe-and-rank."
    )
    assert "probe-and-rank" in {r.tail.text for r in extraction.relations if r.predicate.value == "proposes"}


@pytest.mark.parametrize(
    ("sentence", "name", "type_"),
    [
        (
            "We introduce BEVira, a radar-camera fusion network that lifts image features into a grid.",
            "BEVira",
            "Model",
        ),
        (
            "We adopt classifier-free guidance together with a novel bar-aligned positional encoding, "
            "dubbed MeterPE.",
            "MeterPE",
            "Method",
        ),
    ],
)
def test_type_from_the_head_of_the_defining_noun_phrase(extract, sentence, name, type_):
    assert (name, type_) in names(extract("A study", sentence))


def test_naming_cue_reads_only_its_own_noun_phrase(extract):
    found = names(
        extract(
            "A study",
            "PatchSmith injects runtime errors into the prompt, with a repair critic dubbed Verdict-1B that "
            "ranks candidate patches.",
        )
    )
    assert ("Verdict-1B", "Model") in found


def test_a_set_named_in_apposition_is_a_dataset(extract):
    found = names(
        extract(
            "A study",
            "Quillfold is trained on CrossDocked2020 and on AffinityMine, a curated set of 310k "
            "protein-ligand complexes with measured affinities that we release.",
        )
    )
    assert ("AffinityMine", "Dataset") in found


@pytest.mark.parametrize(
    "abstract",
    [
        "We pre-train a single Tidewell model on GridPulse, a newly assembled collection of 2.1 billion "
        "observations from electricity sensors.",
        "It is pre-trained on GridPulse, a corpus of 12 million born-digital pages that we crawl and "
        "process.",
    ],
)
def test_apposition_saying_the_paper_made_it_proposes_it(extract, abstract):
    relations = extract("A study", abstract).relations
    assert ("proposes", "GridPulse") in {(r.predicate.value, r.tail.text) for r in relations}


def test_a_capitalised_preposition_opening_the_sentence_is_not_part_of_the_name(extract):
    found = names(
        extract(
            "A study", "On PhoneDR, an external set of 3,412 smartphone images, RetinaScope reaches 0.947."
        )
    )
    assert ("PhoneDR", "Dataset") in found and "On PhoneDR" not in {text for text, _ in found}


def proposed_by(extract, title: str, abstract: str) -> set[str]:
    return {r.tail.text for r in extract(title, abstract).relations if r.predicate.value == "proposes"}


def test_data_a_paper_assembles_or_calls_new_is_its_own(extract):
    proposed = proposed_by(
        extract,
        "BasketWeave: next-basket recommendation",
        "To train BasketWeave we assemble CartLog-9M, a dataset of 9 million baskets. "
        "It is pre-trained on OrbitStack-2M, a new archive of satellite series, and tested on ImageNet.",
    )
    assert {"CartLog-9M", "OrbitStack-2M"} <= proposed
    assert "ImageNet" not in proposed


def test_a_subtitle_with_an_article_types_the_title_name(extract):
    from tests.extract.conftest import names

    assert ("SELECT", "Dataset") in names(
        extract("SELECT: A Large-Scale Benchmark of Curation", "We study it.")
    )
    assert ("Hydra", "Method") in names(extract("Hydra: A Simple Framework for Tuning", "We study it."))


def test_a_name_after_a_description_and_data_we_collected_are_the_papers_own(extract):
    proposed = proposed_by(
        extract,
        "VelvetVox: expressive speech",
        "To close the gap, we add a randomisation technique, Spiky Noise Augmentation (SNA), to training. "
        "VelvetVox is trained on LibriTTS plus MurmurCorpus-300, 300 hours of narration that we collected.",
    )
    assert {"Spiky Noise Augmentation", "MurmurCorpus-300"} <= proposed
    assert "LibriTTS" not in proposed


def test_the_head_noun_before_a_preposition_and_data_we_collect_type_a_name(extract):
    from tests.extract.conftest import names

    found = names(
        extract(
            "A study",
            "We develop a new benchmark for image classification, termed S2RDA, which is hard. "
            "To train it, we collect HarborVoice-300, 300 hours of spoken commands. "
            "It trains a sparse set of adapters, which we call Sprout Adapters.",
        )
    )
    assert {("S2RDA", "Dataset"), ("HarborVoice-300", "Dataset"), ("Sprout Adapters", "Method")} <= found
