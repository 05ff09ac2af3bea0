from decimal import Decimal

import pyoxigraph as ox
import pytest

from kg.graph import terms


@pytest.mark.parametrize(
    "value", ['a "quoted" word', "back\\slash", "two\nlines\r", "tab\there", "ünïcödé ✓", "bell\x07"]
)
def test_text_literals_parse_back_to_the_same_string(value: str) -> None:
    line = terms.line(terms.iri("https://e.org/s"), terms.iri("https://e.org/p"), terms.text(value))
    (triple,) = ox.parse((line + "\n").encode(), format=ox.RdfFormat.N_TRIPLES)
    assert triple.object.value == value


def test_iri_with_a_space_or_angle_bracket_is_refused() -> None:
    with pytest.raises(ValueError):
        terms.iri("https://e.org/a b")
    with pytest.raises(ValueError):
        terms.iri("https://e.org/<a>")
    assert not terms.is_valid_iri("https://aka.ms/tiny clip")
    assert terms.is_valid_iri("https://aka.ms/tinyclip")


def test_confidences_have_three_decimals_and_round_half_even() -> None:
    assert terms.decimal_text(1) == "1.000"
    assert terms.decimal_text(0.8) == "0.800"
    assert terms.decimal_text(0.12345) == "0.123"
    assert terms.decimal_text(0.0625) == "0.062"


def test_reported_values_are_plain_decimals_never_exponents() -> None:
    assert terms.decimal_literal(Decimal("41.1")) == '"41.1"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert terms.decimal_literal(Decimal("1E+3")).startswith('"1000"^^')
    assert terms.decimal_literal(Decimal("-0.0")).startswith('"0.0"^^')
