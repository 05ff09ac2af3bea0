from kg.extract.rules import default_rules
from kg.extract.sentences import sentence_starts


def split(text: str) -> list[str]:
    starts = [0, *sentence_starts(text, default_rules().sentence_abbreviations), len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]


def test_abbreviations_and_decimals_do_not_end_sentences():
    text = (
        "Models (e.g. ViT, i.e. a transformer) reach 41.1% on ImageNet. Smith et al. agree. "
        "See Fig. 2 for more."
    )
    assert split(text) == [
        "Models (e.g. ViT, i.e. a transformer) reach 41.1% on ImageNet.",
        "Smith et al. agree.",
        "See Fig. 2 for more.",
    ]


def test_full_stop_before_capital_or_digit_ends_a_sentence():
    assert split("It works. 3 models agree! Why? Because.") == [
        "It works.",
        "3 models agree!",
        "Why?",
        "Because.",
    ]


def test_lower_case_after_full_stop_continues_the_sentence():
    assert split("We use approx. ten GPUs. Done.") == ["We use approx. ten GPUs.", "Done."]


def test_sentencizer_component_sets_doc_sents(nlp):
    doc = nlp("TinyCLIP reaches 41.1% on ImageNet. It is small.")
    assert [s.text.strip() for s in doc.sents] == ["TinyCLIP reaches 41.1% on ImageNet.", "It is small."]
