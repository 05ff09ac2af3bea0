"""Write a split in the formats link-prediction libraries read.

- ``train.tsv`` / ``valid.tsv`` / ``test.tsv``: head, relation, tail labels, tab separated,
  no header: what ``pykeen.triples.TriplesFactory.from_path`` reads (via ``pandas.read_csv``
  with ``sep="\\t", header=None, dtype=str``).
- ``entities.tsv`` / ``relations.tsv``: ``id<TAB>label`` maps (sorted labels, ids from 0, as
  PyKEEN numbers them).
- ``edge_index.npz``: for PyTorch Geometric, ``{split}_edge_index`` (2 x E, int64) and
  ``{split}_edge_type`` per split, plus ``num_nodes``; written with fixed zip timestamps so
  the file is byte-identical from run to run.
- ``metadata.json``: counts, seed, split rule, checksum of the graph file, leakage report.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from kg.files import write_atomic
from kg.linkpred.leakage import LeakageReport
from kg.linkpred.split import Split
from kg.linkpred.triples import LinkTriple, TripleSet

SPLITS = ("train", "valid", "test")


def triples_tsv(triples: Sequence[LinkTriple]) -> str:
    return "".join(f"{t.head}\t{t.relation}\t{t.tail}\n" for t in triples)


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            payload = io.BytesIO()
            np.lib.format.write_array(payload, np.asarray(arrays[name]), allow_pickle=False)
            archive.writestr(info, payload.getvalue())
    return buffer.getvalue()


def write_dataset(out_dir: str | Path, source: TripleSet, split: Split, leakage: LeakageReport) -> dict:
    """Write every file of the dataset into ``out_dir`` and return the metadata written."""
    out = Path(out_dir)
    parts = {"train": split.train, "valid": split.valid, "test": split.test}
    entities = sorted({n for ts in parts.values() for t in ts for n in (t.head, t.tail)})
    relations = sorted({t.relation for ts in parts.values() for t in ts})
    entity_id = {e: i for i, e in enumerate(entities)}
    relation_id = {r: i for i, r in enumerate(relations)}
    for name, triples in parts.items():
        write_atomic(out / f"{name}.tsv", triples_tsv(triples))
    if split.dropped:
        write_atomic(out / "test_unseen.tsv", triples_tsv(split.dropped))
    else:
        # an earlier export into the same folder must not leave a file this split does not have
        (out / "test_unseen.tsv").unlink(missing_ok=True)
    write_atomic(out / "entities.tsv", "id\tlabel\n" + "".join(f"{i}\t{e}\n" for e, i in entity_id.items()))
    write_atomic(
        out / "relations.tsv", "id\tlabel\n" + "".join(f"{i}\t{r}\n" for r, i in relation_id.items())
    )
    arrays: dict[str, np.ndarray] = {"num_nodes": np.array(len(entities), dtype=np.int64)}
    for name, triples in parts.items():
        arrays[f"{name}_edge_index"] = np.array(
            [[entity_id[t.head] for t in triples], [entity_id[t.tail] for t in triples]], dtype=np.int64
        ).reshape(2, len(triples))
        arrays[f"{name}_edge_type"] = np.array([relation_id[t.relation] for t in triples], dtype=np.int64)
    write_atomic(out / "edge_index.npz", _npz_bytes(arrays))
    metadata = {
        "graph": {"file": source.source, "checksum": source.checksum, "triples": len(source.triples)},
        "split": {
            "rule": split.rule,
            "seed": split.seed,
            "grouping": "all triples between the same two nodes share a split",
            "moved_to_train_for_coverage": split.moved_to_train,
            "set_aside_unseen": len(split.dropped),
            "notes": split.notes,
        },
        "counts": {name: len(triples) for name, triples in parts.items()}
        | {"entities": len(entities), "relations": len(relations)},
        "per_relation": {
            name: {r: sum(1 for t in triples if t.relation == r) for r in relations}
            for name, triples in parts.items()
        },
        "leakage": asdict(leakage) | {"clean": leakage.clean},
    }
    write_atomic(out / "metadata.json", json.dumps(metadata, indent=2, sort_keys=True) + "\n")
    write_atomic(out / "README.md", _readme(metadata))
    return metadata


def _readme(meta: dict) -> str:
    counts = meta["counts"]
    return (
        "# mlkg link-prediction dataset\n\n"
        f"Made from `{meta['graph']['file']}` ({meta['graph']['checksum']}).\n\n"
        f"Split: {meta['split']['rule']} (seed {meta['split']['seed']}); "
        f"{meta['split']['grouping']}.\n\n"
        f"| train | valid | test | entities | relations |\n| --- | --- | --- | --- | --- |\n"
        f"| {counts['train']} | {counts['valid']} | {counts['test']} | {counts['entities']} | "
        f"{counts['relations']} |\n\n"
        "Load with PyKEEN:\n\n```python\nfrom pykeen.triples import TriplesFactory\n"
        "train = TriplesFactory.from_path('train.tsv')\n"
        "valid = TriplesFactory.from_path('valid.tsv', entity_to_id=train.entity_to_id,"
        " relation_to_id=train.relation_to_id)\n```\n\n"
        "Leakage checks and counts per relation: `metadata.json`.\n"
    )
