"""Known names from the lexicon files, found with spaCy's ``PhraseMatcher``.

Long names match case-insensitively; short acronyms (four characters or fewer, such as
"CLIP", "SAM", "T5") only with their exact case, so the verb "clip" is no model.
Each listed form also matches its spelling variants ("ResNet-50", "ResNet50",
"ResNet 50"), and model names their plural ("ViTs").

Example:
    >>> surface_variants("ResNet-50")
    ['ResNet 50', 'ResNet-50', 'ResNet50']
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.candidates import add_candidate
from kg.extract.lexicon import Lexicon, default_lexicon
from kg.records import EntityType

SHORT = 4
_SEPARATOR = re.compile(r"[-\s_/]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=[A-Za-z]{3})(?=\d)")


def surface_variants(form: str) -> list[str]:
    """The spellings of ``form`` that mean the same name (separators swapped or dropped)."""
    variants = {form}
    chunks = [c for c in _SEPARATOR.split(form) if c]
    if len(chunks) > 1:
        for joiner in ("-", " ", ""):
            variants.add(joiner.join(chunks))
    else:
        split = _LETTER_DIGIT.split(form)
        if len(split) == 2 and len(split[0]) >= 3:
            variants.update({"-".join(split), " ".join(split)})
    return sorted(v for v in variants if v.strip())


class LexiconMatcher:
    """Adds a ``lexicon`` candidate for every listed form found in the doc."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        for entry in lexicon.entries:
            for form in entry.forms:
                if lexicon.is_generic(form):
                    continue
                forms = surface_variants(form)
                plurals = []
                if entry.type is EntityType.MODEL and form[-1:].isupper():
                    plurals = [f + "s" for f in forms]
                for variant in forms:
                    target = exact if len(variant.replace("-", "").replace(" ", "")) <= SHORT else folded
                    target.setdefault(entry.type.value, set()).add(variant)
                for variant in plurals:
                    exact.setdefault(entry.type.value, set()).add(variant)
        for matcher, table in ((self.exact, exact), (self.folded, folded)):
            for type_name, variants in sorted(table.items()):
                matcher.add(type_name, list(nlp.tokenizer.pipe(sorted(variants))))

    def __call__(self, doc: Doc) -> Doc:
        for matcher in (self.exact, self.folded):
            for span in matcher(doc, as_spans=True):
                add_candidate(doc, span, EntityType(span.label_), "lexicon")
        return doc


@Language.factory("mlkg_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, default_lexicon())
