"""Sentence boundaries that survive abstracts: "e.g.", "et al.", "Fig. 2", "41.1%".

A full stop ends a sentence only when whitespace and a capital letter, digit or opening
quote follow, and the word before it is not a known abbreviation (data:
``ontology/extraction/sentence_abbreviations.txt``).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("mlkg_sentencizer")
    >>> doc = nlp("Models (e.g. ViT) reach 41.1% on ImageNet. See Fig. 2 for details.")
    >>> [s.text for s in doc.sents]
    ['Models (e.g. ViT) reach 41.1% on ImageNet.', 'See Fig. 2 for details.']
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.rules import default_rules

_END = re.compile(r"[.!?][\"'\u201d)\]]*(\s+)(?=[\"'\u201c(\[]?[A-Z0-9\u0391-\u03a9])|\n\s*")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")


def sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Character offsets where a new sentence starts (never 0)."""
    starts: list[int] = []
    for match in _END.finditer(text):
        if match.group(0).startswith(("\n", " ", "\t")) or match.group(0)[0].isspace():
            starts.append(match.end())
            continue
        before = text[max(0, match.start() - 30) : match.start() + 1]
        word = _WORD_BEFORE.search(before)
        last = word.group(1).lower().lstrip("([\"'") if word else ""
        two = " ".join(before.lower().split()[-2:])
        if last in abbreviations or two in abbreviations:
            continue
        if word and len(last) == 2 and last[0].isalpha() and word.group(1)[0].isupper():
            continue  # an initial such as "J."
        starts.append(match.end())
    return [s for s in starts if 0 < s < len(text)]


SENTENCES = "mlkg_sentences"


def _cached(doc: Doc) -> tuple[list[int], list[Span]]:
    cached = doc.user_data.get(SENTENCES)
    if cached is None:
        sents = list(doc.sents)
        cached = ([s.start for s in sents], sents)
        doc.user_data[SENTENCES] = cached
    return cached


def sentences_of(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once (``doc.sents`` rebuilds them on every access).
    Valid after the sentencizer has run: later components only add entities."""
    return _cached(doc)[1]


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``, in O(log n) (``Span.sent`` rescans the doc each time)."""
    starts, sents = _cached(doc)
    return sents[bisect_right(starts, i) - 1]


class Sentencizer:
    """Sets ``is_sent_start`` on every token from :func:`sentence_starts`."""

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        """Set in one array: ``Token.is_sent_start = ...`` rescans the whole doc on each call."""
        starts = set(sentence_starts(doc.text, self.abbreviations))
        values = [
            1 if i == 0 or (token.idx in starts and not token.is_space) else -1 for i, token in enumerate(doc)
        ]
        if values:
            doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("mlkg_sentencizer")
def make_sentencizer(nlp: Language, name: str) -> Sentencizer:
    return Sentencizer(default_rules().sentence_abbreviations)
