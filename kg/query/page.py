"""The query page of ``kg serve``: an editor, the saved questions and an escaped results table.

Every value that reaches the page (query text, IRIs, literals, error messages) goes through
``html.escape``, so a label such as ``<script>`` in the graph is shown, never run.

Example:
    >>> cell = {"type": "literal", "value": "<b>"}
    >>> data = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": cell}]}}
    >>> print(results_html(data, {}))
    <p class="note">1 row</p>
    <table><thead><tr><th>?x</th></tr></thead>
    <tbody>
    <tr><td>&lt;b&gt;</td></tr>
    </tbody></table>
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from string import Template

import pyoxigraph as ox

from kg.query.formats import display_term, shorten_iri
from kg.query.library import SavedQuery

TEMPLATE = Template((Path(__file__).parent / "page.html").read_text(encoding="utf-8"))


def _cell(binding: dict[str, str] | None, prefixes: dict[str, str]) -> str:
    if binding is None:
        return ""
    if binding["type"] == "uri":
        return escape(shorten_iri(binding["value"], prefixes))
    if binding["type"] == "bnode":
        return escape("_:" + binding["value"])
    lang = binding.get("xml:lang")
    return escape(binding["value"] + (f"@{lang}" if lang else ""))


def results_html(data: dict, prefixes: dict[str, str], truncated: bool = False) -> str:
    """A SPARQL JSON results document as an HTML table (or a boolean)."""
    if "boolean" in data:
        return f"<p>ASK answer: <strong>{'true' if data['boolean'] else 'false'}</strong></p>"
    variables = data["head"]["vars"]
    rows = data["results"]["bindings"]
    head = "".join(f"<th>?{escape(v)}</th>" for v in variables)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(v), prefixes)}</td>" for v in variables) + "</tr>"
        for row in rows
    )
    count = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    if truncated:
        count += " (cut off at the result cap)"
    table = f"<table><thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"
    return f'<p class="note">{count}</p>\n{table}'


def graph_html(ntriples: bytes, prefixes: dict[str, str]) -> str:
    """CONSTRUCT/DESCRIBE triples, one per line with short IRIs."""
    lines = [
        " ".join(
            display_term(term, prefixes) if not isinstance(term, ox.Literal) else str(term)
            for term in (quad.subject, quad.predicate, quad.object)
        )
        + " ."
        for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    ]
    note = f'<p class="note">{len(lines)} triples</p>'
    return note + '\n<pre class="graph">' + escape("\n".join(lines)) + "</pre>"


def error_html(status: int, message: str) -> str:
    return f'<div class="error">HTTP {status}: {escape(message)}</div>'


def answer_html(status: int, media_type: str, body: bytes, truncated: bool, prefixes: dict[str, str]) -> str:
    if status != 200:
        return error_html(status, body.decode("utf-8", "replace"))
    if media_type.startswith("application/n-triples"):
        return graph_html(body, prefixes)
    return results_html(json.loads(body), prefixes, truncated)


def render_page(
    *,
    query: str,
    results: str,
    library: dict[str, SavedQuery],
    prefixes: dict[str, str],
    timeout: float,
    max_results: int,
    has_graph_view: bool,
) -> str:
    examples = "\n".join(
        f'    <li><a href="/?example={escape(name)}">{escape(saved.title)}</a></li>'
        for name, saved in library.items()
    )
    graph_link = '<a href="/kg.html">graph view</a>' if has_graph_view else "no graph view built"
    return TEMPLATE.substitute(
        query=escape(query),
        results=results,
        examples=examples,
        prefix_names=escape(", ".join(sorted(prefixes))),
        timeout=f"{timeout:g}",
        max_results=str(max_results),
        graph_link=graph_link,
    )
