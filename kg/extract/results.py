"""Reported numbers with the metric, model and dataset their sentence names.

"our TinyCLIP ViT-8M/16 ... achieves ... zero-shot top-1 accuracy of 41.1% on ImageNet"
-> Result(41.1, "%", model=ViT-8M/16 mention, dataset=ImageNet, metric=top-1 accuracy).
Also speed-ups ("2x throughput", "1.4 - 7.8 times": the value is the first number, the
text keeps the range), sizes ("436M parameters") and bare scores next to a metric
("53.9 AP", "mAP of 55.3"). Values are ``Decimal``, never floats.

Example:
    >>> [m.group(0) for m in NUMBER.finditer("41.1% on ImageNet, 2x faster, 1.4 - 7.8 times, 436M parameters")]
    ['41.1%', '2x', '1.4 - 7.8 times', '436M parameters']
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc, Span

from kg.records import EntityType, Mention, Result

NUMBER = re.compile(
    r"(?<![\w.])(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(?:-|–|~|to)\s?(?P<upper>\d+(?:\.\d+)?))?"
    r"(?:\s?(?P<unit>%|×|x(?![a-z])|X(?![a-z])|times|fold|(?P<size>[MBKT])\s?(?:parameters|params)))?"
    r"(?![\w%])"
)
YEAR = re.compile(r"^(19|20)\d\d$")
MODEL_TYPES = {EntityType.MODEL, EntityType.METHOD}


def _unit(match: re.Match[str]) -> str | None:
    unit = match.group("unit")
    if unit is None:
        return None
    if match.group("size"):
        return match.group("size") + " parameters"
    return {"×": "x", "X": "x", "times": "x", "fold": "x"}.get(unit, unit)


def _nearest(mentions: list[Mention], position: int, types: set[EntityType], prefer: str) -> Mention | None:
    candidates = [m for m in mentions if m.type in types]
    if not candidates:
        return None
    before = [m for m in candidates if m.end <= position]
    after = [m for m in candidates if m.start >= position]
    if prefer == "before" and before:
        return max(before, key=lambda m: m.end)
    if prefer == "after" and after:
        return min(after, key=lambda m: m.start)
    return min(candidates, key=lambda m: min(abs(m.start - position), abs(m.end - position)))


def find_results(
    doc: Doc, mentions: list[tuple[Span, Mention]], proposed: list[Mention], field: str
) -> list[Result]:
    results: list[Result] = []
    for sent in doc.sents:
        in_sentence = [m for span, m in mentions if span.sent.start == sent.start]
        taken = [(m.start, m.end) for m in in_sentence]
        speaks_for_authors = any(t.lower_ in {"we", "our"} for t in sent)
        for match in NUMBER.finditer(sent.text):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            unit = _unit(match)
            metric = _nearest(in_sentence, start, {EntityType.METRIC}, "near")
            if unit is None:
                near_metric = metric is not None and min(abs(metric.end - start), abs(end - metric.start)) <= 8
                if not near_metric or YEAR.match(match.group("value")):
                    continue
                unit = ""
            elif unit.endswith("parameters"):
                metric = None
            try:
                value = Decimal(match.group("value").replace(",", ""))
            except InvalidOperation:
                continue
            model = _nearest(in_sentence, start, MODEL_TYPES, "before")
            if model is None and speaks_for_authors and proposed:
                model = proposed[0]
            dataset = _nearest(in_sentence, end, {EntityType.DATASET}, "after")
            confidence = 0.5 + 0.15 * (metric is not None) + 0.15 * (model is not None) + 0.1 * (dataset is not None)
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
                    rule="result:" + ("size" if unit.endswith("parameters") else "speedup" if unit == "x" else "score"),
                    model=model,
                    dataset=dataset,
                    metric=metric,
                )
            )
    return results
