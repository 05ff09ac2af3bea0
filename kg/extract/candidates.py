"""Candidate spans shared by the entity components, and the context words that type them.

Each component adds spans to ``doc.spans["mlkg_candidates"]``: the span label is the
entity type (empty when the component cannot tell), ``kb_id`` the rule that fired.
The last component (:mod:`kg.extract.entities`) picks one span per stretch of text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.rules import ExtractionRules
from kg.records import EntityType

CANDIDATES = "mlkg_candidates"


def add_candidate(doc: Doc, span: Span | None, entity_type: EntityType | None, rule: str) -> Span | None:
    """Append ``span`` typed ``entity_type`` (``None`` = undecided) found by ``rule``."""
    if span is None or not span.text.strip():
        return None
    label = entity_type.value if entity_type else ""
    candidate = Span(doc, span.start, span.end, label=label, kb_id=rule)
    group = doc.spans.get(CANDIDATES)
    if group is None:
        doc.spans[CANDIDATES] = [candidate]
    else:
        group.append(candidate)
    return candidate


def candidates(doc: Doc) -> list[Span]:
    return list(doc.spans[CANDIDATES]) if CANDIDATES in doc.spans else []


_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_UNIT = re.compile(r"^[A-Za-z]{2,6}$")


def _unit_after_number(span: Span) -> bool:
    """A short letters-only name right after a number is what the number measures."""
    return (
        len(span) == 1
        and span.start > 0
        and bool(_NUMBER.match(span.doc[span.start - 1].text))
        and bool(_UNIT.match(span.text))
    )


def _scored_on(span: Span) -> bool:
    """ "... 0.874 on X", "4.2 improvements on X": a number shortly before "on X" is a score
    measured on X."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "on":
        return False
    window = doc[max(0, span.start - 5) : span.start - 1]
    return any(_NUMBER.match(t.text.rstrip("%")) for t in window)


def context_type(span: Span, rules: ExtractionRules) -> EntityType | None:
    """The type a neighbouring context word gives ``span`` ("SVHN dataset" -> Dataset), if any.

    Looks at the two tokens after the span (skipping one hyphen, number or unit such as
    "80GB"; also read together as one cue, "test set") and the one or two tokens before it
    ("benchmark X", "trained on X").
    """
    doc = span.doc
    after = [c for c in rules.context if c.side == "after"]
    before = [c for c in rules.context if c.side == "before"]
    following = []
    for token in doc[span.end : min(len(doc), span.end + 3)]:
        if token.is_sent_start:
            break
        following.append(token.lower_)
    pair = " ".join(following[:2])
    for cue in after:
        if pair == cue.word:
            return cue.type  # "CrossDocked2020 test set"
    for position, word in enumerate(following[:2]):
        for cue in after:
            if word == cue.word:
                return cue.type
        if position == 0 and not (word in {"-", "/"} or any(ch.isdigit() for ch in word)):
            break
    if _unit_after_number(span):
        return EntityType.METRIC  # "reaches 81.2 mAPH"
    if _scored_on(span):
        return EntityType.DATASET  # "an F1 of 0.874 on TwiBot-22"
    if span.start > 0 and not span[0].is_sent_start:
        previous = doc[span.start - 1].lower_
        two = " ".join(t.lower_ for t in doc[max(0, span.start - 2) : span.start])
        for cue in before:
            if previous == cue.word or (" " in cue.word and two == cue.word):
                return cue.type  # "benchmark X", "trained on X"
    return None
