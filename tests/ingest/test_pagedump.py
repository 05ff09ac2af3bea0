"""The bundled Daily Papers pages, read in all three layouts; values checked by hand against data/*.txt."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.ingest.pagedump import PageLayout, detect_layout, parse_page_date, read_page_dump
from kg.records import Paper, Skip
from kg.resources import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
PAGE_000 = DATA_DIR / "000_98a4905e366ac11c.txt"
PAGE_001 = DATA_DIR / "001_fca681edfe12ef69.txt"
PAGE_002 = DATA_DIR / "002_2d6c543c4088eb47.txt"
PAGE_003 = DATA_DIR / "003_e31ba6b3cdb23aab.txt"
PAGE_004 = DATA_DIR / "004_84697be76cbe747e.txt"


@pytest.fixture(autouse=True)
def _run_in_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA_DIR.parent)


def papers_of(path: Path) -> list[Paper]:
    records = list(read_page_dump(path))
    assert not [r for r in records if isinstance(r, Skip)], "the bundled pages have no broken entries"
    return [r for r in records if isinstance(r, Paper)]


def by_title(papers: list[Paper], title: str) -> Paper:
    (paper,) = [p for p in papers if p.title == title]
    return paper


@pytest.mark.parametrize(
    ("path", "layout", "entries"),
    [
        # Counted by hand: 000 has 74 lines, 2 of chrome, then title/abstract pairs -> 36;
        # 002 titles on lines 3, 5, ..., 131 -> 65; 001 titles on lines 11, 15, ..., 287 -> 70;
        # 004 titles on lines 11, 15, ..., 199 -> 48; 003 one entry per 8 lines from line 13 -> 34.
        (PAGE_000, PageLayout.LINE_PAIRS, 36),
        (PAGE_001, PageLayout.BLANK_SEPARATED, 70),
        (PAGE_002, PageLayout.LINE_PAIRS, 65),
        (PAGE_003, PageLayout.WITH_METADATA, 34),
        (PAGE_004, PageLayout.BLANK_SEPARATED, 48),
    ],
)
def test_each_bundled_page_has_its_layout_and_entry_count(
    path: Path, layout: PageLayout, entries: int
) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert detect_layout(lines) is layout
    assert len(papers_of(path)) == entries


def test_bundled_pages_hold_253_entries_and_232_distinct_titles() -> None:
    papers = [p for path in sorted(DATA_DIR.glob("*.txt")) for p in papers_of(path)]
    assert len(papers) == 253
    assert len({p.title for p in papers}) == 232


def test_line_pairs_strip_the_glued_subscribe_and_never_keep_chrome() -> None:
    papers = papers_of(PAGE_000) + papers_of(PAGE_002)
    first_000, first_002 = papers_of(PAGE_000)[0], papers_of(PAGE_002)[0]
    assert first_000.title == "TinyCLIP: CLIP Distillation via Affinity Mimicking and Weight Inheritance"
    assert first_000.sources[0].path == "data/000_98a4905e366ac11c.txt"
    assert first_000.sources[0].line == 3
    assert first_000.abstract.startswith("In this paper, we propose a novel cross-modal distillation method")
    assert first_002.title == "Dilated convolution with learnable spacings"
    assert all(not p.title.startswith(("Subscribe", "Get trending")) for p in papers)
    # Line 9 of page 000 is the title "Token Merging: Your ViT But Faster", line 10 its abstract.
    tome = by_title(papers_of(PAGE_000), "Token Merging: Your ViT But Faster")
    assert tome.sources[0].line == 9
    assert tome.abstract.startswith("We introduce Token Merging (ToMe), a simple method")
    assert tome.date is None and tome.author_count is None and tome.upvotes is None


def test_blank_separated_pages_skip_chrome_and_header_date() -> None:
    papers = papers_of(PAGE_001) + papers_of(PAGE_004)
    titles = {p.title for p in papers}
    assert not titles & {"new", "Subscribe", "Daily Papers", "byAK and the research community", "Mar 12"}
    first = papers_of(PAGE_001)[0]
    assert first.title == (
        "Multi-digit Number Recognition from Street View Imagery using Deep Convolutional Neural Networks"
    )
    assert first.sources[0].line == 11
    assert first.abstract.startswith("Recognizing arbitrary multi-character text in unconstrained natural")
    wide = by_title(papers_of(PAGE_001), "Wide Attention Is The Way Forward For Transformers?")
    assert wide.sources[0].line == 79
    assert wide.abstract.startswith("The Transformer is an extremely powerful and prominent deep learning")
    last = papers_of(PAGE_004)[-1]
    assert last.title == "Hard-Attention Gates with Gradient Routing for Endoscopic Image Computing"
    assert last.sources[0].line == 199


def test_metadata_block_belongs_to_the_paper_above_it() -> None:
    papers = papers_of(PAGE_003)
    battle = by_title(
        papers,
        "Battle of the Backbones: A Large-Scale Comparison of Pretrained Models across Computer Vision Tasks",
    )
    assert battle.sources[0].line == 77
    assert battle.abstract.startswith("Neural network based computer vision systems are typically built on")
    assert (battle.author_count, battle.date, battle.upvotes) == (13, datetime.date(2023, 10, 30), 1)
    first = papers[0]  # lines 13-19: ViTamin, "• 5 authors", "·", "Apr 2, 2024" (no upvote count)
    assert first.title == "ViTamin: Designing Scalable Vision Models in the Vision-Language Era"
    assert (first.author_count, first.date, first.upvotes) == (5, datetime.date(2024, 4, 2), None)
    clip = by_title(papers, "Learning Transferable Visual Models From Natural Language Supervision")
    assert (clip.author_count, clip.date, clip.upvotes) == (12, datetime.date(2021, 2, 26), 3)


def test_organisation_line_replaces_the_authors_line() -> None:
    # Lines 237-243 of page 003: title, abstract, "GD-ML AMAP-ML", "·", "Oct 14 3".
    pixel = by_title(
        papers_of(PAGE_003),
        "Advancing End-to-End Pixel Space Generative Modeling via Self-supervised Pre-training",
    )
    assert pixel.sources[0].line == 237
    assert pixel.organisation == "GD-ML AMAP-ML"
    assert pixel.author_count is None
    assert pixel.upvotes == 3
    # The page header "Dec 12" has no year, so "Oct 14" stays without a date.
    assert pixel.date is None


def test_metadata_counts_on_page_003_match_grep() -> None:
    papers = papers_of(PAGE_003)
    # grep -c "authors$" -> 33; dates with a year -> 30; dates followed by an upvote count -> 5
    assert sum(p.author_count is not None for p in papers) == 33
    assert sum(p.date is not None for p in papers) == 30
    assert sorted(p.upvotes for p in papers if p.upvotes is not None) == [1, 1, 1, 3, 3]


def test_dates_without_a_year_stay_unknown_when_the_header_has_none() -> None:
    papers = papers_of(PAGE_003)
    geo = by_title(
        papers, "GEO-Bench-2: From Performance to Capability, Rethinking Evaluation in Geospatial AI"
    )
    assert (geo.author_count, geo.date) == (12, None)  # "Nov 19" under header "Dec 12"
    assert sum(p.date is None for p in papers) == 4  # Nov 19, Apr 17, May 13, Oct 14


def test_dates_without_a_year_take_the_year_of_a_header_that_has_one() -> None:
    papers = papers_of(FIXTURES / "page_header_year.txt")
    routing, leap = papers
    assert routing.title == "Sparse Prompt Routing for Vision Transformers"
    # "Oct 14 3" under the header "Mar 12, 2024"
    assert (routing.date, routing.upvotes) == (datetime.date(2024, 10, 14), 3)
    assert (routing.author_count, routing.organisation) == (4, "Example Vision Lab")
    assert leap.title == "Leap Day Benchmarks Do Not Exist"
    assert (leap.date, leap.author_count) == (None, 1)  # "Feb 29, 2023" never happened


def test_broken_pairs_are_counted_skips_naming_their_line() -> None:
    records = list(read_page_dump(FIXTURES / "page_broken_pairs.txt"))
    skips = [(r.line, r.reason) for r in records if isinstance(r, Skip)]
    titles = [r.title for r in records if isinstance(r, Paper)]
    assert skips == [(5, "missing-abstract"), (8, "missing-title")]
    assert titles == [
        "Fast Token Pairing for Vision Transformers",
        "Progressive Masking Schedules",
        "Short Abstracts Still Count",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 30, 2023 1", (10, 30, 2023, 1)),
        ("Oct 14 3", (10, 14, None, 3)),
        ("Apr 2, 2024", (4, 2, 2024, None)),
        ("Mar 12", (3, 12, None, None)),
    ],
)
def test_page_dates_separate_the_upvote_count(text: str, expected: tuple) -> None:
    parsed = parse_page_date(text)
    assert parsed is not None
    assert (parsed.month, parsed.day, parsed.year, parsed.upvotes) == expected


@pytest.mark.parametrize("text", ["GD-ML AMAP-ML", "Attentive Mask CLIP", "Foo 12", "·"])
def test_other_lines_are_not_dates(text: str) -> None:
    assert parse_page_date(text) is None


def test_text_file_without_page_header_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("A Plain Title\nIts plain abstract.\n", encoding="utf-8")
    (paper,) = papers_of(source)
    assert (paper.title, paper.abstract) == ("A Plain Title", "Its plain abstract.")
    assert "notes.txt: no Daily Papers page header" in caplog.text


def test_titles_and_abstracts_pair_up_even_without_the_usual_blank_lines(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    source.write_text(
        "Subscribe\n\nDaily Papers\n\nMar 12, 2024\n\n"
        "First Title\n\nFirst abstract.\n  • 2 authors\n·\nMar 1 5\n\n"
        "Second Title\nSecond abstract, right under its title.\n\n  • 3 authors\n·\nFeb 2, 2023\n",
        encoding="utf-8",
    )
    assert detect_layout(source.read_text(encoding="utf-8").split("\n")) is PageLayout.WITH_METADATA
    first, second = papers_of(source)
    assert (first.title, first.abstract, first.sources[0].line) == ("First Title", "First abstract.", 7)
    assert (first.author_count, first.date, first.upvotes) == (2, datetime.date(2024, 3, 1), 5)
    assert (second.title, second.sources[0].line) == ("Second Title", 14)
    assert second.abstract == "Second abstract, right under its title."
    assert (second.author_count, second.date, second.upvotes) == (3, datetime.date(2023, 2, 2), None)
