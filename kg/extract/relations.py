"""Relations between two entities of one sentence, typed by the ontology's domains and ranges.

Trigger phrases (``ontology/extraction/triggers.tsv``) decide the predicate:
- *between* relations (``trainedOn``, ``outperforms``, ``usesMethod``) need a trigger in
  the words between head and tail ("X, trained on Y", "X surpasses Y", "X via Y");
- *before-tail* relations (``evaluatedOn``, ``runsOn``, ``addressesTask``) need one in the
  few words just before the tail ("on ImageNet", "on 8 A100 GPUs", "for retrieval"); the
  head is every named model in the sentence for ``evaluatedOn`` (baselines too), the
  paper's own entity or the nearest model otherwise.
Tails joined by "and"/"," share the heads of the first one. Relations read from names
and fixed phrases (variantOf, titles, naming phrases) are in
:mod:`kg.extract.relation_patterns`.

Example:
    >>> _has_trigger("X, trained on", ("trained on",)), _has_trigger("X, constrained on", ("trained on",))
    (True, False)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.relation_patterns import (
    APPOSITION,
    CONFIDENCE,
    comparison_relations,
    fold,
    name_prefixes,
    naming_relations,
    title_relations,
    training_data_relations,
    variant_relations,
)
from kg.extract.rules import ExtractionRules, default_rules
from kg.extract.sentences import sentence_at
from kg.extract.usage_patterns import usage_relations
from kg.records import EntityType, Mention, Relation, RelationType

M, D, ME, H, T = EntityType.MODEL, EntityType.DATASET, EntityType.METHOD, EntityType.HARDWARE, EntityType.TASK
# predicate -> (head types, tail types, where the trigger sits)
SIGNATURES: dict[RelationType, tuple[set[EntityType], set[EntityType], str]] = {
    RelationType.TRAINED_ON: ({M, ME}, {D}, "between"),
    RelationType.EVALUATED_ON: ({M, ME}, {D}, "before-tail"),
    RelationType.RUNS_ON: ({M, ME}, {H}, "before-tail"),
    RelationType.OUTPERFORMS: ({M, ME}, {M, ME}, "between"),
    RelationType.USES_METHOD: ({M, ME}, {ME}, "between"),
    RelationType.ADDRESSES_TASK: ({M, ME}, {T}, "before-tail"),
    RelationType.VARIANT_OF: ({M}, {M}, "between"),
}
# words between two listed tails ("on A and on B") that let the second share the first's heads
COORDINATION = {
    ",",
    "and",
    "or",
    "&",
    "as well as",
    ", and",
    "and the",
    ", the",
    "and on",
    ", and on",
    "and on the",
    "and in",
}


def _has_trigger(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {' '.join(re.findall(r'[a-z0-9-]+', text.lower()))} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _named(mention: Mention) -> bool:
    """Models always; methods only when written as a name ("LoRA", "SimMIM", "Token Merging"),
    not "pruning"; in a title, where every word is capitalised, only names with inner capitals.
    (Callers also accept the paper's own entities, whatever their case.)"""
    if mention.type is M:
        return True
    words = mention.text.split()
    inner = any(ch.isupper() or ch.isdigit() for word in words for ch in word[1:])
    if mention.field == "title":
        return inner
    sentence_initial = mention.start == mention.sentence_start
    return inner or (not sentence_initial and all(w[:1].isupper() for w in words if len(w) > 3))


def _tail_context(doc: Doc, tail: Span, sent: Span, width: int = 4) -> str:
    """Up to ``width`` words before the tail, stopping at another entity or clause punctuation.
    A dataset written right before a task is skipped ("on ImageNet-1K classification")."""
    words = []
    start = tail.start
    if tail.label_ == T.value and start > 0 and doc[start - 1].ent_type_ == D.value:
        while start > sent.start and doc[start - 1].ent_type_ == D.value:
            start -= 1
    for token in reversed(doc[max(sent.start, start - width) : start]):
        if token.ent_type_ or token.text in {",", ";", ":", "(", ")"}:
            break
        words.append(token.text)
    return " ".join(reversed(words))


def find_relations(
    doc: Doc,
    mentions: list[tuple[Span, Mention]],
    proposed: list[Mention],
    paper_mentions: list[Mention] | None = None,
    rules: ExtractionRules | None = None,
) -> list[Relation]:
    rules = rules or default_rules()
    relations = variant_relations([m for _, m in mentions], paper_mentions or [m for _, m in mentions])
    relations += title_relations(doc, mentions)
    proposed_names = {fold(m.text) for m in proposed}
    relations += naming_relations(doc, mentions, proposed_names, rules)
    relations += training_data_relations(doc, mentions)
    relations += comparison_relations(doc, mentions)
    relations += usage_relations(doc, mentions)
    by_sentence: dict[int, list[tuple[Span, Mention]]] = {}
    for span, mention in mentions:
        by_sentence.setdefault(sentence_at(doc, span.start).start, []).append((span, mention))
    for group in by_sentence.values():
        sent = sentence_at(doc, group[0][0].start)
        evidence = sent.text.strip()
        for predicate, (heads, tails, where) in SIGNATURES.items():
            phrases = rules.triggers.get(predicate, ())
            previous: tuple[Span, list[tuple[Mention, float]]] | None = None
            for tail_span, tail in group:
                if tail.type not in tails:
                    continue
                if where == "between":
                    found = _between_heads(doc, group, tail_span, heads, phrases, predicate, proposed_names)
                else:
                    found = _before_tail_heads(
                        doc, group, tail_span, heads, phrases, sent, predicate, proposed, proposed_names
                    )
                if not found and previous is not None and _coordinated(doc, previous[0], tail_span):
                    found = previous[1]
                if found:
                    previous = (tail_span, found)
                for head, confidence in found:
                    if fold(head.text) != fold(tail.text):
                        relations.append(
                            Relation(head, predicate, tail, evidence, confidence, f"trigger:{where}")
                        )
    return relations


_PARENTHESIS = re.compile(r"^\s*\([^()]*\)")


def _apposition(between: str) -> bool:
    """ "X, a ..." or "X (XS), a novel ...": one comma, right after the name or its short form."""
    between += " "  # a span's text ends before its trailing space: "X, an" + "actor-critic"
    if between.lstrip().startswith(")"):  # the head is the short form inside "(OBA)"
        between = between.lstrip()[1:]
    rest = _PARENTHESIS.sub("", between, count=1).strip()
    return bool(APPOSITION.match(between)) and "," not in rest[1:]


# "on LibriSpeech 960h and on X", "on the D4RL locomotion suite and on X": a few words
# closing the first tail's phrase, then the preposition repeated
REPEATED_PREPOSITION = re.compile(r"^(?:[\w.-]+\s+){0,3}[\w.-]*\s*,?\s*(?:and|or)\s+(?:on|in)(?:\s+the)?$")


def _coordinated(doc: Doc, first: Span, second: Span) -> bool:
    between = doc[first.end : second.start].text.strip().lower()
    return between in COORDINATION or bool(REPEATED_PREPOSITION.match(between))


TRAIN_WORDS = re.compile(r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|distill\w*)\b", re.IGNORECASE)


# "a 5.3x higher inference speed than Y": a comparative of improvement, then "than"
COMPARATIVE = re.compile(
    r"\b(?:better|higher|faster|stronger|greater)\b(?:\s+[\w.%-]+){0,4}?\s+than\b", re.IGNORECASE
)
EVAL_WORDS = re.compile(r"\b(?:evaluat\w*|test\w*|benchmark\w*|assess\w*|validat\w*)\b", re.IGNORECASE)


def _training_not_evaluation(doc: Doc, sent: Span, tail: Span) -> bool:
    """A training word in the six words before the tail makes it training data ("pre-trained
    on X"), unless the training word only qualifies a noun under an evaluation verb
    ("evaluate zero-shot and fine-tuned transfer on X")."""
    window = doc[max(sent.start, tail.start - 6) : tail.start]
    trained = [t for t in window if TRAIN_WORDS.fullmatch(t.text)]
    if not trained:
        return False
    last = trained[-1]
    if last.i + 1 < tail.start and PREPOSITION.fullmatch(doc[last.i + 1].text):
        return True  # "pre-trained on X", "fine-tuned with X"
    before = doc[max(sent.start, tail.start - 12) : last.i].text
    return not EVAL_WORDS.search(before)


EVALUATE_ALL_HEADS = True  # the guideline: baselines compared on a dataset are evaluated on it too
PREPOSITION = re.compile(r"\b(?:on|from|with|using)\b", re.IGNORECASE)


def _training_context(doc: Doc, group, tail_span: Span) -> bool:
    """A training word before the tail, then "on/from/with/using", and no other dataset or
    clause break in between ("pre-trained with a masking objective on the new X")."""
    sent = sentence_at(doc, tail_span.start)
    words = [t for t in doc[sent.start : tail_span.start] if TRAIN_WORDS.fullmatch(t.text)]
    if not words:
        return False
    stretch = doc[words[-1].i : tail_span.start]
    other_datasets = any(m.type is D and stretch.start <= s.start < stretch.end for s, m in group)
    return (
        not other_datasets
        and not any(t.text in {",", ";", ":"} for t in stretch)
        and bool(PREPOSITION.search(stretch.text))
    )


def _between_heads(
    doc, group, tail_span, heads, phrases, predicate, proposed_names
) -> list[tuple[Mention, float]]:
    """The head of a relation whose trigger sits between head and tail.

    ``trainedOn`` needs a training word between them and "on/from/with" just before the
    tail; ``usesMethod`` a trigger just before the tail (or "X, a ... method"); the others
    a trigger anywhere between. The paper's own entity is preferred, then for
    ``outperforms`` the sentence's first model (its subject), else the nearest one.
    """
    before = [(s, m) for s, m in group if s.end <= tail_span.start and m.type in heads]
    if not before:
        return []
    if (
        predicate is RelationType.OUTPERFORMS
        and tail_span.start > 0
        and doc[tail_span.start - 1].lower_
        in {
            "on",
            "with",
            "using",
        }
    ):
        return []  # "surpassing CLIP's 68.3% on ViT-B models": a backbone, not a rival
    context = _tail_context(doc, tail_span, sentence_at(doc, tail_span.start), 6)
    if predicate is RelationType.USES_METHOD:
        span, mention = before[-1]
        between = doc[span.end : tail_span.start].text
        if _apposition(between):
            return [(mention, CONFIDENCE["apposition"])]

    def triggered(between: str) -> bool:
        if predicate is RelationType.TRAINED_ON:
            return _training_context(doc, group, tail_span)
        if predicate is RelationType.USES_METHOD:
            return _has_trigger(context, phrases)
        if predicate is RelationType.OUTPERFORMS and COMPARATIVE.search(between):
            return True
        return _has_trigger(between, phrases)

    needs_name = predicate in (RelationType.USES_METHOD, RelationType.OUTPERFORMS)
    found = [
        m
        for s, m in before
        if triggered(doc[s.end : tail_span.start].text)
        and (_named(m) or not needs_name or fold(m.text) in proposed_names)
    ]
    if not found:
        return []
    own = [m for m in found if fold(m.text) in proposed_names]
    if predicate is RelationType.TRAINED_ON:
        own = own[-1:]  # the subject of "X is pre-trained on": the nearest of the paper's own
    head = own[0] if own else found[0] if predicate is RelationType.OUTPERFORMS else found[-1]
    if predicate is RelationType.OUTPERFORMS:
        head = _backbone_carrying(doc, before, head)
    heads = [head]
    if predicate in (RelationType.TRAINED_ON, RelationType.USES_METHOD) and not own:
        heads = _coordinated_before(doc, before, head)
    return [(h, CONFIDENCE["between"]) for h in heads]


_CARRYING = re.compile(r"^\s*(?:(?:trained|fine-tuned|equipped)\s+)?(?:with|using|\+)\s*$")


def _backbone_carrying(doc: Doc, before: list[tuple[Span, Mention]], head: Mention) -> Mention:
    """The model a method is written on is what outperforms: "MedNeXt-S with HaloDice
    outperforms TransUNet", "NLLB-600M trained with Braidline outperforms NLLB-1.3B"."""
    for (span, mention), (next_span, next_mention) in zip(before, before[1:], strict=False):
        between = doc.text[span.end_char : next_span.start_char]
        if next_mention is head and mention.type is EntityType.MODEL and _CARRYING.match(between):
            return mention
    return head


def _coordinated_before(doc: Doc, before: list[tuple[Span, Mention]], head: Mention) -> list[Mention]:
    """The head and the names listed with it ("VGG-16, ResNet-50, and ViT-B-16, trained on ...")."""
    spans = [s for s, m in before if m is head]
    if not spans:
        return [head]
    heads, current = [head], spans[0]
    for span, mention in reversed(before):
        if span.end <= current.start and doc[span.end : current.start].text.strip() in COORDINATION:
            heads.append(mention)
            current = span
    return heads


BACKBONE_CUES = {"with", "using", "of", "from", "into"}


def _own_variant(name: str, proposed_names: set[str]) -> bool:
    """A size or version of the paper's own model ("HelixPair-Tiny" when HelixPair is proposed)."""
    return fold(name) not in proposed_names and any(fold(p) in proposed_names for p in name_prefixes(name))


def _backbone_or_style(doc: Doc, span: Span) -> bool:
    """A name used as a backbone or part ("with ViT-B, X achieves", "distilling into a ViT-B")
    or as a style prefix ("Inception-style"), not a model evaluated in its own right."""
    before = doc[max(0, span.start - 2) : span.start]
    style = span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "style"
    return style or any(t.lower_ in BACKBONE_CUES for t in before)


def _same_clause(doc: Doc, head: Span, tail: Span) -> bool:
    """No ";" between head and tail: "X matches Y on A; on B it beats Z" keeps Z off A."""
    first, second = sorted((head, tail), key=lambda s: s.start)
    return ";" not in doc[first.end : second.start].text


CLAUSE_OPENERS = {"and", "but", "while", "whereas", "which", "where", "yet", "so"}


def _clause_start(doc: Doc, sent: Span, tail: Span) -> int:
    """The first token of the clause holding ``tail``: after the last ";" or ", and/while/..."
    before it (the whole sentence when there is none)."""
    for i in range(tail.start - 1, sent.start, -1):
        if doc[i].text == ";" or (doc[i].text == "," and doc[i + 1].lower_ in CLAUSE_OPENERS):
            return i + 1
    return sent.start


def _before_tail_heads(doc, group, tail_span, heads, phrases, sent, predicate, proposed, proposed_names):
    if predicate is RelationType.ADDRESSES_TASK:
        before = [(s, m) for s, m in group if s.end <= tail_span.start and m.type in heads]
        if before:
            span, mention = before[-1]
            between = doc[span.end : tail_span.start].text
            if _apposition(between):
                return [(mention, CONFIDENCE["apposition"])]  # "X, a semi-supervised segmentation network"
    context = _tail_context(doc, tail_span, sent)
    if not _has_trigger(context, phrases):
        return []
    if predicate is RelationType.EVALUATED_ON and _training_not_evaluation(doc, sent, tail_span):
        return []  # "trained on X" is no evaluation on X
    own_named = predicate is not RelationType.EVALUATED_ON  # every model evaluated there is a candidate
    candidates = [
        (s, m)
        for s, m in group
        if m.type in heads
        and (_named(m) or (own_named and fold(m.text) in proposed_names))
        and s.start != tail_span.start
    ]
    if predicate is RelationType.EVALUATED_ON and EVALUATE_ALL_HEADS:
        evaluated = [(s, m) for s, m in candidates if _same_clause(doc, s, tail_span)]
        principal = [(s, m) for s, m in evaluated if not _backbone_or_style(doc, s)]
        return [(m, CONFIDENCE["before-tail"]) for s, m in principal or evaluated]
    clause = _clause_start(doc, sent, tail_span)
    in_clause = [m for s, m in candidates if clause <= s.start and s.end <= tail_span.start]
    if in_clause and predicate is RelationType.RUNS_ON:
        # "X is trained on 8 A100 GPUs, and X-7B serves requests on a single RTX 4090"
        own = [m for m in in_clause if fold(m.text) in proposed_names]
        head = (own or in_clause)[-1]
        variants = [m for m in in_clause if _own_variant(m.text, proposed_names)]
        if variants and in_clause[0] is variants[0]:
            head = variants[0]  # "HelixPair-Tiny, a distilled HelixPair ..., reaches ... on an A100"
        before = [(s, m) for s, m in candidates if s.end <= tail_span.start]
        return [(m, CONFIDENCE["before-tail"]) for m in _coordinated_before(doc, before, head)]
    own = [m for _, m in candidates if fold(m.text) in proposed_names]
    if own:
        return [(own[0], CONFIDENCE["before-tail"])]
    before = [m for s, m in candidates if s.end <= tail_span.start]
    if before and predicate is RelationType.ADDRESSES_TASK:  # the clause's subject: "X beats Y on T"
        return [((in_clause or before)[0], CONFIDENCE["before-tail"])]
    if before:
        return [(before[-1], CONFIDENCE["before-tail"])]
    if candidates:
        return [(candidates[0][1], CONFIDENCE["paper"])]
    return []
