"""Every saved question answers on the graph built from the bundled corpus (``data/``).

The expected facts were checked by reading the abstracts, e.g. VOLO's "87.1% top-1 accuracy
on ImageNet-1K", Swin Transformer's "87.3 top-1 accuracy on ImageNet-1K", SBCFormer "on a
Raspberry Pi 4", TinyCLIP ViT-8M/16 "trained on YFCC-15M"; corpus-wide counts are checked
against an independent count over the ingested abstracts, never copied from the output.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.ingest import read_sources
from kg.query.engine import execute, open_store
from kg.query.library import load_library, resolve_query_text
from kg.resources import DATA_DIR

LIBRARY = load_library()


@pytest.fixture(scope="module")
def store(bundled_build: Path) -> ox.Store:
    return open_store(bundled_build)


@pytest.fixture(scope="module")
def papers():
    return read_sources([DATA_DIR]).papers


def rows(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    """Answer rows as ``{variable: lexical value}`` (unbound variables left out)."""
    text, _ = resolve_query_text(name, params)
    answer = execute(store, text)
    return [
        {v: t.value for v, t in zip(answer.variables, row, strict=True) if t is not None}
        for row in answer.rows
    ]


def papers_matching(papers, pattern: str) -> int:
    regex = re.compile(pattern, re.IGNORECASE | re.DOTALL)
    return sum(1 for p in papers if regex.search(p.title + "\n" + p.abstract))


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_saved_question_has_an_answer(store: ox.Store, name: str) -> None:
    answer = execute(store, LIBRARY[name].text)
    assert answer.size > 0, name


def test_imagenet_is_the_most_used_dataset_and_coco_follows(store: ox.Store, papers) -> None:
    top = rows(store, "top-datasets")
    labels = [r["label"] for r in top]
    assert labels[0].startswith("ImageNet")
    assert "COCO" in labels[:5]
    coco = next(r for r in top if r["label"] == "COCO")
    # at most the papers whose text names COCO (the graph can miss one, never invent one)
    assert 0 < int(coco["papers"]) <= papers_matching(papers, r"COCO")  # MS-COCO, MSCOCO count too
    counts = [int(r["papers"]) for r in top]
    assert counts == sorted(counts, reverse=True)


def test_imagenet_top1_lists_volo_swin_and_tinyclip(store: ox.Store) -> None:
    found = {(r.get("modelLabel"), r["value"], r["datasetLabel"]) for r in rows(store, "imagenet-top1")}
    assert ("VOLO", "87.1", "ImageNet-1k") in found
    assert ("Swin Transformer", "87.3", "ImageNet-1k") in found
    assert (
        "TinyCLIP ViT-8M/16",
        "41.1",
        "ImageNet",
    ) in found  # "zero-shot top-1 accuracy of 41.1% on ImageNet"
    values = [float(r["value"]) for r in rows(store, "imagenet-top1")]
    assert values == sorted(values, reverse=True) and max(values) <= 100


def test_tinyclip_is_proposed_by_the_tinyclip_paper(store: ox.Store) -> None:
    proposals = rows(store, "paper-proposals")
    assert {(r["label"], r["type"]) for r in proposals} >= {("TinyCLIP", "Model")}
    assert all("TinyCLIP" in r["paperTitle"] for r in proposals)


def test_paper_proposals_takes_a_title_parameter(store: ox.Store) -> None:
    tome = rows(store, "paper-proposals", title="token merging: your vit")
    assert [r["label"] for r in tome] == ["token merging"]
    assert tome[0]["type"] == "Method"
    adalog = {r["label"] for r in rows(store, "paper-proposals", title="AdaLog")}
    assert "AdaLog" in adalog  # "dubbed the Adaptive Logarithm AdaLog (AdaLog) quantizer"


def test_vit_compression_methods(store: ox.Store) -> None:
    methods = {r["label"]: int(r["papers"]) for r in rows(store, "vit-compression-methods")}
    for expected in (
        "quantization",
        "pruning",
        "knowledge distillation",
        "token merging",
        "post-training quantization",
    ):
        assert methods.get(expected, 0) >= 1, expected
    assert not any(re.search(r"diffusion|fine-tuning|class token", label) for label in methods)


def test_hardware_gpu_first_and_sbcformer_on_raspberry_pi(store: ox.Store) -> None:
    hardware = rows(store, "hardware-models")
    assert hardware[0]["label"] == "GPU"
    pi = next(r for r in hardware if r["label"] == "Raspberry Pi 4")
    assert "SBCFormer" in pi["runs"].split(" | ")


def test_outperforms_carries_its_evidence(store: ox.Store) -> None:
    claims = rows(store, "outperforms-evidence")
    # "our TinyCLIP ViT-8M/16 [...] surpassing the original CLIP ViT-B/16 by 3.5%"
    tiny = [
        r for r in claims if r["winnerLabel"] == "TinyCLIP ViT-8M/16" and r["loserLabel"] == "CLIP ViT-B/16"
    ]
    assert tiny and "surpassing the original CLIP ViT-B/16" in tiny[0]["evidence"]
    assert tiny[0]["paperTitle"].startswith("TinyCLIP: CLIP Distillation")
    assert all(0 <= float(r["confidence"]) <= 1 for r in claims if "confidence" in r)


def test_vit_family_variants(store: ox.Store) -> None:
    variants = {r["label"] for r in rows(store, "model-variants")}
    assert {"ViT-B/16", "ViT-L/14", "ViT-B", "ViT-L"} <= variants
    assert "ResNet-50" not in variants
    assert "Swin-B" in {r["label"] for r in rows(store, "model-variants", family="swin transformer")} | {
        r["label"] for r in rows(store, "model-variants", family="swin")
    }


def test_coco_and_ade20k_are_used_together(store: ox.Store, papers) -> None:
    pairs = {(r["labelA"], r["labelB"]): int(r["papers"]) for r in rows(store, "dataset-cooccurrence")}
    both = papers_matching(papers, r"(?=.*\bCOCO\b)(?=.*ADE[- ]?20K)")
    assert 0 < pairs[("ADE20K", "COCO")] <= both
    assert max(pairs.values()) == pairs[("ADE20K", "COCO")]


def test_papers_per_month_matches_the_dated_sources(store: ox.Store, papers) -> None:
    months = {r["month"]: int(r["papers"]) for r in rows(store, "papers-per-month")}
    expected = Counter(p.date.isoformat()[:7] for p in papers if p.date is not None)
    assert months == dict(expected)
    assert months["2024-04"] >= 1  # ViTamin, "Apr 2, 2024"


def test_top_proposers_include_adalog(store: ox.Store) -> None:
    top = rows(store, "top-proposers")
    counts = [int(r["proposals"]) for r in top]
    assert counts == sorted(counts, reverse=True)
    adalog = next(r for r in top if r["title"].startswith("AdaLog"))
    assert "AdaLog" in adalog["proposed"].split(" | ")


def test_triple_evidence_for_tinyclip_trained_on_yfcc(store: ox.Store) -> None:
    evidence = rows(store, "triple-evidence")
    trained = [r for r in evidence if r["predicate"].endswith("#trainedOn")]
    assert trained and "trained on YFCC-15M" in trained[0]["evidence"]
    assert trained[0]["paperTitle"].startswith("TinyCLIP")


def test_leaderboard_for_imagenet_top1(store: ox.Store) -> None:
    board = rows(store, "leaderboard", dataset="ImageNet", metric="top-1")
    found = {(r.get("modelLabel"), r["value"]) for r in board}
    assert {("VOLO", "87.1"), ("Swin Transformer", "87.3")} <= found
    assert all(float(r["value"]) <= 100 for r in board)
    assert all("top-1" in r["metricLabel"] for r in board)


def test_entity_counts_agree_with_ingest(store: ox.Store, papers) -> None:
    counts = {r["class"].rsplit("#", 1)[-1]: int(r["count"]) for r in rows(store, "entity-counts")}
    assert counts["Paper"] == len(papers)
    assert {"Model", "Dataset", "Method", "Hardware", "Task", "Metric"} <= set(counts)


def test_datasets_of_tinyclip(store: ox.Store) -> None:
    links = {
        (r["relation"], r["datasetLabel"]) for r in rows(store, "model-datasets", model="TinyCLIP ViT-8M/16")
    }
    assert ("trainedOn", "YFCC-15M") in links
    assert ("evaluatedOn", "ImageNet") in links


def test_paper_neighbourhood_is_a_graph_around_token_merging(store: ox.Store) -> None:
    text, _ = resolve_query_text("paper-neighbourhood", {})
    triples = execute(store, text).triples
    labels = {t.object.value for t in triples if t.predicate.value.endswith("#label")}
    assert {"token merging", "ViT"} <= labels
    titles = {t.object.value for t in triples if t.predicate.value.endswith("/title")}
    assert titles == {"Token Merging: Your ViT But Faster"}
