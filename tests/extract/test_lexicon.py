from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract.lexicon import load_lexicon
from kg.records import EntityType


def write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_reads_label_aliases_family_and_skips_comments(tmp_path):
    write(
        tmp_path,
        "model.tsv",
        "label\taliases\tfamily\tnote\n# a comment\nViT-B/16\tViT-B16|ViT B/16\tViT\tbase\nViT\t\t\t\n",
    )
    write(tmp_path, "generic.txt", "# never entities\nModel\nnetwork\n")
    lexicon = load_lexicon(tmp_path)
    first, second = lexicon.entries
    assert (first.label, first.type, first.aliases, first.family, first.note) == (
        "ViT-B/16",
        EntityType.MODEL,
        ("ViT-B16", "ViT B/16"),
        "ViT",
        "base",
    )
    assert (second.label, second.aliases, second.family) == ("ViT", (), None)
    assert lexicon.is_generic("model") and lexicon.is_generic("Network ") and not lexicon.is_generic("ViT")


def test_missing_files_give_an_empty_lexicon(tmp_path):
    lexicon = load_lexicon(tmp_path)
    assert lexicon.entries == () and lexicon.generic == frozenset()


def test_empty_label_names_file_and_line(tmp_path):
    write(tmp_path, "dataset.tsv", "label\taliases\tfamily\tnote\nImageNet\t\t\t\n\tIN\t\t\n")
    with pytest.raises(InputError) as error:
        load_lexicon(tmp_path)
    assert error.value.line == 3 and error.value.path.endswith("dataset.tsv")
