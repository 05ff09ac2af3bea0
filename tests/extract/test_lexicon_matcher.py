import spacy

from kg.extract.lexicon import Lexicon, LexiconEntry
from kg.extract.lexicon_matcher import LexiconMatcher, surface_variants
from kg.records import EntityType


def matcher_for(*entries: LexiconEntry, generic: frozenset[str] = frozenset()):
    nlp = spacy.blank("en")
    matcher = LexiconMatcher(nlp, Lexicon(entries, generic))

    def found(text: str) -> list[tuple[str, str]]:
        doc = matcher(nlp(text))
        return sorted((s.text, s.label_) for s in doc.spans.get("mlkg_candidates", []))

    return found


def test_spelling_variants_of_a_listed_name():
    assert surface_variants("ResNet-50") == ["ResNet 50", "ResNet-50", "ResNet50"]
    assert "ViT-B-16" in surface_variants("ViT-B/16")


def test_long_names_match_in_any_case_and_spelling():
    found = matcher_for(
        LexiconEntry("ResNet-50", EntityType.MODEL), LexiconEntry("knowledge distillation", EntityType.METHOD)
    )
    assert found("We use RESNET50 and Knowledge Distillation.") == [
        ("Knowledge Distillation", "Method"),
        ("RESNET50", "Model"),
    ]


def test_short_names_match_only_with_their_case():
    found = matcher_for(LexiconEntry("CLIP", EntityType.MODEL))
    assert found("We clip gradients of CLIP.") == [("CLIP", "Model")]


def test_lower_case_word_is_not_a_capitalised_name():
    found = matcher_for(LexiconEntry("ComplEx", EntityType.MODEL))
    assert found("a complex scene scored by ComplEx") == [("ComplEx", "Model")]


def test_model_plural_and_generic_entries():
    found = matcher_for(
        LexiconEntry("ViT", EntityType.MODEL),
        LexiconEntry("model", EntityType.MODEL),
        generic=frozenset({"model"}),
    )
    assert found("Two ViTs and one model.") == [("ViTs", "Model")]


def test_case_sensitive_note_keeps_one_word_names_to_their_case():
    found = matcher_for(
        LexiconEntry("RotatE", EntityType.MODEL, note="case-sensitive"),
        LexiconEntry("REINFORCE", EntityType.METHOD, note="case-sensitive"),
    )
    assert found("Rotate and Reinforce Relations. RotatE scores triples; REINFORCE trains.") == [
        ("REINFORCE", "Method"),
        ("RotatE", "Model"),
    ]


def test_case_sensitive_note_leaves_multiword_forms_case_free():
    found = matcher_for(LexiconEntry("Inception Score", EntityType.METRIC, note="case-sensitive: IS"))
    assert found("We report the Inception score.") == [("Inception score", "Metric")]


def test_plural_is_not_the_glued_small_variant():
    found = matcher_for(LexiconEntry("DeiT-S", EntityType.MODEL))
    assert found("Unlike most DeiTs, DeiTS and DeiT-S are small.") == [
        ("DeiT-S", "Model"),
        ("DeiTS", "Model"),
    ]


def test_plural_of_a_multiword_or_camel_case_model_name():
    found = matcher_for(
        LexiconEntry("Swin Transformer", EntityType.MODEL), LexiconEntry("ResNet", EntityType.MODEL)
    )
    assert found("on Swin Transformers of different sizes and two ResNets") == [
        ("ResNets", "Model"),
        ("Swin Transformers", "Model"),
    ]
