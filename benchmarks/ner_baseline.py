"""Would a statistical NER help? A spaCy ``ner`` component trained on gold mentions, scored
by spaCy's own span P/R/F against held-back development abstracts.

Run by hand (the number goes in the README, nothing is asserted):

    python benchmarks/ner_baseline.py
    python benchmarks/ner_baseline.py --train tests/gold/dev.jsonl tests/gold/dev2a.jsonl \\
        --test tests/gold/dev2b.jsonl --epochs 30

Gold mentions are every occurrence (case-insensitive, whole words, longest first) of a
non-optional entity's name or alias; optional entities are left unlabelled. The tokenizer is
mlkg's own, so spans align with what the rules see. Never pass the held-out file.
"""

from __future__ import annotations

import argparse
import random
import re
import time

import spacy
from spacy.tokens import Span
from spacy.training import Example
from spacy.util import fix_random_seed

from kg.evaluation import read_gold_files
from kg.extract.pipeline import _customise_tokenizer
from kg.records import EntityType


def gold_spans(nlp, record) -> Example:
    text = record.title + "\n" + record.abstract
    doc = nlp.make_doc(text)
    forms = sorted(
        ((n, e.type.value) for e in record.entities if not e.optional for n in [e.name, *e.aliases]),
        key=lambda f: (-len(f[0]), f[0]),
    )
    taken: set[int] = set()
    spans = []
    for name, label in forms:
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE):
            span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            spans.append(span)
    reference = nlp.make_doc(text)
    reference.set_ents(
        [Span(reference, s.start, s.end, s.label_) for s in sorted(spans, key=lambda s: s.start)]
    )
    return Example(nlp.make_doc(text), reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", default=["tests/gold/dev.jsonl", "tests/gold/dev2a.jsonl"])
    parser.add_argument("--test", nargs="+", default=["tests/gold/dev2b.jsonl"])
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    nlp = spacy.blank("en")
    _customise_tokenizer(nlp)
    train = [gold_spans(nlp, r) for r in read_gold_files(args.train)]
    test = [gold_spans(nlp, r) for r in read_gold_files(args.test)]
    ner = nlp.add_pipe("ner")
    for entity_type in EntityType:
        ner.add_label(entity_type.value)
    fix_random_seed(0)
    optimizer = nlp.initialize(lambda: train)
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for i in range(0, len(train), 8):
            nlp.update(train[i : i + 8], sgd=optimizer, losses=losses, drop=0.2)
        if epoch % 5 == 0 or epoch == args.epochs:
            scores = nlp.evaluate(test)
            per_type = {k: round(v["f"], 2) for k, v in sorted(scores["ents_per_type"].items())}
            print(
                f"epoch {epoch:>3}: P {scores['ents_p']:.3f} R {scores['ents_r']:.3f}"
                f" F1 {scores['ents_f']:.3f}  {per_type}  ({time.perf_counter() - started:.0f} s)"
            )


if __name__ == "__main__":
    main()
