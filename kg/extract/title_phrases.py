"""Technique names a title writes in Title Case, where the method-phrase shape cannot see
them because every word of a title is capitalised: "TideMixer: Patch-Frequency Mixing for
...", "... Equivariant Diffusion with Pocket Tokens", "... via Affinity Mimicking and Weight
Inheritance".

Two places in a title name a technique: the subtitle right after "Name:" (unless it opens
with an article or a verb in -ing, which describe rather than name), and the phrase after
"with", "via", "through", "using" or "by". A phrase is two to six capitalised words; "and"
and commas split it into several. Its last word decides: model, task and data words leave
it to the other signals, anything else is a Method (the words are in
``ontology/extraction/title_phrase_words.tsv``). In the development gold files 39 of the 52
capitalised phrases after "with/via/through/using/by" are exactly a gold Method; the paper
proposes 49 of 109 title phrases, about even, so they are not proposals.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("mlkg_title_phrases")
    >>> doc = nlp("Quillfold: Equivariant Diffusion with Pocket Tokens for Drug Design")
    >>> [(s.text, s.label_) for s in doc.spans["mlkg_candidates"]]
    [('Equivariant Diffusion', 'Method'), ('Pocket Tokens', 'Method')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.candidates import add_candidate, candidates
from kg.extract.rules import ExtractionRules, default_rules
from kg.records import EntityType

RULE = "context:title-phrase"
NAMED_TYPES = {EntityType.MODEL.value, EntityType.DATASET.value, EntityType.HARDWARE.value}
OPENERS = {"with", "via", "through", "using", "by"}
# Words that end a phrase: prepositions, conjunctions and punctuation.
STOPS = {
    "for", "with", "via", "through", "using", "by", "in", "on", "to", "of", "from", "at", "towards",
    "toward", "but", "is", "are", "as",
}  # fmt: skip
SPLITS = {"and", ",", "&"}
ARTICLES = {"a", "an", "the"}


def looks_like_title(doc: Doc) -> bool:
    """A single line, not ended by a full stop, where most longer words are capitalised."""
    text = doc.text.strip()
    if "\n" in text or len(text) > 300 or text.endswith("."):
        return False
    words = [t.text for t in doc[1:] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _capitalised(token) -> bool:
    return token.text[:1].isupper() or (token.text == "-" and token.whitespace_ == "")


def _phrases_from(doc: Doc, start: int) -> list[Span]:
    """The capitalised phrases from token ``start`` on, split at "and" and commas; any other
    word that is not capitalised (punctuation included) ends them."""
    found = []
    begin = start
    for token in doc[start:]:
        if token.lower_ in SPLITS:
            found.append(doc[begin : token.i])
            begin = token.i + 1
        elif token.lower_ in STOPS or not _capitalised(token):
            return [*found, doc[begin : token.i]]
    return [*found, doc[begin:]]


def _method_phrase(span: Span, named: set[int], rules: ExtractionRules) -> bool:
    """Two to six words naming a technique: not a verb or adverb phrase ("Deeply Stacking",
    "Combining Pre-LN"), not ending in a participle or adjective ("... Models Empowered"), and
    not a known name with a word after it ("CLIP Distillation" is CLIP distilled)."""
    words = span.text.split()
    return (
        2 <= len(words) <= 6
        and span[0].text[:1].isupper()
        and span[-1].is_alpha
        and span[-1].lower_ not in rules.title_not_heads
        and span[0].lower_ not in rules.title_not_openers
        and not span[0].lower_.endswith(("ing", "ly"))
        and not any(w.lower().endswith("ly") for w in words)
        and not span[-1].lower_.endswith(("ed", "able", "ible"))
        and span.start not in named
    )


class TitlePhraseMatcher:
    def __init__(self, rules: ExtractionRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        if not looks_like_title(doc):
            return doc
        starts = [t.i + 1 for t in doc if t.lower_ in OPENERS and t.i > 0]
        colon = next((t.i for t in doc[:8] if t.text == ":"), None)
        if colon is not None and colon + 1 < len(doc):
            opener = doc[colon + 1]
            if opener.lower_ not in ARTICLES and not opener.lower_.endswith("ing"):
                starts.append(colon + 1)
        named = {
            c.start
            for c in candidates(doc)
            if (c.kb_id_ == "lexicon" or c.kb_id_.startswith("shape:")) and c.label_ in NAMED_TYPES
        }
        for start in sorted(set(starts)):
            if start < len(doc) and doc[start].lower_ in ARTICLES:
                start += 1
            for span in _phrases_from(doc, start):
                if _method_phrase(span, named, self.rules):
                    add_candidate(doc, span, EntityType.METHOD, RULE)
        return doc


@Language.factory("mlkg_title_phrases")
def make_title_phrase_matcher(nlp: Language, name: str) -> TitlePhraseMatcher:
    return TitlePhraseMatcher(default_rules())
