"""Untrusted text (titles, abstracts, evidence) into HTML pages without ever becoming markup.

Two places text can reach a page: HTML text/attributes (escaped with ``escape_html``) and
data embedded in a ``<script>`` block (``json_for_script``). Inside a script block the
HTML parser only looks for ``</script``, so escaping ``<`` ``>`` ``&`` as ``\\u003c`` etc.
keeps any payload inside the JSON string, and ``JSON.parse`` gives the original text back.

Example:
    >>> json_for_script({"t": "</script><b>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    >>> escape_html('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
"""

from __future__ import annotations

import html
import json

_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_script(value: object) -> str:
    """JSON (keys sorted, so output is deterministic) that is safe inside ``<script>...</script>``.

    Only characters inside JSON strings can be ``<`` ``>`` ``&`` ``'``, and there ``\\uXXXX``
    means the same character, so the translation never changes the parsed value.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    for char, escape in _SCRIPT_UNSAFE.items():  # str.replace is much faster than translate here
        text = text.replace(char, escape)
    return text


def escape_html(text: str) -> str:
    """Text for an HTML element or a quoted attribute: ``& < > " '`` become entities."""
    return html.escape(text, quote=True)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters with an ellipsis, for labels drawn on canvas.

    Example:
        >>> shorten("Attention Is All You Need", 12)
        'Attention I…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
