"""Lexicon files: the reviewable list of known names, one TSV per entity type.

Each ``ontology/lexicon/<type>.tsv`` has the header ``label	aliases	family	note``;
``aliases`` is ``|``-separated, ``family`` names another label of the same file, lines
starting with ``#`` are comments. ``generic.txt`` lists words that are never entities.

Example:
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "model.tsv").write_text("label\\taliases\\tfamily\\tnote\\nViT-B/16\\tViT-B16\\tViT\\t\\n")
    >>> lex = load_lexicon(d)
    >>> [(e.label, e.aliases, e.family) for e in lex.entries]
    [('ViT-B/16', ('ViT-B16',), 'ViT')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.records import EntityType
from kg.resources import LEXICON_DIR

HEADER = ("label", "aliases", "family", "note")


@dataclass(frozen=True)
class LexiconEntry:
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    family: str | None = None
    note: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]
    generic: frozenset[str]

    def is_generic(self, text: str) -> bool:
        return text.lower().strip() in self.generic


def _read_tsv(path: Path, entity_type: EntityType) -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(c.strip().lower() for c in cells[:4]) == HEADER:
                continue
        cells += [""] * (4 - len(cells))
        label = cells[0].strip()
        if not label:
            raise InputError(
                str(path), number, "empty label (expected label<TAB>aliases<TAB>family<TAB>note)"
            )
        aliases = tuple(a.strip() for a in cells[1].split("|") if a.strip() and a.strip() != label)
        family = cells[2].strip() or None
        entries.append(LexiconEntry(label, entity_type, aliases, family, cells[3].strip()))
    return entries


def load_lexicon(directory: Path | str = LEXICON_DIR) -> Lexicon:
    """Read every ``<type>.tsv`` and ``generic.txt`` under ``directory`` (missing files are empty)."""
    directory = Path(directory)
    entries: list[LexiconEntry] = []
    for entity_type in EntityType:
        path = directory / f"{entity_type.value.lower()}.tsv"
        if path.exists():
            entries.extend(_read_tsv(path, entity_type))
    generic: set[str] = set()
    generic_path = directory / "generic.txt"
    if generic_path.exists():
        for raw in generic_path.read_text(encoding="utf-8").splitlines():
            word = raw.strip().lower()
            if word and not word.startswith("#"):
                generic.add(word)
    return Lexicon(tuple(entries), frozenset(generic))


@lru_cache(maxsize=4)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return load_lexicon(LEXICON_DIR)
