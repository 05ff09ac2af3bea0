"""Names nobody listed, recognised by their shape: ``XxxNet``, ``ViT-B/16``, ``YOLOv7-E6``,
``Yi-34B``, ``CIFAR-100``, ``A100``, ``RTX 4090``.

The regular expressions live in ``ontology/extraction/shapes.tsv``; they run over the
text (spaCy splits "ViT-B/16" into several tokens) and are mapped back to tokens with
``doc.char_span(..., alignment_mode="expand")``. A context word next to the name
("SVHN dataset", "8 A100 GPUs", "the Adam optimizer") overrides the shape's default
type; shapes without a default type (bare acronyms) stay untyped unless such a word
or a typed neighbour in a list ("TGN, DyRep and JODIE") decides.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("mlkg_shapes")
    >>> doc = nlp("We train YOLOv7-E6 on the SVHN dataset with 8 A100 GPUs.")
    >>> sorted((s.text, s.label_) for s in doc.spans["mlkg_candidates"] if s.label_)
    [('A100', 'Hardware'), ('SVHN', 'Dataset'), ('YOLOv7-E6', 'Model')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.candidates import add_candidate, context_type
from kg.extract.rules import ExtractionRules, default_rules


class ShapeMatcher:
    def __init__(self, rules: ExtractionRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        seen: set[tuple[int, int]] = set()
        text = doc.text  # spaCy rebuilds it on every access
        for shape in self.rules.shapes:
            for match in shape.pattern.finditer(text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None or (span.start, span.end) in seen:
                    continue
                typed = None if shape.fixed else context_type(span, self.rules)
                entity_type = typed or shape.type
                seen.add((span.start, span.end))
                rule = shape.name + ("+context" if typed and typed != shape.type else "")
                add_candidate(doc, span, entity_type, rule)
        return doc


@Language.factory("mlkg_shapes")
def make_shape_matcher(nlp: Language, name: str) -> ShapeMatcher:
    return ShapeMatcher(default_rules())
