"""resolve stage: surface forms -> canonical entities; relations -> facts with provenance.

``resolve_corpus(ingest, extractions)`` returns a sorted, deterministic
:class:`~kg.records.ResolvedCorpus`.
"""

from kg.resolve.corpus import resolve_corpus
from kg.resolve.normalise import norm_key

__all__ = ["norm_key", "resolve_corpus"]
