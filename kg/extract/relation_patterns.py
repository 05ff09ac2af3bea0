"""Relations read from a name or a fixed phrase rather than a trigger between two mentions.

- ``variantOf`` from the names themselves: ``ViT-B/16`` -> ``ViT``, ``ResNet50`` ->
  ``ResNet``, ``CLIP ViT-B/16`` -> ``CLIP``, when the paper also names the family;
- a title "X: ... via Y for Z": X usesMethod Y, X addressesTask Z;
- naming phrases: "a distillation method, called X" (X usesMethod distillation), and a
  named part of the paper's own entity ("we propose X ... a gate, called the Y");
- training data: "the LAION-trained X", "To train X ..., we collect Y", "Pre-trained on Y, X ...".

Example:
    >>> [family_prefix(n) for n in ("ViT-B/16", "ResNet50", "YOLOv7-E6", "TinyCLIP", "Korvath-Lite")]
    ['ViT', 'ResNet', 'YOLO', None, 'Korvath']
    >>> name_prefixes("MedLoom-ICU-Lite"), name_prefixes("DeepStack 7B"), name_prefixes("Real-Time")
    (['MedLoom-ICU', 'MedLoom'], ['DeepStack'], [])
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.rules import ExtractionRules
from kg.extract.sentences import sentence_at, sentences_of
from kg.records import EntityType, Mention, Relation, RelationType

M, D, ME, T = EntityType.MODEL, EntityType.DATASET, EntityType.METHOD, EntityType.TASK
CONFIDENCE = {"between": 0.75, "before-tail": 0.65, "title": 0.7, "apposition": 0.7, "paper": 0.55}
APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*,\s*(?:an?|the)\s")
_FAMILY = re.compile(
    r"^(?P<family>[A-Za-z][A-Za-z]*?[A-Za-z])(?:[vV]\d+(?:\.\d+)?)?"
    r"(?:[-_ ]|(?=\d))(?P<rest>(?:\d[\w./-]*|[A-Z][a-z]?(?:/\d+)?"
    r"|XL|XXL|Ti|Tiny|Small|Base|Large|Huge|Mini|Nano|Lite|Pro|Plus|Max|Medium|[A-Z]\d+[\w./-]*"
    r"|base|large|small|tiny|huge|b|l|s|h|g)(?:@\s?\d+)?)$"
)
_VERSION = re.compile(r"^(?P<family>[A-Za-z]*[A-Za-z])[vV]\d+(?:[-.]\w+)*$")


def family_prefix(name: str) -> str | None:
    """The family a variant name belongs to, when its shape says so (``None`` otherwise)."""
    match = _VERSION.match(name) or _FAMILY.match(name)
    if match is None:
        return None
    family = match.group("family")
    return family if len(family) >= 2 and family != name else None


_SIZE_PART = re.compile(
    r"^(?:\d[\w.]*|[A-Z]{1,3}\d*|Ti|Tiny|Small|Base|Large|Huge|Mini|Nano|Lite|Pro|Plus|Max|Medium|Mono"
    r"|XL|XXL|small|base|large|tiny|huge|mini|lite)$"
)


def name_prefixes(name: str) -> list[str]:
    """The name without its trailing size or version parts, longest first
    ("MedLoom-ICU-Lite" -> ["MedLoom-ICU"], "DeepStack 7B" -> ["DeepStack"]); only parts
    that look like sizes, versions or variant letters are stripped."""
    found = []
    rest = name
    while True:
        cut = max(rest.rfind("-"), rest.rfind(" "))
        if cut < 2 or not _SIZE_PART.match(rest[cut + 1 :]):
            return found
        rest = rest[:cut]
        found.append(rest)


def fold(text: str) -> str:
    return re.sub(r"[\s\-/_]+", "", text.casefold())


def variant_relations(mentions: list[Mention], paper_mentions: list[Mention]) -> list[Relation]:
    """``variantOf`` for each model whose family (from its name) the paper also names."""
    named: dict[str, Mention] = {}
    for mention in paper_mentions:
        if mention.type is M:
            named.setdefault(fold(mention.text), mention)
            named.setdefault(fold(mention.text.rstrip("s")), mention)
    relations = []
    for mention in mentions:
        if mention.type is not M:
            continue
        candidates = list(name_prefixes(mention.text))  # "Murmur-CTC-XS" -> Murmur-CTC, Murmur
        candidates.append(family_prefix(mention.text))
        first, _, rest = mention.text.partition(" ")
        if rest and any(ch.isdigit() or ch.isupper() for ch in rest):
            candidates.append(first)  # "CLIP ViT-B/16" -> CLIP, not "CLIP saying no" -> CLIP
        for family in candidates:
            tail = named.get(fold(family)) if family else None
            if tail is not None and fold(tail.text) != fold(mention.text):
                confidence = round(mention.confidence * 0.9, 2)
                relations.append(
                    Relation(
                        mention, RelationType.VARIANT_OF, tail, mention.sentence, confidence, "variant:name"
                    )
                )
                break
    return relations


def title_relations(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """A title "X: ... via Y for Z" -> X usesMethod Y, X addressesTask Z."""
    colon = next((t.i for t in doc[:8] if t.text == ":"), None)
    if colon is None:
        return []
    heads = [m for s, m in mentions if s.end <= colon and m.type in {M, ME}]
    if len(heads) != 1:
        return []
    head = heads[0]
    relations = []
    evidence = doc.text.strip()
    for span, mention in mentions:
        if span.start > colon and mention.text != head.text:
            predicate = {ME: RelationType.USES_METHOD, T: RelationType.ADDRESSES_TASK}.get(mention.type)
            if predicate:
                relations.append(
                    Relation(head, predicate, mention, evidence, CONFIDENCE["title"], "trigger:title")
                )
    return relations


def naming_relations(
    doc: Doc, mentions: list[tuple[Span, Mention]], proposed_names: set[str], rules: ExtractionRules
) -> list[Relation]:
    """``usesMethod`` from a naming phrase: "a cross-modal distillation method, called TinyCLIP"
    -> TinyCLIP usesMethod cross-modal distillation; and "we propose X ... a gate, called the
    Silence Skipper" -> X usesMethod Silence Skipper (a named part of the paper's own entity)."""
    cues = sorted(
        (tuple(c.split()) for c, kind in rules.definition_cues.items() if kind == "naming"),
        key=len,
        reverse=True,
    )
    starts = {span.start: (span, mention) for span, mention in mentions}
    relations = []
    lowered = [t.lower_ for t in doc]
    first_words = {c[0] for c in cues}
    for token in doc:
        if lowered[token.i] not in first_words:
            continue
        cue = next((c for c in cues if tuple(lowered[token.i : token.i + len(c)]) == c), None)
        if cue is None:
            continue
        i = token.i + len(cue)
        while (
            i < min(len(doc), token.i + len(cue) + 3)
            and i not in starts
            and (doc[i].is_punct or doc[i].lower_ in {"the", "a", "an", "as"})
        ):
            i += 1
        if i not in starts:
            continue
        named_span, named = starts[i]
        sent = sentence_at(doc, named_span.start)
        evidence = sent.text.strip()
        before = [(s, m) for s, m in mentions if sent.start <= s.start < sent.end and s.end <= token.i]
        if before and named.type in {M, ME}:
            span, mention = before[-1]
            if mention.type is ME and token.i - span.end <= 3:
                relations.append(
                    Relation(
                        named,
                        RelationType.USES_METHOD,
                        mention,
                        evidence,
                        CONFIDENCE["apposition"],
                        "trigger:naming",
                    )
                )
        if named.type is ME:
            owners = [
                m
                for s, m in before
                if fold(m.text) in proposed_names and fold(m.text) != fold(named.text) and m.type in {M, ME}
            ]
            if owners:
                relations.append(
                    Relation(
                        owners[0],
                        RelationType.USES_METHOD,
                        named,
                        evidence,
                        CONFIDENCE["apposition"],
                        "trigger:naming",
                    )
                )
    return relations


_PARTICIPLE = re.compile(r"^\s*(?:Pre-?trained|Pretrained|Trained|Fine-?tuned|Finetuned)\s+(?:on|with)\b")


def _participle_relations(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """ "Pre-trained on ImageNet-22k, our CvT-W24 obtains ...": the datasets before the first
    comma are the training data of the first model or method after it."""
    relations = []
    for sent in sentences_of(doc):
        if not _PARTICIPLE.match(sent.text):
            continue
        comma = next((t.i for t in sent if t.text == ","), None)
        if comma is None:
            continue
        in_sentence = [(s, m) for s, m in mentions if sent.start <= s.start < sent.end]
        datasets = [m for s, m in in_sentence if m.type is D and s.end <= comma]
        heads = [m for s, m in in_sentence if m.type in {M, ME} and s.start > comma]
        for dataset in datasets if heads else []:
            relations.append(
                Relation(
                    heads[0],
                    RelationType.TRAINED_ON,
                    dataset,
                    sent.text.strip(),
                    CONFIDENCE["apposition"],
                    "trigger:participle",
                )
            )
    return relations


_TOGETHER = re.compile(
    r"\b(?:pre-?train|train|fine-?tune|finetune)(?:s|ed)? (?:both|them|all|each|these)(?: \w+)?"
    r" (?:on|with)\b",
    re.IGNORECASE,
)
_TRAINED_CLAUSE = re.compile(
    r"(?:^|\band |, )(?:pre-?trained|trained|fine-?tuned|finetuned) (?:on|with)\b", re.IGNORECASE
)


def every_pair(
    heads: list[Mention], predicate: RelationType, tails: list[Mention], sent: Span, strength: str, cue: str
) -> list[Relation]:
    """One relation per (head, tail), with the sentence as evidence and ``trigger:<cue>`` as rule."""
    evidence = sent.text.strip()
    return [
        Relation(h, predicate, t, evidence, CONFIDENCE[strength], f"trigger:{cue}")
        for h in heads
        for t in tails
    ]


def _trained_together(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """ "We apply X to BART-large and PEGASUS and fine-tune both on CNN/DailyMail and XSum": the
    models named before "train both/them on" are trained on the datasets after it; and
    "..., and trained on D, X lowers ...": a participle clause ending at a comma trains the
    first model or method after it."""
    relations = []
    for sent in sentences_of(doc):
        in_sentence = [(s, m) for s, m in mentions if sent.start <= s.start < sent.end]
        for match in _TOGETHER.finditer(sent.text):
            at = sent.start_char + match.start()
            after = sent.start_char + match.end()
            heads = [m for s, m in in_sentence if m.type is M and s.end_char <= at]
            datasets = _datasets_listed_after(in_sentence, after, doc.text)
            relations += every_pair(heads, RelationType.TRAINED_ON, datasets, sent, "between", "together")
        for match in _TRAINED_CLAUSE.finditer(sent.text):
            after = sent.start_char + match.end()
            comma = doc.text.find(",", after, sent.end_char)
            if comma < 0:
                continue
            datasets = [m for s, m in in_sentence if m.type is D and after <= s.start_char < comma]
            heads = [m for s, m in in_sentence if m.type in {M, ME} and s.start_char > comma]
            if datasets and heads and not doc.text[after:comma].count(" and on "):
                relations += every_pair(
                    heads[:1], RelationType.TRAINED_ON, datasets, sent, "apposition", "participle"
                )
    return relations


def _datasets_listed_after(in_sentence, start: int, text: str) -> list[Mention]:
    """The datasets listed from ``start`` on ("on CNN/DailyMail and XSum", "on A, B and C")."""
    found = []
    position = start
    for span, mention in sorted(in_sentence, key=lambda sm: sm[0].start_char):
        if span.start_char < start:
            continue
        gap = text[position : span.start_char].strip().lower()
        if (
            mention.type is not D
            or (found and gap not in {",", "and", ", and", "or", "as well as"})
            or (not found and len(gap.split()) > 2)
        ):
            break
        found.append(mention)
        position = span.end_char
    return found


_COMPARED = re.compile(r"^\s*(?:Compared|Relative) (?:with|to)\b", re.IGNORECASE)
_BETTER = re.compile(
    r"\b(?:faster|better|higher|stronger|improv\w*|outperform\w*|surpass\w*)\b", re.IGNORECASE
)
_IMPROVES_OF = re.compile(
    r"^\s*(?:improves|improved|lowers|lowered|reduces|reduced|raises|raised|cuts|boosts)\s+the\s+"
    r"(?:[\w@()-]+\s+){0,6}?of\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}$"
)


def comparison_relations(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """``outperforms`` from two comparisons trigger phrases miss: "Compared with Y, X is 14x
    faster" and "X lowers the MAE of Informer by 18.3%" (X improves on Y's own number)."""
    relations = []
    text = doc.text
    for sent in sentences_of(doc):
        in_sentence = [(s, m) for s, m in mentions if sent.start <= s.start < sent.end and m.type in {M, ME}]
        comma = text.find(",", sent.start_char, sent.end_char)
        if _COMPARED.match(sent.text) and comma > 0 and _BETTER.search(text[comma : sent.end_char]):
            tails = [m for s, m in in_sentence if s.end_char <= comma]
            heads = [m for s, m in in_sentence if s.start_char > comma]
            if tails and heads:
                relations += every_pair(
                    heads[:1], RelationType.OUTPERFORMS, tails, sent, "between", "compared"
                )
        for (head_span, head), (tail_span, tail) in zip(in_sentence, in_sentence[1:], strict=False):
            between = text[head_span.end_char : tail_span.start_char]
            after = text[tail_span.end_char : tail_span.end_char + 40]
            if _IMPROVES_OF.match(between) and re.match(r"^\s*(?:baseline\s+)?by\b", after):
                relations.append(
                    Relation(
                        head,
                        RelationType.OUTPERFORMS,
                        tail,
                        sent.text.strip(),
                        CONFIDENCE["between"],
                        "trigger:improves-of",
                    )
                )
    return relations


_TO_TRAIN = re.compile(r"^\s*To (?:pre-?)?train\b")
_X_TRAINED = re.compile(r"^-(?:pre-?)?trained\s+$")


def training_data_relations(doc: Doc, mentions: list[tuple[Span, Mention]]) -> list[Relation]:
    """``trainedOn`` from "the LAION-trained OpenCLIP-ViT-B32" and from "To train X ..., we
    collect/construct Y" (the data a sentence builds for training its model)."""
    relations = []
    text = doc.text
    for (first_span, first), (second_span, second) in zip(mentions, mentions[1:], strict=False):
        between = text[first_span.end_char : second_span.start_char]
        if first.type is D and second.type in {M, ME} and _X_TRAINED.match(between):
            relations.append(
                Relation(
                    second,
                    RelationType.TRAINED_ON,
                    first,
                    second.sentence,
                    CONFIDENCE["between"],
                    "trigger:x-trained",
                )
            )
    relations += _participle_relations(doc, mentions)
    relations += _trained_together(doc, mentions)
    for sent in sentences_of(doc):
        if not _TO_TRAIN.match(sent.text):
            continue
        in_sentence = [(s, m) for s, m in mentions if sent.start <= s.start < sent.end]
        heads = [m for s, m in in_sentence if m.type in {M, ME} and s.start - sent.start <= 5]
        datasets = [m for s, m in in_sentence if m.type is D]
        if heads and datasets:
            relations.append(
                Relation(
                    heads[0],
                    RelationType.TRAINED_ON,
                    datasets[0],
                    sent.text.strip(),
                    CONFIDENCE["apposition"],
                    "trigger:to-train",
                )
            )
    return relations
