"""``usesMethod`` read from two fixed shapes of sentence the guideline names:

- examples of a technique: "Local gradient methods, such as Local SGD", "MIM pretraining
  methods like MAE", "network binarization methods, BinaryConnect and BinaryNets" -> each
  example usesMethod the technique;
- a method applied to a backbone: "Applied to XLM-R Base, LexiPrune ..." -> the backbone
  usesMethod the method.

Example:
    >>> bool(EXAMPLE_CUE.match(" methods, such as ")), bool(EXAMPLE_CUE.match(" and "))
    (True, False)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.relation_patterns import CONFIDENCE
from kg.extract.sentences import sentence_at
from kg.records import EntityType, Mention, Relation, RelationType

M, ME = EntityType.MODEL, EntityType.METHOD
_HEADS = r"methods|approaches|techniques|algorithms|strategies|schemes"
EXAMPLE_CUE = re.compile(
    r"^\)?\s*(?:(?:pretraining|pre-training)\s+)?(?:(?:method|" + _HEADS + r")\s*)?(?:\([^()]*\)\s*)?"
    r"(?:,?\s*(?:such as|like|including|e\.g\.,?)|(?<=s),)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
LIST_GLUE = re.compile(r"^\s*(?:,|and|or|, and|, or)\s*(?:(?:the|a|an)\s+(?:[a-z-]+\s+){0,2})?$")
APPLIED = re.compile(r"^\s*(?:When\s+)?[Aa]pplied to\s+(?:the\s+)?$")


def _listed_after(doc: Doc, mentions: list[tuple[Span, Mention]], first: int) -> list[Mention]:
    """The mention at index ``first`` and those listed right after it ("A, B and C")."""
    found = [mentions[first][1]]
    for (span, _), (next_span, mention) in zip(mentions[first:], mentions[first + 1 :], strict=False):
        if not LIST_GLUE.match(doc.text[span.end_char : next_span.start_char]):
            break
        found.append(mention)
    return found


_APPLY = re.compile(
    r"^\s*(?:to|into|with)\s+(?:the\s+|two\s+|three\s+|several\s+|both\s+)?"
    r"(?:[a-z-]+\s+){0,3}?(?:(?:backbones?|encoders?|models?|architectures?|networks?)\s*,?\s*)?$"
)
_APPLY_VERB = re.compile(
    r"\b(?:apply|applies|applied|applying|plug|plugs|plugged|integrate|integrates|integrated|"
    r"incorporate|incorporates|incorporated|insert|inserts|pair|pairs|paired)\s+$",
    re.IGNORECASE,
)


def _applied_to_models(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """ "We apply FactWeave to BART-large and PEGASUS", "we plug it into nnU-Net, Swin-UNETR and
    MedNeXt-S", "We pair EchoWalk with GraphSAGE and GAT": each listed model uses the method."""
    relations = []
    text = doc.text
    for index, (span, mention) in enumerate(mentions[:-1]):
        if mention.type not in (M, ME):
            continue
        sent = sentence_at(doc, span.start)
        if not _APPLY_VERB.search(text[max(sent.start_char, span.start_char - 30) : span.start_char]):
            continue
        next_span, _ = mentions[index + 1]
        if next_span.start >= sent.end or not _APPLY.match(text[span.end_char : next_span.start_char]):
            continue
        for model in _listed_after(doc, mentions, index + 1):
            if model.type is M:
                relations.append(
                    Relation(
                        model,
                        RelationType.USES_METHOD,
                        mention,
                        mention.sentence,
                        CONFIDENCE["apposition"],
                        "trigger:apply-to",
                    )
                )
    return relations


def usage_relations(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    relations = _applied_to_models(doc, mentions)
    text = doc.text
    for index, (span, mention) in enumerate(mentions[:-1]):
        next_span, _ = mentions[index + 1]
        if sentence_at(doc, span.start).start != sentence_at(doc, next_span.start).start:
            continue
        between = text[span.end_char : next_span.start_char]
        if mention.type is ME and EXAMPLE_CUE.match(between):
            for example in _listed_after(doc, mentions, index + 1):
                if example.type in (M, ME):
                    relations.append(
                        Relation(
                            example,
                            RelationType.USES_METHOD,
                            mention,
                            mention.sentence,
                            CONFIDENCE["apposition"],
                            "trigger:example",
                        )
                    )
        sent = sentence_at(doc, span.start)
        if (
            mention.type is M
            and APPLIED.match(text[sent.start_char : span.start_char])
            and re.match(r"^\s*,\s*$", between)
            and mentions[index + 1][1].type is ME
        ):
            relations.append(
                Relation(
                    mention,
                    RelationType.USES_METHOD,
                    mentions[index + 1][1],
                    mention.sentence,
                    CONFIDENCE["apposition"],
                    "trigger:applied-to",
                )
            )
    return relations
