"""export stage: the files of a build (N-Triples, Turtle, JSON-LD, GraphML, extractions, stats)."""

from kg.export.extractions import extraction_lines, write_extractions
from kg.export.graphml import write_graphml
from kg.export.rdf_files import jsonld_text, write_jsonld, write_ntriples, write_turtle
from kg.export.stats import build_stats, triple_counts, write_stats

__all__ = [
    "build_stats",
    "extraction_lines",
    "jsonld_text",
    "triple_counts",
    "write_extractions",
    "write_graphml",
    "write_jsonld",
    "write_ntriples",
    "write_stats",
    "write_turtle",
]
