"""N-Triples terms written as text: the fast path builds the graph as sorted lines, not objects.

Only what mlkg emits is covered: IRIs, plain strings and typed literals. Escaping follows
canonical N-Triples (``\\``, ``"``, newline and carriage return escaped; other control
characters as ``\\uXXXX``), so Oxigraph and rdflib read every line back unchanged.

Example:
    >>> iri("https://w3id.org/mlkg/resource/model/vit")
    '<https://w3id.org/mlkg/resource/model/vit>'
    >>> text('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    >>> typed("41.1", XSD_DECIMAL)
    '"41.1"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    >>> decimal_text(0.8), decimal_text(Decimal("1E+1"))
    ('0.800', '10.000')
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal

from rdflib.namespace import XSD

XSD_DECIMAL = str(XSD.decimal)
XSD_DATE = str(XSD.date)
XSD_NON_NEGATIVE_INTEGER = str(XSD.nonNegativeInteger)

CONFIDENCE_PLACES = Decimal("0.001")
_CONTROL = re.compile(r'[\x00-\x1f\x7f"\\]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def iri(value: str) -> str:
    """``<value>``; raises ``ValueError`` for characters an IRI may not hold."""
    if _IRI_FORBIDDEN.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def is_valid_iri(value: str) -> bool:
    return "://" in value and not _IRI_FORBIDDEN.search(value)


def text(value: str) -> str:
    """A plain string literal (xsd:string)."""
    return '"' + _CONTROL.sub(_escape_char, value) + '"'


def typed(lexical: str, datatype: str) -> str:
    return '"' + _CONTROL.sub(_escape_char, lexical) + '"^^<' + datatype + ">"


def decimal_text(value: float | Decimal, places: Decimal = CONFIDENCE_PLACES) -> str:
    """A fixed-point decimal with as many places as ``places`` (confidences: three)."""
    return format(Decimal(str(value)).quantize(places, rounding=ROUND_HALF_EVEN), "f")


def decimal_literal(value: Decimal) -> str:
    """An xsd:decimal literal for a reported value, in plain notation (never ``1E+3``)."""
    lexical = format(value, "f")
    if lexical.startswith("-0") and Decimal(lexical) == 0:
        lexical = lexical[1:]
    return typed(lexical, XSD_DECIMAL)


def line(subject: str, predicate: str, obj: str) -> str:
    """One N-Triples statement line, without the newline."""
    return f"{subject} {predicate} {obj} ."
