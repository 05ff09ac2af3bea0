"""Link-prediction datasets that do not leak, and heuristic baselines scored like PyKEEN scores.

The flow is ``read_triples(dir) -> split_random/split_temporal -> check_leakage ->
write_dataset`` and ``evaluate_heuristics(split)`` for the baseline table.
"""

from kg.linkpred.baseline import HEURISTICS, BaselineRow, evaluate_heuristics
from kg.linkpred.export import write_dataset
from kg.linkpred.leakage import LeakageReport, check_leakage
from kg.linkpred.split import Split, split_random, split_temporal
from kg.linkpred.triples import DERIVED_RELATIONS, LinkTriple, TripleSet, read_triples

__all__ = [
    "DERIVED_RELATIONS",
    "HEURISTICS",
    "BaselineRow",
    "LeakageReport",
    "LinkTriple",
    "Split",
    "TripleSet",
    "check_leakage",
    "evaluate_heuristics",
    "read_triples",
    "split_random",
    "split_temporal",
    "write_dataset",
]
