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
LIST_GLUE = re.compile(
    r"^\s*(?:,|and|or|, and|, or)\s*(?:(?:to|into)\s+)?"
    r"(?:(?:the|a|an)\s+(?:[A-Za-z0-9-]*[a-z][A-Za-z0-9-]*\s+){0,2})?$"
)
APPLIED = re.compile(r"^\s*(?:When\s+)?[Aa]pplied to\s+(?:the\s+)?$")


SHORT_FORM = re.compile(r"^\s*\($")


def _listed_after(doc: Doc, mentions: list[tuple[Span, Mention]], first: int) -> list[Mention]:
    """The mention at index ``first`` and those listed right after it ("A, B and C"); a short
    form in brackets is stepped over ("the Audio Spectrogram Transformer (AST) and EfficientAT")."""
    found = [mentions[first][1]]
    end = mentions[first][0].end_char
    for next_span, mention in mentions[first + 1 :]:
        between = doc.text[end : next_span.start_char]
        if SHORT_FORM.match(between) and doc.text[next_span.end_char : next_span.end_char + 1] == ")":
            end = next_span.end_char + 1
            continue
        if not LIST_GLUE.match(between):
            break
        found.append(mention)
        end = next_span.end_char
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


_APPLIED_PASSIVE = re.compile(
    r"^\s*(?:is|are|was|were|can be)\s+(?:then\s+)?(?:applied|added|attached|plugged|integrated)\s+"
    r"(?:on top of|to|into)\s+(?:the\s+|a\s+|two\s+|three\s+|several\s+|both\s+)?"
    r"(?:[a-z-]+\s+){0,3}?(?:(?:backbones?|encoders?|models?|architectures?|networks?)\s*,?\s*)?$"
)
# the method is named earlier in the sentence: "X ...: we plug it into A", "X ... and is applied to A"
_APPLIED_EARLIER = re.compile(
    r"(?:\b(?:apply|add|attach|plug|integrate|insert)\s+it|\b(?:is|are)\s+(?:then\s+)?(?:applied|added|plugged))"
    r"\s+(?:to|into|on top of)\s+(?:the\s+|a\s+|both\s+)?(?:[a-z-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def _applied_method(doc: Doc, mentions: list[tuple[Span, Mention]], index: int) -> int | None:
    """The index of the method applied to the model(s) listed from ``index`` on, if the sentence
    says so: "We apply X to A", "X is applied to A", "X ...: we plug it into A", "X needs no change
    and is applied on top of A" (the method is then the first one the sentence names)."""
    text = doc.text
    span = mentions[index][0]
    sent = sentence_at(doc, span.start)
    if index > 0:
        before, method = mentions[index - 1]
        if before.start >= sent.start and method.type in (M, ME):
            between = text[before.end_char : span.start_char]
            window = text[max(sent.start_char, before.start_char - 30) : before.start_char]
            if (_APPLY_VERB.search(window) and _APPLY.match(between)) or _APPLIED_PASSIVE.match(between):
                return index - 1
    if _APPLIED_EARLIER.search(text[max(sent.start_char, span.start_char - 60) : span.start_char]):
        return next(
            (i for i in range(index) if mentions[i][0].start >= sent.start and mentions[i][1].type is ME),
            None,
        )
    return None


def _applied_to_models(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """ "We apply FactWeave to BART-large and PEGASUS", "X is applied to mBART-50", "we plug it
    into nnU-Net, Swin-UNETR and MedNeXt-S", "We pair EchoWalk with GraphSAGE and GAT": each
    listed model uses the method."""
    relations = []
    for index in range(1, len(mentions)):
        found = _applied_method(doc, mentions, index)
        if found is None:
            continue
        mention = mentions[found][1]
        for model in _listed_after(doc, mentions, index):
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
