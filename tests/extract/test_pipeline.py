"""The whole pipeline: components in order, streaming, offsets, and inputs that must not crash it."""

from kg.extract import extract_papers
from kg.extract.pipeline import COMPONENTS
from kg.records import Paper


def test_pipeline_is_blank_english_plus_mlkg_components(nlp):
    assert nlp.lang == "en" and tuple(nlp.pipe_names) == COMPONENTS


def test_mentions_point_into_their_field(extract, tinyclip):
    title, abstract = tinyclip
    extraction = extract(title, abstract)
    for mention in extraction.mentions:
        text = title if mention.field == "title" else abstract
        assert text[mention.start : mention.end] == mention.text
        assert text[mention.sentence_start :].startswith(mention.sentence)
        assert mention.sentence_start <= mention.start and mention.rule and 0 < mention.confidence <= 1
    assert {m.field for m in extraction.mentions} == {"title", "abstract"}


def test_streams_one_extraction_per_paper_in_order(nlp):
    papers = [
        Paper(id=f"p{i}", title=f"FlorbNet-V{i}", abstract="We use ResNet-50." if i % 2 else "", sources=())
        for i in range(5)
    ]
    assert [e.paper_id for e in extract_papers(iter(papers), nlp=nlp)] == ["p0", "p1", "p2", "p3", "p4"]


def test_same_input_same_output(extract, tinyclip):
    assert extract(*tinyclip) == extract(*tinyclip)


def test_empty_title_and_abstract(extract):
    extraction = extract("", "")
    assert extraction.mentions == () and extraction.relations == () and extraction.results == ()


def test_ten_thousand_word_abstract(extract):
    sentence = "We train FlorbNet-V2 on CIFAR-100 and reach 91.2% top-1 accuracy on 8 A100 GPUs. "
    extraction = extract("Long", sentence * 700)
    assert len(extraction.mentions) >= 700 and len(extraction.results) >= 700


def test_odd_unicode_and_latex(extract):
    abstract = (
        "We propose $\\alpha$-Net\u00a0(\u03b1N), \\emph{a new} backbone \u2014 see Fig.~2 \u2026 "
        "It gets 84.3\\% on ImageNet-1K with \\textbf{ViT-B/16}; \ud83d\ude80 \u200b zero\u2011width and "
        "\u0645\u0631\u062d\u0628\u0627 text. {{}} \\\\ $$ ( ( ) ] ["
    )
    extraction = extract("\u00c9tude: $O(n^2)$ \\cite{x}", abstract)
    found = {(m.text, m.type.value) for m in extraction.mentions}
    assert {("ViT-B/16", "Model"), ("ImageNet-1K", "Dataset")} <= found
