"""Abbreviation definitions, Schwartz–Hearst style: "Token Merging (ToMe)".

The short form in parentheses is matched right-to-left against the words before it;
the shortest run of words whose letters spell it (first letter at a word start) is the
long form. A pair becomes an entity when either form is already a typed candidate, or
the long form ends in a head noun ("... Networks (CNN)" -> Model); then every
occurrence of the short form in the doc is a mention too, and the resolver makes it an
alias of the long form corpus-wide.

Example:
    >>> find_pairs("We use Token Merging (ToMe) and receptive fields (RF).")
    [(7, 20, 22, 26), (32, 48, 50, 52)]
    >>> text = "We introduce Monarch Mixer (M2)."
    >>> [text[a:b] for a, b, _, _ in find_pairs(text)]
    ['Monarch Mixer']
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.candidates import add_candidate, candidates
from kg.extract.rules import ExtractionRules, default_rules
from kg.extract.sentences import sentence_at, sentences_of
from kg.records import EntityType

ABBREVIATIONS = "mlkg_abbreviations"
INTRODUCING = {
    "novel",
    "new",
    "our",
    "propose",
    "proposes",
    "introduce",
    "introduces",
    "present",
    "presents",
    "called",
    "dubbed",
    "termed",
    "named",
}
_PAREN = re.compile(r"\(\s*([^()\s][^()]{0,14}?)\s*\)")
_LEADING = re.compile(r"^(?:the|a|an|our|this|of|and|with|for|to)\s+", re.IGNORECASE)


def _title_case(text: str) -> bool:
    """Every word of four letters or more is capitalised ("Token Merging", "Dilated Convolution with ...")."""
    words = [w for w in re.split(r"[\s-]+", text) if len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


def _named_after_description(doc: Doc, long_span: Span, sent_start: int) -> bool:
    """ "we add a randomisation technique, Spiky Noise Augmentation (SNA)": a title-case name
    right after "a/an <description>," names the new thing the description introduces."""
    if long_span.start < 3 or doc[long_span.start - 1].text != "," or not _title_case(long_span.text):
        return False
    description = list(doc[max(sent_start, long_span.start - 7) : long_span.start - 1])
    while any(t.text in {",", ";", ":"} for t in description):  # only the clause before the name
        description = description[1:]
    return any(t.lower_ in {"a", "an"} for t in description[:4])


def _is_short_form(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(text) <= 12
        and len(words) <= 2
        and text[0].isalnum()
        and any(ch.isupper() for ch in text)
        and not any(ch in text for ch in "%=;,+")
        and not text.replace(".", "").isdigit()
    )


def best_long_form(short: str, candidate: str) -> int | None:
    """Offset in ``candidate`` where the long form of ``short`` starts (Schwartz & Hearst 2003)."""
    s, lpos = len(short) - 1, len(candidate) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while lpos >= 0 and (
            candidate[lpos].lower() != char or (s == 0 and lpos > 0 and candidate[lpos - 1].isalnum())
        ):
            lpos -= 1
        if lpos < 0:
            return None
        lpos -= 1
        s -= 1
    return candidate.rfind(" ", 0, lpos + 1) + 1


def capitals_start_words(short: str, long: str) -> bool:
    """Every capital after the first letter of ``short`` starts a word (or hyphen part) of
    ``long`` or is written as a capital there: "Token Merging (ToMe)" and "Sparse masKed
    modeling (SparK)" yes, "attribute prediction (ANet)" no.

    Example:
        >>> capitals_start_words("ToMe", "Token Merging")
        True
        >>> capitals_start_words("ANet", "attribute prediction")
        False
    """
    starts = {part[:1].lower() for part in re.split(r"[\s/-]+", long) if part}
    return all(ch.lower() in starts or ch in long for ch in short[1:] if ch.isupper())


def initials_long_form(short: str, candidate: str) -> int | None:
    """Offset of the words whose initials spell ``short`` ("Reading Order Reconstruction (ROR)",
    where letter matching alone would stop at "Reconstruction"); joining words may sit between.

    Example:
        >>> text = "pre-trained with Reading Order Reconstruction"
        >>> text[initials_long_form("ROR", text):]
        'Reading Order Reconstruction'
    """
    letters = [ch.lower() for ch in short if ch.isalpha()]
    if len(letters) < 2 or len(letters) != len([ch for ch in short if ch.isalnum()]):
        return None
    words = candidate.split(" ")
    index, needed = len(words) - 1, len(letters) - 1
    while index >= 0 and needed >= 0:
        word = words[index]
        if word[:1].lower() == letters[needed]:
            needed -= 1
        elif word.lower() not in _JOINING or needed == len(letters) - 1:
            return None
        index -= 1
    if needed >= 0:
        return None
    return len(" ".join(words[: index + 1])) + (1 if index >= 0 else 0)


_COUNTED = re.compile(r"^([A-Za-z])\^?(\d)$")
_JOINING = {"on", "of", "the", "and", "for", "with", "in", "to", "a"}


def counted_long_form(short: str, candidate: str) -> int | None:
    """Offset of the long form of a counted short form: "Monarch Mixer (M2)", "Scaling on Scales (S^2)"
    (a letter and how many words start with it)."""
    match = _COUNTED.match(short)
    if match is None:
        return None
    letter, count = match.group(1).lower(), int(match.group(2))
    words = candidate.split(" ")
    found = 0
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word[:1].lower() == letter:
            found += 1
            if found == count:
                return len(" ".join(words[:index])) + (1 if index else 0)
        elif word.lower() not in _JOINING:
            return None
    return None


def find_pairs(text: str) -> list[tuple[int, int, int, int]]:
    """``(long_start, long_end, short_start, short_end)`` for every definition in ``text``."""
    pairs = []
    for match in _PAREN.finditer(text):
        short = match.group(1)
        if not _is_short_form(short):
            continue
        before = text[: match.start()].rstrip()
        end = len(before)
        while end and before[end - 1] in "\"'\u201d\u2019":
            end -= 1
        words = before[:end].split(" ")
        window = min(len(short) + 5, 2 * len(short))
        candidate = " ".join(words[-window:])
        offset = initials_long_form(short, candidate)
        if offset is None:
            offset = best_long_form(short, candidate)
        if offset is None:
            candidate = " ".join(words[-8:])
            offset = counted_long_form(short, candidate)
        if offset is None:
            continue
        long_start = end - len(candidate) + offset
        long_text = text[long_start:end]
        stripped = long_text.lstrip("\"'\u201c\u2018")
        long_start += len(long_text) - len(stripped)
        lead = _LEADING.match(stripped)
        if lead:
            long_start += lead.end()
        if end - long_start <= len(short) or "(" in text[long_start:end]:
            continue
        if not capitals_start_words(short, text[long_start:end]):
            continue  # "attribute prediction (ANet)": the N starts no word, so no definition
        if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text[long_start:end], re.IGNORECASE):
            continue  # "X-v2 surpasses our model (X)": the short form is inside, so no definition
        pairs.append((long_start, end, match.start(1), match.start(1) + len(short)))
    return pairs


class AbbreviationMatcher:
    def __init__(self, rules: ExtractionRules) -> None:
        self.rules = rules

    def pair_type(
        self, by_offsets: dict[tuple[int, int], list[Span]], long_span: Span, short_span: Span
    ) -> EntityType | None:
        """The long form's own type, else the short form's (a shape guess last), else the head noun's.
        ``by_offsets``: the typed candidates by token offsets."""
        long_types = [EntityType(c.label_) for c in by_offsets.get((long_span.start, long_span.end), [])]
        short_types, shape_types = [], []
        if (short_span.start, short_span.end) != (long_span.start, long_span.end):
            for cand in by_offsets.get((short_span.start, short_span.end), []):
                (shape_types if cand.kb_id_.startswith("shape:") else short_types).append(
                    EntityType(cand.label_)
                )
        head = self.rules.head_nouns.get(long_span[-1].lower_)
        for found in (long_types, short_types, [head] if head else [], shape_types):
            if found:
                return found[0]
        if _title_case(long_span.text) and short_span.text[:1].isupper():
            return EntityType.METHOD  # "Optimal Brain Damage (OBD)": a named technique
        return None

    @staticmethod
    def introduced(doc: Doc, long_span: Span) -> bool:
        """The pair is the paper's own: "a novel X (Y)", "we propose X (Y)"."""
        sent_start = sentence_at(doc, long_span.start).start  # Span.sent rescans the doc
        before = doc[max(sent_start, long_span.start - 4) : long_span.start]
        if any(t.lower_ in INTRODUCING for t in before):
            return True
        words = [t.lower_ for t in doc[sent_start : long_span.start]]
        if "we" in words and any(w in INTRODUCING for w in words[words.index("we") :]):
            return True
        return _named_after_description(doc, long_span, sent_start)

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[str, str, str]] = []
        text = doc.text  # spaCy rebuilds it on every access
        by_offsets: dict[tuple[int, int], list[Span]] = {}
        for cand in candidates(doc):
            if cand.label_:
                by_offsets.setdefault((cand.start, cand.end), []).append(cand)

        def add(span: Span | None, entity_type: EntityType, rule: str) -> None:
            candidate = add_candidate(doc, span, entity_type, rule)
            if candidate is not None:  # later pairs see it, as they would in candidates(doc)
                by_offsets.setdefault((candidate.start, candidate.end), []).append(candidate)

        for sent in sentences_of(doc):
            for long_start, long_end, short_start, short_end in find_pairs(sent.text):
                base = sent.start_char
                long_span = doc.char_span(base + long_start, base + long_end, alignment_mode="expand")
                short_span = doc.char_span(base + short_start, base + short_end, alignment_mode="expand")
                if long_span is None or short_span is None:
                    continue
                entity_type = self.pair_type(by_offsets, long_span, short_span)
                if entity_type is None:
                    continue
                long_type = self.rules.head_nouns.get(long_span[-1].lower_)
                if long_type in (None, entity_type) or _title_case(long_span.text):
                    found.append((short_span.text, long_span.text, sent.text.strip()))
                    add(long_span, entity_type, "abbreviation:long")
                    if self.introduced(doc, long_span):
                        add(long_span, entity_type, "definition:abbreviation")
                pattern = re.compile(rf"(?<![\w-]){re.escape(short_span.text)}(?![\w-])")
                for match in pattern.finditer(text):
                    span = doc.char_span(match.start(), match.end())
                    add(span, entity_type, "abbreviation:short")
        doc.user_data[ABBREVIATIONS] = found
        return doc


@Language.factory("mlkg_abbreviations")
def make_abbreviation_matcher(nlp: Language, name: str) -> AbbreviationMatcher:
    return AbbreviationMatcher(default_rules())
