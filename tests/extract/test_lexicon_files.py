"""The shipped lexicon files are well formed, unambiguous and state true facts.

Parsed with the stdlib csv module (not with mlkg's own loader) so that a bug in the loader
cannot hide a bug in the files.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

LEXICON_DIR = Path(__file__).resolve().parents[2] / "ontology" / "lexicon"
HEADER = ["label", "aliases", "family", "note"]
MIN_ENTRIES = {"model": 400, "dataset": 200, "method": 200, "hardware": 60, "task": 120, "metric": 60}
TYPES = tuple(MIN_ENTRIES)

# Lower-cased surface forms that are also ordinary English words (or very common names):
# an entry using one of them must say "case-sensitive" in its note, so that a matcher
# does not turn "we clip the gradient" into the model CLIP.
ENGLISH_WORDS = {
    "align",
    "alpaca",
    "basic",
    "bart",
    "bloom",
    "claude",
    "clip",
    "codex",
    "complex",
    "drop",
    "dreamer",
    "em",
    "eva",
    "falcon",
    "flamingo",
    "florence",
    "gato",
    "gemini",
    "git",
    "glow",
    "glue",
    "gopher",
    "hyena",
    "imagen",
    "is",
    "jasper",
    "jukebox",
    "lamb",
    "line",
    "lime",
    "lion",
    "mace",
    "mamba",
    "math",
    "minerva",
    "mistral",
    "muse",
    "opt",
    "orca",
    "parti",
    "performer",
    "race",
    "realm",
    "reformer",
    "retro",
    "sam",
    "shift",
    "slip",
    "solo",
    "sora",
    "swag",
    "twins",
    "uni",
    "vicuna",
    "whisper",
    "yi",
    "zephyr",
    "adam",
    "chinchilla",
    "ssd",
    "bark",
    "chameleon",
    "chronos",
    "diffuser",
    "dice",
    "emu",
    "film",
    "gem",
    "gopro",
    "grok",
    "habitat",
    "impala",
    "inception",
    "informer",
    "latte",
    "lookahead",
    "marigold",
    "mega",
    "painter",
    "pile",
    "raft",
    "react",
    "reinforce",
    "reptile",
    "rotate",
    "rome",
    "scaffold",
    "seer",
    "spider",
    "tent",
    "tulip",
    "wanda",
    "wit",
    "synapse",
}


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    label: str
    aliases: tuple[str, ...]
    family: str
    note: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def fold(text: str) -> str:
    """Case-insensitive key ignoring spaces, hyphens and slashes ("ViT-B/16" == "vitb16")."""
    return re.sub(r"[\s\-/]+", "", text.lower())


@cache
def read_rows(entity_type: str) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """(header, rows) of one TSV; comment and blank lines skipped."""
    path = LEXICON_DIR / f"{entity_type}.tsv"
    header: tuple[str, ...] = ()
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for cells in reader:
            line = reader.line_num
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            if not header:
                header = tuple(cells)
                continue
            assert len(cells) == 4, f"{path.name}:{line}: expected 4 tab-separated cells, got {cells}"
            label, aliases, family, note = cells
            alias_list = tuple(aliases.split("|")) if aliases else ()
            rows.append(Row(entity_type, line, label, alias_list, family, note))
    return header, tuple(rows)


@cache
def generic_words() -> frozenset[str]:
    lines = (LEXICON_DIR / "generic.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def all_rows() -> list[Row]:
    return [row for t in TYPES for row in read_rows(t)[1]]


def entry(entity_type: str, label: str) -> Row:
    matches = [r for r in read_rows(entity_type)[1] if r.label == label]
    assert len(matches) == 1, f"{label!r} should be one {entity_type} entry, found {len(matches)}"
    return matches[0]


def test_fold_ignores_case_spaces_hyphens_and_slashes() -> None:
    assert fold("ViT-B/16") == fold("vit b16") == "vitb16"
    assert fold("ResNet-50") == fold("ResNet50") == fold("resnet 50")
    assert fold("ImageNet-1k") != fold("ImageNet-21k")


@pytest.mark.parametrize("entity_type", TYPES)
def test_header_and_minimum_size(entity_type: str) -> None:
    header, rows = read_rows(entity_type)
    assert list(header) == HEADER
    assert len(rows) >= MIN_ENTRIES[entity_type]


@pytest.mark.parametrize("entity_type", TYPES)
def test_cells_are_clean(entity_type: str) -> None:
    for row in read_rows(entity_type)[1]:
        where = f"{row.file}.tsv:{row.line}"
        assert row.label, f"{where}: empty label"
        for form in row.forms:
            assert form and form == form.strip(), f"{where}: empty or padded form {form!r}"
            assert "  " not in form, f"{where}: double space in {form!r}"
        assert row.family == row.family.strip() and row.note == row.note.strip(), where
        assert len(set(row.forms)) == len(row.forms), f"{where}: a form is repeated"


@pytest.mark.parametrize("entity_type", TYPES)
def test_no_two_entries_of_a_file_share_a_folded_form(entity_type: str) -> None:
    owner: dict[str, Row] = {}
    for row in read_rows(entity_type)[1]:
        for key in {fold(form) for form in row.forms}:
            other = owner.setdefault(key, row)
            assert other is row, (
                f"{entity_type}: {key!r} in line {other.line} ({other.label}) "
                f"and line {row.line} ({row.label})"
            )


def test_no_surface_form_is_listed_in_two_files() -> None:
    owner: dict[str, Row] = {}
    for row in all_rows():
        for key in {fold(form) for form in row.forms}:
            other = owner.setdefault(key, row)
            assert other.file == row.file, (
                f"{key!r} is {other.file}:{other.label} and {row.file}:{row.label}; "
                "keep an ambiguous form in one file and say 'ambiguous' in its note"
            )


@pytest.mark.parametrize("entity_type", TYPES)
def test_families_resolve_in_the_same_file_without_cycles(entity_type: str) -> None:
    rows = read_rows(entity_type)[1]
    family_of = {row.label: row.family for row in rows}
    for row in rows:
        if not row.family:
            continue
        where = f"{entity_type}:{row.line}"
        assert row.family in family_of, f"{where}: family {row.family!r} of {row.label} is no label"
        seen = {row.label}
        current = row.family
        while current:
            assert current not in seen, f"{entity_type}: family cycle through {row.label}"
            seen.add(current)
            current = family_of[current]


def test_generic_list_is_substantial_and_lower_case() -> None:
    text = (LEXICON_DIR / "generic.txt").read_text(encoding="utf-8")
    lines = [w for w in text.splitlines() if w and not w.startswith("#")]
    assert len(lines) >= 80
    assert len(set(lines)) == len(lines)
    assert all(w == w.strip().lower() for w in lines)
    assert {"model", "method", "dataset", "benchmark", "backbone", "baseline"} <= generic_words()


def test_no_generic_word_is_an_entity() -> None:
    for row in all_rows():
        for form in row.forms:
            assert form.lower() not in generic_words(), f"{row.file}:{row.line}: generic {form!r}"


# Official names that end in a head word the annotation guideline otherwise drops.
OFFICIAL_NAMES_WITH_GENERIC_HEAD = {
    "Describable Textures Dataset",
    "Visual Task Adaptation Benchmark",
    "Waymo Open Dataset",
    "Stanford Question Answering Dataset",
    "Open Graph Benchmark",
    "Long Range Graph Benchmark",
    "fast gradient sign method",
    "Newton's method",
    "Newton method",
    "Temporal Graph Benchmark",
    "Biomedical Language Understanding and Reasoning Benchmark",
    "Waymo Open Motion Dataset",
    "Stanford Drone Dataset",
    "cross-entropy method",
    "kernel methods",
    "kernel method",
}
GENERIC_HEAD = re.compile(
    r"\s(datasets?|benchmarks?|tasks?|frameworks?|methods?|schemes?|approach(es)?)$", re.IGNORECASE
)


def test_forms_do_not_end_in_a_generic_head() -> None:
    # "the LAION dataset" is annotated as LAION; a listed "... dataset" would grow the span.
    for row in all_rows():
        for form in row.forms:
            if GENERIC_HEAD.search(form):
                assert form in OFFICIAL_NAMES_WITH_GENERIC_HEAD, f"{row.file}:{row.line}: {form!r}"


def test_english_word_forms_are_marked_case_sensitive() -> None:
    for row in all_rows():
        words = [f for f in row.forms if f.lower() in ENGLISH_WORDS]
        if words:
            where = f"{row.file}:{row.line}"
            assert "case-sensitive" in row.note, f"{where}: {words} needs 'case-sensitive' in its note"


def test_ambiguous_short_forms_live_in_one_file_with_a_note() -> None:
    mae = entry("method", "masked autoencoder")
    assert "MAE" in mae.aliases and "ambiguous" in mae.note
    assert "MAE" not in entry("metric", "mean absolute error").aliases
    # EM: exact match, expectation-maximization, electron microscopy: listed nowhere bare
    assert "EM" not in entry("metric", "exact match").aliases
    sam = entry("model", "Segment Anything Model")
    assert "SAM" in sam.aliases and "ambiguous" in sam.note
    assert "SAM" not in entry("method", "sharpness-aware minimization").aliases


def test_known_facts() -> None:
    assert entry("model", "ViT-B/16").family == "ViT"
    assert {"ViT-B-16", "ViT-Base/16"} <= set(entry("model", "ViT-B/16").aliases)
    assert entry("model", "ResNet-50").family == "ResNet"
    assert "ResNet50" in entry("model", "ResNet-50").aliases
    assert entry("model", "EfficientNet-B7").family == "EfficientNet"
    assert entry("model", "Llama 2").family == "LLaMA"
    assert "ILSVRC-2012" in entry("dataset", "ImageNet-1k").aliases
    assert entry("dataset", "ImageNet-1k").family == "ImageNet"
    assert "ImageNet" not in entry("dataset", "ImageNet-1k").aliases  # related, not the same data
    assert "MS COCO" in entry("dataset", "COCO").aliases
    assert "ToMe" in entry("method", "token merging").aliases
    assert "LoRA" in entry("method", "low-rank adaptation").aliases
    assert entry("method", "AdamW").family == "Adam"
    assert any("A100" in row.forms for row in read_rows("hardware")[1])
    assert "TPU v4" in entry("hardware", "TPUv4").aliases
    assert {"top-1", "Top-1 acc"} <= set(entry("metric", "top-1 accuracy").aliases)
    assert entry("metric", "AP50").family == "AP"
    assert entry("task", "instance segmentation").family == "image segmentation"


def test_a_family_name_is_not_an_alias_of_one_member() -> None:
    # "Mistral" names the family (Mistral 7B, Mistral Large ...), "Mixtral" both 8x7B and 8x22B,
    # "WebVid" both WebVid-2M and WebVid-10M, "BridgeData" the 2021 release before V2
    for entity_type, member, family_name in (
        ("model", "Mistral 7B", "Mistral"),
        ("model", "Mixtral 8x7B", "Mixtral"),
        ("dataset", "WebVid-10M", "WebVid"),
        ("dataset", "BridgeData V2", "BridgeData"),
    ):
        assert family_name not in entry(entity_type, member).aliases
        assert entry(entity_type, family_name).family == ""
    assert entry("model", "Mistral 7B").family == "Mistral"
    assert entry("model", "Mixtral 8x22B").family == "Mixtral"
    assert entry("dataset", "WebVid-2M").family == "WebVid"
