"""Untrusted text stays text: in script-embedded JSON and in HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from kg.viz.escaping import escape_html, json_for_script, shorten

PAYLOADS = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!--<script>",
    '<img src=x onerror="alert(1)">',
    "a & b ' \" \u2028 \u2029 end",
    "ViT-B/16",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_script_json_round_trips_and_never_contains_markup(text: str) -> None:
    encoded = json_for_script({"label": text, "list": [text]})
    assert json.loads(encoded) == {"label": text, "list": [text]}
    for forbidden in ("<", ">", "&", "'", "\u2028", "\u2029"):
        assert forbidden not in encoded


def test_script_json_sorts_keys_so_output_is_deterministic() -> None:
    assert json_for_script({"b": 1, "a": {"d": 2, "c": 3}}) == '{"a": {"c": 3, "d": 2}, "b": 1}'


def test_script_json_refuses_nan() -> None:
    with pytest.raises(ValueError):
        json_for_script({"x": float("nan")})


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.mark.parametrize("text", PAYLOADS)
def test_escaped_html_parses_back_to_the_same_text_with_no_tags(text: str) -> None:
    collector = _Collector()
    collector.feed(f"<p>{escape_html(text)}</p>")
    collector.close()
    assert collector.tags == ["p"]
    assert collector.text == text


def test_shorten_keeps_short_text_and_cuts_long_text_with_an_ellipsis() -> None:
    assert shorten("ViT", 10) == "ViT"
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("Deep Residual Learning", 10) == "Deep Resi…"
    assert len(shorten("x" * 100, 36)) == 36
