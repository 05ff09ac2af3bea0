"""Errors meant for people: the CLI prints them as one clear line, without a traceback."""

from __future__ import annotations


class MlkgError(Exception):
    """Base class for every error mlkg reports to its user."""


class InputError(MlkgError):
    """Bad input that cannot be skipped: names the file, the line (when known) and what was expected."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
