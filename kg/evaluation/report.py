"""An ``EvalReport`` as a text table or as JSON (both deterministic)."""

from __future__ import annotations

import json

from kg.evaluation.evaluate import EvalReport, Scores
from kg.evaluation.scoring import Counts


def _row(name: str, counts: Counts) -> str:
    scores = f"P={counts.precision:.3f} R={counts.recall:.3f} F1={counts.f1:.3f}"
    return f"  {name:<26} {scores}  (tp={counts.tp} fp={counts.fp} fn={counts.fn})"


def _block(title: str, scores: Scores) -> list[str]:
    lines = [f"{title} ({scores.records} records)", " entities:"]
    lines += [_row(k, v) for k, v in scores.entities.items()]
    lines.append(_row("micro core (M/D/Me/H)", scores.core_micro))
    lines.append(_row("micro all six", scores.all_micro))
    lines.append(" relations:")
    lines += [_row(k, v) for k, v in scores.relations.items()]
    lines.append(_row("micro", scores.relation_micro))
    lines.append(" results:")
    lines += [_row(k, v) for k, v in scores.results.items()]
    return lines


def format_text(report: EvalReport, summary_only: bool) -> str:
    lines = _block("all", report.overall)
    if report.written.records:
        lines += [""] + _block("written (unseen names)", report.written)
    if not summary_only:
        for kind, heading in (("miss", "misses"), ("false-positive", "false positives")):
            items = [m for m in report.misses if m.kind == kind]
            lines += ["", f"{heading} ({len(items)}):"]
            lines += [f"  {m.paper_id}  {m.what}  {m.detail}".rstrip() for m in items]
    return "\n".join(lines) + "\n"


def _counts_json(counts: Counts) -> dict:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def _scores_json(scores: Scores) -> dict:
    return {
        "records": scores.records,
        "entities": {k: _counts_json(v) for k, v in scores.entities.items()},
        "entities_micro_core": _counts_json(scores.core_micro),
        "entities_micro_all": _counts_json(scores.all_micro),
        "relations": {k: _counts_json(v) for k, v in scores.relations.items()},
        "relations_micro": _counts_json(scores.relation_micro),
        "results": {k: _counts_json(v) for k, v in scores.results.items()},
    }


def format_json(report: EvalReport, summary_only: bool) -> str:
    data = {"all": _scores_json(report.overall), "written": _scores_json(report.written)}
    if not summary_only:
        data["misses"] = [
            {"paper": m.paper_id, "kind": m.kind, "what": m.what, "detail": m.detail} for m in report.misses
        ]
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
