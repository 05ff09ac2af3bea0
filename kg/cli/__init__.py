"""The ``kg`` command: one subcommand module per verb, each thin over one library function.

Only this package parses arguments and prints; the stages return values.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from kg import __version__
from kg.errors import MlkgError

COMMANDS = ("ingest", "build", "validate", "eval", "train", "query", "serve", "viz", "linkpred")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn machine-learning paper abstracts into a knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"mlkg {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every skipped record")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"kg.cli.{name}_cmd").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.func(args) or 0)
    except MlkgError as error:
        print(f"kg {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) has gone: stop quietly, as command-line tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:
        # a file system refusal (read-only folder, a file where a folder is expected ...)
        # is the user's to fix: one line naming the path, no traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"kg {args.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return 2
