"""Extraction speed: papers per second on the bundled corpus and on N synthetic copies of it.

Run by hand (numbers go in the README, nothing is asserted):

    python benchmarks/extract_speed.py
    python benchmarks/extract_speed.py --copies 10
    python benchmarks/extract_speed.py --long       # one ever longer abstract: is time linear?

Pipeline loading is timed on its own. The bundled corpus is timed on a fresh pipeline
(cold: spaCy's tokenizer cache starts empty). Synthetic copies are not byte copies, which
would only measure warm caches: each copy shuffles every abstract's sentences with a
seeded generator and renames each paper's own names with a copy number.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from dataclasses import replace

from kg.extract import extract_papers, load_pipeline
from kg.ingest import read_sources
from kg.records import Paper
from kg.resources import DATA_DIR

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_NAME = re.compile(r"\b([A-Z][a-z]+[A-Z][A-Za-z]*)\b")


def synthetic_copy(paper: Paper, copy: int, rng: random.Random) -> Paper:
    sentences = _SENTENCE.split(paper.abstract)
    rng.shuffle(sentences)
    rename = lambda text: _NAME.sub(lambda m: f"{m.group(1)}{copy}", text)  # noqa: E731
    return replace(
        paper, id=f"{paper.id}-copy{copy}", title=rename(paper.title), abstract=rename(" ".join(sentences))
    )


def timed(papers: list[Paper], nlp) -> tuple[float, int, int]:
    started = time.perf_counter()
    mentions = relations = 0
    for extraction in extract_papers(papers, nlp=nlp):
        mentions += len(extraction.mentions)
        relations += len(extraction.relations)
    return time.perf_counter() - started, mentions, relations


def long_abstracts(seed: int) -> None:
    """One abstract made of bundled sentences, doubled in length each step: seconds per 10k
    characters should stay flat if no step of the extraction is quadratic in text length."""
    rng = random.Random(seed)
    sentences = [s for p in read_sources([DATA_DIR]).papers for s in _SENTENCE.split(p.abstract)]
    rng.shuffle(sentences)
    nlp = load_pipeline()
    for size in (25_000, 50_000, 100_000, 200_000):
        text, i = [], 0
        while sum(len(t) + 1 for t in text) < size:
            text.append(sentences[i % len(sentences)])
            i += 1
        abstract = " ".join(text)
        paper = Paper(id=f"long-{size}", title="A long abstract", abstract=abstract, sources=())
        seconds, mentions, relations = timed([paper], nlp)
        print(
            f"{len(abstract):>7} characters: {seconds:5.2f} s ({seconds / len(abstract) * 10_000:.3f} s per"
            f" 10k characters); {mentions} mentions, {relations} relations"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5, help="synthetic copies of the bundled corpus")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--long", action="store_true", help="time one abstract of 25k to 200k characters instead"
    )
    args = parser.parse_args()
    if args.long:
        long_abstracts(args.seed)
        return

    papers = list(read_sources([DATA_DIR]).papers)
    words = sum(len((p.title + " " + p.abstract).split()) for p in papers)
    started = time.perf_counter()
    nlp = load_pipeline()
    print(f"load_pipeline: {time.perf_counter() - started:.2f} s")

    seconds, mentions, relations = timed(papers, nlp)
    print(
        f"bundled corpus: {len(papers)} papers, {words} words in {seconds:.2f} s = "
        f"{len(papers) / seconds:.0f} papers/s ({words / seconds:.0f} words/s); "
        f"{mentions} mentions, {relations} relations"
    )
    rng = random.Random(args.seed)
    synthetic = [synthetic_copy(p, c, rng) for c in range(1, args.copies + 1) for p in papers]
    seconds, mentions, relations = timed(synthetic, nlp)
    print(
        f"{args.copies} synthetic copies: {len(synthetic)} papers in {seconds:.2f} s = "
        f"{len(synthetic) / seconds:.0f} papers/s; {mentions} mentions, {relations} relations"
    )


if __name__ == "__main__":
    main()
