"""Scoring on a tiny hand-made gold record and predictions, with counts worked out by hand."""

from kg.evaluation.evaluate import score_paper
from kg.evaluation.gold import GoldEntity, GoldRecord, GoldRelation, GoldResult
from kg.evaluation.scoring import Counts, PredictedEntity, PredictedResult, Prediction
from kg.records import EntityType, RelationType

M, D, ME, H = EntityType.MODEL, EntityType.DATASET, EntityType.METHOD, EntityType.HARDWARE
R = RelationType

GOLD = GoldRecord(
    id="g1",
    title="T",
    abstract="A",
    source="written",
    entities=(
        GoldEntity("ViT-B/16", M),
        GoldEntity("ImageNet", D, aliases=("IN-1k",)),
        GoldEntity("Token Merging", ME, alt_types=(M,)),
        GoldEntity("CNN", M, optional=True),
    ),
    relations=(
        GoldRelation("PAPER", R.PROPOSES, "Token Merging"),
        GoldRelation("ViT-B/16", R.EVALUATED_ON, "ImageNet"),
        GoldRelation("ViT-B/16", R.USES_METHOD, "Token Merging"),
        GoldRelation("ViT-B/16", R.OUTPERFORMS, "CNN"),
    ),
    results=(GoldResult("41.1%", "ViT-B/16", "ImageNet", None),),
)

PREDICTION = Prediction(
    "g1",
    entities=(
        PredictedEntity(("ViT-B-16",), M),  # spelling folded: TP Model
        PredictedEntity(("IN-1k",), D),  # a gold alias: TP Dataset
        PredictedEntity(("Token Merging", "ToMe"), M),  # an accepted alt type: TP Method
        PredictedEntity(("CNN",), M),  # optional: ignored
        PredictedEntity(("COCO",), D),  # FP Dataset
        PredictedEntity(("GPU",), H),  # FP Hardware
    ),
    relations=(
        ("PAPER", R.PROPOSES, "token merging"),  # TP
        ("vit b 16", R.EVALUATED_ON, "IN-1k"),  # TP
        ("ViT-B/16", R.RUNS_ON, "GPU"),  # FP
        ("ViT-B/16", R.OUTPERFORMS, "CNN"),  # touches an optional entity: ignored
    ),  # missed: usesMethod -> FN
    results=(PredictedResult("41.1 %", "ViT-B-16", "IN-1k", None), PredictedResult("2x", None, None, None)),
)


def test_entity_counts_per_type():
    score = score_paper(GOLD, PREDICTION)
    assert score.entities == {
        "Model": Counts(1, 0, 0),
        "Dataset": Counts(1, 1, 0),
        "Method": Counts(1, 0, 0),
        "Hardware": Counts(0, 1, 0),
    }
    dataset = score.entities["Dataset"]
    assert (dataset.precision, dataset.recall, dataset.f1) == (0.5, 1.0, 0.6667)


def test_relation_counts_and_micro_f1():
    score = score_paper(GOLD, PREDICTION)
    assert score.relations == {
        "proposes": Counts(1, 0, 0),
        "evaluatedOn": Counts(1, 0, 0),
        "runsOn": Counts(0, 1, 0),
        "usesMethod": Counts(0, 0, 1),
    }
    micro = sum(score.relations.values(), Counts())
    assert (micro.precision, micro.recall, micro.f1) == (0.6667, 0.6667, 0.6667)


def test_result_counts():
    score = score_paper(GOLD, PREDICTION)
    assert score.results == {"value": Counts(1, 1, 0), "full": Counts(1, 1, 0)}


def test_wrong_type_is_a_miss_and_a_false_positive():
    wrong = Prediction("g1", entities=(PredictedEntity(("ImageNet",), M),))
    score = score_paper(GOLD, wrong)
    assert score.entities["Model"] == Counts(0, 1, 1) and score.entities["Dataset"] == Counts(0, 0, 1)
    assert [(m.kind, m.what) for m in score.misses if m.what.endswith(": ImageNet")] == [
        ("false-positive", "Model: ImageNet"),
        ("miss", "Dataset: ImageNet"),
    ]


def test_counts_arithmetic():
    assert (
        Counts(3, 1, 2).precision == 0.75 and Counts(3, 1, 2).recall == 0.6 and Counts(3, 1, 2).f1 == 0.6667
    )
    assert Counts().f1 == 0.0
