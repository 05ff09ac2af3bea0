"""extract stage: paper text -> typed mentions, relations, results (spaCy, rules as data).

``load_pipeline()`` builds the spaCy pipeline; ``extract_papers(papers)`` streams
:class:`~kg.records.PaperExtraction` records, one per paper.
"""

from kg.extract.pipeline import extract_papers, load_pipeline

__all__ = ["extract_papers", "load_pipeline"]
