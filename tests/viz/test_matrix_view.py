"""The Model × Dataset matrix: rows, columns and cells counted by hand from the toy graph."""

from __future__ import annotations

from html.parser import HTMLParser

import networkx as nx

from kg.viz.matrix_view import build_matrix, write_matrix_html


class Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells: list[str] = []
        self.text: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        if tag == "td" and ("class", "filled") in attrs:
            self._in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_cell:
            self.cells.append(data)


def test_rows_and_columns_are_busiest_first(toy_graph) -> None:
    matrix = build_matrix(toy_graph)
    # ResNet-50 and ViT have two datasets each (tie broken by name), ViT-B/16 one
    assert [r.label for r in matrix.rows] == ["ResNet-50", "ViT", "ViT-B/16"]
    # ImageNet is linked from three models, COCO and JFT-300M from one each
    assert [c.label for c in matrix.columns] == ["ImageNet", "COCO", "JFT-300M"]


def test_cells_say_trained_or_evaluated(toy_graph) -> None:
    matrix = build_matrix(toy_graph)
    named = {(matrix.rows[c.row].label, matrix.columns[c.column].label): c.marks for c in matrix.cells}
    assert named == {
        ("ResNet-50", "ImageNet"): "T",
        ("ResNet-50", "COCO"): "E",
        ("ViT", "ImageNet"): "E",
        ("ViT", "JFT-300M"): "T",
        ("ViT-B/16", "ImageNet"): "E",
    }


def test_a_pair_with_both_links_shows_both_marks_and_both_sentences(toy_graph) -> None:
    toy_graph.add_edge(
        "https://w3id.org/mlkg/resource/model/vit",
        "https://w3id.org/mlkg/resource/dataset/imagenet",
        key="trainedOn",
        predicate="trainedOn",
        evidence="ViT is fine-tuned on ImageNet.",
        confidence=0.8,
        paper="",
        extractor="test",
        evidence_count=1,
    )
    cell = next(c for c in build_matrix(toy_graph).cells if c.marks == "T E")
    assert [e.predicate for e in cell.evidence] == ["trainedOn", "evaluatedOn"]
    assert cell.evidence[1].paper == "An Image is Worth 16x16 Words"


def test_page_lists_evidence_as_text_and_has_no_script(toy_graph, tmp_path, xss_strings) -> None:
    write_matrix_html(toy_graph, tmp_path / "m.html", title="matrix <i>", graph_href="kg.html")
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    parser = Tables()
    parser.feed(html)
    parser.close()
    assert sorted(parser.cells) == ["E", "E", "E", "T", "T"]
    assert "script" not in parser.tags and "img" not in parser.tags and "i" not in parser.tags
    assert any(xss_strings["evidence"] in t for t in parser.text)  # shown, as text
    assert "<img src=x" not in html


def test_no_training_links_gives_an_empty_note(tmp_path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("m", kind="Model", label="ViT")
    write_matrix_html(graph, tmp_path / "m.html", title="matrix")
    assert 'id="empty"' in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_matrix_caps_rows_and_columns_and_reports_totals(toy_graph) -> None:
    matrix = build_matrix(toy_graph, max_rows=1, max_columns=1)
    assert (len(matrix.rows), matrix.total_rows, len(matrix.columns), matrix.total_columns) == (1, 3, 1, 3)
    assert [c.marks for c in matrix.cells] == ["T"]  # ResNet-50 x ImageNet


def test_matrix_within_a_selection_keeps_only_its_nodes(toy_graph) -> None:
    r = "https://w3id.org/mlkg/resource/"
    within = frozenset({r + "model/vit", r + "dataset/imagenet", r + "dataset/coco"})
    matrix = build_matrix(toy_graph, within=within)
    assert [(matrix.rows[c.row].label, matrix.columns[c.column].label, c.marks) for c in matrix.cells] == [
        ("ViT", "ImageNet", "E")
    ]
