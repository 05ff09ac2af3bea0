"""evaluation stage: score the extraction against gold annotations (``kg eval``)."""

from kg.evaluation.evaluate import EvalReport, evaluate
from kg.evaluation.gold import read_gold

__all__ = ["EvalReport", "evaluate", "read_gold"]
