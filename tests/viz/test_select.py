"""Which nodes a view keeps: focus neighbourhoods, classes and the top nodes by degree.

Expected sets are counted by hand from the toy graph in conftest.py.
"""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import MlkgError
from kg.viz.select import find_focus, fold_name, parse_classes, select_view

R = "https://w3id.org/mlkg/resource/"


def labels(graph: nx.MultiDiGraph, nodes) -> set[str]:
    return {graph.nodes[n]["label"] for n in nodes}


def test_focus_one_hop_is_vit_and_its_direct_neighbours(toy_graph) -> None:
    view = select_view(toy_graph, focus="ViT", hops=1)
    assert labels(toy_graph, view.nodes) == {
        "ViT",
        "An Image is Worth 16x16 Words",
        "JFT-300M",
        "ImageNet",
        "TPUv3",
        "image classification",
        "ViT-B/16",
        "ResNet-50",
    }
    assert view.focus == (R + "model/vit",)


def test_focus_two_hops_reaches_papers_and_methods_but_not_a100(toy_graph) -> None:
    view = select_view(toy_graph, focus="ViT", hops=2)
    assert len(view.nodes) == 14
    assert R + "hardware/a100" not in view.nodes  # ViT -> ViT-B/16 -> ToMe -> A100 is three hops
    assert R + "method/tome" in view.nodes


def test_focus_matches_an_alias_and_ignores_case_and_punctuation(toy_graph) -> None:
    assert find_focus(toy_graph, "vision transformer") == (R + "model/vit",)
    assert find_focus(toy_graph, "vit b 16") == (R + "model/vit-b-16",)
    assert find_focus(toy_graph, "ms-coco") == (R + "dataset/coco",)


def test_unknown_focus_is_an_error_that_suggests_close_names(toy_graph) -> None:
    with pytest.raises(MlkgError, match="ResNet-50"):
        find_focus(toy_graph, "ResNet-5O")


def test_classes_keep_only_those_classes_and_the_edges_among_them(toy_graph) -> None:
    view = select_view(toy_graph, classes=parse_classes("Model,Dataset"))
    assert labels(toy_graph, view.nodes) == {"ViT", "ViT-B/16", "ResNet-50", "ImageNet", "JFT-300M", "COCO"}
    assert sorted(k for _, _, k in view.edges) == sorted(
        ["trainedOn", "evaluatedOn", "variantOf", "evaluatedOn", "outperforms", "evaluatedOn", "trainedOn"]
    )


def test_unknown_class_is_an_error_naming_the_choices() -> None:
    with pytest.raises(MlkgError, match="Model, Dataset"):
        parse_classes("Model,Gizmo")


def test_max_nodes_keeps_the_best_connected_and_says_it_ranked(toy_graph) -> None:
    # degrees by hand: ViT 8, the ViT paper 7, ImageNet 6, ViT-B/16 5
    view = select_view(toy_graph, max_nodes=3)
    assert labels(toy_graph, view.nodes) == {"ViT", "An Image is Worth 16x16 Words", "ImageNet"}
    assert view.ranked_by_degree
    assert (view.total_nodes, view.total_edges) == (15, 26)
    # ViT<-paper (mentions, proposes), paper->ImageNet (mentions), ViT->ImageNet (evaluatedOn)
    assert len(view.edges) == 4


def test_everything_fits_so_nothing_is_ranked(toy_graph) -> None:
    view = select_view(toy_graph)
    assert len(view.nodes) == 15 and len(view.edges) == 26
    assert not view.ranked_by_degree


def test_max_edges_keeps_every_node_linked_then_prefers_relations(toy_graph) -> None:
    view = select_view(toy_graph, max_edges=15)
    assert len(view.edges) == 15 and view.dropped_edges == 11
    linked = {u for u, _, _ in view.edges} | {v for _, v, _ in view.edges}
    assert linked == set(toy_graph.nodes)  # no shown node is left floating
    # the paper with only mentions keeps one, but most kept links are relations
    assert any(u.endswith("1512.03385") for u, _, k in view.edges if k == "mentions")
    assert sum(k != "mentions" for _, _, k in view.edges) > sum(k == "mentions" for _, _, k in view.edges)


def test_max_edges_smaller_than_the_nodes_still_caps(toy_graph) -> None:
    view = select_view(toy_graph, max_edges=4)
    assert len(view.edges) == 4 and view.dropped_edges == 22


def test_selection_leaves_the_graph_untouched(toy_graph) -> None:
    before = nx.to_dict_of_dicts(toy_graph), dict(toy_graph.nodes(data=True))
    select_view(toy_graph, focus="ViT", hops=2, classes=("Model",), max_nodes=2)
    assert (nx.to_dict_of_dicts(toy_graph), dict(toy_graph.nodes(data=True))) == before


def test_fold_name_folds_case_hyphens_spaces_and_slashes() -> None:
    assert fold_name("ViT-B/16") == fold_name("vit b 16") == "vitb16"
