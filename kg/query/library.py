"""Saved questions: ``ontology/queries/<name>.rq`` files, run by name (``kg query top-datasets``).

A saved query is plain SPARQL that any engine can run. Its leading comment lines are its
documentation: the first is the title, ``# param NAME: text`` lines declare parameters, the
rest is the description. A parameter is bound in the body by a ``VALUES ?NAME { default }``
clause; ``--param NAME=value`` replaces only that default, as an escaped string literal (or
a checked number when the default is a number), so a value can never change the query.

Example:
    >>> q = parse_saved_query("demo", '# Models of a family\\n# Lists variants.\\n'
    ...     '# param family: label of the family\\n'
    ...     'SELECT ?m { VALUES ?family { "ViT" } ?m rdfs:label ?family }')
    >>> q.title, q.description, [p.name for p in q.params]
    ('Models of a family', 'Lists variants.', ['family'])
    >>> print(q.bind({"family": 'x" } ?s ?p ?o {'}).splitlines()[-1])
    SELECT ?m { VALUES ?family { "x\\" } ?s ?p ?o {" } ?m rdfs:label ?family }
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import MlkgError
from kg.query.sparql_text import sparql_string_literal
from kg.resources import QUERIES_DIR

_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_LITERAL = r'"(?:[^"\\\n\r]|\\.)*"|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?'


def _values_clause(name: str) -> re.Pattern[str]:
    pattern = r"(VALUES\s+\?" + re.escape(name) + r"\s*\{\s*)(" + _LITERAL + r")(\s*\})"
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class QueryParam:
    name: str
    description: str
    default: str


@dataclass(frozen=True)
class SavedQuery:
    """One ``.rq`` file: its name (file stem), documentation, parameters and SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str

    def bind(self, values: dict[str, str]) -> str:
        """The query text with parameter defaults replaced by ``values`` (unknown names are errors)."""
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            allowed = ", ".join(sorted(known)) or "none"
            missing = ", ".join(unknown)
            raise MlkgError(f"saved query {self.name!r} has no parameter {missing} (parameters: {allowed})")
        text = self.text
        for name, value in sorted(values.items()):
            pattern = _values_clause(name)
            default = pattern.search(text)
            assert default is not None  # checked when the file was parsed
            if default.group(2).startswith('"'):
                literal = sparql_string_literal(value)
            elif _NUMBER.match(value.strip()):
                literal = value.strip()
            else:
                raise MlkgError(f"parameter {name!r} of {self.name!r} takes a number, not {value!r}")
            text = pattern.sub(lambda m, lit=literal: m.group(1) + lit + m.group(3), text, count=1)
        return text


def parse_saved_query(name: str, text: str, path: str = "<text>") -> SavedQuery:
    """Read the header comments of one saved query and check its parameters are bound."""
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    if not header:
        raise MlkgError(f"{path}: a saved query starts with a '# Title' comment line")
    title = header[0].lstrip("#").strip()
    description: list[str] = []
    params: list[QueryParam] = []
    for line in header[1:]:
        match = _PARAM_LINE.match(line)
        if match:
            clause = _values_clause(match.group(1)).search(text)
            if clause is None:
                name = match.group(1)
                raise MlkgError(f"{path}: parameter {name!r} needs a 'VALUES ?{name} {{ default }}' clause")
            default = clause.group(2)
            params.append(QueryParam(match.group(1), match.group(2).strip(), default.strip('"')))
        elif line.lstrip("#").strip():
            description.append(line.lstrip("#").strip())
    return SavedQuery(name, title, " ".join(description), tuple(params), text)


def load_library(directory: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    """Every ``*.rq`` in ``directory``, by name, sorted."""
    return {
        path.stem: parse_saved_query(path.stem, path.read_text(encoding="utf-8"), str(path))
        for path in sorted(directory.glob("*.rq"))
    }


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["title=TinyCLIP"]`` -> ``{"title": "TinyCLIP"}``.

    >>> parse_params(["title=Token Merging", "x=a=b"])
    {'title': 'Token Merging', 'x': 'a=b'}
    """
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise MlkgError(f"--param takes NAME=VALUE, not {pair!r}")
        values[name.strip()] = value
    return values


def resolve_query_text(spec: str, params: dict[str, str], directory: Path = QUERIES_DIR) -> tuple[str, str]:
    """The SPARQL text for ``spec`` (query text, ``.rq`` file or saved name) and a label for errors."""
    candidate = Path(spec)
    if spec.endswith(".rq") and candidate.is_file():
        saved = parse_saved_query(candidate.stem, candidate.read_text(encoding="utf-8"), spec)
        return saved.bind(params), spec
    if re.fullmatch(r"[A-Za-z0-9_\-]+", spec):
        library = load_library(directory)
        if spec in library:
            return library[spec].bind(params), spec
        raise MlkgError(f"no saved query named {spec!r} (see 'kg query --list')")
    if spec.endswith(".rq"):
        raise MlkgError(f"no such query file: {spec}")
    if params:
        raise MlkgError("--param only applies to saved queries and .rq files")
    return spec, "query"
