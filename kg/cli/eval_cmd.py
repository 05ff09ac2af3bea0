"""`kg eval`."""

from __future__ import annotations

import argparse

from kg.errors import MlkgError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="(not built yet)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise MlkgError("'kg eval' is not built yet")
