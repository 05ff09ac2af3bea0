"""One paper's two docs (title, abstract) -> one ``PaperExtraction``.

This is the only place that reads spaCy objects into records. Before reading, names
found anywhere in the paper are looked for everywhere in it ("ToMe" defined in the
abstract is also a mention in the title), so a paper never names the same thing as an
entity in one place and plain text in another.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.abbreviations import ABBREVIATIONS
from kg.extract.definitions import STOP_SCAN
from kg.extract.entities import CONFIDENCE, PROPOSED
from kg.extract.relation_model import RelationCandidate, RelationModel, classify, relation_candidates
from kg.extract.relation_patterns import fold
from kg.extract.relations import find_relations
from kg.extract.results import find_results
from kg.extract.rules import default_rules
from kg.extract.sentences import sentence_at
from kg.records import Abbreviation, EntityType, Mention, PaperExtraction, Relation, RelationType

PROPAGATED = "propagated"


def _paper_types(docs: list[Doc]) -> dict[str, str]:
    """One type per name in a paper: the strongest signal wins (lexicon, definition ... shape)."""
    rules = default_rules()
    votes: dict[str, dict[str, float]] = {}
    for doc in docs:
        for ent in doc.ents:
            weight = 10.0 - rules.priority(ent.kb_id_) + rules.confidence(ent.kb_id_)
            table = votes.setdefault(ent.text, {})
            table[ent.label_] = max(table.get(ent.label_, 0.0), weight)
    return {text: max(sorted(table.items()), key=lambda kv: kv[1])[0] for text, table in votes.items()}


def unify_types(docs: list[Doc], types: dict[str, str]) -> None:
    """Relabel every mention of a name with the paper's one type for it."""
    for doc in docs:
        if any(types.get(ent.text, ent.label_) != ent.label_ for ent in doc.ents):
            ents = [
                Span(doc, e.start, e.end, label=types.get(e.text, e.label_), kb_id=e.kb_id_) for e in doc.ents
            ]
            doc.set_ents(ents, default="outside")


def propagate_names(docs: list[Doc]) -> None:
    """Add a mention for every other exact occurrence of a name already found in the paper,
    and give every mention of one name the same type."""
    types = _paper_types(docs)
    unify_types(docs, types)
    forms: dict[str, tuple[str, str]] = {}
    for doc in docs:
        for ent in doc.ents:
            text = ent.text
            if len(text) >= 2 and any(ch.isupper() for ch in text) and text not in forms:
                forms[text] = (types.get(text, ent.label_), ent.kb_id_)
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
        + r")(?![\w])"
    )
    confidence = default_rules().confidence(PROPAGATED)
    for doc in docs:
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        added: list[Span] = []
        for match in pattern.finditer(doc.text):
            span = doc.char_span(match.start(), match.end())
            if span is None or taken & set(range(span.start, span.end)):
                continue
            label, _ = forms[match.group(0)]
            added.append(Span(doc, span.start, span.end, label=label, kb_id=PROPAGATED))
            taken |= set(range(span.start, span.end))
            doc.user_data.setdefault(CONFIDENCE, {})[(span.start_char, span.end_char)] = confidence
        if added:
            doc.set_ents(sorted([*doc.ents, *added], key=lambda s: s.start), default="outside")


def sentence_of(span: Span) -> tuple[str, int]:
    """The sentence text (trimmed) and its offset in the field."""
    sent = sentence_at(span.doc, span.start)
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return text.strip(), sent.start_char + lead


def mentions_of(doc: Doc, field: str) -> list[tuple[Span, Mention]]:
    confidences = doc.user_data.get(CONFIDENCE, {})
    found = []
    for ent in doc.ents:
        sentence, sentence_start = sentence_of(ent)
        mention = Mention(
            text=ent.text,
            type=EntityType(ent.label_),
            field=field,
            start=ent.start_char,
            end=ent.end_char,
            sentence=sentence,
            sentence_start=sentence_start,
            confidence=confidences.get((ent.start_char, ent.end_char), 0.5),
            rule=ent.kb_id_,
        )
        found.append((ent, mention))
    return found


INTRODUCED_TYPES = {EntityType.METHOD.value, EntityType.MODEL.value, EntityType.DATASET.value}


def introduced_objects(doc: Doc) -> set[tuple[int, int]]:
    """Offsets of entities that are the object of "we propose/introduce/present ...":
    "we first propose soft contrastive learning", "we introduce a novel token merging"; not a
    known technique that only describes the new one ("X, a novel pruning method")."""
    rules = default_rules()
    verbs = {cue for cue, kind in rules.definition_cues.items() if kind == "verb"}
    starts = {ent.start: ent for ent in doc.ents}
    found: set[tuple[int, int]] = set()
    for token in doc:
        if token.lower_ not in verbs:
            continue
        sent = sentence_at(doc, token.i)
        if not any(t.lower_ == "we" for t in doc[max(sent.start, token.i - 3) : token.i]):
            continue
        i = token.i + 1
        while (
            i < min(sent.end, token.i + 8)
            and i not in starts
            and ((doc[i].is_lower and doc[i].lower_ not in STOP_SCAN) or doc[i].text in {":", ","})
        ):
            i += 1
        ent = starts.get(i)
        while ent is not None and ent.label_ in INTRODUCED_TYPES:
            found.add((ent.start_char, ent.end_char))
            ent = _next_listed(doc, ent, starts)  # "two losses: the A and the B"
    for ent in doc.ents:
        before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
        described = ent.text.islower() and ent.end < len(doc) and doc[ent.end].lower_ in rules.head_nouns
        if ent.label_ in INTRODUCED_TYPES and NEW_WORDS & set(before) and not described:
            found.add((ent.start_char, ent.end_char))  # "on the new PolyMol-40K benchmark"
        after = [t.lower_ for t in doc[ent.end : min(len(doc), ent.end + 4)]]
        if ent.label_ in INTRODUCED_TYPES and after[:1] == [","] and NEW_APPOSITION & set(after[1:]):
            found.add((ent.start_char, ent.end_char))  # "OrbitStack-2M, a new archive of ..."
        if ent.label_ == EntityType.DATASET.value and after[:1] == [","] and _we_made(doc, ent):
            found.add((ent.start_char, ent.end_char))  # "MurmurCorpus-300, 300 hours ... that we collected"
    return found


NEW_APPOSITION = {"new", "novel", "in-house", "newly"}
MADE = re.compile(
    r"^,[^,;()]{0,80}?\b(?:that|which) we (?:collect|curate|build|built|gather|record|assemble|create)", re.I
)


def _we_made(doc: Doc, ent: Span) -> bool:
    """ "X, 300 hours of narration that we collected": data the paper made itself."""
    return bool(MADE.match(doc.text[ent.end_char : ent.end_char + 120]))


NEW_WORDS = {"new", "novel"}
LISTING = {",", "and", ", and", "and the", ", and the", ", the", "and a", ", and a"}


def _next_listed(doc: Doc, ent: Span, starts: dict[int, Span]) -> Span | None:
    """The entity listed right after ``ent`` ("A and B", "A, the B"), if any."""
    for j in range(ent.end + 1, min(len(doc), ent.end + 4)):
        if j in starts and doc[ent.end : j].text.strip().lower() in LISTING:
            return starts[j]
    return None


def _proposals(docs: dict[str, Doc], spans: dict[str, list[tuple[Span, Mention]]]) -> list[Relation]:
    relations: list[Relation] = []
    seen: set[str] = set()
    for field in ("title", "abstract"):
        proposed = docs[field].user_data.get(PROPOSED, set()) | introduced_objects(docs[field])
        for _, mention in spans[field]:
            if (mention.start, mention.end) in proposed and mention.text.lower() not in seen:
                seen.add(mention.text.lower())
                relations.append(
                    Relation(
                        None,
                        RelationType.PROPOSES,
                        mention,
                        mention.sentence,
                        mention.confidence,
                        mention.rule,
                    )
                )
    return relations


def _short_forms_of(proposed: list[Mention], docs: dict[str, Doc], mentions: list[Mention]) -> list[Mention]:
    """Mentions of the short forms of proposed names ("MoDE" for "Mixture of Data Experts"),
    so that a sentence naming the paper's own entity by its short form is recognised."""
    own = {m.text for m in proposed}
    shorts = {
        short
        for doc in docs.values()
        for short, long, _ in doc.user_data.get(ABBREVIATIONS, [])
        if long in own
    }
    found: dict[str, Mention] = {}
    for mention in mentions:
        if mention.text in shorts and mention.text not in own:
            found.setdefault(mention.text, mention)
    return list(found.values())


def _prepared(title: Doc, abstract: Doc):
    """The mentions per field, the proposals, and the paper's own entities (with short forms)."""
    docs = {"title": title, "abstract": abstract}
    propagate_names([title, abstract])
    spans = {field: mentions_of(doc, field) for field, doc in docs.items()}
    proposals = _proposals(docs, spans)
    paper_mentions = [m for pairs in spans.values() for _, m in pairs]
    proposed = [r.tail for r in proposals]
    proposed = proposed + _short_forms_of(proposed, docs, paper_mentions)
    return docs, spans, proposals, proposed, paper_mentions


def _candidates(doc, spans, rule_relations, proposed) -> list[RelationCandidate]:
    return relation_candidates(doc, spans, rule_relations, {fold(m.text) for m in proposed})


def _field_relations(doc, spans, proposed, paper_mentions, model: RelationModel | None) -> list[Relation]:
    """The trigger rules' relations, and the pairs the model adds to them (``None``: rules only).
    The rules are kept because on unseen papers they are the more precise signal; the model
    finds pairs no trigger words cover. Candidates are only built when a model reads them."""
    rule_relations = find_relations(doc, spans, proposed, paper_mentions)
    if model is None:
        return rule_relations
    return rule_relations + classify(_candidates(doc, spans, rule_relations, proposed), model)


def paper_candidates(title: Doc, abstract: Doc) -> list[RelationCandidate]:
    """The relation candidates of one paper, as the model sees them (for training)."""
    docs, spans, _, proposed, paper_mentions = _prepared(title, abstract)
    found = []
    for field, doc in docs.items():
        rule_relations = find_relations(doc, spans[field], proposed, paper_mentions)
        found += _candidates(doc, spans[field], rule_relations, proposed)
    return found


def extract_paper(
    paper_id: str, title: Doc, abstract: Doc, model: RelationModel | None = None
) -> PaperExtraction:
    """``model`` decides the relations it was trained for (``None``: the trigger rules do)."""
    docs, spans, proposals, proposed, paper_mentions = _prepared(title, abstract)
    relations = list(proposals)
    results = []
    for field, doc in docs.items():
        relations.extend(_field_relations(doc, spans[field], proposed, paper_mentions, model))
        results.extend(find_results(doc, spans[field], proposed, field))
    pairs = {Abbreviation(*found) for doc in docs.values() for found in doc.user_data.get(ABBREVIATIONS, [])}
    abbreviations = sorted(pairs, key=lambda a: (a.short_form, a.long_form, a.sentence))
    mentions = [m for field in ("title", "abstract") for _, m in spans[field]]
    return PaperExtraction(
        paper_id=paper_id,
        mentions=tuple(mentions),
        relations=tuple(_unique(_between_two_things(relations, abbreviations))),
        results=tuple(results),
        abbreviations=tuple(abbreviations),
    )


def _between_two_things(relations: list[Relation], abbreviations: list[Abbreviation]) -> list[Relation]:
    """Drop a relation between a name and its own short or long form ("DVPT usesMethod Dynamic
    Visual Prompt Tuning": both ends name one thing), and ``usesMethod`` between a variant and
    its family ("Korvath-Lite usesMethod Korvath"; "SigLIP 2 outperforms SigLIP" stays)."""
    same = {frozenset((fold(a.short_form), fold(a.long_form))) for a in abbreviations}
    families = {
        (fold(r.head.text), fold(r.tail.text))
        for r in relations
        if r.predicate is RelationType.VARIANT_OF and r.head is not None
    }
    kept = []
    for r in relations:
        if r.head is not None:
            pair = (fold(r.head.text), fold(r.tail.text))
            if frozenset(pair) in same:
                continue
            if r.predicate is RelationType.USES_METHOD and (pair in families or pair[::-1] in families):
                continue
        kept.append(r)
    return kept


def _unique(relations: list[Relation]) -> list[Relation]:
    """One relation per (head text, predicate, tail text), keeping the most confident."""
    best: dict[tuple[str, str, str], Relation] = {}
    for relation in relations:
        key = (relation.head.text if relation.head else "", relation.predicate.value, relation.tail.text)
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return sorted(
        best.values(), key=lambda r: (r.predicate.value, r.head.text if r.head else "", r.tail.text)
    )
