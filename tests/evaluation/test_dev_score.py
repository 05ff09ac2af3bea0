"""Regression guard: the extraction's score on the development gold set stays above floors
set a little below what it reaches (see README, "Extraction and its measured quality")."""

from pathlib import Path

import pytest

from kg.evaluation import evaluate, read_gold
from kg.evaluation.report import format_json, format_text

DEV = Path(__file__).resolve().parents[1] / "gold" / "dev.jsonl"


@pytest.fixture(scope="module")
def report():
    return evaluate(read_gold(DEV))


def test_core_entity_f1_floor(report):
    assert report.overall.core_micro.f1 >= 0.87


def test_all_entity_f1_floor(report):
    assert report.overall.all_micro.f1 >= 0.86


def test_relation_f1_floor(report):
    assert report.overall.relation_micro.f1 >= 0.64


def test_unseen_names_floor(report):
    assert report.written.records >= 5
    assert report.written.core_micro.f1 >= 0.87


def test_reports_render(report):
    text = format_text(report, summary_only=False)
    assert "micro core" in text and "misses (" in text
    assert "misses" not in format_json(report, summary_only=True)
