"""The spaCy pipeline and the streaming entry point ``extract_papers``.

``load_pipeline`` describes the pipeline by component names (each registered with
``@Language.factory`` in its own module); ``extract_papers`` streams papers through it
with ``nlp.pipe(..., as_tuples=True)``, title and abstract as two docs, and turns each
paper's docs into one :class:`~kg.records.PaperExtraction`.

Example:
    >>> from kg.records import Paper
    >>> abstract = "We train FooNet-V2 on CIFAR-100."
    >>> paper = Paper(id="p1", title="FooNet-V2: a new backbone", abstract=abstract, sources=())
    >>> extraction = next(extract_papers([paper]))
    >>> sorted({(m.text, m.type.value) for m in extraction.mentions})
    [('CIFAR-100', 'Dataset'), ('FooNet-V2', 'Model')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Imported for their @Language.factory registrations.
from kg.extract import abbreviations as _abbreviations  # noqa: F401
from kg.extract import definitions as _definitions  # noqa: F401
from kg.extract import entities as _entities  # noqa: F401
from kg.extract import lexicon_matcher as _lexicon_matcher  # noqa: F401
from kg.extract import sentences as _sentences  # noqa: F401
from kg.extract import shapes as _shapes  # noqa: F401
from kg.extract import title_phrases as _title_phrases  # noqa: F401
from kg.extract.paper import extract_paper, paper_candidates
from kg.extract.relation_model import RelationCandidate, RelationModel, default_model
from kg.records import Paper, PaperExtraction

COMPONENTS = (
    "mlkg_sentencizer",
    "mlkg_lexicon",
    "mlkg_shapes",
    "mlkg_definitions",
    "mlkg_abbreviations",
    "mlkg_title_phrases",
    "mlkg_entities",
)
MAX_CHARS = 1_000_000


def load_pipeline() -> Language:
    """A blank English pipeline with mlkg's components, in order (no model download)."""
    nlp = spacy.blank("en")
    _customise_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _customise_tokenizer(nlp: Language) -> None:
    """Split a full stop after a capital or digit ("on SVHN." -> "SVHN", "."), which the
    default English suffixes keep attached, "|" between names ("T|ViT-B/16"), and LaTeX
    wrappers ("\\textbf{ViT-B/16}")."""
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[A-Z0-9%)\]])\.", r"\}", r"\$"]
    prefixes = [*nlp.Defaults.prefixes, r"\\[A-Za-z]+\{", r"\{", r"\$"]
    infixes = [*nlp.Defaults.infixes, r"\|", r"(?<=[A-Za-z])\((?=[A-Za-z])"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    return load_pipeline()


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str | None) -> str:
    """The text spaCy can store: lone surrogates (from bad JSON escapes) become U+FFFD, one
    character for one, so offsets still point into the original; longer texts are cut."""
    return _SURROGATE.sub("\ufffd", (text or "")[:MAX_CHARS])


def _texts(papers: Iterable[Paper]) -> Iterator[tuple[str, tuple[str, str]]]:
    for paper in papers:
        yield clean_text(paper.title), (paper.id, "title")
        yield clean_text(paper.abstract), (paper.id, "abstract")


def extract_papers(
    papers: Iterable[Paper],
    nlp: Language | None = None,
    relation_model: RelationModel | None | str = "shipped",
) -> Iterator[PaperExtraction]:
    """Mentions, relations, results and abbreviations of each paper, in input order (streams).

    ``relation_model``: the shipped trained model by default, another :class:`RelationModel`,
    or ``None`` for the trigger rules alone."""
    nlp = nlp or default_pipeline()
    model = default_model() if relation_model == "shipped" else relation_model
    title_doc = nlp.make_doc("")
    for doc, (paper_id, field) in nlp.pipe(_texts(papers), as_tuples=True, batch_size=32):
        if field == "title":
            title_doc = doc
            continue
        yield extract_paper(paper_id, title_doc, doc, model)


def extract_candidates(
    papers: Iterable[Paper], nlp: Language | None = None
) -> Iterator[tuple[str, list[RelationCandidate]]]:
    """Each paper's relation candidates, as the relation model sees them (for training it)."""
    nlp = nlp or default_pipeline()
    title_doc = nlp.make_doc("")
    for doc, (paper_id, field) in nlp.pipe(_texts(papers), as_tuples=True, batch_size=32):
        if field == "title":
            title_doc = doc
            continue
        yield paper_id, paper_candidates(title_doc, doc)
