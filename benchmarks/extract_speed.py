"""Extraction speed: papers per second on the bundled corpus and on N synthetic copies of it.

Run by hand (numbers go in the README, nothing is asserted):

    python benchmarks/extract_speed.py
    python benchmarks/extract_speed.py --copies 10

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5, help="synthetic copies of the bundled corpus")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

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
