"""Leak-free train/valid/test splits, random or temporal.

Facts are split by *entity pair*: every triple that links the same two nodes, in either
direction and by any relation, lands in one split. So a test triple can have no inverse
and no duplicate under another relation (``proposes`` vs ``mentions``) in training, by
construction rather than by later clean-up. Name-derived relations (``variantOf``) are kept
in training unless asked for, since they are read off the names and are trivially
predictable.

Example:
    >>> from kg.linkpred.triples import LinkTriple
    >>> ts = [LinkTriple(f"paper/{i}", "mentions", f"model/m{i % 3}") for i in range(30)]
    >>> s = split_random(ts, ratios=(0.8, 0.1, 0.1), seed=1)
    >>> len(s.train) + len(s.valid) + len(s.test) + len(s.dropped) == 30
    True
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kg.errors import MlkgError
from kg.linkpred.triples import DERIVED_RELATIONS, LinkTriple

Pair = tuple[str, str]


@dataclass(frozen=True)
class Split:
    """Three triple lists plus what was set aside and why; ``rule`` says how it was made."""

    train: tuple[LinkTriple, ...]
    valid: tuple[LinkTriple, ...]
    test: tuple[LinkTriple, ...]
    rule: str
    seed: int | None
    moved_to_train: int = 0
    dropped: tuple[LinkTriple, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)


def pair_of(triple: LinkTriple) -> Pair:
    """The unordered entity pair a triple links."""
    a, b = sorted((triple.head, triple.tail))
    return a, b


def group_by_pair(triples: Iterable[LinkTriple]) -> dict[Pair, list[LinkTriple]]:
    groups: dict[Pair, list[LinkTriple]] = defaultdict(list)
    for triple in triples:
        groups[pair_of(triple)].append(triple)
    return {pair: sorted(group) for pair, group in sorted(groups.items())}


def _check_ratios(ratios: Sequence[float]) -> tuple[float, float, float]:
    if len(ratios) != 3 or any(r < 0 for r in ratios) or abs(sum(ratios) - 1.0) > 1e-6:
        raise MlkgError(f"--ratios must be three non-negative numbers summing to 1, got {list(ratios)}")
    return ratios[0], ratios[1], ratios[2]


def _is_pinned(group: list[LinkTriple], derived_in_test: bool) -> bool:
    return not derived_in_test and any(t.relation in DERIVED_RELATIONS for t in group)


def _cover_entities(
    train: list[list[LinkTriple]], held: list[list[LinkTriple]]
) -> tuple[list[list[LinkTriple]], int]:
    """Move held-out groups whose entities training never sees into training, until stable."""
    seen = {n for g in train for t in g for n in (t.head, t.tail)}
    moved = 0
    changed = True
    kept = list(held)
    while changed:
        changed = False
        still: list[list[LinkTriple]] = []
        for group in kept:
            if _known(group, seen):
                still.append(group)
            else:
                train.append(group)
                seen.update(n for t in group for n in (t.head, t.tail))
                moved += len(group)
                changed = True
        kept = still
    return kept, moved


def split_random(
    triples: Sequence[LinkTriple],
    ratios: Sequence[float] = (0.8, 0.1, 0.1),
    seed: int = 42,
    derived_in_test: bool = False,
) -> Split:
    """Shuffle entity pairs with ``seed`` and cut them by triple counts; every held-out entity is in train."""
    r_train, r_valid, _ = _check_ratios(ratios)
    groups = list(group_by_pair(triples).values())
    random.Random(seed).shuffle(groups)
    total = sum(len(g) for g in groups)
    train: list[list[LinkTriple]] = []
    valid: list[list[LinkTriple]] = []
    test: list[list[LinkTriple]] = []
    count = 0
    for group in groups:
        if _is_pinned(group, derived_in_test) or count < r_train * total:
            train.append(group)
        elif count < (r_train + r_valid) * total:
            valid.append(group)
        else:
            test.append(group)
        count += len(group)
    valid, moved_v = _cover_entities(train, valid)
    test, moved_t = _cover_entities(train, test)
    return Split(
        train=_flatten(train),
        valid=_flatten(valid),
        test=_flatten(test),
        rule=f"random over entity pairs, ratios {','.join(str(r) for r in ratios)}",
        seed=seed,
        moved_to_train=moved_v + moved_t,
        notes={"coverage": "held-out triples with an entity unseen in train were moved to train"},
    )


def split_temporal(
    triples: Sequence[LinkTriple],
    ratios: Sequence[float] = (0.8, 0.1, 0.1),
    derived_in_test: bool = False,
) -> Split:
    """Train on facts first seen up to a date, validate and test on later ones.

    A pair's date is the earliest date of its triples. Undated pairs go to training (their
    papers have no date, so they are treated as background knowledge) and the metadata
    says how many. Pairs sharing a date never straddle a cut-off. Held-out triples whose
    entities appear only after the cut-off cannot be scored transductively: they are set
    aside in ``dropped`` (written as ``test_unseen.tsv``) instead of being moved back in time;
    so are later pairs with an undated triple, and later name-derived edges unless
    ``derived_in_test``.
    """
    r_train, r_valid, _ = _check_ratios(ratios)
    groups = list(group_by_pair(triples).values())
    undated = [g for g in groups if _group_date(g) is None]
    dated = sorted(
        (g for g in groups if _group_date(g) is not None),
        key=lambda g: (_group_date(g), pair_of(g[0])),
    )
    total = sum(len(g) for g in dated)
    if not dated:
        raise MlkgError("no dated facts: a temporal split needs papers with dates (use --split random)")
    days = sorted({_group_date(g) for g in dated})
    cut_valid = _cut_date(dated, days, r_train * total)
    cut_test = _cut_date(dated, days, (r_train + r_valid) * total)
    train = undated + [g for g in dated if _group_date(g) <= cut_valid]
    later = [g for g in dated if _group_date(g) > cut_valid]
    seen = {n for g in train for t in g for n in (t.head, t.tail)}
    # a later pair with an undated triple cannot be held out (that triple may be old) nor
    # trained on (its dated triple is not past): it is set aside with the unseen ones
    usable = [g for g in later if _known(g, seen) and _all_dated(g) and not _is_pinned(g, derived_in_test)]
    valid_known = [g for g in usable if _group_date(g) <= cut_test]
    test_known = [g for g in usable if _group_date(g) > cut_test]
    dropped = [g for g in later if not _known(g, seen) or not _all_dated(g) or _is_pinned(g, derived_in_test)]
    return Split(
        train=_flatten(train),
        valid=_flatten(valid_known),
        test=_flatten(test_known),
        rule=f"temporal: train <= {cut_valid}, valid <= {cut_test}, test later",
        seed=None,
        dropped=_flatten(dropped),
        notes={
            "train_until": cut_valid.isoformat(),
            "valid_until": cut_test.isoformat(),
            "undated_in_train": str(sum(len(g) for g in undated)),
            "unseen_entities": "held-out triples naming an entity first seen after the cut-off "
            "are in test_unseen.tsv (inductive), not in valid/test; "
            "so are later pairs with an undated triple",
        },
    )


def _all_dated(group: list[LinkTriple]) -> bool:
    return all(t.first_seen is not None for t in group)


def _known(group: list[LinkTriple], seen: set[str]) -> bool:
    return all(n in seen for t in group for n in (t.head, t.tail))


def _group_date(group: list[LinkTriple]) -> date | None:
    dates = [t.first_seen for t in group if t.first_seen is not None]
    return min(dates) if dates else None


def _cut_date(dated: list[list[LinkTriple]], days: list[date], budget: float) -> date:
    """The last day whose groups still fit in ``budget`` triples (at least the first day)."""
    per_day: dict[date, int] = defaultdict(int)
    for g in dated:
        per_day[_group_date(g)] += len(g)  # type: ignore[index]
    running = 0
    cut = days[0]
    for day in days:
        running += per_day[day]
        if running > budget and day != days[0]:
            break
        cut = day
    return cut


def _flatten(groups: list[list[LinkTriple]]) -> tuple[LinkTriple, ...]:
    return tuple(sorted(t for g in groups for t in g))
