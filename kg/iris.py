"""IRI minting: readable, stable slugs under a configurable base.

``ViT-B/16`` and ``ViT-B-16`` share one slug, so they are one entity; statement and result
IRIs come from a hash of their content, so they stay the same from build to build.

Example:
    >>> slugify("ViT-B/16"), slugify("ViT-B-16"), slugify("Token Merging (ToMe)")
    ('vit-b-16', 'vit-b-16', 'token-merging-tome')
    >>> entity_key(EntityType.MODEL, "ViT-B/16")
    'model/vit-b-16'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.errors import MlkgError
from kg.records import EntityType
from kg.vocab import DEFAULT_BASE

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PAPER_UNSAFE = re.compile(r"[^0-9a-z.]+")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def slugify(name: str) -> str:
    """Lower-case ASCII words joined by hyphens; never empty (falls back to a hash)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("+", " plus ")
    slug = _NON_ALNUM.sub("-", folded).strip("-")
    return slug or "x-" + content_hash(name)


def entity_key(entity_type: EntityType, name: str) -> str:
    return f"{entity_type.value.lower()}/{slugify(name)}"


def content_hash(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of ``parts`` (joined with a separator no text holds)."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


class Iris:
    """Mints every resource IRI from one base (default ``https://w3id.org/mlkg/resource/``)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not _ABSOLUTE_IRI.match(base):
            raise MlkgError(f"base IRI {base!r} is not an absolute IRI such as {DEFAULT_BASE}")
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def entity(self, key: str) -> URIRef:
        return URIRef(self.base + key)

    def paper(self, paper_id: str) -> URIRef:
        return URIRef(self.base + "paper/" + _PAPER_UNSAFE.sub("-", paper_id.lower()).strip("-"))

    def statement(self, *content: object) -> URIRef:
        return URIRef(self.base + "statement/" + content_hash(*content))

    def result(self, *content: object) -> URIRef:
        return URIRef(self.base + "result/" + content_hash(*content))
