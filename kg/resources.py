"""Where mlkg's own files live: the ontology (lexicons, shapes, saved queries) and the bundled corpus.

mlkg is installed editable from its repository (see README), so these are folders beside
the package. ``MLKG_HOME`` points elsewhere when needed.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("MLKG_HOME", Path(__file__).resolve().parent.parent))
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
LEXICON_DIR = ONTOLOGY_DIR / "lexicon"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_OUTPUT_DIR = Path("outputs")
