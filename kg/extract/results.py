"""Reported numbers with the metric, model and dataset their sentence names.

"our TinyCLIP ViT-8M/16 ... achieves ... zero-shot top-1 accuracy of 41.1% on ImageNet"
-> Result(41.1, "%", model=ViT-8M/16 mention, dataset=ImageNet, metric=top-1 accuracy).
Also speed-ups ("2x throughput", "1.4 - 7.8 times": the value is the first number, the
text keeps the range), sizes ("436M parameters") and bare scores next to a metric
("53.9 AP", "mAP of 55.3"). Values are ``Decimal``, never floats.

Example:
    >>> text = "41.1% on ImageNet, 2x faster, 1.4 - 7.8 times, 436M parameters"
    >>> [m.group(0) for m in NUMBER.finditer(text)]
    ['41.1%', '2x', '1.4 - 7.8 times', '436M parameters']
    >>> [m.group(0) for m in NUMBER.finditer("+1.1%, 62.7/42.1 and 84.3\\\\% for top-1")]
    ['+1.1%', '62.7/42.1', '84.3\\\\%']
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc, Span

from kg.extract.paired_lists import pair_listed
from kg.extract.rules import default_rules
from kg.extract.sentences import sentence_at, sentences_of
from kg.records import EntityType, Mention, Result

NUMBER = re.compile(
    r"(?:(?<![\w.])[+-]|(?<![\w.+/-]))(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:/[+-]?\d+(?:\.\d+)?)*"
    r"(?:\s?(?:-|–|~|to)\s?(?P<upper>\d+(?:\.\d+)?))?"
    r"(?:\s?(?P<unit>\\?%|×|x(?![a-z])|X(?![a-z])|times|fold|(?P<size>[MBKT])\s?(?:parameters|params)"
    r"|points?|pts|p\.p\.|hours?|ms|kHz|Hz|cm|mm|KB|MB|GB))?"
    r"(?![\w%])"
)
CLAUSE_END = re.compile(r";\s*")
YEAR = re.compile(r"^(19|20)\d\d$")
MODEL_TYPES = {EntityType.MODEL, EntityType.METHOD}


def _unit(match: re.Match[str]) -> str | None:
    unit = match.group("unit")
    if unit is None:
        return None
    if match.group("size"):
        return match.group("size") + " parameters"
    return UNITS.get(unit, unit)


UNITS = {
    "×": "x",
    "X": "x",
    "times": "x",
    "fold": "x",
    "\\%": "%",
    "point": "points",
    "pts": "points",
    "p.p.": "points",
    "hour": "hours",
}
FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
SCORE_VERB = re.compile(
    r"\b(?:of|by|to|reaches|reach|achieves|achieve|obtains|scores|attains)\s+$", re.IGNORECASE
)


def numbers(text: str) -> list[re.Match[str]]:
    """The numbers of a sentence; "from 0.71 to 0.78" is two numbers (before and after), not a range."""
    found = []
    for match in NUMBER.finditer(text):
        upper = match.group("upper")
        if upper and FROM.search(text, 0, match.start()) and " to " in match.group(0):
            first = NUMBER.match(text, match.start(), match.start() + match.group(0).index(" to "))
            second = NUMBER.match(text, match.start("upper"))
            found.extend(m for m in (first, second) if m is not None)
        else:
            found.append(match)
    return found


def _metric_for(mentions: list[Mention], start: int, end: int, text: str = "") -> Mention | None:
    """The metric written next to the number ("41.1% top-1 accuracy", "accuracy of 41.1%"),
    the nearer one when both sides have one, never across a comma ("accuracy of 88.0%, ADE20K
    mIoU of 55.6%"); else the sentence's first metric (a delta "by 3.5%" reports the same measure)."""
    metrics = [m for m in mentions if m.type is EntityType.METRIC]

    def gap(a: int, b: int) -> str:
        return text[a:b] if text else ""

    after = [m for m in metrics if 0 <= m.start - end <= 12 and not _BREAK.search(gap(end, m.start))]
    before = [m for m in metrics if 0 <= start - m.end <= 12 and not _BREAK.search(gap(m.end, start))]
    near = sorted(
        [(m.start - end, 0, m) for m in after[:1]] + [(start - m.end, 1, m) for m in before[-1:]],
        key=lambda item: item[:2],
    )
    return near[0][2] if near else (metrics or [None])[0]


_BREAK = re.compile(r"[,;(]")


def _adjacent_metric(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """A metric within two words after a speed-up ("2x the throughput", "9.1times higher throughput")."""
    metrics = [m for m in mentions if m.type is EntityType.METRIC and 0 <= m.start - end <= 16]
    return metrics[0] if metrics else None


def _owner_of_number(text: str, mentions: list[Mention], start: int) -> Mention | None:
    """The model a number is written right after: "Contact-GraspNet (61.2%)", "YOLOv7-E6 object
    detector (56 FPS V100, ...)", "CLIP's 68.3%" (a baseline's own number is the baseline's)."""
    models = [m for m in mentions if m.type in MODEL_TYPES and m.end <= start]
    if not models:
        return None
    nearest = max(models, key=lambda m: m.end)
    gap = text[nearest.end : start]
    if _OWN_PARENTHESIS.match(gap) or _POSSESSIVE.match(gap):
        return nearest
    return None


_OWN_PARENTHESIS = re.compile(r"^(?:\s+[a-z-]+){0,2}\s*\([^()]*$")
_POSSESSIVE = re.compile(r"^['’]s?\s+$")


def _model_for(mentions: list[Mention], start: int, proposed: list[Mention]) -> Mention | None:
    """The paper's own model when the sentence names it (the nearest before the number, or a
    variant of it written there: "BEVira-L achieves 61.8 NDS"), else the first model named
    before the number."""
    own = {m.text for m in proposed}
    candidates = [m for m in mentions if m.type in MODEL_TYPES]
    owned = [m for m in candidates if m.text in own]
    if owned:
        variants = [
            m
            for m in candidates
            if m.end <= start and any(m.text != o.text and m.text.startswith(o.text) for o in owned)
        ]
        earlier = [m for m in owned if m.end <= start]
        return (variants or earlier or owned)[-1 if variants or earlier else 0]
    before = [
        m for m in candidates if m.end <= start and (m.type is EntityType.MODEL or m.text[:1].isupper())
    ]
    if before:
        return before[0]
    return candidates[0] if candidates else None


TRAINED_ON = re.compile(
    r"(?:train\w*|fine-?tun\w*|-trained)\s+(?:(?:on|with|using)\s+)?(?:the\s+)?$", re.IGNORECASE
)


def _dataset_for(mentions: list[Mention], end: int, text: str = "") -> Mention | None:
    """The dataset the number is measured on: the first named after it, else the last before
    it; never one the sentence names as training data ("trained on YFCC-15M")."""
    datasets = [
        m
        for m in mentions
        if m.type is EntityType.DATASET and not TRAINED_ON.search(text, max(0, m.start - 30), m.start)
    ]
    after = [m for m in datasets if m.start >= end]
    before = [m for m in datasets if m.end <= end]
    return after[0] if after else (before[-1] if before else None)


def describes_a_setting(after: str, setting_words: frozenset[str]) -> bool:
    """A number the next words call a setting ("98% masking ratio") reports no result.

    Example:
        >>> describes_a_setting(" masking ratio).", frozenset({"masking ratio"}))
        True
        >>> describes_a_setting(" top-1 accuracy", frozenset({"masking ratio"}))
        False
    """
    words = after.lstrip(" )").lower()
    return any(
        words.startswith(w) and (len(words) == len(w) or not words[len(w)].isalnum()) for w in setting_words
    )


def find_results(
    doc: Doc, mentions: list[tuple[Span, Mention]], proposed: list[Mention], field: str
) -> list[Result]:
    results: list[Result] = []
    text = doc.text  # spaCy rebuilds it on every access
    setting_words = default_rules().setting_words
    by_sentence: dict[int, list[Mention]] = {}
    for span, m in mentions:
        by_sentence.setdefault(sentence_at(doc, span.start).start, []).append(m)
    for sent in sentences_of(doc):
        before = len(results)
        in_sentence = by_sentence.get(sent.start, [])
        taken = [(m.start, m.end) for m in in_sentence]
        clauses = [sent.start_char + c.end() for c in CLAUSE_END.finditer(sent.text)]
        for match in numbers(sent.text):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if any(s <= start < e for s, e in taken):
                continue  # a number inside a name ("ResNet-50")
            if describes_a_setting(text[end : end + 40], setting_words):
                continue
            low = max([sent.start_char, *(c for c in clauses if c <= start)])
            high = min([sent.end_char, *(c for c in clauses if c > end)])
            in_clause = [m for m in in_sentence if low <= m.start and m.end <= high]
            unit = _unit(match)
            metric = _metric_for(in_clause, start, end, text) or _metric_for(in_sentence, start, end, text)
            if unit is None:
                near_metric = (
                    metric is not None and min(abs(metric.end - start), abs(end - metric.start)) <= 8
                )
                scored = "." in match.group("value") and SCORE_VERB.search(sent.text, 0, match.start())
                if not (near_metric or scored) or YEAR.match(match.group("value")):
                    continue  # "a normalized return of 97.4" is a score, "36 languages" is not
                unit = ""
            elif unit.endswith("parameters"):
                metric = None
            elif unit == "x":
                metric = _adjacent_metric(
                    in_sentence, start, end
                )  # "2x throughput", "9.1times higher throughput"
            try:
                value = Decimal(match.group("value").replace(",", ""))
                if match.group(0).startswith("-"):
                    value = -value
            except InvalidOperation:
                continue
            model = (
                _owner_of_number(text, in_sentence, start)
                or _model_for(in_clause, start, proposed)
                or _model_for(in_sentence, start, proposed)
            )
            dataset = (
                None if unit == "x" else _dataset_for(in_clause, end, text)
            )  # a speed-up is not per dataset
            confidence = (
                0.5 + 0.15 * (metric is not None) + 0.15 * (model is not None) + 0.1 * (dataset is not None)
            )
            results.append(
                Result(
                    value=value,
                    unit=unit,
                    text=match.group(0),
                    field=field,
                    start=start,
                    end=end,
                    sentence=sent.text.strip(),
                    confidence=round(confidence, 2),
                    rule="result:"
                    + ("size" if unit.endswith("parameters") else "speedup" if unit == "x" else "score"),
                    model=model,
                    dataset=dataset,
                    metric=metric,
                )
            )
        results[before:] = pair_listed(results[before:], in_sentence, sent.text, sent.start_char)
    return results
