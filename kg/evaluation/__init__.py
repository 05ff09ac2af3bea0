"""evaluation stage: score the extraction against gold annotations (``kg eval``)."""

from kg.evaluation.evaluate import EvalReport, evaluate
from kg.evaluation.gold import gold_paths, read_gold, read_gold_files

__all__ = ["EvalReport", "evaluate", "gold_paths", "read_gold", "read_gold_files"]
