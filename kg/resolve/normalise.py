"""Normalisation keys: the spellings of one name share a key.

Case, spaces, hyphens, underscores and slashes are folded, and an acronym's plural "s"
is dropped, so "ResNet50" = "ResNet-50", "ViT-B/16" = "ViT-B-16", "ViTs" = "ViT".

Example:
    >>> norm_key("ResNet50") == norm_key("ResNet-50"), norm_key("ViT-B/16") == norm_key("vit b 16")
    (True, True)
    >>> norm_key("ViTs"), norm_key("LLMs"), norm_key("Transformers")
    ('vit', 'llm', 'transformers')
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = re.compile(r"[\s\-/_\u2010-\u2015]+")
_ACRONYM_PLURAL = re.compile(r"(?<=[A-Z])s$")


def norm_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).strip()
    text = re.sub(r"['\u2019]s$", "", text)
    text = _ACRONYM_PLURAL.sub("", text)
    return _FOLD.sub("", text.casefold())
