"""Plain capitalised words listed with a dataset are datasets too (and so are names whose
only type was a shape's guess).

Dataset names are often ordinary words ("Weather", "Traffic", "Shakespeare") or names no
lexicon knows ("Misawa", "Dunnhumby"), so no shape finds them. Listed with a dataset the
extraction did find ("ETTh1, Weather and Traffic benchmarks", "FEMNIST and Shakespeare",
"datasets (REAL-Colon, Misawa, and SUN)"), they are named as datasets by the list itself.
A list item is one or two capitalised words between list joiners; the list must also end
where a list ends (a closing bracket, clause punctuation, a dataset head noun or a
preposition), so "on COCO and Mask R-CNN improves" is not read as a list of datasets.

Example:
    >>> [bool(_ITEM_WORD.match(w)) for w in ("Weather", "SUN", "REAL-Colon", "weather", "The")]
    [True, True, True, False, True]
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.records import EntityType

DATASET = EntityType.DATASET.value
RULE = "list:dataset"
_ITEM_WORD = re.compile(r"^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")
JOINERS = (
    ("and",),
    (",",),
    (",", "and"),
    ("or",),
    (",", "or"),
    (",", "on"),
    ("and", "on"),
    (",", "and", "on"),
)
# words that end a list of datasets
LIST_END = {")", ".", ",", ";", ":", "datasets", "dataset", "benchmarks", "benchmark", "from", "with", "for"}
# capitalised words that are not names
NOT_NAMES = {
    "the",
    "a",
    "an",
    "we",
    "our",
    "it",
    "its",
    "this",
    "these",
    "in",
    "on",
    "for",
    "both",
    "all",
    "table",
    "figure",
    "fig",
    "section",
    "code",
    "experiments",
    "results",
}


def _joiner_at(doc: Doc, i: int) -> int:
    """How many tokens of list joiner start at ``i`` (0 when none)."""
    for joiner in sorted(JOINERS, key=len, reverse=True):
        words = tuple(t.lower_ for t in doc[i : i + len(joiner)])
        if words == joiner:
            return len(joiner)
    return 0


def _word_end(doc: Doc, i: int) -> int:
    """End of the written word starting at token ``i`` ("REAL-Colon" is three tokens)."""
    j = i
    while j + 1 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text not in LIST_END:
        j += 1
    return j + 1


def _item_at(doc: Doc, i: int, taken: set[int]) -> int:
    """Length in tokens of a one- or two-word capitalised item at ``i`` (0 when there is none)."""
    end, words = i, 0
    while words < 2 and end < len(doc):
        word_end = _word_end(doc, end)
        if (
            taken & set(range(end, word_end))
            or not _ITEM_WORD.match(doc[end:word_end].text)
            or doc[end].lower_ in NOT_NAMES
            or doc[end].is_sent_start
        ):
            break
        end, words = word_end, words + 1
    return end - i


def _ends_list(doc: Doc, i: int) -> bool:
    return i >= len(doc) or doc[i].lower_ in LIST_END or doc[i].is_sent_start or _joiner_at(doc, i) > 0


HEADS = {"datasets", "benchmarks", "corpora"}


def add_listed_datasets(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` plus a Dataset span for each plain capitalised item of a list of datasets:
    listed after a found dataset, listed before a plural head ("Instacart and Dunnhumby
    datasets"), or in brackets after one ("datasets (REAL-Colon, Misawa, and SUN)")."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    by_start = {ent.start: ent for ent in ents}
    added: list[Span] = []
    retyped: dict[int, Span] = {}

    def add(start: int, length: int) -> None:
        span = Span(doc, start, start + length, label=DATASET, kb_id=RULE)
        added.append(span)
        taken.update(range(span.start, span.end))

    def walk_forward(i: int, closing: str | None) -> None:
        """Items after position ``i`` (right after a dataset or an opening bracket)."""
        first = closing is not None
        closed = False  # the item after "and"/"or" is the last: "On A and B, C improves"
        while not closed:
            step = 0 if first else _joiner_at(doc, i)
            if not first and step == 0:
                return
            closed = any(t.lower_ in {"and", "or"} for t in doc[i : i + step])  # "and on C" too
            first = False
            start = i + step
            known = by_start.get(start)
            if known is not None:
                if known.label_ != DATASET and not _shape_only(known):
                    return
                if known.label_ != DATASET:  # "On HotpotQA and MuSiQue": a shape's guess gives way
                    if not (closed or _joiner_at(doc, known.end) or _ends_list(doc, known.end)):
                        return  # "On HumanEval, QuillCoder-7B reaches": a subject, not an item
                    retyped[known.start] = Span(doc, known.start, known.end, label=DATASET, kb_id=RULE)
                i = known.end
                continue
            length = _item_at(doc, start, taken)
            end = start + length
            closes = end < len(doc) and doc[end].text == closing
            if not length or not (
                closes or (closing is None and _ends_list(doc, end)) or _joiner_at(doc, end)
            ):
                return
            add(start, length)
            i = end

    for ent in ents:
        if ent.label_ == DATASET and not _after_and(doc, ent.start):
            walk_forward(ent.end, None)
    for token in doc:
        if token.text == "(" and token.i > 0 and doc[token.i - 1].lower_ in HEADS:
            walk_forward(token.i + 1, ")")
        if token.lower_ in HEADS and token.i > 0:
            _walk_back(doc, token.i, taken, add)
    kept = [retyped.get(ent.start, ent) for ent in ents]
    return sorted(kept + added, key=lambda s: s.start)


def _after_and(doc: Doc, i: int) -> bool:
    """Token ``i`` follows "and"/"or" (", and the"): it closes a list, nothing follows it."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in {"the", "a", "an", "on", "in"}:
        j -= 1
    return j >= 0 and doc[j].lower_ in {"and", "or"}


def _shape_only(ent: Span) -> bool:
    """Typed by its shape alone (no lexicon, definition or context word): a guess."""
    return ent.kb_id_.startswith("shape:") and "+" not in ent.kb_id_ and ent.label_ == "Model"


def _walk_back(doc: Doc, head: int, taken: set[int], add) -> None:
    """Items listed right before a plural head, last first ("Instacart and Dunnhumby datasets")."""
    items: list[tuple[int, int]] = []
    end = head
    while True:
        length = 0
        while length < 2 and end - length - 1 >= 0 and _item_at(doc, end - length - 1, taken) > length:
            length += 1
        if not length:
            break
        items.append((end - length, length))
        joiner = next(
            (len(j) for j in sorted(JOINERS, key=len, reverse=True) if _joiner_before(doc, end - length, j)),
            0,
        )
        if not joiner:
            break
        end = end - length - joiner
    if len(items) >= 2:  # one capitalised word before "datasets" may be anything ("Public datasets")
        for start, length in items:
            add(start, length)


def _joiner_before(doc: Doc, i: int, joiner: tuple[str, ...]) -> bool:
    return i - len(joiner) >= 0 and tuple(t.lower_ for t in doc[i - len(joiner) : i]) == joiner
