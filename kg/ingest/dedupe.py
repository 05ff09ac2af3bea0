"""One paper, however many sources list it.

Two records are the same paper when they share an arXiv id, or when they share a
normalised title and at most one of them knows an arXiv id (two different arXiv ids are
two papers, even under one title). The merged paper lists every (file, line) it was read
from, takes each optional field from the record with the most metadata, keeps the
longest abstract and the highest upvote count. The result does not depend on the order
the records came in.

Example:
    >>> from kg.records import Paper, SourceRef
    >>> a = Paper("t-1", "Token Merging", "Short.", (SourceRef("b.txt", 9),))
    >>> b = Paper("2210.09461", "Token merging!", "A longer abstract.", (SourceRef("a.jsonl", 1),), upvotes=4)
    >>> papers, merged = merge_duplicates([a, b])
    >>> merged, papers[0].id, papers[0].abstract, [s.path for s in papers[0].sources]
    (1, '2210.09461', 'A longer abstract.', ['a.jsonl', 'b.txt'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kg.ingest.clean import normalise_title, title_id
from kg.records import Paper


def has_arxiv_id(paper: Paper) -> bool:
    return not paper.id.startswith("t-")


def _metadata_score(paper: Paper) -> int:
    fields = (
        has_arxiv_id(paper),
        paper.date,
        paper.authors,
        paper.author_count,
        paper.organisation,
        paper.upvotes,
        paper.url,
        paper.categories,
    )
    return sum(1 for value in fields if value)


def merge_group(papers: Sequence[Paper]) -> Paper:
    """Several records of one paper as one: sources united, fields from the richest record first."""
    ranked = sorted(papers, key=lambda p: (-_metadata_score(p), p.sources, p.title))
    best = ranked[0]
    arxiv_ids = sorted(p.id for p in ranked if has_arxiv_id(p))
    upvotes = [p.upvotes for p in ranked if p.upvotes is not None]
    return Paper(
        id=arxiv_ids[0] if arxiv_ids else title_id(best.title),
        title=best.title,
        abstract=max(ranked, key=lambda p: len(p.abstract)).abstract,
        sources=tuple(sorted({s for p in ranked for s in p.sources})),
        date=next((p.date for p in ranked if p.date), None),
        authors=next((p.authors for p in ranked if p.authors), ()),
        author_count=next((p.author_count for p in ranked if p.author_count is not None), None),
        organisation=next((p.organisation for p in ranked if p.organisation), None),
        upvotes=max(upvotes) if upvotes else None,
        url=next((p.url for p in ranked if p.url), None),
        categories=next((p.categories for p in ranked if p.categories), ()),
    )


def merge_duplicates(papers: Iterable[Paper]) -> tuple[tuple[Paper, ...], int]:
    """The distinct papers (sorted by id) and how many records were folded into another."""
    groups: dict[str, list[Paper]] = defaultdict(list)
    arxiv_by_title: dict[str, set[str]] = defaultdict(set)
    without_arxiv_id: dict[str, list[Paper]] = defaultdict(list)
    count = 0
    for paper in papers:
        count += 1
        if has_arxiv_id(paper):
            groups[paper.id].append(paper)
            arxiv_by_title[normalise_title(paper.title)].add(paper.id)
        else:
            without_arxiv_id[normalise_title(paper.title)].append(paper)
    for title, same_title in without_arxiv_id.items():
        # A title shared by several arXiv papers goes to the smallest id, so the choice is stable.
        candidates = sorted(arxiv_by_title.get(title, ()))
        groups[candidates[0] if candidates else "title:" + title].extend(same_title)
    merged = tuple(sorted((merge_group(group) for group in groups.values()), key=lambda p: p.id))
    return merged, count - len(merged)
