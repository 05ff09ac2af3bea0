from __future__ import annotations

from kg.linkpred.leakage import candidate_duplicate_relations, candidate_inverse_relations, check_leakage
from kg.linkpred.split import Split
from kg.linkpred.triples import LinkTriple as T


def naive(train: list[T], test: list[T]) -> Split:
    return Split(train=tuple(train), valid=(), test=tuple(test), rule="naive", seed=None)


def test_exact_inverse_and_other_relation_leaks_are_each_counted() -> None:
    train = [T("a", "r", "b"), T("d", "r", "c"), T("e", "mentions", "f")]
    test = [T("a", "r", "b"), T("c", "r", "d"), T("e", "proposes", "f")]
    report = check_leakage(naive(train, test))
    assert (report.exact, report.inverse, report.same_pair_other_relation) == (1, 1, 1)
    assert not report.clean


def test_unseen_entities_are_counted() -> None:
    report = check_leakage(naive([T("a", "r", "b")], [T("a", "r", "z")]))
    assert report.unseen_entities == 1 and not report.clean


def test_pykeen_style_relation_tables() -> None:
    # r2 is exactly r1 reversed, r3 duplicates r1: PyKEEN's Sealant would flag both
    pairs = [(f"h{i}", f"t{i}") for i in range(50)]
    triples = (
        [T(h, "r1", t) for h, t in pairs]
        + [T(t, "r2", h) for h, t in pairs]
        + [T(h, "r3", t) for h, t in pairs]
    )
    assert ("r1", "r2", 1.0) in candidate_inverse_relations(triples)
    assert ("r1", "r3", 1.0) in candidate_duplicate_relations(triples)
    # below the 0.97 threshold nothing is reported
    partial = [T(h, "r1", t) for h, t in pairs] + [T(t, "r2", h) for h, t in pairs[:40]]
    assert candidate_inverse_relations(partial) == ()
