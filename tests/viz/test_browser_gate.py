"""Without a browser, the browser tests skip on a laptop and fail under CI (``CI=true``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ONE_BROWSER_TEST = "tests/viz/test_browser.py::test_matrix_page_opens_offline_and_shows_evidence_as_text"


def run_without_browser(ci: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["MLKG_CHROMIUM"] = str(ROOT / "no-such-chromium")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", ONE_BROWSER_TEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(("ci", "exit_code", "word"), [(None, 0, "1 skipped"), ("true", 1, "1 error")])
def test_missing_browser_skips_locally_and_fails_in_ci(ci, exit_code, word) -> None:
    result = run_without_browser(ci)
    assert result.returncode == exit_code, result.stdout[-2000:]
    assert word in result.stdout
    assert "browser tests need Playwright and Chromium: no chromium executable found" in result.stdout
