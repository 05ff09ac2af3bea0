"""Optional: train a PyKEEN embedding model on an exported split (``pip install -e '.[embeddings]'``).

PyKEEN and torch are imported only here and only when called, so the rest of mlkg never
needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import MlkgError


@dataclass(frozen=True)
class EmbeddingScores:
    model: str
    mrr: float
    hits: tuple[float, float, float]


def train_embedding(
    data_dir: str | Path, model: str = "TransE", epochs: int = 100, seed: int = 42
) -> EmbeddingScores:
    """Train ``model`` on ``train.tsv``; score ``test.tsv`` with PyKEEN's filtered, realistic ranks."""
    try:
        from pykeen.pipeline import pipeline
        from pykeen.triples import TriplesFactory
    except ImportError as error:
        raise MlkgError("PyKEEN is not installed: pip install -e '.[embeddings]'") from error
    data = Path(data_dir)
    train = TriplesFactory.from_path(data / "train.tsv")
    valid = TriplesFactory.from_path(
        data / "valid.tsv", entity_to_id=train.entity_to_id, relation_to_id=train.relation_to_id
    )
    test = TriplesFactory.from_path(
        data / "test.tsv", entity_to_id=train.entity_to_id, relation_to_id=train.relation_to_id
    )
    result = pipeline(
        training=train,
        validation=valid,
        testing=test,
        model=model,
        random_seed=seed,
        training_kwargs={"num_epochs": epochs},
        evaluation_kwargs={"additional_filter_triples": [train.mapped_triples, valid.mapped_triples]},
    )
    metrics = result.metric_results
    return EmbeddingScores(
        model=model,
        mrr=float(metrics.get_metric("both.realistic.inverse_harmonic_mean_rank")),
        hits=tuple(float(metrics.get_metric(f"both.realistic.hits_at_{k}")) for k in (1, 3, 10)),  # type: ignore[arg-type]
    )
