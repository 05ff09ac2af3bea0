"""The data flows one way: a stage imports only the core and the stages before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
CORE = {"records", "vocab", "iris", "errors", "files", "resources"}
# stage -> stages it may import (besides the core)
ALLOWED = {
    "ingest": set(),
    "extract": set(),
    "resolve": {"extract"},
    "graph": set(),
    "export": {"graph"},
    "query": {"graph"},
    "viz": {"graph"},
    "linkpred": {"graph"},
    "evaluation": {"ingest", "extract", "resolve"},
}


def kg_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n.split(".")[1] for n in names if n.startswith("kg.") and n.count(".") >= 1}


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_stage_imports_only_core_and_earlier_stages(stage: str) -> None:
    for path in sorted((PACKAGE / stage).rglob("*.py")):
        bad = kg_imports(path) - CORE - ALLOWED[stage] - {stage}
        assert not bad, f"{path.relative_to(PACKAGE.parent)} imports later or sibling stages: {sorted(bad)}"


def test_core_modules_import_no_stage() -> None:
    for name in sorted(CORE):
        bad = kg_imports(PACKAGE / f"{name}.py") - CORE
        assert not bad, f"kg/{name}.py must stay below every stage, imports {sorted(bad)}"
