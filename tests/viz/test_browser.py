"""The pages in a real headless Chromium, offline: drawn counts, search, class filter, no script injection.

Counts are the hand-counted toy graph of conftest.py (15 nodes, 26 edges). Screenshots go
to ``test-artifacts/viz/`` for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from kg.viz import write_graph_html

pytestmark = pytest.mark.browser

R = "https://w3id.org/mlkg/resource/"
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@dataclass
class OpenPage:
    page: object
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str):
        return self.page.evaluate(expression)


def _wait_until_stabilized(page, seconds: float = 90) -> None:
    """Poll with plain evaluate calls (``wait_for_function`` needs eval, which the page's CSP forbids)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate("() => Boolean(window.mlkgView && window.mlkgView.stabilized)"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the graph never finished its layout")


@pytest.fixture
def open_page(browser) -> Iterator:
    """Open a local page with the network switched off, recording requests, dialogs and errors."""
    contexts = []

    def opener(path: Path, *, wait_for_graph: bool = True, enforce_csp: bool = False) -> OpenPage:
        # The page's Content-Security-Policy would also stop injected scripts; it is
        # bypassed by default so that these tests prove the escaping itself.
        context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=not enforce_csp)
        context.set_offline(True)
        contexts.append(context)
        page = context.new_page()
        opened = OpenPage(page)
        page.on(
            "request",
            lambda r: opened.requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None,
        )
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.add_init_script(WATCH_CSP)
        page.goto(path.as_uri())
        if wait_for_graph:
            _wait_until_stabilized(page)
        return opened

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def toy_page(toy_graph, tmp_path) -> Path:
    out = tmp_path / "kg.html"
    write_graph_html(toy_graph, out, title='mlkg <img src=x onerror="window.__xss=5">')
    return out


def test_page_draws_every_node_and_edge_offline_and_stops_physics(open_page, toy_page, artifacts) -> None:
    opened = open_page(toy_page)
    assert opened.js("[mlkgView.nodes.length, mlkgView.edges.length]") == [15, 26]
    body = "mlkgView.network.body"
    assert opened.js(f"[{body}.nodeIndices.length, {body}.edgeIndices.length]") == [15, 26]
    assert opened.js("mlkgView.network.physics.physicsEnabled") is False
    assert opened.js("document.body.dataset.stabilized") == "true"
    assert opened.requests == [] and opened.errors == []
    legend = opened.page.inner_text("#legend-nodes")
    for caption in ("Paper", "Model", "Dataset", "Method", "Hardware", "Task", "Metric"):
        assert caption in legend
    opened.page.screenshot(path=str(artifacts / "toy-graph.png"))


def test_search_by_alias_selects_and_opens_the_card(open_page, toy_page) -> None:
    opened = open_page(toy_page)
    opened.page.fill("#search", "vision transformer")
    assert opened.page.inner_text("#search-count") == "1 match"
    assert opened.js("mlkgView.network.getSelectedNodes()") == [R + "model/vit"]
    assert opened.page.inner_text("#card h3") == "ViT"
    card = opened.page.inner_text("#card")
    assert "ViT trainedOn JFT-300M" in card and "ViT is pre-trained on JFT-300M." in card
    # names containing "image": ImageNet, image classification and two paper titles
    opened.page.fill("#search", "image")
    assert opened.page.inner_text("#search-count") == "4 matches"
    assert len(opened.js("mlkgView.network.getSelectedNodes()")) == 4


def test_class_filter_hides_papers_and_their_links(open_page, toy_page) -> None:
    opened = open_page(toy_page)
    opened.page.uncheck('input[data-kind="Paper"]')
    body = "mlkgView.network.body"
    # 11 entities stay; the 15 paper links go, the 11 entity relations stay
    assert opened.js(f"[{body}.nodeIndices.length, {body}.edgeIndices.length]") == [11, 11]
    opened.page.check('input[data-kind="Paper"]')
    assert opened.js(f"[{body}.nodeIndices.length, {body}.edgeIndices.length]") == [15, 26]


def test_injected_markup_in_titles_aliases_and_evidence_never_runs(
    open_page, toy_page, xss_strings, artifacts
) -> None:
    opened = open_page(toy_page)
    page = opened.page
    assert opened.js("typeof window.__xss") == "undefined"
    assert opened.dialogs == [] and opened.errors == []
    assert opened.js("window.__cspViolations") == []  # nothing even tried to load or run
    assert opened.js("document.querySelectorAll('img, [onerror], [onload]').length") == 0
    assert page.inner_text("h1") == 'mlkg <img src=x onerror="window.__xss=5">'
    # the paper card shows the title as text
    page.fill("#search", "onerror")
    assert page.inner_text("#search-count") == "1 match"
    assert page.inner_text("#card h3") == xss_strings["title"]
    # the hover tooltip shows it as text too
    paper = R + "paper/t-0123456789ab"
    point = opened.js(f"mlkgView.network.canvasToDOM(mlkgView.network.getPositions(['{paper}'])['{paper}'])")
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert xss_strings["title"] in tooltip.inner_text()
    page.screenshot(path=str(artifacts / "toy-graph-xss-tooltip.png"))
    # the alias and the evidence sentence, in the ViT-B/16 card
    page.fill("#search", "ViT-B/16")
    card = page.inner_text("#card")
    assert xss_strings["alias"] in card and xss_strings["evidence"] in card
    assert opened.js("typeof window.__xss") == "undefined" and opened.dialogs == []
    assert opened.js("document.querySelectorAll('img, [onerror], [onload]').length") == 0


def test_matrix_page_opens_offline_and_shows_evidence_as_text(
    open_page, toy_page, xss_strings, artifacts
) -> None:
    opened = open_page(toy_page.with_name("kg-matrix.html"), wait_for_graph=False)
    page = opened.page
    assert page.locator("td.filled").count() == 5
    assert page.locator("#matrix thead th").count() == 4  # corner + ImageNet, COCO, JFT-300M
    assert xss_strings["evidence"] in page.inner_text("#evidence")
    assert opened.js("typeof window.__xss") == "undefined" and opened.dialogs == []
    assert opened.js("document.querySelectorAll('img, script, [onerror]').length") == 0
    assert opened.requests == [] and opened.js("window.__cspViolations") == []
    page.screenshot(path=str(artifacts / "toy-matrix.png"), full_page=True)


def test_focus_view_draws_only_the_neighbourhood(open_page, toy_graph, tmp_path, artifacts) -> None:
    out = tmp_path / "focus.html"
    write_graph_html(toy_graph, out, title="ViT, 2 hops", focus="ViT", hops=2, matrix=False)
    opened = open_page(out)
    assert opened.js("mlkgView.network.body.nodeIndices.length") == 14
    assert "within 2 hops of ViT" in opened.page.inner_text("#banner")
    opened.page.screenshot(path=str(artifacts / "toy-focus-vit.png"))


def _hub_graph(size: int) -> nx.MultiDiGraph:
    """``size`` models; model i links to model i // 3, so low numbers have the most links."""
    graph = nx.MultiDiGraph()
    for i in range(size):
        graph.add_node(f"m{i}", kind="Model", label=f"M{i:05d}", aliases="", date="", paper_count=1)
    for i in range(1, size):
        graph.add_edge(
            f"m{i}",
            f"m{i // 3}",
            key="variantOf",
            predicate="variantOf",
            evidence="",
            confidence=1.0,
            paper="",
            extractor="test",
            evidence_count=0,
        )
    return graph


def test_big_graph_keeps_top_nodes_and_says_so(open_page, tmp_path, artifacts) -> None:
    out = tmp_path / "big.html"
    write_graph_html(_hub_graph(3000), out, title="big", max_nodes=300, matrix=False)
    opened = open_page(out)
    assert opened.js("mlkgView.network.body.nodeIndices.length") == 300
    # models 1..999 have 4 links (parent + three children), model 0 only 2 and the rest 1,
    # so ties by name keep M00001..M00300; their links i -> i // 3 with 3 <= i <= 300: 298
    shown = opened.js("mlkgView.nodes.map((n) => n.label)")
    assert sorted(shown) == [f"M{i:05d}" for i in range(1, 301)]
    assert opened.js("mlkgView.network.body.edgeIndices.length") == 298
    assert "showing 300 of 3,000 nodes" in opened.page.inner_text("#banner")
    assert "ranked by degree" in opened.page.inner_text("#banner")
    opened.page.screenshot(path=str(artifacts / "top-nodes.png"))


def test_content_security_policy_refuses_scripts_the_page_did_not_ship(open_page, toy_page) -> None:
    opened = open_page(toy_page, enforce_csp=True)
    assert opened.js("mlkgView.network.body.nodeIndices.length") == 15  # the shipped scripts run
    opened.page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__cspProbe = 1';
        document.body.appendChild(s);
    }""")
    assert opened.js("typeof window.__cspProbe") == "undefined"
    assert any("script-src" in v for v in opened.js("window.__cspViolations"))


def test_bundled_build_page_draws_the_whole_graph_and_finds_vit(open_page, bundled_build, artifacts) -> None:
    graphml = nx.read_graphml(bundled_build / "kg.graphml", force_multigraph=True)
    opened = open_page(bundled_build / "kg.html")
    body = "mlkgView.network.body"
    assert opened.js(f"[{body}.nodeIndices.length, {body}.edgeIndices.length]") == [
        graphml.number_of_nodes(),
        graphml.number_of_edges(),
    ]
    assert opened.js("mlkgView.network.physics.physicsEnabled") is False
    assert opened.requests == [] and opened.errors == []
    opened.page.screenshot(path=str(artifacts / "bundled-kg.png"))
    opened.page.fill("#search", "ViT")
    assert opened.page.inner_text("#card h3") == "ViT"
    assert "papers (" in opened.page.inner_text("#card").lower()  # h2 is upper-cased by CSS
    opened.page.screenshot(path=str(artifacts / "bundled-kg-search-vit.png"))


def test_bundled_matrix_has_a_cell_per_trained_or_evaluated_pair(open_page, bundled_build, artifacts) -> None:
    graphml = nx.read_graphml(bundled_build / "kg.graphml", force_multigraph=True)
    pairs = {
        (u, v) for u, v, d in graphml.edges(data=True) if d.get("predicate") in {"trainedOn", "evaluatedOn"}
    }
    assert pairs, "the bundled corpus has training/evaluation links"
    assert len({u for u, _ in pairs}) <= 250 and len({v for _, v in pairs}) <= 80  # below the caps
    opened = open_page(bundled_build / "kg-matrix.html", wait_for_graph=False)
    assert opened.page.locator("td.filled").count() == len(pairs)
    assert opened.requests == [] and opened.errors == []
    opened.page.screenshot(path=str(artifacts / "bundled-matrix.png"))
