"""Shared fixtures: the bundled corpus built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resources import DATA_DIR


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output directory of ``kg build`` on the bundled corpus (built once, shared)."""
    from kg.pipeline import BuildConfig, build

    out = tmp_path_factory.mktemp("bundled-build")
    build(BuildConfig(inputs=(DATA_DIR,), out_dir=out))
    return out
