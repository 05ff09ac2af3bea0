"""`kg serve` refuses addresses it cannot use with one line, before starting anything."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kg.cli import main


def test_port_out_of_range_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "99999"]) == 2
    assert "--port must be between 0 (any free port) and 65535" in capsys.readouterr().err


def test_port_in_use_is_refused(bundled_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--graph", str(bundled_build), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err
