"""Parts glued to a name with a hyphen belong to it. A dataset keeps a capitalised suffix
("Reddit-Hyperlink", "CIFAR-10-C"); a model keeps a size or version after it ("Tidewell-S",
"BEVFusion-R", "LayoutLMv3-Base") and a capitalised prefix before it ("As-ViT"), so the
variant is one entity rather than its family plus loose text.

Example:
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("The compact Tidewell-S variant beats As-ViT here.")
    >>> ents = [Span(doc, 2, 3, label="Model"), Span(doc, 9, 10, label="Model")]
    >>> [e.text for e in with_glued_parts(doc, ents)]
    ['Tidewell-S', 'As-ViT']
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.records import EntityType

SUFFIX = re.compile(
    r"-(?:[A-Z]{1,2}\d{0,2}|XXL|XL|Ti|Tiny|Small|Base|Large|Huge|Mini|Nano|Lite|Pro|Plus|Max"
    r"|tiny|small|base|large|huge|mini|lite|\d+(?:\.\d+)?[BMK]|[vV]\d+(?:\.\d+)?)(?![\w-]|\.\w)"
)
DATASET_SUFFIX = re.compile(r"-(?:[A-Z][A-Za-z0-9]+|[A-Z])(?![\w-]|\.\w)")
PREFIX = re.compile(r"(?<![\w&-])([A-Z][A-Za-z&]{0,11})-$")
# prefixes that modify a name rather than belong to it ("Non-ViT", "Pre-LN")
LOOSE_PREFIXES = {
    "non", "pre", "post", "multi", "anti", "semi", "self", "cross", "sub", "co", "de", "re", "un",
    "vanilla", "standard", "plain", "pure", "hybrid", "deep", "the", "a", "an", "our", "all", "full",
}  # fmt: skip


def with_glued_parts(doc: Doc, ents: list[Span]) -> list[Span]:
    """Model spans widened over a hyphen-glued size/version suffix or capitalised prefix."""
    text = doc.text
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    out = []
    for ent in ents:
        if ent.label_ == EntityType.DATASET.value:
            glued = DATASET_SUFFIX.match(text, ent.end_char)  # "Reddit-Hyperlink", "CIFAR-10-C"
            wider = doc.char_span(ent.start_char, glued.end()) if glued else None
            if wider is not None and not any(i in taken for i in range(ent.end, wider.end)):
                ent = Span(doc, wider.start, wider.end, label=ent.label_, kb_id=ent.kb_id_)
        if ent.label_ == EntityType.MODEL.value:
            start, end = ent.start_char, ent.end_char
            suffix = SUFFIX.match(text, end)
            if suffix:
                end = suffix.end()
            prefix = PREFIX.search(text, max(0, start - 14), start)
            if prefix and prefix.group(1).lower() not in LOOSE_PREFIXES:
                start = prefix.start(1)
            wider = doc.char_span(start, end) if (start, end) != (ent.start_char, ent.end_char) else None
            if wider is not None and not any(
                i in taken for i in range(wider.start, wider.end) if not ent.start <= i < ent.end
            ):
                ent = Span(doc, wider.start, wider.end, label=ent.label_, kb_id=ent.kb_id_)
        out.append(ent)
    return out
