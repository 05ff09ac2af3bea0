"""Choosing one entity per stretch of text."""

from tests.extract.conftest import names


def test_longest_span_wins_over_its_parts(extract):
    found = names(extract("A study", "Our CLIP ViT-B/16 reaches 80% zero-shot top-1 accuracy."))
    assert ("CLIP ViT-B/16", "Model") in found
    assert ("zero-shot top-1 accuracy", "Metric") in found
    assert ("ViT-B/16", "Model") not in found and ("accuracy", "Metric") not in found


def test_generic_words_are_never_entities(extract):
    found = {
        text.lower()
        for text, _ in names(extract("A model", "Our model, method and network use data and an approach."))
    }
    assert found.isdisjoint({"model", "method", "network", "data", "approach"})


def test_training_stages_are_never_entities(extract):
    found = {
        text.lower()
        for text, _ in names(extract("A study", "Pre-training and fine-tuning of ViT on ImageNet."))
    }
    assert "pre-training" not in found and "fine-tuning" not in found and "vit" in found


def test_listed_acronym_takes_the_type_of_its_neighbours(extract):
    found = names(extract("A study", "Our model outperforms QRX, DyRep and JODIE on all streams."))
    assert {("QRX", "Model"), ("JODIE", "Model")} <= found


def test_hardware_name_keeps_its_vendor_and_gpu_word(extract):
    found = names(extract("A study", "It runs on a single NVIDIA T4 GPU and on eight H100 GPUs."))
    assert {("NVIDIA T4 GPU", "Hardware"), ("H100 GPUs", "Hardware")} <= found


def test_one_type_per_name_within_a_paper(extract):
    extraction = extract("A study", "We present Snorp-B, a benchmark of streams. On Snorp-B our model wins.")
    assert {m.type.value for m in extraction.mentions if m.text == "Snorp-B"} == {"Dataset"}


def test_parameter_counts_only_next_to_a_number(extract):
    found = names(extract("A study", "It uses 27% fewer parameters. The parameters of the model are frozen."))
    assert [text for text, type_ in found if text == "parameters"] == ["parameters"]
    mentions = extract(
        "A study", "It uses 27% fewer parameters. The parameters of the model are frozen."
    ).mentions
    assert [m.start for m in mentions if m.text == "parameters"] == [18]


def test_metric_keeps_its_qualifier(extract):
    assert ("average success rate", "Metric") in names(
        extract("A study", "It reaches an average success rate of 91%.")
    )


def test_listed_dataset_with_more_parts_stays_a_dataset(extract):
    found = names(extract("A study", "We report results on Kinetics-400/600 with a ViT-B/16 backbone."))
    assert ("Kinetics-400/600", "Dataset") in found and ("ViT-B/16", "Model") in found


def test_generic_architecture_classes_are_not_entities(extract):
    found = names(
        extract(
            "A study",
            "Recent advances in Vision Transformers (ViTs) and State Space Models (SSMs) have challenged "
            "the dominance of Convolutional Neural Networks (CNNs) in computer vision.",
        )
    )
    texts = {text.lower() for text, _ in found}
    assert texts.isdisjoint({"vision transformers", "vits", "convolutional neural networks", "cnns"})


def test_units_written_with_a_capital_are_not_names(extract):
    found = names(extract("A study", "It generates 44.1 kHz stereo audio with a 3 dB gain."))
    assert not {text for text, _ in found} & {"kHz", "dB"}


def test_lower_case_attention_and_search_phrases_are_methods(extract):
    found = names(
        extract(
            "Swin Transformer V2",
            "1) A residual-post-norm method combined with cosine attention to improve training stability; "
            "we also use multi-objective search for the policy.",
        )
    )
    assert {("cosine attention", "Method"), ("multi-objective search", "Method")} <= found


def test_size_suffix_and_prefix_glued_to_a_model_name_belong_to_it(extract):
    found = names(
        extract(
            "A study",
            "On the nuScenes test set, BEVira-L outperforms BEVFusion-R by 2.4 NDS, and As-ViT "
            "beats non-ViT baselines.",
        )
    )
    assert {("BEVFusion-R", "Model"), ("As-ViT", "Model")} <= found
    assert ("BEVFusion", "Model") not in found and ("ViT", "Model") in found


def test_test_set_after_an_unknown_name_makes_it_a_dataset(extract):
    found = names(
        extract(
            "A study", "On the CrossDocked2020 test set, Quillfold outperforms TargetDiff and Pocket2Mol."
        )
    )
    assert ("CrossDocked2020", "Dataset") in found


def test_unknown_acronyms_after_on_are_datasets(extract):
    found = names(
        extract(
            "A study",
            "Fine-tuned on FUNSD and CORD, LayoutLens-Base obtains entity-level F1 scores of 93.4 and 97.8.",
        )
    )
    assert {("FUNSD", "Dataset"), ("CORD", "Dataset"), ("LayoutLens-Base", "Model")} <= found


def test_network_before_an_unknown_name_makes_it_a_model(extract):
    found = names(
        extract("A study", "We deploy our compact keyword spotting network TinyKWS-20K on 24 boards.")
    )
    assert ("TinyKWS-20K", "Model") in found


def test_multiword_task_phrases_no_lexicon_lists(extract):
    found = names(
        extract(
            "A study",
            "GraphWeaver reduces the mean absolute error of glass transition temperature prediction by 18%. "
            "LNet is pre-trained for face localization on Kinetics-400 video action classification data.",
        )
    )
    assert {("glass transition temperature prediction", "Task"), ("face localization", "Task")} <= found
    assert ("Kinetics-400", "Dataset") in found


def test_an_adjective_does_not_start_a_task_phrase(extract):
    found = {
        text
        for text, _ in names(extract("A study", "It enables nuanced understanding of modern recognition."))
    }
    assert not found & {"nuanced understanding", "modern recognition"}


def test_rates_per_second_and_at_k_metrics(extract):
    found = names(
        extract(
            "A study",
            "The pruned XLM-R Base processes 2.1x more sentences per second, and LumaRec improves Recall@20 "
            "by 4.1%.",
        )
    )
    assert {("sentences per second", "Metric"), ("Recall@20", "Metric")} <= found


def test_a_bare_convolution_is_no_entity_but_a_named_one_is(extract):
    found = names(
        extract(
            "A study",
            "We drop-in replaced the standard convolutions with Dilated Convolution with Learnable Spacings "
            "(DCLS).",
        )
    )
    assert "convolutions" not in {text for text, _ in found}
    assert ("Dilated Convolution with Learnable Spacings", "Method") in found


def test_a_listed_dataset_with_a_variant_letter_stays_a_dataset(extract):
    found = names(
        extract("A study", "It reduces ImageNet-P mean flip rate from 27.8 to 12.2 and helps on ImageNet-C.")
    )
    assert {("ImageNet-P", "Dataset"), ("ImageNet-C", "Dataset")} <= found


def test_an_unknown_name_a_model_is_trained_or_evaluated_on_is_a_dataset(extract):
    found = names(
        extract("A study", "HelixWeave is trained on SAbDab and evaluated on KorvBank with 8 A100 GPUs.")
    )
    assert ("SAbDab", "Dataset") in found and ("KorvBank", "Dataset") in found
    assert ("HelixWeave", "Model") in found


def test_a_short_name_right_after_a_number_is_its_metric(extract):
    found = names(extract("A study", "On the Waymo Open Dataset, OctaVox reaches 81.2 mAPH and 3.9 LET-AP."))
    assert ("mAPH", "Metric") in found
    assert ("OctaVox", "Model") in found


def test_a_phone_word_belongs_to_the_device_name(extract):
    found = names(extract("A study", "The Mini model runs at 30 FPS on a Snapdragon 8 Gen 2 phone."))
    assert ("Snapdragon 8 Gen 2 phone", "Hardware") in found


def test_software_and_the_attention_idiom_are_no_entities(extract):
    text = "Vision transformers have gained significant attention. We implement it in PyTorch and TensorRT."
    found = {name for name, _ in names(extract("Gradient Noise Improves Learning", text))}
    assert not {"PyTorch", "TensorRT", "gained significant attention", "significant attention"} & found
    assert "Gradient Noise Improves Learning" not in found


def test_a_device_keeps_its_model_number_and_edition_but_not_a_memory_size(extract):
    text = (
        "Latency is 40 ms on an Apple M2 Max laptop, 9 ms on an Intel RealSense D435 camera pipeline, "
        "and we use a Samsung Galaxy S23, a TurtleBot 4 and one V100 32 GB card."
    )
    found = {name for name, kind in names(extract("A study", text)) if kind == "Hardware"}
    devices = {"Apple M2 Max laptop", "Intel RealSense D435 camera", "Samsung Galaxy S23", "TurtleBot 4"}
    assert devices <= found
    assert "V100" in found and not any(name.startswith("V100 32") for name in found)


def test_a_score_on_an_unknown_name_makes_it_a_dataset(extract):
    found = names(extract("A study", "GraphSAGE reaches an F1 score of 0.874 on TwiBot-22, above BotRGCN."))
    assert ("TwiBot-22", "Dataset") in found and ("BotRGCN", "Model") in found


def test_naming_cues_and_relative_words_do_not_start_a_method_name(extract):
    text = "We call Valence-Guided Sampling our sampler; models whose attention is sparse, a tactile sensor."
    found = {name for name, _ in names(extract("A study", text))}
    assert "call Valence-Guided Sampling" not in found and "whose attention" not in found


def test_a_dataset_keeps_a_glued_capitalised_suffix_and_a_board_its_edition(extract):
    found = names(
        extract("A study", "We test on Reddit-Hyperlink and CIFAR-10-C with an NVIDIA Jetson Orin Nano.")
    )
    assert {("Reddit-Hyperlink", "Dataset"), ("CIFAR-10-C", "Dataset")} <= found
    assert ("NVIDIA Jetson Orin Nano", "Hardware") in found
