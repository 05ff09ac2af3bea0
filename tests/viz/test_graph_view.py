"""The graph page as a file: self-contained, escaped, deterministic, and holding what was selected."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx

from kg.viz import GraphViewSummary, write_graph_html

R = "https://w3id.org/mlkg/resource/"


class PageParts(HTMLParser):
    """Collects resource references and script blocks of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.script_srcs: list[str] = []
        self.link_hrefs: list[str] = []
        self.other_srcs: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.csp = ""
        self._in: tuple[str, dict] | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "script" and "src" in a:
            self.script_srcs.append(a["src"])
        if tag == "link":
            self.link_hrefs.append(a.get("href", ""))
        if tag in {"img", "iframe", "embed", "source", "audio", "video"} and a.get("src"):
            self.other_srcs.append(a["src"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content", "")
        if tag in {"script", "style"}:
            self._in, self._buffer = (tag, a), []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in and tag == self._in[0]:
            text = "".join(self._buffer)
            if tag == "script":
                self.scripts.append((self._in[1], text))
            else:
                self.styles.append(text)
            self._in = None


def parse(path: Path) -> PageParts:
    parts = PageParts()
    parts.feed(path.read_text(encoding="utf-8"))
    parts.close()
    return parts


def payload(path: Path) -> dict:
    parts = parse(path)
    blocks = [text for attrs, text in parts.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_page_has_no_external_scripts_styles_or_fonts(toy_graph, tmp_path) -> None:
    write_graph_html(toy_graph, tmp_path / "kg.html", title="mlkg")
    parts = parse(tmp_path / "kg.html")
    assert parts.script_srcs == [] and parts.link_hrefs == [] and parts.other_srcs == []
    # three blocks: the data, vis-network itself, the page script
    assert len(parts.scripts) == 3
    assert "vis.Network" in parts.scripts[2][1] and len(parts.scripts[1][1]) > 400_000
    for css in parts.styles:
        assert "@import" not in css
        assert not re.search(r"url\(\s*(?!['\"]?data:)", css), "stylesheet refers to a non-inline resource"
    assert "default-src 'none'" in parts.csp and "unsafe-inline" not in parts.csp.split("style-src")[0]


def test_page_holds_every_node_and_edge_with_card_data(toy_graph, tmp_path) -> None:
    summary = write_graph_html(toy_graph, tmp_path / "kg.html", title="mlkg")
    assert summary == GraphViewSummary(
        tmp_path / "kg.html", 15, 15, 26, 26, False, tmp_path / "kg-matrix.html"
    )
    data = payload(tmp_path / "kg.html")
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes) == 15 and len(data["edges"]) == 26
    imagenet = nodes[R + "dataset/imagenet"]
    assert imagenet["kind"] == "Dataset" and imagenet["shape"] == "diamond"
    assert imagenet["aliases"] == ["ImageNet-1k", "ILSVRC-2012"]
    assert imagenet["papersTotal"] == 3 and len(imagenet["papers"]) == 3
    assert "Deep Residual Learning for Image Recognition" in imagenet["papers"]
    trained = [e for e in data["edges"] if e["predicate"] == "trainedOn" and e["from"] == R + "model/vit"]
    assert trained[0]["evidence"] == "ViT is pre-trained on JFT-300M."
    assert trained[0]["paper"] == "An Image is Worth 16x16 Words" and trained[0]["label"] == "trainedOn"
    mentions = [e for e in data["edges"] if e["predicate"] == "mentions"]
    assert len(mentions) == 14 and all("label" not in e for e in mentions)


def test_node_size_grows_with_degree(toy_graph, tmp_path) -> None:
    write_graph_html(toy_graph, tmp_path / "kg.html", title="mlkg")
    nodes = {n["id"]: n for n in payload(tmp_path / "kg.html")["nodes"]}
    assert nodes[R + "model/vit"]["degree"] == 8 and nodes[R + "hardware/a100"]["degree"] == 2
    assert (
        nodes[R + "model/vit"]["value"]
        > nodes[R + "dataset/imagenet"]["value"]
        > nodes[R + "hardware/a100"]["value"]
    )


def test_physics_stabilises_with_a_fixed_seed(toy_graph, tmp_path) -> None:
    write_graph_html(toy_graph, tmp_path / "kg.html", title="mlkg")
    options = payload(tmp_path / "kg.html")["options"]
    assert options["layout"]["randomSeed"] == 7
    assert options["physics"]["stabilization"]["enabled"] is True
    assert options["physics"]["stabilization"]["iterations"] > 0
    page_script = parse(tmp_path / "kg.html").scripts[2][1]
    assert (
        'once("stabilizationIterationsDone"' in page_script and "physics: { enabled: false }" in page_script
    )


def test_same_graph_gives_byte_identical_pages_whatever_the_insertion_order(toy_graph, tmp_path) -> None:
    reordered = nx.MultiDiGraph()
    reordered.add_nodes_from(reversed(list(toy_graph.nodes(data=True))))
    reordered.add_edges_from(reversed(list(toy_graph.edges(keys=True, data=True))))
    write_graph_html(toy_graph, tmp_path / "a" / "kg.html", title="mlkg")
    write_graph_html(reordered, tmp_path / "b" / "kg.html", title="mlkg")
    for name in ("kg.html", "kg-matrix.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_payloads_never_appear_as_markup_in_the_file(toy_graph, tmp_path, xss_strings) -> None:
    write_graph_html(toy_graph, tmp_path / "kg.html", title="<b>mlkg</b> </script>")
    html = (tmp_path / "kg.html").read_text(encoding="utf-8")
    for marker in ("<img src=x", "<svg onload", "<script>window.__xss", "<b>mlkg</b>"):
        assert marker not in html
    assert html.count("</script>") == 3  # the three real script blocks, nothing more
    titles = {n["name"] for n in payload(tmp_path / "kg.html")["nodes"]}
    assert xss_strings["title"] in titles  # the text survives unchanged once parsed
    assert "&lt;b&gt;mlkg&lt;/b&gt; &lt;/script&gt;" in html  # the page title, escaped


def test_banner_says_how_many_nodes_are_shown_and_why(toy_graph, tmp_path) -> None:
    summary = write_graph_html(toy_graph, tmp_path / "kg.html", title="mlkg", max_nodes=3)
    assert (summary.nodes_shown, summary.nodes_total, summary.ranked_by_degree) == (3, 15, True)
    banner = payload(tmp_path / "kg.html")["banner"]
    assert banner == "showing 3 of 15 nodes and 4 of 26 edges; ranked by degree"
    assert banner in (tmp_path / "kg.html").read_text(encoding="utf-8")


def test_focus_page_marks_the_focus_and_names_it_in_the_banner(toy_graph, tmp_path) -> None:
    write_graph_html(toy_graph, tmp_path / "vit.html", title="ViT", focus="Vision Transformer", hops=1)
    data = payload(tmp_path / "vit.html")
    assert len(data["nodes"]) == 8
    assert [n["name"] for n in data["nodes"] if n["focus"]] == ["ViT"]
    assert data["banner"].endswith("within 1 hops of ViT")


def test_matrix_can_be_left_out(toy_graph, tmp_path) -> None:
    summary = write_graph_html(toy_graph, tmp_path / "kg.html", title="mlkg", matrix=False)
    assert summary.matrix_path is None and not (tmp_path / "kg-matrix.html").exists()
    assert 'id="matrix-link"' not in (tmp_path / "kg.html").read_text(encoding="utf-8")


def test_empty_graph_still_writes_a_page(tmp_path) -> None:
    summary = write_graph_html(nx.MultiDiGraph(), tmp_path / "kg.html", title="empty")
    assert (summary.nodes_shown, summary.edges_shown) == (0, 0)
    assert payload(tmp_path / "kg.html")["nodes"] == []


def test_focus_page_matrix_covers_the_same_nodes(toy_graph, tmp_path) -> None:
    write_graph_html(toy_graph, tmp_path / "vit.html", title="ViT", focus="ViT", hops=1)
    html = (tmp_path / "vit-matrix.html").read_text(encoding="utf-8")
    # one hop from ViT: ViT and ViT-B/16 on ImageNet, ViT on JFT-300M; ResNet-50 is shown but COCO is not
    assert "ResNet-50 × ImageNet" in html and "ResNet-50 × COCO" not in html
    assert "ViT × JFT-300M" in html and "ViT-B/16 × ImageNet" in html
