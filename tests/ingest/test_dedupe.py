"""The same paper from several sources is one paper listing every source."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest

from kg.ingest import read_sources
from kg.ingest.clean import title_id
from kg.ingest.dedupe import merge_duplicates
from kg.records import Paper, SourceRef
from kg.resources import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(autouse=True)
def _run_in_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA_DIR.parent)


def paper_titled(papers: tuple[Paper, ...], title: str) -> Paper:
    (paper,) = [p for p in papers if p.title == title]
    return paper


def test_bundled_duplicates_merge_with_every_source_listed() -> None:
    papers = read_sources([DATA_DIR]).papers
    # grep -n "DVPT" data/*.txt: title lines 29 (000), 271 (001) and 23 (004).
    dvpt = paper_titled(
        papers, "DVPT: Dynamic Visual Prompt Tuning of Large Pre-trained Models for Medical Image Analysis"
    )
    assert dvpt.sources == (
        SourceRef("data/000_98a4905e366ac11c.txt", 29),
        SourceRef("data/001_fca681edfe12ef69.txt", 271),
        SourceRef("data/004_84697be76cbe747e.txt", 23),
    )
    assert dvpt.id == title_id(dvpt.title)
    # Listed in 001 (line 27, no metadata) and 003 (line 133, "• 12 authors", "Feb 26, 2021 3").
    clip = paper_titled(papers, "Learning Transferable Visual Models From Natural Language Supervision")
    assert [Path(s.path).name[:3] for s in clip.sources] == ["001", "003"]
    assert (clip.author_count, clip.date, clip.upvotes) == (12, datetime.date(2021, 2, 26), 3)
    assert sum(len(p.sources) for p in papers) == 253
    assert sum(len(p.sources) > 1 for p in papers) == 20  # 19 titles twice, DVPT three times


def test_arxiv_metadata_and_page_entries_of_one_paper_merge_under_the_arxiv_id() -> None:
    papers = read_sources([DATA_DIR, FIXTURES / "arxiv_sample.jsonl"]).papers
    clip = paper_titled(papers, "Learning Transferable Visual Models From Natural Language Supervision")
    assert clip.id == "2103.00020"
    assert len(clip.sources) == 3
    assert clip.sources[0] == SourceRef("data/001_fca681edfe12ef69.txt", 27)
    assert clip.sources[2].path.endswith("tests/fixtures/ingest/arxiv_sample.jsonl")
    assert clip.authors[0] == "Alec Radford" and clip.categories == ("cs.CV", "cs.LG")  # from arXiv
    assert clip.upvotes == 3  # from the page
    # The fixture's abstract is one sentence; the page's (longer) one is kept.
    assert clip.abstract.startswith("State-of-the-art computer vision systems are trained to predict")
    assert len(clip.abstract) > 1000


def test_csv_jsonl_and_page_copies_of_one_paper_become_one() -> None:
    page = DATA_DIR / "000_98a4905e366ac11c.txt"
    result = read_sources([page, FIXTURES / "papers.csv", FIXTURES / "papers.jsonl"])
    tome = paper_titled(result.papers, "Token Merging: Your ViT But Faster")
    assert tome.id == "2210.09461"  # only the JSONL record knows the arXiv id
    assert [(Path(s.path).name, s.line) for s in tome.sources] == [
        ("000_98a4905e366ac11c.txt", 9),
        ("papers.csv", 3),
        ("papers.jsonl", 1),
    ]
    assert tome.abstract.startswith("We introduce Token Merging (ToMe), a simple method to increase")
    # Two merges for Token Merging; "Attentive Mask CLIP" (page 000 line 23, papers.jsonl) and
    # "SimMIM: ..." (page 000 line 11, papers.csv) one each.
    assert result.report.merged_duplicates == 4
    simmim = paper_titled(result.papers, "SimMIM: A Simple Framework for Masked Image Modeling")
    assert (simmim.id, [s.line for s in simmim.sources]) == ("2111.09886", [11, 2])
    report = result.report
    assert report.read == report.kept + report.merged_duplicates + len(report.skipped)


def _paper(pid: str, title: str, abstract: str, path: str, line: int, **fields: object) -> Paper:
    return Paper(pid, title, abstract, (SourceRef(path, line),), **fields)


def test_richest_record_gives_the_fields_and_longest_abstract_wins() -> None:
    bare = _paper("t-x", "Deep Model Assembling", "A long, long abstract text.", "a.txt", 5)
    rich = _paper(
        "t-x",
        "Deep model assembling",
        "Short.",
        "b.txt",
        9,
        date=datetime.date(2022, 12, 1),
        author_count=4,
        upvotes=2,
        organisation="Lab",
    )
    other = _paper("t-x", "DEEP MODEL ASSEMBLING", "Mid length.", "c.txt", 1, upvotes=7, author_count=5)
    (merged,), count = merge_duplicates([bare, rich, other])
    assert count == 2
    assert merged.title == "Deep model assembling"  # the record with the most metadata
    assert merged.abstract == "A long, long abstract text."
    assert (merged.date, merged.author_count, merged.organisation) == (datetime.date(2022, 12, 1), 4, "Lab")
    assert merged.upvotes == 7  # the highest count seen
    assert [s.path for s in merged.sources] == ["a.txt", "b.txt", "c.txt"]


def test_merging_does_not_depend_on_input_order() -> None:
    papers = list(read_sources([DATA_DIR, FIXTURES / "papers.jsonl", FIXTURES / "arxiv_sample.jsonl"]).papers)
    records = [
        Paper(
            p.id,
            p.title,
            p.abstract,
            (s,),
            p.date,
            p.authors,
            p.author_count,
            p.organisation,
            p.upvotes,
            p.url,
            p.categories,
        )
        for p in papers
        for s in p.sources
    ]
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    assert merge_duplicates(records) == merge_duplicates(shuffled)


def test_different_arxiv_ids_under_one_title_stay_two_papers() -> None:
    a = _paper("2101.00001", "Attention", "One paper.", "a.jsonl", 1)
    b = _paper("2202.00002", "attention!", "Another paper.", "a.jsonl", 2)
    untagged = _paper(title_id("Attention"), "Attention", "Seen on a page.", "p.txt", 3)
    merged, count = merge_duplicates([b, untagged, a])
    assert [p.id for p in merged] == ["2101.00001", "2202.00002"]
    assert count == 1
    assert merged[0].sources == (SourceRef("a.jsonl", 1), SourceRef("p.txt", 3))  # smallest id takes it
