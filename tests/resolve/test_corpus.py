"""resolve_corpus on small hand-made extractions (no lexicon) and on real extractions."""

from decimal import Decimal

from kg.extract.lexicon import Lexicon, LexiconEntry
from kg.records import (
    Abbreviation,
    EntityType,
    IngestReport,
    IngestResult,
    Mention,
    Paper,
    PaperExtraction,
    Relation,
    RelationType,
    Result,
)
from kg.resolve import resolve_corpus

EMPTY = Lexicon((), frozenset())
M, D, ME = EntityType.MODEL, EntityType.DATASET, EntityType.METHOD


def mention(
    text: str, type_: EntityType = M, rule: str = "shape:model-patch", confidence: float = 0.8
) -> Mention:
    return Mention(text, type_, "abstract", 0, len(text), f"We use {text}.", 0, confidence, rule)


def corpus(*extractions: PaperExtraction, lexicon: Lexicon = EMPTY):
    papers = tuple(Paper(id=x.paper_id, title="T", abstract="A", sources=()) for x in extractions)
    ingest = IngestResult(papers, IngestReport(len(papers), len(papers), 0))
    return resolve_corpus(ingest, extractions, lexicon=lexicon)


def test_vit_b16_and_vit_b_16_are_one_entity():
    resolved = corpus(
        PaperExtraction("p1", mentions=(mention("ViT-B/16"), mention("ViT-B/16"))),
        PaperExtraction("p2", mentions=(mention("ViT-B-16"),)),
    )
    assert [(e.key, e.label, e.aliases) for e in resolved.entities] == [
        ("model/vit-b-16", "ViT-B/16", ("ViT-B-16",))
    ]
    assert {m.entity_key for m in resolved.mentions} == {"model/vit-b-16"}


def test_resnet50_is_resnet_50():
    resolved = corpus(
        PaperExtraction("p1", mentions=(mention("ResNet50"), mention("ResNet-50"), mention("ResNet-50")))
    )
    assert [(e.label, e.aliases) for e in resolved.entities] == [("ResNet-50", ("ResNet50",))]


def test_tome_is_an_alias_of_token_merging_in_every_paper():
    resolved = corpus(
        PaperExtraction(
            "p1",
            mentions=(
                mention("Token Merging", ME, "abbreviation:long"),
                mention("ToMe", ME, "abbreviation:short"),
            ),
            abbreviations=(Abbreviation("ToMe", "Token Merging", "We use Token Merging (ToMe)."),),
        ),
        PaperExtraction("p2", mentions=(mention("ToMe", M, "shape:model-camel", 0.5),)),
    )
    assert [(e.key, e.label, e.type, e.aliases) for e in resolved.entities] == [
        ("method/token-merging", "Token Merging", ME, ("ToMe",))
    ]
    assert [(m.paper_id, m.entity_key) for m in resolved.mentions] == [("p1", "method/token-merging")] * 2 + [
        ("p2", "method/token-merging")
    ]


def test_one_type_by_weighted_majority_and_lexicon_wins():
    votes = corpus(
        PaperExtraction(
            "p1",
            mentions=(
                mention("Florb", M, confidence=0.6),
                mention("Florb", D, confidence=0.9),
                mention("Florb", D, confidence=0.9),
            ),
        )
    )
    assert [e.type for e in votes.entities] == [D]
    lexicon = Lexicon((LexiconEntry("Florb", M),), frozenset())
    listed = corpus(
        PaperExtraction(
            "p1", mentions=(mention("Florb", D, confidence=0.9), mention("Florb", M, "lexicon", 0.5))
        ),
        lexicon=lexicon,
    )
    assert [(e.type, e.in_lexicon) for e in listed.entities] == [(M, True)]


def test_lexicon_alias_and_family():
    lexicon = Lexicon(
        (LexiconEntry("ViT-B/16", M, ("ViT-Base/16",), "ViT"), LexiconEntry("ViT", M)), frozenset()
    )
    resolved = corpus(
        PaperExtraction("p1", mentions=(mention("ViT-Base/16", M, "lexicon", 0.95),)), lexicon=lexicon
    )
    by_key = {e.key: e for e in resolved.entities}
    assert by_key["model/vit-b-16"].label == "ViT-B/16" and by_key["model/vit-b-16"].family == "model/vit"
    assert "model/vit" in by_key
    assert [(f.subject, f.predicate, f.object, f.extractor) for f in resolved.facts] == [
        ("model/vit-b-16", RelationType.VARIANT_OF, "model/vit", "lexicon:family")
    ]


def test_relations_become_facts_with_provenance_and_wrong_types_are_dropped():
    florb, imagenet = (
        mention("FlorbNet", M, "definition:propose", 0.85),
        mention("ImageNet", D, "lexicon", 0.95),
    )
    relations = (
        Relation(None, RelationType.PROPOSES, florb, "We propose FlorbNet.", 0.85, "definition:propose"),
        Relation(
            florb,
            RelationType.EVALUATED_ON,
            imagenet,
            "FlorbNet gets 80% on ImageNet.",
            0.65,
            "trigger:before-tail",
        ),
        Relation(
            imagenet, RelationType.OUTPERFORMS, florb, "ImageNet beats FlorbNet.", 0.75, "trigger:between"
        ),
    )
    result = Result(
        Decimal("80"),
        "%",
        "80%",
        "abstract",
        14,
        17,
        "FlorbNet gets 80% on ImageNet.",
        0.8,
        "result:score",
        florb,
        imagenet,
    )
    resolved = corpus(
        PaperExtraction("p1", mentions=(florb, imagenet), relations=relations, results=(result,))
    )
    assert [(f.subject, f.predicate.value, f.object, f.paper_id, f.confidence) for f in resolved.facts] == [
        ("model/florbnet", "evaluatedOn", "dataset/imagenet", "p1", 0.65),
        ("p1", "proposes", "model/florbnet", "p1", 0.85),
    ]
    assert resolved.facts[0].evidence == "FlorbNet gets 80% on ImageNet."
    assert [(r.value, r.model, r.dataset, r.metric) for r in resolved.results] == [
        (Decimal("80"), "model/florbnet", "dataset/imagenet", None)
    ]


def test_real_extraction_resolves_deterministically(extract, tinyclip):
    first = corpus(extract(*tinyclip, paper_id="2309.12314"))
    second = corpus(extract(*tinyclip, paper_id="2309.12314"))
    assert first == second
    keys = [e.key for e in first.entities]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    assert ("model/tinyclip-vit-8m-16", "variantOf", "model/tinyclip") in {
        (f.subject, f.predicate.value, f.object) for f in first.facts
    }


def test_plural_of_a_listed_name_is_that_name_not_its_small_variant():
    lexicon = Lexicon(
        (
            LexiconEntry("ConvNeXt", M),
            LexiconEntry("ConvNeXt-S", M, (), "ConvNeXt"),
            LexiconEntry("Swin Transformer", M),
            LexiconEntry("Transformer", M),
        ),
        frozenset(),
    )
    resolved = corpus(
        PaperExtraction(
            "p1",
            mentions=(
                mention("ConvNeXts", M, "lexicon", 0.95),
                mention("ConvNeXt-S", M, "lexicon", 0.95),
                mention("Swin Transformers", M, "lexicon", 0.95),
            ),
        ),
        lexicon=lexicon,
    )
    by_text = {r.mention.text: r.entity_key for r in resolved.mentions}
    assert by_text == {
        "ConvNeXts": "model/convnext",
        "ConvNeXt-S": "model/convnext-s",
        "Swin Transformers": "model/swin-transformer",
    }


def test_plural_of_a_name_seen_elsewhere_in_the_corpus():
    resolved = corpus(
        PaperExtraction("p1", mentions=(mention("FlorbNet"),)),
        PaperExtraction("p2", mentions=(mention("FlorbNets"),)),
    )
    assert [(e.label, e.aliases) for e in resolved.entities] == [("FlorbNet", ("FlorbNets",))]


def test_short_form_defined_in_a_paper_takes_its_long_form_there_only():
    lexicon = Lexicon(
        (
            LexiconEntry("masked autoencoder", ME, ("MAE",)),
            LexiconEntry("mean absolute error", EntityType.METRIC),
        ),
        frozenset(),
    )
    resolved = corpus(
        PaperExtraction(
            "p1",
            mentions=(
                mention("mean absolute error", EntityType.METRIC, "lexicon", 0.95),
                mention("MAE", EntityType.METRIC, "abbreviation:short", 0.8),
            ),
            abbreviations=(Abbreviation("MAE", "mean absolute error", "the mean absolute error (MAE)"),),
        ),
        PaperExtraction("p2", mentions=(mention("MAE", ME, "lexicon", 0.95),)),
        lexicon=lexicon,
    )
    assert [(m.paper_id, m.mention.text, m.entity_key) for m in resolved.mentions] == [
        ("p1", "MAE", "metric/mean-absolute-error"),
        ("p1", "mean absolute error", "metric/mean-absolute-error"),
        ("p2", "MAE", "method/masked-autoencoder"),
    ]


def test_aliases_that_differ_only_by_case_are_kept_once():
    resolved = corpus(
        PaperExtraction(
            "p1",
            mentions=(
                mention("ViT", M, "lexicon"),
                mention("ViT", M, "lexicon"),
                mention("Vision transformer", M, "abbreviation:long"),
                mention("vision transformer", M, "abbreviation:long"),
                mention("vision transformer", M, "abbreviation:long"),
                mention("VIT", M, "shape:acronym"),
            ),
            abbreviations=(Abbreviation("ViT", "vision transformer", "vision transformer (ViT)"),),
        )
    )
    assert [(e.label, e.aliases) for e in resolved.entities] == [("vision transformer", ("ViT",))]
