"""Lexical facts about a SPARQL text, read without executing it.

The store is opened read-only, so an update could never write; these checks exist so that
people get a clear refusal ("updates are not allowed") instead of a parser complaint, and so
that a query never makes the engine call out to the network through ``SERVICE``.

Example:
    >>> is_update('PREFIX ex: <http://e/> # INSERT in a comment\\nINSERT DATA { ex:a ex:b "DELETE" }')
    True
    >>> is_update('SELECT * { ?s ?p "INSERT DATA" }')
    False
    >>> uses_service('SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT * { ?s ?p "SERVICE" }')
    False
    >>> sparql_string_literal('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
"""

from __future__ import annotations

import re

# Order matters: long strings before short ones, IRIs before the words they may contain.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_PROLOGUE = re.compile(r"\s*(?:BASE\s+<>|PREFIX\s+[A-Za-z0-9_.\-]*:\s*<>)", re.IGNORECASE)
_UPDATE_START = re.compile(r"\s*(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def mask_opaque(text: str) -> str:
    """``text`` with string literals and IRIs emptied (``""``, ``<>``) and comments removed."""

    def blank(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("#"):
            return " "
        if token.startswith("<"):
            return "<>"
        return '""'

    return _OPAQUE.sub(blank, text)


def _strip_prologue(masked: str) -> str:
    while True:
        match = _PROLOGUE.match(masked)
        if not match:
            return masked
        masked = masked[match.end() :]


def is_update(text: str) -> bool:
    """True when ``text`` is a SPARQL Update request (INSERT, DELETE, LOAD, DROP ...)."""
    return bool(_UPDATE_START.match(_strip_prologue(mask_opaque(text))))


def uses_service(text: str) -> bool:
    """True when the query asks for a federated ``SERVICE`` call (a network request)."""
    return bool(_SERVICE.search(mask_opaque(text)))


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_string_literal(value: str) -> str:
    """``value`` as a double-quoted SPARQL string literal that can hold nothing but ``value``."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'
