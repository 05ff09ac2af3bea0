"""Known names from the lexicon files, found with spaCy's ``PhraseMatcher``.

Long names match case-insensitively; short one-word names (four letters or fewer, such
as "CLIP", "SAM", "Adam") only with their exact case, so the verb "clip" is no model; and
an all-lower-case word never matches a name the lexicon writes with capitals ("complex"
is not "ComplEx"). An entry whose note says ``case-sensitive`` matches its one-word forms
with their exact case only ("Inception", not "since its inception"; "RotatE", not "Rotate").
Each listed form also matches its spelling variants ("ResNet-50", "ResNet50",
"ResNet 50"), and model names their plural ("ViTs"); a spelling that glues a one-letter
size to the name ("ViTS" for "ViT-S") matches with its exact case only, so the plural
"ViTs" or "DeiTs" is never read as the small variant.

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


def _glued_size_letter(form: str, variant: str) -> bool:
    """``variant`` writes ``form``'s last one-letter part without a separator ("ViTS" for "ViT-S")."""
    chunks = [c for c in _SEPARATOR.split(form) if c]
    return len(chunks) > 1 and len(chunks[-1]) == 1 and variant == "".join(chunks)


def _takes_plural(form: str) -> bool:
    """A model name written with a capital inside takes a plain plural "s" ("ViTs", "ResNets",
    "Swin Transformers"); lower-case names and names ending in "s" do not."""
    return form[-1:].isalnum() and form[-1] != "s" and any(ch.isupper() for ch in form[1:])


def _case_sensitive(note: str) -> bool:
    return "case-sensitive" in note.lower()


def _is_short_acronym(form: str) -> bool:
    """One short word ("CLIP", "SAM", "Adam"): matched with its exact case only."""
    return len(form) <= SHORT and form.isalpha()


class LexiconMatcher:
    """Adds a ``lexicon`` candidate for every listed form found in the doc."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        self.lowercase_ok: set[str] = set()
        for entry in lexicon.entries:
            for form in entry.forms:
                if lexicon.is_generic(form):
                    continue
                forms = surface_variants(form)
                plurals = []
                if entry.type is EntityType.MODEL and _takes_plural(form):
                    plurals = [f + "s" for f in forms]
                sensitive = _case_sensitive(entry.note)
                for variant in forms:
                    exact_only = (
                        _is_short_acronym(variant)
                        or (sensitive and " " not in variant)
                        or _glued_size_letter(form, variant)
                    )
                    target = exact if exact_only else folded
                    target.setdefault(entry.type.value, set()).add(variant)
                    if variant == variant.lower():
                        self.lowercase_ok.add(variant)
                for variant in plurals:
                    exact.setdefault(entry.type.value, set()).add(variant)
        for matcher, table in ((self.exact, exact), (self.folded, folded)):
            for type_name, variants in sorted(table.items()):
                matcher.add(type_name, list(nlp.tokenizer.pipe(sorted(variants))))

    def __call__(self, doc: Doc) -> Doc:
        for span in self.exact(doc, as_spans=True):
            add_candidate(doc, span, EntityType(span.label_), "lexicon")
        for span in self.folded(doc, as_spans=True):
            text = span.text
            if text == text.lower() and text not in self.lowercase_ok:
                continue  # "complex" is not the model "ComplEx"
            add_candidate(doc, span, EntityType(span.label_), "lexicon")
        return doc


@Language.factory("mlkg_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, default_lexicon())
