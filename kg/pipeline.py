"""The one orchestrator: ingest -> extract -> resolve -> graph -> outputs.

Stages return values; this module wires them and reports progress through a callback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.resources import DATA_DIR, DEFAULT_OUTPUT_DIR
from kg.vocab import DEFAULT_BASE


@dataclass(frozen=True)
class BuildConfig:
    inputs: tuple[Path, ...] = (DATA_DIR,)
    out_dir: Path = DEFAULT_OUTPUT_DIR
    base_iri: str = DEFAULT_BASE
    validate: str = "full"  # full | sample | off
    html: bool = True


def build(config: BuildConfig):  # noqa: ANN201 - filled in by the graph stage
    raise NotImplementedError("build() is not wired yet")
