"""Relations on the bundled TinyCLIP abstract (checked by hand against its text) and small cases."""

import pytest

from kg.extract.relation_patterns import family_prefix


@pytest.fixture(scope="module")
def tinyclip_relations(extract, tinyclip):
    extraction = extract(*tinyclip)
    return {
        (r.head.text if r.head else "PAPER", r.predicate.value, r.tail.text) for r in extraction.relations
    }


@pytest.mark.parametrize(
    "triple",
    [
        ("PAPER", "proposes", "TinyCLIP"),
        ("TinyCLIP ViT-8M/16", "trainedOn", "YFCC-15M"),
        ("TinyCLIP ViT-8M/16", "evaluatedOn", "ImageNet"),
        ("TinyCLIP ViT-8M/16", "outperforms", "CLIP ViT-B/16"),
        ("TinyCLIP ViT-8M/16", "variantOf", "TinyCLIP"),
        ("CLIP ViT-B/16", "variantOf", "CLIP"),
    ],
)
def test_tinyclip_relation_found(tinyclip_relations, triple):
    assert triple in tinyclip_relations


def test_tinyclip_has_no_wrong_direction_or_training_set_as_test_set(tinyclip_relations):
    assert ("CLIP ViT-B/16", "outperforms", "TinyCLIP ViT-8M/16") not in tinyclip_relations
    assert ("TinyCLIP ViT-8M/16", "evaluatedOn", "YFCC-15M") not in tinyclip_relations
    assert ("TinyCLIP ViT-8M/16", "trainedOn", "ImageNet") not in tinyclip_relations


def test_relation_keeps_its_evidence_sentence(extract, tinyclip):
    extraction = extract(*tinyclip)
    trained = next(r for r in extraction.relations if r.predicate.value == "trainedOn")
    assert trained.sentence.startswith("Moreover, our TinyCLIP ViT-8M/16, trained on YFCC-15M")
    assert 0 < trained.confidence <= 1


def test_runs_on_hardware_and_addresses_task(extract):
    extraction = extract(
        "A study",
        "We propose FlorbNet, a new backbone. FlorbNet runs at 30 FPS on a Jetson Orin for object detection.",
    )
    triples = {
        (r.head.text if r.head else "PAPER", r.predicate.value, r.tail.text) for r in extraction.relations
    }
    assert ("FlorbNet", "runsOn", "Jetson Orin") in triples
    assert ("FlorbNet", "addressesTask", "object detection") in triples


def test_variant_of_needs_the_family_named_in_the_paper(extract):
    alone = extract("A study", "We fine-tune ResNet-50 on CIFAR-100.")
    assert not [r for r in alone.relations if r.predicate.value == "variantOf"]
    both = extract("A study", "ResNet is strong. We fine-tune ResNet-50 on CIFAR-100.")
    assert [(r.head.text, r.tail.text) for r in both.relations if r.predicate.value == "variantOf"] == [
        ("ResNet-50", "ResNet")
    ]


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("ViT-B/16", "ViT"),
        ("ResNet50", "ResNet"),
        ("ResNet-50", "ResNet"),
        ("YOLOv7-E6", "YOLO"),
        ("MobileNetV2", "MobileNet"),
        ("Whisper-small", "Whisper"),
        ("TinyCLIP", None),
        ("DeiT-LT", None),
    ],
)
def test_family_prefix_from_names(name, family):
    assert family_prefix(name) == family


def test_naming_phrase_gives_uses_method(extract):
    extraction = extract(
        "A study",
        "We propose a novel pruning method, called Snipster, for ViTs. "
        "We introduce GlorbNet, a network that routes tokens through a learned gate, termed the Florb Gate.",
    )
    triples = {
        (r.head.text if r.head else "PAPER", r.predicate.value, r.tail.text) for r in extraction.relations
    }
    assert ("Snipster", "usesMethod", "pruning") in triples
    assert ("GlorbNet", "usesMethod", "Florb Gate") in triples


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        ("We compare with the LAION-trained OpenCLIP-ViT-B32 model.", {("OpenCLIP-ViT-B32", "LAION")}),
        (
            "To train FlorbNet without labels, we collect Snorp-90K, a corpus of chains.",
            {("FlorbNet", "Snorp-90K")},
        ),
        (
            "We study VGG-16, ResNet-50, and ViT-B/16, trained on the ImageNet dataset.",
            {("VGG-16", "ImageNet"), ("ResNet-50", "ImageNet"), ("ViT-B/16", "ImageNet")},
        ),
    ],
)
def test_trained_on_patterns(extract, abstract, expected):
    extraction = extract("A study", abstract)
    assert {
        (r.head.text, r.tail.text) for r in extraction.relations if r.predicate.value == "trainedOn"
    } == expected


def triples_of(extraction) -> set[tuple[str, str, str]]:
    return {
        (r.head.text if r.head else "PAPER", r.predicate.value, r.tail.text) for r in extraction.relations
    }


def test_fine_tuned_as_an_adjective_under_evaluate_is_evaluation(extract):
    triples = triples_of(
        extract(
            "Tidewell: Frequency-Gated State Space Models for Forecasting",
            "We pre-train a single Tidewell model on GridPulse, a newly assembled collection of 2.1 billion "
            "observations, and evaluate zero-shot and fine-tuned transfer on ETTh1 and ETTm2.",
        )
    )
    assert {("Tidewell", "evaluatedOn", "ETTh1"), ("Tidewell", "evaluatedOn", "ETTm2")} <= triples
    assert ("Tidewell", "evaluatedOn", "GridPulse") not in triples


def test_comparative_than_and_relative_to_give_outperforms(extract):
    triples = triples_of(
        extract(
            "Tidewell: Frequency-Gated State Space Models for Forecasting",
            "Transformer forecasters such as Informer and PatchTST scale quadratically. "
            "Tidewell reduces the mean squared error (MSE) by 11.8% relative to PatchTST. "
            "Tidewell achieves a 5.3x higher inference speed than Informer on an NVIDIA L4 GPU.",
        )
    )
    assert {("Tidewell", "outperforms", "PatchTST"), ("Tidewell", "outperforms", "Informer")} <= triples


def test_runs_on_takes_the_model_of_its_own_clause(extract):
    triples = triples_of(
        extract(
            "PatchSmith: Execution-Guided Self-Repair for Code Generation",
            "PatchSmith is trained on 8 NVIDIA A100 GPUs, and PatchSmith-7B serves requests on a single "
            "RTX 4090 at 41 tokens per second.",
        )
    )
    assert {("PatchSmith", "runsOn", "NVIDIA A100 GPUs"), ("PatchSmith-7B", "runsOn", "RTX 4090")} <= triples
    assert ("PatchSmith", "runsOn", "RTX 4090") not in triples


def test_the_papers_own_method_heads_a_relation_at_sentence_start(extract):
    triples = triples_of(
        extract(
            "Korvath: Stable Offline-to-Online Fine-Tuning with Ensemble Q-Lensing",
            "We present Korvath, an actor-critic algorithm. "
            "Korvath needs a training time of 6 hours on a single RTX 4090 GPU.",
        )
    )
    assert ("Korvath", "runsOn", "RTX 4090 GPU") in triples


def test_lite_variant_of_the_papers_model(extract):
    triples = triples_of(
        extract(
            "Korvath: Stable Offline-to-Online Fine-Tuning",
            "Distilled from Korvath, a compact policy dubbed Korvath-Lite runs at a control frequency of "
            "410 Hz on a Raspberry Pi 5.",
        )
    )
    assert {("Korvath-Lite", "variantOf", "Korvath"), ("Korvath-Lite", "runsOn", "Raspberry Pi 5")} <= triples


def test_tasks_listed_after_including_or_like(extract):
    triples = triples_of(
        extract(
            "SigLIP 2",
            "With these changes, SigLIP 2 models outperform their SigLIP counterparts at all model scales in "
            "core capabilities, including zero-shot classification and image-text retrieval.",
        )
    )
    assert {
        ("SigLIP 2", "addressesTask", "zero-shot classification"),
        ("SigLIP 2", "addressesTask", "image-text retrieval"),
    } <= triples


def test_apposition_after_a_short_form_uses_the_described_technique(extract):
    extraction = extract(
        "A study",
        "Unlike previous approaches that rely on approximations, we introduce Optimal Brain Apoptosis "
        "(OBA), a novel pruning method that calculates the Hessian-vector product value directly for each "
        "parameter.",
    )
    triples = triples_of(extraction)
    assert ("OBA", "usesMethod", "pruning") in triples
    assert ("PAPER", "proposes", "Optimal Brain Apoptosis") in triples
    assert ("PAPER", "proposes", "pruning") not in triples


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Masked Image Modeling (MIM) pretraining methods like Masked Autoencoder (MAE) need long "
            "schedules.",
            ("Masked Autoencoder", "usesMethod", "MIM"),
        ),
        (
            "We compare our method with recent network binarization methods, BinaryConnect and BinaryNets.",
            ("BinaryNets", "usesMethod", "network binarization"),
        ),
        (
            "Applied to XLM-R Base, LexiPrune shrinks the embedding matrix by 71%. We propose LexiPrune, "
            "a calibration-driven vocabulary pruning method.",
            ("XLM-R Base", "usesMethod", "LexiPrune"),
        ),
    ],
)
def test_examples_of_a_technique_and_a_method_applied_to_a_backbone(extract, abstract, expected):
    assert expected in triples_of(extract("A study", abstract))


def test_second_dataset_after_a_repeated_preposition_shares_the_head(extract):
    triples = triples_of(
        extract(
            "A study",
            "EchoNano is trained on LibriSpeech 960h and on FarField-Kids, a new 300-hour corpus of "
            "children's speech.",
        )
    )
    assert {("EchoNano", "trainedOn", "LibriSpeech"), ("EchoNano", "trainedOn", "FarField-Kids")} <= triples


def test_training_participle_opening_a_sentence(extract):
    triples = triples_of(
        extract(
            "CvT: Introducing Convolutions to Vision Transformers",
            "Pre-trained on ImageNet-22k, our CvT-W24 obtains a top-1 accuracy of 87.7% on the ImageNet-1k "
            "val set.",
        )
    )
    assert ("CvT-W24", "trainedOn", "ImageNet-22k") in triples
    assert ("CvT-W24", "trainedOn", "ImageNet-1k") not in triples


def test_trained_on_takes_the_nearest_own_name_as_subject(extract):
    triples = triples_of(
        extract(
            "GraspSense-3D: Tactile Grasping",
            "We present GraspSense-3D, a grasp pose detection network with a cross-modal transformer, the "
            "Touch-Vision Fuser (TVF). To train the Touch-Vision Fuser we collect ClearGrasp-Tactile, a "
            "dataset of 52,000 grasp attempts; the visual branch of GraspSense-3D is additionally "
            "pre-trained on the synthetic TransCG dataset.",
        )
    )
    assert ("GraspSense-3D", "trainedOn", "TransCG") in triples
    assert ("Touch-Vision Fuser", "trainedOn", "TransCG") not in triples


def test_a_backbone_named_with_with_is_not_evaluated_on_its_own(extract):
    triples = triples_of(
        extract(
            "SemAIM",
            "Specifically, with ViT-B, SemAIM achieves 84.1% top-1 accuracy for fine-tuning on ImageNet.",
        )
    )
    assert ("SemAIM", "evaluatedOn", "ImageNet") in triples
    assert ("ViT-B", "evaluatedOn", "ImageNet") not in triples


def test_apposition_right_after_the_name(extract):
    triples = triples_of(
        extract(
            "A study",
            "We present Korvath, an actor-critic algorithm that stabilises this transition. "
            "We propose CardioSeg-Net, a semi-supervised segmentation network that propagates annotations.",
        )
    )
    assert ("Korvath", "usesMethod", "actor-critic") in triples
    assert ("CardioSeg-Net", "addressesTask", "semi-supervised segmentation") in triples


def test_models_listed_together_all_run_on_the_hardware(extract):
    triples = triples_of(
        extract("A study", "ResNet-50 and ViT-B/16 were trained on four H100 GPUs within two days.")
    )
    assert {("ResNet-50", "runsOn", "H100 GPUs"), ("ViT-B/16", "runsOn", "H100 GPUs")} <= triples


def test_backbones_listed_with_a_method_all_use_it(extract):
    triples = triples_of(
        extract("A study", "Specifically, DeiT-T and DeiT-S with MCTF reduce FLOPs by about 44%.")
    )
    assert {("DeiT-T", "usesMethod", "MCTF"), ("DeiT-S", "usesMethod", "MCTF")} <= triples


def test_a_backbone_after_on_is_not_outperformed(extract):
    triples = triples_of(
        extract(
            "MetaCLIP",
            "In zero-shot ImageNet classification, MetaCLIP achieves 70.8% accuracy, surpassing CLIP's 68.3% "
            "on ViT-B models.",
        )
    )
    assert ("MetaCLIP", "outperforms", "CLIP") in triples
    assert ("MetaCLIP", "outperforms", "ViT-B") not in triples


def test_no_relation_between_a_name_and_its_own_short_form(extract):
    extraction = extract(
        "DVPT: efficient tuning",
        "We propose Dynamic Visual Prompt Tuning (DVPT), which uses prompt tuning. "
        "DVPT, using Dynamic Visual Prompt Tuning, beats LoRA on CIFAR-100.",
    )
    pairs = {(r.head.text, r.tail.text) for r in extraction.relations if r.head is not None}
    assert ("DVPT", "Dynamic Visual Prompt Tuning") not in pairs
    assert ("Dynamic Visual Prompt Tuning", "DVPT") not in pairs
    assert any(r.predicate.value == "outperforms" for r in extraction.relations)


def pairs_of(extract, predicate: str, abstract: str, title: str = "A study") -> set[tuple[str, str]]:
    """(head, tail) of the relations of one kind found in a small paper."""
    return {(h, t) for h, p, t in triples_of(extract(title, abstract)) if p == predicate}


def test_a_size_variant_of_a_hyphenated_name_is_a_variant_of_it(extract):
    lite = pairs_of(extract, "variantOf", "MedLoom-ICU-Lite runs on a CPU.", "MedLoom-ICU: sepsis")
    assert ("MedLoom-ICU-Lite", "MedLoom-ICU") in lite
    xs = pairs_of(extract, "variantOf", "Murmur-CTC-XS has 9M parameters.", "Murmur-CTC: speech")
    assert ("Murmur-CTC-XS", "Murmur-CTC") in xs


def test_models_trained_together_and_participle_clauses(extract):
    both = pairs_of(
        extract,
        "trainedOn",
        "We apply our loss to BART-large and PEGASUS and fine-tune both on CNN/DailyMail and XSum.",
    )
    assert {("BART-large", "XSum"), ("PEGASUS", "CNN/DailyMail"), ("PEGASUS", "XSum")} <= both
    clause = pairs_of(
        extract,
        "trainedOn",
        "Applied to ResNet-34 and trained on the VoxCeleb2 development set, VoxAnchor lowers the EER.",
    )
    assert ("VoxAnchor", "VoxCeleb2") in clause


@pytest.mark.parametrize(
    ("abstract", "pair"),
    [
        ("Compared with Grad-TTS, VelvetVox is 14x faster at equal MOS.", ("VelvetVox", "Grad-TTS")),
        ("TideMixer lowers the mean absolute error (MAE) of Informer by 18.3%.", ("TideMixer", "Informer")),
        ("GraphSAGE reaches 0.874 F1, 6.2 points above the BotRGCN baseline.", ("GraphSAGE", "BotRGCN")),
    ],
)
def test_comparisons_that_name_the_rival_first_or_improve_its_number(extract, abstract, pair):
    assert pair in pairs_of(extract, "outperforms", abstract)


def test_a_comparison_without_a_better_word_is_no_outperforms(extract):
    assert not pairs_of(extract, "outperforms", "Compared with Grad-TTS, VelvetVox uses a different vocoder.")


def test_a_variant_of_the_papers_model_that_opens_the_sentence_is_what_runs_on_the_device(extract):
    runs = pairs_of(
        extract,
        "runsOn",
        "HelixPair-Tiny, a distilled HelixPair with 1.6M parameters, reaches 10 million pairs per hour "
        "on a single A100 GPU.",
        "HelixPair: drug pair prediction",
    )
    assert ("HelixPair-Tiny", "A100 GPU") in runs


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        (
            "A study",
            "We plug HaloDice into nnU-Net, Swin-UNETR and a lightweight MedNeXt-S without changes.",
            {("nnU-Net", "HaloDice"), ("Swin-UNETR", "HaloDice"), ("MedNeXt-S", "HaloDice")},
        ),
        (
            "Braidline: back-translation for low-resource languages",
            "Braidline is applied to mBART-50 and BLOOM without changes.",
            {("mBART-50", "Braidline"), ("BLOOM", "Braidline")},
        ),
        (
            "Tessellate: faster decoding",
            "We propose Tessellate, a decoding method. Tessellate needs no architectural change and is"
            " applied on top of a standard Transformer-Big model.",
            {("Transformer-Big", "Tessellate")},
        ),
        (
            "Clausewise: contract parsing",
            "We propose Clausewise, a training method. Clausewise is model-agnostic: we attach it to"
            " Legal-BERT and to the RGB-based VideoMAE-B.",
            {("Legal-BERT", "Clausewise"), ("VideoMAE-B", "Clausewise")},
        ),
        (
            "ChirpMix: audio augmentation",
            "We apply ChirpMix to the Audio Spectrogram Transformer (AST) and EfficientAT-M2.",
            {("Audio Spectrogram Transformer", "ChirpMix"), ("EfficientAT-M2", "ChirpMix")},
        ),
    ],
)
def test_models_a_method_is_applied_to_use_it(extract, title, abstract, expected):
    assert expected <= pairs_of(extract, "usesMethod", abstract, title)


def test_a_system_that_couples_two_techniques_uses_both(extract):
    uses = pairs_of(
        extract,
        "usesMethod",
        "StrideForge couples proximal policy optimization (PPO) with domain randomization.",
        "StrideForge: legged locomotion",
    )
    assert {("StrideForge", "proximal policy optimization"), ("StrideForge", "domain randomization")} <= uses


def test_the_model_a_method_is_written_on_is_what_outperforms(extract):
    pairs = pairs_of(
        extract,
        "outperforms",
        "We propose HaloDice, a segmentation loss. Under equal budgets, MedNeXt-S with HaloDice"
        " outperforms the TransUNet and UNETR++ baselines in mean DSC.",
        "HaloDice: topology-aware segmentation",
    )
    assert {("MedNeXt-S", "TransUNet"), ("MedNeXt-S", "UNETR++")} <= pairs
    assert ("HaloDice", "TransUNet") not in pairs
