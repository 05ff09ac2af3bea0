"""mlkg: machine-learning paper abstracts in, a queryable knowledge graph out."""

__version__ = "0.1.0"
