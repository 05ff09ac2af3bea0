"""Numbers listed in step with names: "ViTB-16 and ViTL-16 ... is 35% and 20% respectively",
"by 2.34% and 11.64% in terms of AUROC and FPR95". When a sentence lists k >= 2 numbers
one after another and also lists exactly k datasets or metrics (models only when it says
"respectively") joined by "," / "and" / "or", the i-th number belongs to the i-th name.

Example:
    >>> [list(g) for g in runs([(0, 3), (8, 11), (20, 23)], "35% and 20% but 10%", LIST_GLUE)]
    [[0, 1], [2]]
"""

from __future__ import annotations

import dataclasses
import re

from kg.records import EntityType, Mention, Result

RESPECTIVELY = re.compile(r"\brespectively\b|\bresp\.", re.IGNORECASE)
LIST_GLUE = re.compile(r"^\s*(?:,|and|or|, and|, or|vs\.?)\s*$")
ROLES = {
    "model": {EntityType.MODEL, EntityType.METHOD},
    "dataset": {EntityType.DATASET},
    "metric": {EntityType.METRIC},
}


def runs(spans: list[tuple[int, int]], text: str, glue: re.Pattern[str]) -> list[list[int]]:
    """Indices of ``spans`` grouped into runs whose gaps in ``text`` match ``glue``."""
    groups: list[list[int]] = []
    for index, (start, _) in enumerate(spans):
        if groups and glue.match(text[spans[groups[-1][-1]][1] : start]):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _name_lists(
    mentions: list[Mention], text: str, offset: int, types: set[EntityType]
) -> list[list[Mention]]:
    names = [m for m in mentions if m.type in types]
    spans = [(m.start - offset, m.end - offset) for m in names]
    return [[names[i] for i in group] for group in runs(spans, text, LIST_GLUE) if len(group) >= 2]


def pair_listed(results: list[Result], mentions: list[Mention], sentence: str, offset: int) -> list[Result]:
    """``results`` of one sentence (offsets in the field; the sentence starts at ``offset``),
    with each run of listed numbers given the names of an equally long list, in order."""
    if len(results) < 2:
        return results
    spans = [(r.start - offset, r.end - offset) for r in results]
    paired = list(results)
    for group in runs(spans, sentence, LIST_GLUE):
        if len(group) < 2:
            continue
        for role, types in ROLES.items():
            if role == "model" and not RESPECTIVELY.search(sentence):
                continue  # "outperforms A and B by 3.1 and 2.4 points": the subject's deltas
            lists = [
                names for names in _name_lists(mentions, sentence, offset, types) if len(names) == len(group)
            ]
            if len(lists) == 1:
                for index, mention in zip(group, lists[0], strict=True):
                    paired[index] = dataclasses.replace(paired[index], **{role: mention})
    return paired
