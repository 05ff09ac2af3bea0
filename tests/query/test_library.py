"""kg/query/library.py: saved questions are documented files, runnable by name, with safe parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import MlkgError
from kg.query.engine import execute, open_store
from kg.query.library import load_library, parse_saved_query, resolve_query_text
from kg.resources import QUERIES_DIR

LIBRARY = load_library()


def test_the_library_holds_at_least_twelve_documented_questions() -> None:
    assert len(LIBRARY) >= 12
    for name, saved in LIBRARY.items():
        assert saved.title and saved.description, name
        assert (QUERIES_DIR / f"{name}.rq").is_file()


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_saved_question_parses_and_runs(name: str, mini_graph: Path) -> None:
    answer = execute(open_store(mini_graph), LIBRARY[name].text)
    assert answer.kind in {"select", "graph"}


def test_proposals_of_a_paper_on_the_fixture(mini_graph: Path) -> None:
    store = open_store(mini_graph)
    text, _ = resolve_query_text("paper-proposals", {"title": "token merging"})
    rows = execute(store, text).rows
    assert [(r[2].value, r[3].value) for r in rows] == [("Token Merging", "Method")]
    assert rows[0][4].value.startswith("We introduce Token Merging (ToMe)")


def test_a_parameter_cannot_inject_sparql(mini_graph: Path) -> None:
    store = open_store(mini_graph)
    hostile = '" ) } UNION { ?paper ?p ?entity } #'
    text, _ = resolve_query_text("paper-proposals", {"title": hostile})
    assert execute(store, text).rows == ()


def test_numeric_parameters_accept_only_numbers() -> None:
    saved = parse_saved_query("n", "# N\n# d\n# param min: lowest\nSELECT * { VALUES ?min { 0.5 } }")
    assert "VALUES ?min { 0.75 }" in saved.bind({"min": "0.75"})
    with pytest.raises(MlkgError, match="number"):
        saved.bind({"min": "1 } ?s ?p ?o {"})


def test_unknown_parameter_and_unknown_name_are_explained() -> None:
    with pytest.raises(MlkgError, match="parameters: title"):
        resolve_query_text("paper-proposals", {"titel": "x"})
    with pytest.raises(MlkgError, match="kg query --list"):
        resolve_query_text("no-such-question", {})


def test_a_declared_parameter_needs_its_values_clause() -> None:
    with pytest.raises(MlkgError, match="VALUES"):
        parse_saved_query("bad", "# Bad\n# param title: t\nSELECT * { ?s ?p ?o }")


def test_an_rq_file_runs_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text('# Mine\n# param label: l\nSELECT * { VALUES ?label { "x" } }\n', encoding="utf-8")
    text, _ = resolve_query_text(str(path), {"label": "ViT"})
    assert 'VALUES ?label { "ViT" }' in text
