"""Fixtures for the viz tests: a small hand-made graph in the NetworkX contract, and a browser.

The toy graph is small enough to count by hand (15 nodes, 26 edges), and carries script
payloads in a paper title, an alias and an evidence sentence.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

BASE = "https://w3id.org/mlkg/resource/"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "viz"

XSS_TITLE = '<img src=x onerror="window.__xss=1;alert(1)"> </script><script>window.__xss=2</script> Tokens'
XSS_ALIAS = "ViT-B-16 <svg onload=window.__xss=3>"
XSS_EVIDENCE = "We fine-tune ViT-B/16 on ImageNet </script><img src=x onerror=window.__xss=4>."

# (key, kind, label, aliases)
ENTITIES = (
    ("model/vit", "Model", "ViT", "Vision Transformer"),
    ("model/vit-b-16", "Model", "ViT-B/16", XSS_ALIAS),
    ("model/resnet-50", "Model", "ResNet-50", "ResNet50"),
    ("dataset/imagenet", "Dataset", "ImageNet", "ImageNet-1k | ILSVRC-2012"),
    ("dataset/jft-300m", "Dataset", "JFT-300M", ""),
    ("dataset/coco", "Dataset", "COCO", "MS COCO"),
    ("method/tome", "Method", "ToMe", "Token Merging"),
    ("hardware/tpuv3", "Hardware", "TPUv3", ""),
    ("hardware/a100", "Hardware", "A100", ""),
    ("task/image-classification", "Task", "image classification", ""),
    ("metric/top-1-accuracy", "Metric", "top-1 accuracy", ""),
)
# (id, title, date, mentioned entity keys)
PAPERS = (
    (
        "2010.11929",
        "An Image is Worth 16x16 Words",
        "2020-10-22",
        (
            "model/vit",
            "dataset/imagenet",
            "dataset/jft-300m",
            "hardware/tpuv3",
            "task/image-classification",
            "metric/top-1-accuracy",
        ),
    ),
    (
        "1512.03385",
        "Deep Residual Learning for Image Recognition",
        "2015-12-10",
        ("model/resnet-50", "dataset/imagenet", "dataset/coco"),
    ),
    ("t-0123456789ab", XSS_TITLE, "", ("model/vit-b-16", "dataset/imagenet")),
    (
        "2210.09461",
        "Token Merging: Your ViT but Faster",
        "2022-10-17",
        ("method/tome", "model/vit-b-16", "hardware/a100"),
    ),
)
# (subject key, predicate, object key, evidence, paper id)
RELATIONS = (
    ("model/vit", "trainedOn", "dataset/jft-300m", "ViT is pre-trained on JFT-300M.", "2010.11929"),
    ("model/vit", "evaluatedOn", "dataset/imagenet", "ViT reaches 88.5% on ImageNet.", "2010.11929"),
    ("model/vit", "runsOn", "hardware/tpuv3", "ViT trains on TPUv3 in 2.5k core-days.", "2010.11929"),
    (
        "model/vit",
        "addressesTask",
        "task/image-classification",
        "ViT for image classification.",
        "2010.11929",
    ),
    ("model/vit", "outperforms", "model/resnet-50", "ViT outperforms ResNet-50.", "2010.11929"),
    ("model/vit-b-16", "variantOf", "model/vit", "", ""),
    ("model/vit-b-16", "evaluatedOn", "dataset/imagenet", XSS_EVIDENCE, "t-0123456789ab"),
    ("model/vit-b-16", "usesMethod", "method/tome", "ViT-B/16 with ToMe merges tokens.", "2210.09461"),
    ("model/resnet-50", "evaluatedOn", "dataset/coco", "ResNet-50 on COCO detection.", "1512.03385"),
    ("model/resnet-50", "trainedOn", "dataset/imagenet", "ResNet-50 trained on ImageNet.", "1512.03385"),
    ("method/tome", "runsOn", "hardware/a100", "ToMe doubles throughput on an A100.", "2210.09461"),
)


def iri(key: str) -> str:
    return BASE + key


def paper_iri(paper_id: str) -> str:
    return BASE + "paper/" + paper_id


def build_toy_graph() -> nx.MultiDiGraph:
    """The contract-shaped toy graph: 4 papers, 11 entities, 15 paper links, 11 relations."""
    graph = nx.MultiDiGraph()
    counts = {key: sum(key in p[3] for p in PAPERS) for key, *_ in ENTITIES}
    for paper_id, title, date, _ in PAPERS:
        graph.add_node(paper_iri(paper_id), kind="Paper", label=title, aliases="", date=date)
    for key, kind, label, aliases in ENTITIES:
        graph.add_node(iri(key), kind=kind, label=label, aliases=aliases, date="", paper_count=counts[key])

    def link(src: str, predicate: str, dst: str, evidence: str, paper: str) -> None:
        graph.add_edge(
            src,
            dst,
            key=predicate,
            predicate=predicate,
            evidence=evidence,
            confidence=0.9,
            paper=paper,
            extractor="test",
            evidence_count=1 if evidence else 0,
        )

    for paper_id, _, _, keys in PAPERS:
        for key in keys:
            link(paper_iri(paper_id), "mentions", iri(key), "", paper_iri(paper_id))
    link(
        paper_iri("2010.11929"),
        "proposes",
        iri("model/vit"),
        "We propose the Vision Transformer (ViT).",
        paper_iri("2010.11929"),
    )
    for subject, predicate, obj, evidence, paper in RELATIONS:
        link(iri(subject), predicate, iri(obj), evidence, paper_iri(paper) if paper else "")
    return graph


@pytest.fixture
def toy_graph() -> nx.MultiDiGraph:
    return build_toy_graph()


def _no_browser(reason: str) -> None:
    message = f"browser tests need Playwright and Chromium: {reason}"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message + " (CI is set, so this is a failure, not a skip)")
    pytest.skip(message)


def chromium_path() -> str | None:
    """Chromium from ``MLKG_CHROMIUM`` or the PATH (Debian's package installs ``chromium``)."""
    named = os.environ.get("MLKG_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium driven by Playwright; skipped locally when missing, a failure under CI."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        _no_browser("no chromium executable found (apt-get install chromium, or set MLKG_CHROMIUM)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
        except Error as error:
            _no_browser(f"chromium at {executable} did not start: {error.message.splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    """Where screenshots go (git-ignored ``test-artifacts/viz``)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def xss_strings() -> dict[str, str]:
    """The script payloads planted in the toy graph, by where they are."""
    return {"title": XSS_TITLE, "alias": XSS_ALIAS, "evidence": XSS_EVIDENCE}
