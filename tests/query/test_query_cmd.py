"""kg/cli/query_cmd.py: `kg query` end to end through the command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

from kg.cli import main


def test_saved_question_by_name_prints_a_table(mini_graph: Path, capsys) -> None:
    assert main(["query", "top-datasets", "--graph", str(mini_graph)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["?dataset", "|", "?label", "|", "?papers"]
    assert [cell.strip() for cell in lines[2].split(" | ")] == ["dataset:imagenet", "ImageNet", "3"]


def test_json_output_is_sparql_results_json(mini_graph: Path, capsys) -> None:
    query = "SELECT ?l WHERE { model:vit-b-16 skos:altLabel ?l }"
    assert main(["query", query, "--graph", str(mini_graph), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"] == [{"l": {"type": "literal", "value": "ViT-B-16"}}]


def test_param_changes_the_bound_literal(mini_graph: Path, capsys) -> None:
    args = ["query", "model-variants", "--graph", str(mini_graph), "--format", "csv", "--param", "family=vit"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert sorted(line.split(",")[1] for line in out[1:]) == ["ViT-B/16", "ViT-L"]


def test_syntax_error_is_one_message_without_traceback(mini_graph: Path, capsys) -> None:
    assert main(["query", "SELECT ?x WHERE { ?x ?y }", "--graph", str(mini_graph)]) == 2
    err = capsys.readouterr().err
    assert "SPARQL syntax error at line 1, column" in err
    assert "Traceback" not in err


def test_missing_store_tells_to_build(tmp_path: Path, capsys) -> None:
    assert main(["query", "top-datasets", "--graph", str(tmp_path)]) == 2
    assert "run 'kg build' first" in capsys.readouterr().err


def test_list_shows_titles_and_parameters(capsys) -> None:
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "top-datasets\n    Most used datasets" in out
    assert "--param title=" in out


def test_update_is_refused(mini_graph: Path, capsys) -> None:
    assert main(["query", "CLEAR ALL", "--graph", str(mini_graph)]) == 2
    assert "read-only" in capsys.readouterr().err


def test_serve_without_a_store_says_to_build(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--graph", str(tmp_path), "--port", "0"]) == 2
    assert "run 'kg build' first" in capsys.readouterr().err


def test_construct_prints_turtle_with_short_names(mini_graph: Path, capsys) -> None:
    assert main(["query", "paper-neighbourhood", "--graph", str(mini_graph)]) == 0
    out = capsys.readouterr().out
    assert "@prefix mlkg: <https://w3id.org/mlkg/ontology#> ." in out
    assert 'dcterms:title "Token Merging: Your ViT But Faster"' in out
    assert "method:token-merging" in out
