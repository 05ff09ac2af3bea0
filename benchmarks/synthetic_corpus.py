"""A synthetic ``ResolvedCorpus`` of N abstracts with realistic, heavy-tailed entity use.

Real ML literature is Zipfian: a handful of datasets (ImageNet, COCO) and models (ViT,
ResNet) appear in a large share of papers while most entities appear once or twice. Here
every paper draws its mentions from per-type pools by a Zipf law over rank; the head of
each pool carries real names so the saved questions' default parameters (ImageNet, ViT,
top-1 accuracy, TinyCLIP-like proposals) find something, and the long tail is generated.
About 60% of papers propose a new model or method; relations and reported results are
drawn among the entities a paper mentions, so they always fit the ontology.

Usage (writes nothing; import :func:`synthetic_corpus` or run for a summary):
    python benchmarks/synthetic_corpus.py --papers 10000
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from datetime import date, timedelta
from decimal import Decimal

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

HEADS: dict[EntityType, tuple[str, ...]] = {
    EntityType.DATASET: (
        "ImageNet",
        "COCO",
        "CIFAR-10",
        "CIFAR-100",
        "ADE20K",
        "ImageNet-21K",
        "LAION-400M",
        "Kinetics-400",
        "YFCC-15M",
        "Cityscapes",
        "Pascal VOC",
        "MS MARCO",
        "SQuAD",
        "GLUE",
    ),
    EntityType.MODEL: (
        "ViT",
        "ResNet-50",
        "CLIP",
        "ViT-B/16",
        "DeiT",
        "Swin Transformer",
        "BERT",
        "ViT-L/14",
        "ConvNeXt",
        "GPT-2",
        "DeiT-S",
        "Swin-T",
        "ViT-S/16",
        "MAE",
        "DINOv2",
        "LLaMA",
    ),
    EntityType.METHOD: (
        "knowledge distillation",
        "quantization",
        "pruning",
        "token merging",
        "contrastive learning",
        "masked image modeling",
        "self-attention",
        "data augmentation",
        "low-rank adaptation",
        "post-training quantization",
        "token pruning",
        "mixup",
    ),
    EntityType.HARDWARE: ("A100", "V100", "GPU", "TPU v4", "H100", "RTX 3090", "Jetson Nano", "CPU"),
    EntityType.TASK: (
        "image classification",
        "object detection",
        "semantic segmentation",
        "retrieval",
        "zero-shot classification",
        "question answering",
        "video recognition",
    ),
    EntityType.METRIC: (
        "top-1 accuracy",
        "mAP",
        "mIoU",
        "FLOPs",
        "throughput",
        "top-5 accuracy",
        "F1",
        "BLEU",
    ),
}
FAMILIES = {
    "ViT-B/16": "ViT",
    "ViT-L/14": "ViT",
    "ViT-S/16": "ViT",
    "DeiT-S": "DeiT",
    "Swin-T": "Swin Transformer",
}
POOL_SIZES = {
    EntityType.DATASET: 800,
    EntityType.MODEL: 5000,
    EntityType.METHOD: 1500,
    EntityType.HARDWARE: 40,
    EntityType.TASK: 200,
    EntityType.METRIC: 60,
}
MENTIONS_PER_PAPER = {
    EntityType.DATASET: 1.6,
    EntityType.MODEL: 2.2,
    EntityType.METHOD: 1.4,
    EntityType.HARDWARE: 0.25,
    EntityType.TASK: 0.8,
    EntityType.METRIC: 0.8,
}
SUFFIXES = ("Net", "Former", "ViT", "Mixer", "GPT", "CLIP", "Seg", "Det")
FIRST_DAY = date(2019, 1, 1)


def _pool(entity_type: EntityType, size: int) -> list[Entity]:
    labels = list(HEADS[entity_type])
    prefix = {
        EntityType.DATASET: "Bench",
        EntityType.MODEL: "Arch",
        EntityType.METHOD: "technique",
        EntityType.HARDWARE: "Accel",
        EntityType.TASK: "task",
        EntityType.METRIC: "score",
    }[entity_type]
    labels += [f"{prefix}-{n}" for n in range(len(labels), size)]
    keys = {label: entity_key(entity_type, label) for label in labels}
    return [
        Entity(
            key=keys[label],
            label=label,
            type=entity_type,
            in_lexicon=label in HEADS[entity_type],
            family=keys.get(FAMILIES.get(label, "")),
        )
        for label in labels
    ]


def _zipf_sampler(size: int, exponent: float, rng: random.Random):
    cumulative = list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, size + 1)))
    total = cumulative[-1]
    return lambda: bisect.bisect_left(cumulative, rng.random() * total)


def _poisson(mean: float, rng: random.Random) -> int:
    count, threshold, product = 0, pow(2.718281828459045, -mean), rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def _mention(text: str, entity_type: EntityType, abstract: str) -> Mention:
    start = abstract.find(text)
    return Mention(
        text=text,
        type=entity_type,
        field="abstract",
        start=start,
        end=start + len(text),
        sentence=abstract,
        sentence_start=0,
        confidence=0.9,
        rule="synthetic",
    )


def synthetic_corpus(papers: int, seed: int = 7, exponent: float = 1.1) -> ResolvedCorpus:
    """``papers`` synthetic papers with entities, mentions, facts and results (deterministic for a seed)."""
    rng = random.Random(seed)
    pools = {t: _pool(t, size) for t, size in POOL_SIZES.items()}
    samplers = {t: _zipf_sampler(len(pool), exponent, rng) for t, pool in pools.items()}
    new_entities: list[Entity] = []
    paper_records: list[Paper] = []
    mentions: list[ResolvedMention] = []
    facts: list[Fact] = []
    results: list[ResolvedResult] = []
    for number in range(papers):
        paper_id = f"syn-{number:06d}"
        named: dict[EntityType, list[Entity]] = {}
        for entity_type, mean in MENTIONS_PER_PAPER.items():
            picks = {samplers[entity_type]() for _ in range(_poisson(mean, rng))}
            named[entity_type] = [pools[entity_type][i] for i in sorted(picks)]
        proposed: Entity | None = None
        if rng.random() < 0.6:
            kind = EntityType.MODEL if rng.random() < 0.7 else EntityType.METHOD
            label = f"Syn{number}{rng.choice(SUFFIXES)}"
            proposed = Entity(key=entity_key(kind, label), label=label, type=kind)
            new_entities.append(proposed)
            named[kind] = [proposed, *named[kind]]
        words = [e.label for entities in named.values() for e in entities]
        title = f"{proposed.label}: " if proposed else ""
        title += f"Study {number} of " + (", ".join(words[:3]) or "learning")
        abstract = (
            ("We propose " + proposed.label + ". " if proposed else "We study ")
            + "This work uses "
            + ", ".join(words)
            + "."
        )
        paper_records.append(
            Paper(
                id=paper_id,
                title=title,
                abstract=abstract,
                sources=(SourceRef("synthetic.jsonl", number + 1),),
                date=FIRST_DAY + timedelta(days=rng.randrange(7 * 365)),
                author_count=rng.randint(1, 12),
            )
        )
        for entities in named.values():
            for entity in entities:
                mentions.append(
                    ResolvedMention(paper_id, entity.key, _mention(entity.label, entity.type, abstract))
                )
        if proposed is not None:
            facts.append(
                Fact(paper_id, RelationType.PROPOSES, proposed.key, paper_id, abstract, 0.9, "synthetic")
            )
        actors = named[EntityType.MODEL] + named[EntityType.METHOD]
        pairs = [
            (RelationType.TRAINED_ON, EntityType.DATASET),
            (RelationType.EVALUATED_ON, EntityType.DATASET),
            (RelationType.RUNS_ON, EntityType.HARDWARE),
            (RelationType.ADDRESSES_TASK, EntityType.TASK),
        ]
        for actor in actors[:2]:
            for relation, target_type in pairs:
                if named[target_type] and rng.random() < 0.5:
                    target = rng.choice(named[target_type])
                    facts.append(Fact(actor.key, relation, target.key, paper_id, abstract, 0.7, "synthetic"))
        models = named[EntityType.MODEL]
        if len(actors) >= 2 and rng.random() < 0.4:
            facts.append(
                Fact(
                    actors[0].key,
                    RelationType.OUTPERFORMS,
                    actors[1].key,
                    paper_id,
                    abstract,
                    0.6,
                    "synthetic",
                )
            )
        if models and named[EntityType.METHOD] and rng.random() < 0.5:
            facts.append(
                Fact(
                    models[0].key,
                    RelationType.USES_METHOD,
                    named[EntityType.METHOD][0].key,
                    paper_id,
                    abstract,
                    0.6,
                    "synthetic",
                )
            )
        if actors and named[EntityType.DATASET] and named[EntityType.METRIC] and rng.random() < 0.6:
            value = Decimal(rng.randint(300, 990)) / 10
            results.append(
                ResolvedResult(
                    paper_id=paper_id,
                    value=value,
                    unit="%",
                    text=f"{value}%",
                    evidence=abstract,
                    confidence=0.8,
                    extractor="synthetic",
                    model=actors[0].key,
                    dataset=named[EntityType.DATASET][0].key,
                    metric=named[EntityType.METRIC][0].key,
                )
            )
    entities = sorted([e for pool in pools.values() for e in pool] + new_entities, key=lambda e: e.key)
    return ResolvedCorpus(
        papers=tuple(paper_records),
        entities=tuple(entities),
        mentions=tuple(mentions),
        facts=tuple(facts),
        results=tuple(results),
        ingest=IngestReport(read=papers, kept=papers, merged_duplicates=0),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    corpus = synthetic_corpus(args.papers, args.seed)
    print(
        f"papers={len(corpus.papers)} entities={len(corpus.entities)} mentions={len(corpus.mentions)} "
        f"facts={len(corpus.facts)} results={len(corpus.results)}"
    )


if __name__ == "__main__":
    main()
