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
