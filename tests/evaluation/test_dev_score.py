"""Regression guard: the extraction's scores on the development gold sets stay above floors
set a little below what it reaches (see README, "Extraction and its measured quality").

``dev.jsonl`` is the set the rules were first written against; ``dev2a.jsonl`` and
``dev2b.jsonl`` were annotated later by two other annotators and tuned on afterwards;
``dev3*``, ``dev4*`` and ``dev5*`` came later, were each scored once before any tuning on
them (README), and are, like the others, training data of
the relation model.
"""

from pathlib import Path

import pytest

from kg.evaluation import evaluate, read_gold, read_gold_files
from kg.evaluation.report import format_json, format_text

GOLD = Path(__file__).resolve().parents[1] / "gold"
DEV = GOLD / "dev.jsonl"
DEV2 = [GOLD / "dev2a.jsonl", GOLD / "dev2b.jsonl"]
DEV3 = [GOLD / "dev3a.jsonl", GOLD / "dev3b.jsonl"]
DEV4 = [GOLD / "dev4a.jsonl", GOLD / "dev4b.jsonl"]
DEV5 = [GOLD / "dev5a.jsonl", GOLD / "dev5b.jsonl"]


@pytest.fixture(scope="module")
def report():
    return evaluate(read_gold(DEV))


@pytest.fixture(scope="module")
def report2():
    return evaluate(read_gold_files(DEV2))


@pytest.fixture(scope="module")
def report3():
    return evaluate(read_gold_files(DEV3))


# set, records, written records, core entity F1, relation F1, written core F1 floors
LATER_SETS = [
    ("dev3", DEV3, 50, 10, 0.86, 0.76, 0.92),
    ("dev4", DEV4, 60, 20, 0.85, 0.72, 0.90),
    ("dev5", DEV5, 52, 20, 0.78, 0.62, 0.80),
]


@pytest.mark.parametrize(
    ("name", "files", "records", "written", "core", "relations", "written_core"), LATER_SETS
)
def test_later_dev_set_floors(name, files, records, written, core, relations, written_core):
    report = evaluate(read_gold_files(files))
    assert (report.overall.records, report.written.records) == (records, written), name
    assert report.overall.core_micro.f1 >= core
    assert report.overall.relation_micro.f1 >= relations
    assert report.written.core_micro.f1 >= written_core


def test_the_relation_model_adds_to_the_rules(report3):
    rules_only = evaluate(read_gold_files(DEV3), relation_model=None)
    assert report3.overall.relation_micro.tp > rules_only.overall.relation_micro.tp
    assert report3.overall.core_micro == rules_only.overall.core_micro  # entities do not depend on it


def test_core_entity_f1_floor(report):
    assert report.overall.core_micro.f1 >= 0.92


def test_all_entity_f1_floor(report):
    assert report.overall.all_micro.f1 >= 0.91


def test_relation_f1_floor(report):
    assert report.overall.relation_micro.f1 >= 0.74


def test_unseen_names_floor(report):
    assert report.written.records >= 5
    assert report.written.core_micro.f1 >= 0.93


def test_second_dev_set_floors(report2):
    assert report2.overall.records == 50 and report2.written.records == 10
    assert report2.overall.core_micro.f1 >= 0.85
    assert report2.overall.all_micro.f1 >= 0.85
    assert report2.overall.relation_micro.f1 >= 0.71
    assert report2.written.core_micro.f1 >= 0.90
    assert report2.overall.results["full"].f1 >= 0.52


def test_results_floor(report):
    assert report.overall.results["full"].f1 >= 0.48
    assert report.overall.results["value"].f1 >= 0.88


def test_reports_render(report):
    text = format_text(report, summary_only=False)
    assert "micro core" in text and "misses (" in text
    assert "misses" not in format_json(report, summary_only=True)
