"""The page shell: Jinja templates of this package plus vis-network inlined from pyvis.

Pages must open with no network, so vis-network's JavaScript and CSS are copied into each
page from the copy pyvis ships (pyvis' own ``in_line`` template still links Bootstrap from
a CDN, so its template is not used). Templates autoescape everything they print.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2

from kg.errors import MlkgError

VIS_VERSION = "9.1.2"


@dataclass(frozen=True)
class VisAssets:
    """vis-network's script and stylesheet text, ready to inline."""

    script: str
    style: str


@lru_cache(maxsize=1)
def vis_assets() -> VisAssets:
    """Read vis-network from the installed pyvis package (no download, ever)."""
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        style = (folder / "vis-network.css").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise MlkgError(
            f"pyvis does not ship vis-network {VIS_VERSION} ({error.filename}); reinstall pyvis 0.3.2"
        ) from error
    if "</script" in script.lower() or "</style" in style.lower():
        raise MlkgError("the vis-network files shipped with pyvis cannot be inlined safely")
    return VisAssets(script=script, style=style)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("kg.viz", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def template_text(name: str) -> str:
    """A static file of the templates folder (the page script), inlined verbatim."""
    return resources.files("kg.viz").joinpath("templates", name).read_text(encoding="utf-8")


def render(template: str, **context: object) -> str:
    """Render one of this package's templates; values are HTML-escaped unless marked safe."""
    return _environment().get_template(template).render(**context)


def script_hash(script: str) -> str:
    """The CSP source (``'sha256-...'``) allowing exactly this inline script and nothing else.

    With hashes instead of ``'unsafe-inline'``, an injected ``<script>`` or ``onerror=``
    attribute would be refused by the browser even if escaping ever failed.

    Example:
        >>> script_hash("")
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
