"""One entity per stretch of text: the last component turns candidates into ``doc.ents``.

Order of preference: the longest span, then the signal's priority (lexicon >
definition > abbreviation > context > shape, ``ontology/extraction/rules.tsv``), then
confidence. Names on the generic list (``ontology/lexicon/generic.txt``) and the
never list (``ontology/extraction/never_entities.txt``) are never entities; names on the
not-a-name list (``ontology/extraction/not_names.txt``) only when the lexicon lists them. When two
signals give a span different types, a context word next to it decides; an untyped
definition takes the type of another signal, else of its last word, else Model.
Signals that agree raise the confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.candidates import candidates, context_type
from kg.extract.lexicon import Lexicon, default_lexicon
from kg.extract.listed_names import add_listed_datasets
from kg.extract.name_parts import with_glued_parts
from kg.extract.rules import ExtractionRules, default_rules
from kg.extract.sentences import sentence_at
from kg.records import EntityType

PROPOSED = "mlkg_proposed"
CONFIDENCE = "mlkg_confidence"


class EntityChooser:
    def __init__(self, rules: ExtractionRules, lexicon: Lexicon) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.dataset_forms = frozenset(
            form.casefold() for e in lexicon.entries if e.type is EntityType.DATASET for form in e.forms
        )

    def listed_prefix_type(self, text: str) -> str | None:
        """A name shape whose part before "/" or its last "-" is a listed dataset is that
        dataset written with more parts ("Kinetics-400/600") or a variant of it ("ImageNet-P"),
        not a new model."""
        prefix, slash, _ = text.partition("/")
        if slash and prefix.casefold() in self.dataset_forms:
            return EntityType.DATASET.value
        stem, dash, _ = text.rpartition("-")
        return EntityType.DATASET.value if dash and stem.casefold() in self.dataset_forms else None

    def _allowed(self, span: Span) -> bool:
        text = span.text.strip()
        if (
            self.lexicon.is_generic(text)
            or text.lower() in self.rules.never
            or not any(ch.isalpha() for ch in text)
        ):
            return False
        if text.lower() in self.rules.number_bound and not _after_number(span):
            return False
        return span.kb_id_ == "lexicon" or text.lower() not in self.rules.not_names

    def __call__(self, doc: Doc) -> Doc:
        by_span: dict[tuple[int, int], list[Span]] = {}
        for cand in candidates(doc):
            if self._allowed(cand):
                by_span.setdefault((cand.start, cand.end), []).append(cand)
        chosen: list[tuple[Span, float]] = []
        proposed: set[tuple[int, int]] = set()
        for (start, end), group in by_span.items():
            typed = [c for c in group if c.label_]
            if any(c.kb_id_.startswith("definition:") for c in group):
                proposed.add((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
            if typed:
                typed.sort(key=lambda c: (self.rules.priority(c.kb_id_), -self.rules.confidence(c.kb_id_)))
                best = typed[0]
                hint = context_type(best, self.rules)
                if hint and best.label_ != hint.value and best.kb_id_ != "lexicon":
                    best = next((c for c in typed if c.label_ == hint.value), best)
                entity_type = best.label_
            elif all(c.kb_id_.startswith("shape:") for c in group):
                best, entity_type = group[0], ""  # decided by its neighbours below, or dropped
            else:
                best = next(c for c in group if not c.kb_id_.startswith("shape:"))
                last = self.rules.head_nouns.get(doc[end - 1].lower_)
                entity_type = (last or EntityType.MODEL).value
            if best.kb_id_.startswith("shape:") and not best.kb_id_.endswith("+context"):
                entity_type = self.listed_prefix_type(best.text) or entity_type
            agreeing = {c.kb_id_.split(":")[0] for c in group if c.label_ in ("", entity_type)}
            confidence = min(0.99, self.rules.confidence(best.kb_id_) + 0.05 * (len(agreeing) - 1))
            chosen.append((Span(doc, start, end, label=entity_type, kb_id=best.kb_id_), confidence))
        chosen.sort(
            key=lambda item: (
                -(item[0].end_char - item[0].start_char),
                self.rules.priority(item[0].kb_id_),
                -item[1],
                item[0].start,
            )
        )
        taken: set[int] = set()
        ents: list[Span] = []
        confidence_by_offsets: dict[tuple[int, int], float] = {}
        for span, confidence in chosen:
            tokens = set(range(span.start, span.end))
            if tokens & taken:
                continue
            taken |= tokens
            ents.append(span)
            confidence_by_offsets[(span.start_char, span.end_char)] = round(confidence, 2)
        ents = _type_from_neighbours(doc, sorted(ents, key=lambda s: s.start))
        ents = self._extend_hardware(doc, add_listed_datasets(doc, ents))
        ents = self._extend_modifiers(doc, with_glued_parts(doc, ents))
        ents = self._extend_metric_qualifiers(doc, ents)
        doc.set_ents(ents, default="outside")
        confidence_by_offsets = _inner_confidences(ents, confidence_by_offsets)
        doc.user_data[PROPOSED] = proposed
        doc.user_data[CONFIDENCE] = confidence_by_offsets
        return doc

    def _extend_hardware(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "A100" + "GPUs" -> "A100 GPUs"; "NVIDIA" + "T4" -> "NVIDIA T4" (the name as written)."""
        owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}

        def absorbable(i: int, words: frozenset[str]) -> bool:
            other = owner.get(i)
            single_word = other is None or (len(other) == 1 and other.label_ == EntityType.HARDWARE.value)
            return 0 <= i < len(doc) and doc[i].lower_ in words and single_word

        absorbed: set[int] = set()
        out = []
        for ent in ents:
            if id(ent) in absorbed:
                continue
            start, end = ent.start, ent.end
            if ent.label_ == EntityType.HARDWARE.value:
                while end - ent.end < 2 and _device_version(doc, end, owner):
                    end += 1  # "Galaxy S23", "RealSense D435", "Apple M2 Max", "Crazyflie 2.1"
                while end - ent.end < 4 and absorbable(end, self.rules.hardware_heads):
                    if end in owner:
                        absorbed.add(id(owner[end]))
                    end += 1
                if absorbable(start - 1, self.rules.hardware_vendors):
                    start -= 1
            out.append(
                ent
                if (start, end) == (ent.start, ent.end)
                else Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)
            )
        return [ent for ent in out if id(ent) not in absorbed]

    def _extend_modifiers(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A task or method keeps a hyphenated modifier written before it:
        "Cross-Lingual Voice Conversion", "zero-shot OOD detection" (not "large-scale ...")."""
        out = []
        previous_end = 0
        text = doc.text
        for ent in ents:
            if ent.label_ in (EntityType.TASK.value, EntityType.METHOD.value):
                match = _MODIFIER.search(text, max(0, ent.start_char - 80), ent.start_char)
                if (
                    match
                    and match.start() >= previous_end
                    and match.group(1).lower() not in self.rules.generic_modifiers
                ):
                    wider = doc.char_span(match.start(1), ent.end_char)
                    if wider is not None and not any(t.ent_type_ and t.i < ent.start for t in wider):
                        ent = Span(doc, wider.start, wider.end, label=ent.label_, kb_id=ent.kb_id_)
            previous_end = ent.end_char
            out.append(ent)
        return out

    def _extend_metric_qualifiers(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "average" + "success rate" -> "average success rate" (qualifiers are data)."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        out = []
        for ent in ents:
            before = ent.start - 1
            if (
                ent.label_ == EntityType.METRIC.value
                and before >= 0
                and before not in taken
                and doc[before].lower_ in self.rules.metric_qualifiers
            ):
                ent = Span(doc, before, ent.end, label=ent.label_, kb_id=ent.kb_id_)
            out.append(ent)
        return out


def _inner_confidences(
    ents: list[Span], chosen: dict[tuple[int, int], float]
) -> dict[tuple[int, int], float]:
    """Each final entity's confidence: the best of the chosen spans inside it (0.5 when none).
    Sorted starts and bisection keep this linear in practice on very long texts."""
    offsets = sorted(chosen)
    starts = [s for s, _ in offsets]
    found = {}
    for ent in ents:
        lo = bisect_left(starts, ent.start_char)
        hi = bisect_right(starts, ent.end_char)
        inside = [chosen[o] for o in offsets[lo:hi] if o[1] <= ent.end_char]
        found[(ent.start_char, ent.end_char)] = max(inside, default=0.5)
    return found


def _device_version(doc: Doc, i: int, owner: dict[int, Span]) -> bool:
    """A model number or edition after a device name, not a count or size with its unit
    ("V100 32 GB")."""
    if i >= len(doc) or i in owner or not _DEVICE_VERSION.match(doc[i].text):
        return False
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return not (doc[i].text[0].isdigit() and following in _UNITS)


_UNITS = {"gb", "gib", "mb", "tb", "g", "w", "hz", "ms", "s", "fps", "x", "%", "tops", "tflops", "k", "m"}


def _after_number(span: Span) -> bool:
    """A number within the three tokens before the span ("8.9% parameters", "27% fewer parameters")."""
    before = span.doc[max(sentence_at(span.doc, span.start).start, span.start - 3) : span.start]
    return any(any(ch.isdigit() for ch in token.text) for token in before)


_MODIFIER = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s$")
LIST_JOINERS = {",", "and", "or", ", and", ", or", "plus"}
# a model number or edition written after a device name (not a memory size such as "80GB")
_DEVICE_VERSION = re.compile(
    r"^(?:\d{1,4}(?:\.\d)?|[A-Z]{1,2}\d{1,4}[a-z]?|Max|Pro|Ultra|Plus|Mini|Nano|NX|Gold|Silver|Platinum)$"
)


def _type_from_neighbours(doc: Doc, ents: list[Span]) -> list[Span]:
    """An untyped acronym right after "on" is a dataset ("fine-tuned on FUNSD and CORD"); other
    untyped names take the type of a typed name they are listed with; the rest are dropped."""
    ents = list(ents)
    for i, ent in enumerate(ents):
        if not ent.label_ and ent.start > 0 and doc[ent.start - 1].lower_ == "on":
            ents[i] = Span(doc, ent.start, ent.end, label=EntityType.DATASET.value, kb_id=ent.kb_id_ + "+on")
    for _ in range(2):
        for i, ent in enumerate(ents):
            if ent.label_:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(ents) and ents[j].label_:
                    first, second = sorted((ent, ents[j]), key=lambda s: s.start)
                    if doc[first.end : second.start].text.strip() in LIST_JOINERS:
                        ents[i] = Span(
                            doc, ent.start, ent.end, label=ents[j].label_, kb_id=ent.kb_id_ + "+list"
                        )
                        break
    return [ent for ent in ents if ent.label_]


@Language.factory("mlkg_entities")
def make_entity_chooser(nlp: Language, name: str) -> EntityChooser:
    return EntityChooser(default_rules(), default_lexicon())
