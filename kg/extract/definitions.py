"""Names a paper introduces: "we propose X", "a method called X", "dubbed X", "X, a new
benchmark", "which we name X", and titles such as "TinyCLIP: CLIP Distillation ...".

The type comes from the nearest head noun of the defining phrase (data:
``ontology/extraction/head_nouns.tsv``): "a method called X" -> Method, "a network
dubbed X" -> Model, "a new benchmark, X" -> Dataset; with no head noun the type is left
to the other signals. Every name found here is one the paper proposes (rule prefix
``definition:``), except appositions without "new/novel/our" (``context:apposition``).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("mlkg_sentencizer"); _ = nlp.add_pipe("mlkg_definitions")
    >>> doc = nlp("We propose a novel distillation method, called TinyCLIP, for CLIP.")
    >>> [(s.text, s.label_, s.kb_id_) for s in doc.spans["mlkg_candidates"]]
    [('TinyCLIP', 'Method', 'definition:called')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.candidates import add_candidate
from kg.extract.lexicon import Lexicon, default_lexicon
from kg.extract.rules import ExtractionRules, default_rules
from kg.extract.sentences import sentences_of
from kg.records import EntityType

QUOTES = {'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "`", "``", "''"}
SUBJECTS = {"we", "paper", "work", "study", "this", "here", "authors", "i"}
NEW_WORDS = {"new", "novel", "our", "first", "simple", "proposed"}
OWN_WORDS = {"newly"}  # "X, a newly assembled collection"
STOP_SCAN = {
    "called",
    "dubbed",
    "named",
    "termed",
    "which",
    "that",
    "to",
    "for",
    "of",
    "in",
    "on",
    "with",
    "from",
    "by",
    "as",
    "at",
    "into",
    "via",
}
TITLE_STOP = {
    "beyond",
    "not",
    "be",
    "may",
    "is",
    "are",
    "the",
    "a",
    "an",
    "of",
    "for",
    "to",
    "in",
    "on",
    "with",
    "when",
    "do",
    "we",
    "how",
    "what",
    "why",
    "does",
    "can",
    "towards",
    "toward",
    "rethinking",
    "revisiting",
    "you",
}
NOT_NAMES = {
    "we",
    "the",
    "a",
    "an",
    "this",
    "it",
    "our",
    "in",
    "to",
    "i",
    "they",
    "that",
    "on",
    "for",
    "with",
    "at",
    "by",
    "from",
    "of",
}


def _name_like(token: Token) -> bool:
    text = token.text
    if token.is_punct or token.is_space or not any(ch.isalnum() for ch in text):
        return False
    if text.lower() in NOT_NAMES:
        return False
    has_upper_inside = any(ch.isupper() for ch in text[1:])
    has_digit = any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text)
    return has_upper_inside or has_digit or text[0].isupper()


def _attached(doc: Doc, end: int) -> bool:
    """The token at ``end`` continues the name before it without a space ("ViT" "-" "B/16")."""
    return (
        end < len(doc)
        and doc[end - 1].whitespace_ == ""
        and doc[end].text not in {",", ";", ":", ".", "(", ")", "!", "?"} | QUOTES
    )


def name_after(doc: Doc, i: int, limit: int, compounds: bool = False) -> Span | None:
    """The name starting at token ``i`` (quoted phrase, or a run of name-like tokens; with
    ``compounds``, also a lower-case hyphenated word such as "probe-and-rank")."""
    while i < limit and doc[i].text in {":", "as"}:
        i += 1
    if i >= limit:
        return None
    if doc[i].text in QUOTES:
        for j in range(i + 1, min(limit, i + 14)):
            if doc[j].text in QUOTES:
                quoted = doc[i + 1 : j]
                named = len(quoted) > 1 or any(ch.isupper() or ch.isdigit() for ch in quoted.text)
                return quoted if j > i + 1 and named else None  # not a quoted plain word ("seed")
        return None
    if compounds and doc[i].is_lower and i + 2 < limit and doc[i + 1].text == "-" and _attached(doc, i + 1):
        end = i + 1
        while end < limit and _attached(doc, end):
            end += 1
        return doc[i:end] if end >= limit or doc[end].is_punct else None
    if not _name_like(doc[i]) or doc[i].text.isdigit():
        return None
    end = i + 1
    title_case = doc[i].text[:1].isupper()
    while end < limit:
        next_title_word = title_case and doc[end].text[:1].isupper() and doc[end].is_alpha and end - i < 5
        if _attached(doc, end) or next_title_word:
            end += 1
        else:
            break
    while end > i + 1 and doc[end - 1].text in {"-", "/", "."}:
        end -= 1
    return doc[i:end]


CLAUSE_WORDS = {
    "that",
    "which",
    "to",
    "for",
    "and",
    "or",
    "with",
    "in",
    "on",
    "as",
    "is",
    "are",
    "was",
    "by",
    "from",
    "of",
    "achieves",
    "uses",
    "using",
    "can",
    "where",
    "whose",
    "while",
    "based",
    "at",
    "into",
    "across",
    "via",
}


NP_START = {"a", "an", "the", "our", "this", "its", "their", "these", "two", "one"}


def _noun_phrase_before(back: list[Token]) -> list[Token]:
    """The tokens (read backwards from a naming cue) of the noun phrase it names, up to its
    determiner: "a repair critic dubbed X" stops at "a", so an earlier "prompt" is not read."""
    out = []
    for token in back:
        if token.lower_ in NP_START:
            break
        if out and token.lower_ in CLAUSE_WORDS:
            break
        out.append(token)
    return out


def _we_release(doc: Doc, start: int, end: int) -> bool:
    """ "X, a corpus of ... that we crawl / which we release": the apposition says the paper made X."""
    words = [t.lower_ for t in doc[start : min(end, start + 30)]]
    return any(a in {"that", "which"} and b == "we" for a, b in zip(words, words[1:], strict=False))


def _skip_parenthesis(doc: Doc, i: int, limit: int) -> int:
    """The token after a parenthesised group starting at ``i`` ("X (XS), a method"), else ``i``."""
    if i < limit and doc[i].text == "(":
        for j in range(i + 1, min(limit, i + 8)):
            if doc[j].text == ")":
                return j + 1
    return i


def _phrase(tokens: list[Token]) -> list[Token]:
    """Tokens up to the end of the clause (",", ";", ".")."""
    out = []
    for token in tokens:
        if token.text in {",", ";", ".", ":"}:
            break
        out.append(token)
    return out


class DefinitionMatcher:
    def __init__(self, rules: ExtractionRules, lexicon: Lexicon) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.naming = sorted(
            (tuple(cue.split()) for cue, kind in rules.definition_cues.items() if kind == "naming"),
            key=lambda words: -len(words),
        )
        self.verbs = {cue for cue, kind in rules.definition_cues.items() if kind == "verb"}

    def phrase_head_type(self, tokens: list[Token]) -> EntityType | None:
        """The type of the head noun of a noun phrase read forwards ("a radar-camera fusion
        network that ..." -> network): the last head noun before a clause word."""
        phrase = []
        for token in tokens:
            if phrase and token.lower_ in CLAUSE_WORDS:
                break
            phrase.append(token)
        return self.head_type(list(reversed(phrase)))

    def head_type(self, tokens: list[Token]) -> EntityType | None:
        for token in tokens:
            found = self.rules.head_nouns.get(token.lower_)
            if found:
                return found
        return None

    def _add(self, doc: Doc, name: Span | None, entity_type: EntityType | None, rule: str) -> None:
        if name is not None and not self.lexicon.is_generic(name.text) and len(name.text) > 1:
            add_candidate(doc, name, entity_type, rule)

    def __call__(self, doc: Doc) -> Doc:
        for sent in sentences_of(doc):
            self._naming(doc, sent)
            self._verbs(doc, sent)
            self._appositions(doc, sent)
        self._title(doc)
        return doc

    def _naming(self, doc: Doc, sent: Span) -> None:
        lowered = [t.lower_ for t in sent]
        for k in range(len(sent)):
            for cue in self.naming:
                if tuple(lowered[k : k + len(cue)]) != cue:
                    continue
                start = sent.start + k
                i = start + len(cue)
                back = _noun_phrase_before(list(reversed(doc[max(sent.start, start - 8) : start])))
                if i < sent.end and doc[i].lower_ in {"this", "it", "the", "our", "them", "these"}:
                    skipped = []
                    for token in doc[i : min(sent.end, i + 5)]:
                        if not token.is_lower:
                            break
                        skipped.append(token)
                    i += len(skipped) if len(skipped) <= 4 else 1
                    back = list(reversed(skipped)) + back
                name = name_after(doc, i, sent.end, compounds=True)
                self._add(doc, name, self._named_head_type(doc, start, sent, back), f"definition:{cue[-1]}")
                break

    def _named_head_type(self, doc: Doc, cue: int, sent: Span, back: list[Token]) -> EntityType | None:
        """The head noun a naming cue refers to: "a new benchmark for image classification,
        termed X" -> benchmark, the noun before the prepositional phrase."""
        words = list(reversed(doc[max(sent.start, cue - 10) : cue]))
        for k, token in enumerate(words):
            if token.lower_ in NP_START:
                break  # "a learned gate, called X": no preposition inside the named phrase
            if token.lower_ in {"for", "with", "in"}:  # not "a set of", "a head on"
                head = self.head_type(_noun_phrase_before(words[k + 1 :]))
                if head is not None:
                    return head
                break
        return self.head_type(back)

    def _verbs(self, doc: Doc, sent: Span) -> None:
        for token in sent:
            if token.lower_ not in self.verbs:
                continue
            before = {t.lower_ for t in doc[max(sent.start, token.i - 3) : token.i]}
            if not before & SUBJECTS:
                continue
            i = token.i + 1
            scanned: list[Token] = []
            while i < sent.end and (doc[i].lower_ in {"a", "an", "the"} | NEW_WORDS or doc[i].is_lower):
                if doc[i].lower_ in STOP_SCAN:
                    break
                scanned.append(doc[i])
                i += 1
                if len(scanned) > 8:
                    break
            if i < sent.end and doc[i].text in {",", ":"} and scanned:
                i += 1
            name = name_after(doc, i, sent.end)
            if name is None:
                continue
            after = list(doc[_skip_parenthesis(doc, name.end, sent.end) : min(sent.end, name.end + 14)])
            if after and after[0].is_lower and after[0].is_alpha and after[0].lower_ not in CLAUSE_WORDS:
                noun_type = self.rules.head_nouns.get(after[0].lower_)
                if noun_type is None:
                    continue  # "a Python package": the name only modifies another noun
                self._add(doc, name, noun_type, f"definition:{token.lower_}")
                continue
            entity_type = self.head_type(list(reversed(scanned)))
            if entity_type is None and after[:1] and after[0].text == ",":
                entity_type = self.phrase_head_type(_phrase(after[1:]))
            if entity_type is None and token.lower_ in DATA_VERBS:
                entity_type = EntityType.DATASET  # "we collect HarborVoice-300, 300 hours of ..."
            self._add(doc, name, entity_type, f"definition:{token.lower_}")

    def _appositions(self, doc: Doc, sent: Span) -> None:
        for token in sent:
            if token.text != "," or token.i + 2 >= sent.end or doc[token.i + 1].lower_ not in {"a", "an"}:
                continue
            start = token.i
            while start > sent.start and (_name_like(doc[start - 1]) or _attached(doc, start)):
                start -= 1
                if not _attached(doc, start) and start < token.i - 1:
                    break
            if start == token.i:
                continue
            name = name_after(doc, start, token.i)
            if name is None or name.end != token.i:
                continue
            phrase = []
            for t in doc[token.i + 2 : min(sent.end, token.i + 10)]:
                if t.text in {",", ";", "."}:
                    break
                phrase.append(t)
            entity_type = self.phrase_head_type(phrase)
            if entity_type is None:
                continue
            new = any(t.lower_ in NEW_WORDS | OWN_WORDS for t in phrase) or _we_release(
                doc, token.i, sent.end
            )
            self._add(doc, name, entity_type, "definition:apposition" if new else "context:apposition")

    def _title(self, doc: Doc) -> None:
        for token in doc[:6]:
            if token.text == ":" and token.i > 0:
                name = name_after(doc, 0, token.i)
                if (
                    name is not None
                    and name.end == token.i
                    and not any(t.is_lower or t.lower_ in TITLE_STOP for t in name)
                ):
                    self._add(doc, name, self._subtitle_type(doc, token.i + 1), "definition:title")
                return

    def _subtitle_type(self, doc: Doc, start: int) -> EntityType | None:
        """ "SELECT: A Large-Scale Benchmark of ..." -> Dataset: a subtitle that opens with an
        article describes the name by its head noun (None when it does not)."""
        if start >= len(doc) or doc[start].lower_ not in {"a", "an", "the"}:
            return None
        phrase = []
        for t in doc[start + 1 : min(len(doc), start + 8)]:
            if t.lower_ in SUBTITLE_STOP:
                break
            phrase.append(t)
        return self.head_type(list(reversed(phrase)))


DATA_VERBS = {"collect", "collects", "curate", "curates", "assemble", "assembles", "compile", "compiles"}
SUBTITLE_STOP = {"of", "for", "with", "via", "to", "that", "in", "on", "and", ",", ":", ";", "("}


@Language.factory("mlkg_definitions")
def make_definition_matcher(nlp: Language, name: str) -> DefinitionMatcher:
    return DefinitionMatcher(default_rules(), default_lexicon())
