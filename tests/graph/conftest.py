"""A small resolved corpus written by hand: the TinyCLIP abstract and one more paper."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kg.iris import entity_key
from kg.records import (
    Entity,
    EntityType,
    Fact,
    IngestReport,
    Mention,
    Paper,
    RelationType,
    ResolvedCorpus,
    ResolvedMention,
    ResolvedResult,
    SourceRef,
)

TINY_TITLE = "TinyCLIP: CLIP Distillation via Affinity Mimicking and Weight Inheritance"
TINY_SENTENCE = (
    "Moreover, our TinyCLIP ViT-8M/16, trained on YFCC-15M, achieves an impressive zero-shot top-1 "
    "accuracy of 41.1% on ImageNet, surpassing the original CLIP ViT-B/16 by 3.5% while utilizing only "
    "8.9% parameters."
)
TINY_PROPOSE = (
    "In this paper, we propose a novel cross-modal distillation method, called TinyCLIP, for models."
)
MODE_SENTENCE = "Experimental studies show that four CLIP data experts on ViT-B-16 outperform the ViT-L/14."


def mention(
    text: str, kind: EntityType, sentence: str, confidence: float = 0.9, rule: str = "lexicon"
) -> Mention:
    start = sentence.index(text)
    return Mention(text, kind, "abstract", start, start + len(text), sentence, 0, confidence, rule)


def make_corpus() -> ResolvedCorpus:
    tiny = Paper(
        id="2309.12314",
        title=TINY_TITLE,
        abstract=TINY_PROPOSE + " " + TINY_SENTENCE,
        sources=(SourceRef("data/000.txt", 4),),
        date=date(2023, 9, 21),
        author_count=9,
    )
    mode = Paper(
        id="t-0a1b2c3d4e5f",
        title="MoDE: CLIP Data Experts via Clustering",
        abstract=MODE_SENTENCE,
        sources=(SourceRef("data/000.txt", 20), SourceRef("data/001.txt", 7)),
    )
    vit_b16 = entity_key(EntityType.MODEL, "ViT-B/16")
    entities = (
        Entity(key=entity_key(EntityType.MODEL, "TinyCLIP"), label="TinyCLIP", type=EntityType.MODEL),
        Entity(
            key=vit_b16,
            label="ViT-B/16",
            type=EntityType.MODEL,
            aliases=("ViT-B-16",),
            family="model/vit",
            in_lexicon=True,
        ),
        Entity(
            key="model/vit",
            label="ViT",
            type=EntityType.MODEL,
            aliases=("Vision Transformer",),
            in_lexicon=True,
        ),
        Entity(key="model/vit-l-14", label="ViT-L/14", type=EntityType.MODEL, family="model/vit"),
        Entity(key="dataset/yfcc-15m", label="YFCC-15M", type=EntityType.DATASET),
        Entity(key="dataset/imagenet", label="ImageNet", type=EntityType.DATASET),
        Entity(key="metric/top-1-accuracy", label="top-1 accuracy", type=EntityType.METRIC),
        Entity(key="method/distillation", label="distillation", type=EntityType.METHOD),
        Entity(key="task/zero-shot-classification", label="zero-shot classification", type=EntityType.TASK),
    )
    mentions = (
        ResolvedMention(
            "2309.12314", "model/tinyclip", mention("TinyCLIP", EntityType.MODEL, TINY_SENTENCE, 0.95)
        ),
        ResolvedMention(
            "2309.12314", "model/tinyclip", mention("TinyCLIP", EntityType.MODEL, TINY_PROPOSE, 0.9)
        ),
        ResolvedMention("2309.12314", vit_b16, mention("ViT-B/16", EntityType.MODEL, TINY_SENTENCE)),
        ResolvedMention(
            "2309.12314", "dataset/yfcc-15m", mention("YFCC-15M", EntityType.DATASET, TINY_SENTENCE)
        ),
        ResolvedMention(
            "2309.12314", "dataset/imagenet", mention("ImageNet", EntityType.DATASET, TINY_SENTENCE)
        ),
        ResolvedMention(
            "2309.12314",
            "metric/top-1-accuracy",
            mention("top-1 accuracy", EntityType.METRIC, TINY_SENTENCE, 0.8),
        ),
        ResolvedMention(
            "2309.12314",
            "method/distillation",
            mention("distillation", EntityType.METHOD, TINY_PROPOSE, 0.7, "lexicon"),
        ),
        ResolvedMention(
            "t-0a1b2c3d4e5f",
            entity_key(EntityType.MODEL, "ViT-B-16"),
            mention("ViT-B-16", EntityType.MODEL, MODE_SENTENCE),
        ),
        ResolvedMention(
            "t-0a1b2c3d4e5f", "model/vit-l-14", mention("ViT-L/14", EntityType.MODEL, MODE_SENTENCE)
        ),
    )
    facts = (
        Fact(
            "2309.12314",
            RelationType.PROPOSES,
            "model/tinyclip",
            "2309.12314",
            TINY_PROPOSE,
            0.9,
            "definition:called",
        ),
        Fact(
            "model/tinyclip",
            RelationType.TRAINED_ON,
            "dataset/yfcc-15m",
            "2309.12314",
            TINY_SENTENCE,
            0.8,
            "pattern:trained-on",
        ),
        Fact(
            "model/tinyclip",
            RelationType.EVALUATED_ON,
            "dataset/imagenet",
            "2309.12314",
            TINY_SENTENCE,
            0.7,
            "pattern:result-on",
        ),
        Fact(
            "model/tinyclip",
            RelationType.OUTPERFORMS,
            vit_b16,
            "2309.12314",
            TINY_SENTENCE,
            0.75,
            "pattern:surpassing",
        ),
        # the same claim read twice by one rule: one statement, the higher confidence
        Fact(
            "model/tinyclip",
            RelationType.OUTPERFORMS,
            vit_b16,
            "2309.12314",
            TINY_SENTENCE,
            0.6,
            "pattern:surpassing",
        ),
        Fact(
            "model/tinyclip",
            RelationType.USES_METHOD,
            "method/distillation",
            "2309.12314",
            TINY_PROPOSE,
            0.6,
            "pattern:method",
        ),
        Fact(
            vit_b16,
            RelationType.OUTPERFORMS,
            "model/vit-l-14",
            "t-0a1b2c3d4e5f",
            MODE_SENTENCE,
            0.65,
            "pattern:outperform",
        ),
        # outside the ontology: a Task is never trainedOn a Dataset
        Fact(
            "task/zero-shot-classification",
            RelationType.TRAINED_ON,
            "dataset/imagenet",
            "2309.12314",
            TINY_SENTENCE,
            0.5,
            "pattern:trained-on",
        ),
    )
    results = (
        ResolvedResult(
            "2309.12314",
            Decimal("41.1"),
            "%",
            "41.1%",
            TINY_SENTENCE,
            0.85,
            "result:percent",
            model="model/tinyclip",
            dataset="dataset/imagenet",
            metric="metric/top-1-accuracy",
        ),
        ResolvedResult("2309.12314", Decimal("3.5"), "%", "3.5%", TINY_SENTENCE, 0.4, "result:percent"),
    )
    return ResolvedCorpus(
        papers=(tiny, mode),
        entities=entities,
        mentions=mentions,
        facts=facts,
        results=results,
        ingest=IngestReport(read=3, kept=2, merged_duplicates=1),
    )


@pytest.fixture
def small_corpus() -> ResolvedCorpus:
    return make_corpus()
