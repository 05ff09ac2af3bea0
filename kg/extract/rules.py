"""The extraction rules as data: shapes, context words, head nouns, cues and triggers.

Everything a reviewer may want to change lives in ``ontology/extraction/``; this module
only reads it (once per process) into small frozen records.

Example:
    >>> rules = default_rules()
    >>> rules.head_nouns["method"].value, rules.confidence("lexicon")
    ('Method', 0.95)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.records import EntityType, RelationType
from kg.resources import ONTOLOGY_DIR

RULES_DIR = ONTOLOGY_DIR / "extraction"


@dataclass(frozen=True)
class ShapeRule:
    name: str
    type: EntityType | None
    confidence: float
    pattern: re.Pattern[str]
    fixed: bool = False  # the type is not changed by context words


@dataclass(frozen=True)
class ContextWord:
    word: str
    type: EntityType
    side: str  # "after" | "before"


@dataclass(frozen=True)
class ExtractionRules:
    shapes: tuple[ShapeRule, ...]
    context: tuple[ContextWord, ...]
    head_nouns: dict[str, EntityType]
    definition_cues: dict[str, str]
    triggers: dict[RelationType, tuple[str, ...]]
    sentence_abbreviations: frozenset[str]
    not_names: frozenset[str]
    never: frozenset[str]
    hardware_heads: frozenset[str]
    number_bound: frozenset[str]
    metric_qualifiers: frozenset[str]
    generic_modifiers: frozenset[str]
    hardware_vendors: frozenset[str]
    rule_confidence: dict[str, tuple[float, int]]
    setting_words: frozenset[str] = frozenset()
    title_not_heads: frozenset[str] = frozenset()
    title_not_openers: frozenset[str] = frozenset()

    def confidence(self, rule: str) -> float:
        if rule.endswith("+context"):
            return self.rule_confidence.get("context", (0.75, 3))[0]
        for shape in self.shapes:
            if shape.name == rule:
                return shape.confidence
        family = rule.split(":", 1)[0]
        return self.rule_confidence.get(rule, self.rule_confidence.get(family, (0.5, 9)))[0]

    def priority(self, rule: str) -> int:
        if rule in self.rule_confidence:
            return self.rule_confidence[rule][1]
        family = "context" if rule.endswith("+context") else rule.split(":", 1)[0]
        return self.rule_confidence.get(family, (0.5, 9))[1]


def tsv_rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """Non-comment rows after the header, padded to ``columns`` cells."""
    rows: list[tuple[int, list[str]]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = line.split("\t")
        if len(cells) < columns and columns > 1 and len(cells) < 2:
            raise InputError(str(path), number, f"expected {columns} tab-separated columns")
        rows.append((number, [c.strip() for c in cells] + [""] * (columns - len(cells))))
    return rows


def _entity_type(path: Path, number: int, value: str) -> EntityType | None:
    if not value:
        return None
    try:
        return EntityType(value)
    except ValueError:
        raise InputError(str(path), number, f"unknown entity type {value!r}") from None


def _word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _roles(path: Path, role: str) -> frozenset[str]:
    """The words of a ``word  role`` table that have ``role``."""
    return frozenset(w.lower() for _, (w, r) in tsv_rows(path, 2) if r == role)


def load_rules(directory: Path | str = RULES_DIR) -> ExtractionRules:
    directory = Path(directory)
    shapes_path = directory / "shapes.tsv"
    shapes = []
    for number, (name, type_name, confidence, pattern) in tsv_rows(shapes_path, 4):
        try:
            compiled = re.compile(rf"(?<![\w/.-])(?:{pattern})(?![\w/-]|\.\w)")
        except re.error as error:
            raise InputError(str(shapes_path), number, f"bad pattern: {error}") from None
        fixed = type_name.endswith("!")
        entity_type = _entity_type(shapes_path, number, type_name.rstrip("!"))
        shapes.append(ShapeRule(name, entity_type, float(confidence), compiled, fixed))
    context_path = directory / "context.tsv"
    context = tuple(
        ContextWord(word.lower(), _entity_type(context_path, n, t) or EntityType.MODEL, side or "after")
        for n, (word, t, side) in tsv_rows(context_path, 3)
    )
    nouns_path = directory / "head_nouns.tsv"
    head_nouns = {noun.lower(): _entity_type(nouns_path, n, t) for n, (noun, t) in tsv_rows(nouns_path, 2)}
    cues = {cue.lower(): kind for _, (cue, kind) in tsv_rows(directory / "definitions.tsv", 2)}
    triggers: dict[RelationType, list[str]] = {}
    trig_path = directory / "triggers.tsv"
    for number, (relation, phrase) in tsv_rows(trig_path, 2):
        try:
            triggers.setdefault(RelationType(relation), []).append(phrase.lower())
        except ValueError:
            raise InputError(str(trig_path), number, f"unknown relation {relation!r}") from None
    abbreviations = _word_list(directory / "sentence_abbreviations.txt")
    confidence = {r: (float(c), int(p)) for _, (r, c, p) in tsv_rows(directory / "rules.tsv", 3)}
    return ExtractionRules(
        shapes=tuple(shapes),
        context=context,
        head_nouns={k: v for k, v in head_nouns.items() if v is not None},
        definition_cues=cues,
        triggers={k: tuple(sorted(set(v), key=lambda p: (-len(p), p))) for k, v in triggers.items()},
        sentence_abbreviations=abbreviations,
        not_names=_word_list(directory / "not_names.txt"),
        never=_word_list(directory / "never_entities.txt"),
        generic_modifiers=_word_list(directory / "generic_modifiers.txt"),
        number_bound=_word_list(directory / "number_bound_names.txt"),
        metric_qualifiers=_word_list(directory / "metric_qualifiers.txt"),
        hardware_heads=_roles(directory / "hardware_words.tsv", "head"),
        hardware_vendors=_roles(directory / "hardware_words.tsv", "vendor"),
        rule_confidence=confidence,
        setting_words=_word_list(directory / "setting_words.txt"),
        title_not_heads=_roles(directory / "title_phrase_words.tsv", "not-head"),
        title_not_openers=_roles(directory / "title_phrase_words.tsv", "not-opener"),
    )


@lru_cache(maxsize=4)
def default_rules() -> ExtractionRules:
    return load_rules(RULES_DIR)
