"""Gold annotations (``tests/gold/*.jsonl``) read into frozen records.

Format: one JSON object per line with ``id``, ``title``, ``abstract``, ``source``,
``entities`` (``name``, ``type``, ``optional``, ``alt_types``, ``aliases``),
``relations`` (``head``, ``rel``, ``tail``; head ``PAPER`` for ``proposes``) and
``results`` (``model``, ``dataset``, ``metric``, ``value``).

Example:
    >>> fold_name("ViT-B/16") == fold_name("vit b 16") == fold_name("ViT-B-16")
    True
"""

from __future__ import annotations

import glob
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.records import EntityType, RelationType

PAPER = "PAPER"
_FOLD = re.compile(r"[\s\-/_]+")


def fold_name(name: str) -> str:
    """The matching key of a name: case, spaces, hyphens, underscores and slashes folded."""
    return _FOLD.sub("", name.casefold())


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: EntityType
    optional: bool = False
    alt_types: tuple[EntityType, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(fold_name(n) for n in (self.name, *self.aliases))

    def accepts(self, entity_type: EntityType) -> bool:
        return entity_type is self.type or entity_type in self.alt_types


@dataclass(frozen=True)
class GoldRelation:
    head: str
    rel: RelationType
    tail: str


@dataclass(frozen=True)
class GoldResult:
    value: str
    model: str | None = None
    dataset: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    id: str
    title: str
    abstract: str
    source: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    results: tuple[GoldResult, ...]


def _entity(raw: dict) -> GoldEntity:
    return GoldEntity(
        name=raw["name"],
        type=EntityType(raw["type"]),
        optional=bool(raw.get("optional", False)),
        alt_types=tuple(EntityType(t) for t in raw.get("alt_types") or ()),
        aliases=tuple(raw.get("aliases") or ()),
    )


def _record(raw: dict) -> GoldRecord:
    return GoldRecord(
        id=str(raw["id"]),
        title=raw.get("title") or "",
        abstract=raw.get("abstract") or "",
        source=raw.get("source") or "bundled",
        entities=tuple(_entity(e) for e in raw.get("entities") or ()),
        relations=tuple(
            GoldRelation(r["head"], RelationType(r["rel"]), r["tail"]) for r in raw.get("relations") or ()
        ),
        results=tuple(
            GoldResult(str(r["value"]), r.get("model"), r.get("dataset"), r.get("metric"))
            for r in raw.get("results") or ()
        ),
    )


def read_gold(path: Path | str) -> list[GoldRecord]:
    """All records of a gold file; a malformed line raises ``InputError`` naming it."""
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), None, "gold file not found")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(_record(json.loads(line)))
        except json.JSONDecodeError as error:
            raise InputError(str(path), number, f"not valid JSON: {error.msg}") from None
        except (KeyError, ValueError, TypeError) as error:
            raise InputError(str(path), number, f"not a gold record ({error})") from None
    return records


_WILDCARDS = frozenset("*?[")


def gold_paths(patterns: list[str]) -> list[Path]:
    """The files named by ``--gold`` arguments: a plain path as given (so a missing file is an
    error), a pattern with ``*``/``?``/``[`` expanded and sorted; each file once, in order.

    Example:
        >>> [p.name for p in gold_paths(["a.jsonl", "a.jsonl", "b.jsonl"])]
        ['a.jsonl', 'b.jsonl']
    """
    found: list[Path] = []
    for pattern in patterns:
        if _WILDCARDS & set(pattern):
            matches = [Path(p) for p in sorted(glob.glob(pattern))]
            if not matches:
                raise InputError(pattern, None, "no gold file matches this pattern")
            found.extend(matches)
        else:
            found.append(Path(pattern))
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


def read_gold_files(paths: list[Path | str]) -> list[GoldRecord]:
    """The records of several gold files, in order; an id seen in two files is an error
    (scores count each paper once)."""
    records: list[GoldRecord] = []
    seen: dict[str, Path] = {}
    for path in paths:
        for record in read_gold(path):
            if record.id in seen:
                raise InputError(str(path), None, f"paper {record.id!r} is also in {seen[record.id]}")
            seen[record.id] = Path(path)
            records.append(record)
    return records
