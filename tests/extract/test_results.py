from decimal import Decimal

from kg.extract.results import NUMBER


def test_tinyclip_headline_result(extract, tinyclip):
    results = extract(*tinyclip).results
    headline = next(r for r in results if r.text == "41.1%")
    assert headline.value == Decimal("41.1") and headline.unit == "%"
    assert headline.model.text == "TinyCLIP ViT-8M/16"
    assert headline.dataset.text == "ImageNet"
    assert headline.metric.text == "zero-shot top-1 accuracy"
    assert headline.field == "abstract" and tinyclip[1][headline.start : headline.end] == "41.1%"


def test_a_delta_is_credited_to_the_sentence_subject(extract, tinyclip):
    delta = next(r for r in extract(*tinyclip).results if r.text == "3.5%")
    assert delta.model.text == "TinyCLIP ViT-8M/16"
    assert delta.metric.text == "zero-shot top-1 accuracy"


def test_speedup_range_and_size(extract, tinyclip):
    speedup = next(r for r in extract(*tinyclip).results if r.unit == "x")
    assert (speedup.text, speedup.value) == ("1.4 - 7.8 times", Decimal("1.4"))
    size = next(
        r
        for r in extract("A model", "Our Florb-L has 436M parameters and runs 2x faster.").results
        if r.unit == "M parameters"
    )
    assert size.value == Decimal("436") and isinstance(size.value, Decimal)


def test_number_forms():
    texts = [m.group(0) for m in NUMBER.finditer("1,200 steps, 2x, 3.5×, 6.1times, 12 fold, 0.612")]
    assert texts == ["1,200", "2x", "3.5×", "6.1times", "12 fold", "0.612"]


def test_bare_number_needs_a_metric_next_to_it(extract):
    results = extract(
        "A study", "In 2023 we trained 3 models; FlorbNet reaches an mAP of 55.3 on COCO."
    ).results
    assert [(r.text, r.metric.text) for r in results] == [("55.3", "mAP")]


def attribution(extraction) -> dict[str, tuple]:
    return {
        r.text: (r.model and r.model.text, r.dataset and r.dataset.text, r.metric and r.metric.text)
        for r in extraction.results
    }


def test_a_number_in_parentheses_after_a_model_is_that_models(extract):
    found = attribution(
        extract(
            "YOLOv7",
            "YOLOv7-E6 object detector (56 FPS V100, 55.9% AP) outperforms the convolutional-based "
            "detector ConvNeXt-XL (8.6 FPS A100, 55.2% AP) in speed and accuracy.",
        )
    )
    assert found["55.9%"][0] == "YOLOv7-E6" and found["55.2%"][0] == "ConvNeXt-XL"
    assert found["55.2%"][2] == "AP"


def test_a_possessive_number_is_the_baselines(extract):
    found = attribution(
        extract(
            "MetaCLIP",
            "In zero-shot ImageNet classification, MetaCLIP achieves 70.8% accuracy, surpassing CLIP's 68.3% "
            "on ViT-B models.",
        )
    )
    assert found["70.8%"] == ("MetaCLIP", "ImageNet", "accuracy")
    assert found["68.3%"][0] == "CLIP"


def test_listed_numbers_pair_with_listed_models_and_metrics(extract):
    models = attribution(
        extract(
            "A study",
            "For instance, for ViTB-16 and ViTL-16 trained on ImageNet, the mean utilization is 35% and 20% "
            "respectively.",
        )
    )
    assert (models["35%"][0], models["20%"][0]) == ("ViTB-16", "ViTL-16")
    metrics = attribution(
        extract(
            "A study",
            "CLIPN outperforms 7 well-used algorithms by at least 2.34% and 11.64% in terms of AUROC and "
            "FPR95 for zero-shot OOD detection on ImageNet-1K.",
        )
    )
    assert (metrics["2.34%"][2], metrics["11.64%"][2]) == ("AUROC", "FPR95")


def test_from_a_to_b_is_two_numbers(extract):
    results = extract(
        "A study", "FedSprout improves F1 from 0.71 to 0.78 over FedAvg on anomaly detection."
    ).results
    assert [(r.text, r.metric.text) for r in results] == [("0.71", "F1"), ("0.78", "F1")]


def test_points_hours_and_milliseconds_are_units(extract):
    found = {
        r.text: r.unit
        for r in extract(
            "A study",
            "On TesselNav-9 it improves the success rate of SAC by 18.6 points. Training takes 20 hours on "
            "one GPU, and inference takes 14 ms per frame.",
        ).results
    }
    assert found == {"18.6 points": "points", "20 hours": "hours", "14 ms": "ms"}


def test_a_decimal_score_after_of_needs_no_metric_next_to_it(extract):
    results = extract(
        "A study",
        "On D4RL, Korvath reaches a normalized return of 97.4 across 36 tasks in 2023.",
    ).results
    assert [r.text for r in results] == ["97.4"]


def test_metric_of_a_number_is_never_read_across_a_comma(extract):
    found = attribution(
        extract(
            "A study",
            "For example, our models achieve an ImageNet accuracy of 88.0%, ADE20K mIoU of 55.6%, and COCO "
            "box AP of 56.4%.",
        )
    )
    assert (found["88.0%"][2], found["55.6%"][2], found["56.4%"][2]) == ("accuracy", "mIoU", "box AP")


def test_a_variant_of_the_papers_model_owns_its_number(extract):
    found = attribution(
        extract(
            "BEVira: Radar-Camera Fusion",
            "We introduce BEVira, a radar-camera fusion network. On the nuScenes test set, the largest "
            "BEVira model, BEVira-L, achieves 61.8 NDS.",
        )
    )
    assert found["61.8"][0] == "BEVira-L"


def test_deltas_over_listed_baselines_stay_with_the_subject(extract):
    found = attribution(
        extract(
            "FedSprout",
            "On a non-IID split of CIFAR-10, FedSprout outperforms FedProx and SCAFFOLD by 3.1 and 2.4 "
            "points of top-1 accuracy.",
        )
    )
    assert (found["3.1"][0], found["2.4 points"][0]) == ("FedSprout", "FedSprout")


def test_a_training_set_is_not_the_dataset_of_a_number(extract):
    found = attribution(
        extract("A study", "FlorbNet reaches 80.1% top-1 accuracy when pre-trained on LAION-400M.")
    )
    assert found["80.1%"] == ("FlorbNet", None, "top-1 accuracy")


def test_a_masking_ratio_is_a_setting_not_a_result(extract) -> None:
    # data/000: "Masked Autoencoders Enable Efficient Knowledge Distillers"
    sentence = (
        "For example, with 95% masking ratio where merely TEN patches are visible during distillation, "
        "our ViT-B competitively attains a top-1 ImageNet accuracy of 83.6%; surprisingly, it can still "
        "secure 82.4% top-1 ImageNet accuracy by aggressively training with just FOUR visible patches "
        "(98% masking ratio)."
    )
    values = {str(r.value) for r in extract("A title", sentence).results}
    assert {"83.6", "82.4"} <= values
    assert not values & {"95", "98"}
