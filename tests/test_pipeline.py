"""The whole build on the bundled corpus: committed outputs stay fresh, builds are byte-identical,
the views agree, and the graph validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.cli import main
from kg.graph import load_graph, load_networkx
from kg.pipeline import BuildConfig, build
from kg.resources import DATA_DIR, PROJECT_ROOT
from kg.vocab import ENTITY_CLASS, MLKG, RELATION_PROPERTY

COMMITTED = PROJECT_ROOT / "outputs"
REFRESH = "run `python -m kg build` from the repository root and commit outputs/"


def output_files(directory: Path) -> dict[str, bytes]:
    files = sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))
    return {p.name: p.read_bytes() for p in files}


def test_build_writes_every_output_file(bundled_build: Path) -> None:
    names = set(output_files(bundled_build))
    assert names == {
        "kg.ttl",
        "kg.nt",
        "kg.jsonld",
        "kg.graphml",
        "extractions.jsonl",
        "stats.json",
        "kg.html",
        "kg-matrix.html",
    }
    assert (bundled_build / "store").is_dir()


def test_committed_outputs_match_a_fresh_build(bundled_build: Path) -> None:
    assert Path.cwd().resolve() == PROJECT_ROOT.resolve(), "run pytest from the repository root"
    committed, fresh = output_files(COMMITTED), output_files(bundled_build)
    assert sorted(committed) == sorted(fresh), f"outputs/ holds other files than a build writes: {REFRESH}"
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert not stale, f"outputs/ is stale ({', '.join(stale)} differ from a fresh build): {REFRESH}"


def test_two_builds_give_byte_identical_files(bundled_build: Path, tmp_path: Path) -> None:
    build(BuildConfig(inputs=(DATA_DIR,), out_dir=tmp_path, validate="off"))
    first, second = output_files(bundled_build), output_files(tmp_path)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_outputs_hold_no_machine_paths(bundled_build: Path) -> None:
    for name, data in output_files(bundled_build).items():
        text = data.decode("utf-8")
        assert str(PROJECT_ROOT) not in text, name


def test_every_serialisation_says_the_same_graph(bundled_build: Path) -> None:
    nt = Graph().parse(bundled_build / "kg.nt", format="nt")
    assert not [t for t in nt if any(isinstance(term, BNode) for term in t)]  # so isomorphic == equal sets
    for name, fmt in (("kg.ttl", "turtle"), ("kg.jsonld", "json-ld")):
        other = Graph().parse(bundled_build / name, format=fmt)
        assert set(other) == set(nt), name
    stats = json.loads((bundled_build / "stats.json").read_text(encoding="utf-8"))
    assert stats["triples"] == len(nt)
    assert stats["papers"]["kept"] == len(set(nt.subjects(RDF.type, MLKG.Paper))) > 200


def test_store_networkx_and_rdf_have_the_same_nodes_and_edges(bundled_build: Path) -> None:
    rdf = load_graph(bundled_build)
    nx_graph = load_networkx(bundled_build)
    classes = {MLKG.Paper, *ENTITY_CLASS.values()}
    nodes = {str(s) for c in classes for s in rdf.subjects(RDF.type, c)}
    predicates = {MLKG.mentions, *RELATION_PROPERTY.values()}
    edges = {
        (str(s), str(o), str(p).rsplit("#", 1)[1]) for p in predicates for s, o in rdf.subject_objects(p)
    }
    assert set(nx_graph.nodes) == nodes
    assert set(nx_graph.edges(keys=True)) == edges
    kinds = {d["kind"] for _, d in nx_graph.nodes(data=True)}
    assert kinds == {"Paper", *(str(c).rsplit("#", 1)[1] for c in ENTITY_CLASS.values())}


def test_every_relation_and_proposes_has_a_statement(bundled_build: Path) -> None:
    rdf = Graph().parse(bundled_build / "kg.nt", format="nt")
    for prop in RELATION_PROPERTY.values():
        reified = {
            (rdf.value(st, RDF.subject), rdf.value(st, RDF.object))
            for st in rdf.subjects(RDF.predicate, prop)
        }
        asserted = set(rdf.subject_objects(prop))
        if prop == MLKG.variantOf:
            assert reified <= asserted  # lexicon families carry no statement
        else:
            assert reified == asserted, prop


def test_kg_validate_reports_that_committed_outputs_conform(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(COMMITTED / "kg.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_kg_validate_names_focus_path_and_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix mlkg: <https://w3id.org/mlkg/ontology#> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        '<https://w3id.org/mlkg/resource/paper/1> a mlkg:Paper ; dcterms:title "A", "B" ;\n'
        '  dcterms:identifier "1" ; dcterms:source "x.txt:1" .\n',
        encoding="utf-8",
    )
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    expected = (
        "https://w3id.org/mlkg/resource/paper/1\n  dcterms:title: A paper has exactly one non-empty title"
    )
    assert expected in out
    assert "1 violation(s)" in out


def test_kg_build_on_a_small_input_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "papers.jsonl"
    source.write_text(
        json.dumps(
            {
                "id": "2309.12314",
                "title": "TinyCLIP: CLIP Distillation via Affinity Mimicking and Weight Inheritance",
                "abstract": "In this paper, we propose a novel cross-modal distillation method, "
                "called TinyCLIP, "
                "for large-scale language-image pre-trained models. Moreover, our TinyCLIP ViT-8M/16, "
                "trained on YFCC-15M, achieves an impressive zero-shot top-1 accuracy of 41.1% "
                "on ImageNet.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["build", "--input", str(source), "--out", str(out), "--no-html", "--validate", "sample"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "papers: 1 read, 1 kept, 0 merged, 0 skipped" in printed
    assert "validation: conforms" in printed and "(sample of 1 papers)" in printed
    assert not (out / "kg.html").exists()
    nt = (out / "kg.nt").read_text(encoding="utf-8")
    assert "<https://w3id.org/mlkg/resource/paper/2309.12314> <https://w3id.org/mlkg/ontology#proposes>" in nt


def test_extractions_offsets_point_into_the_paper_text(bundled_build: Path) -> None:
    rdf = Graph().parse(bundled_build / "kg.nt", format="nt")
    records = [json.loads(line) for line in (bundled_build / "extractions.jsonl").open(encoding="utf-8")]
    assert len(records) == len(set(rdf.subjects(RDF.type, MLKG.Paper)))
    checked = 0
    for record in records:
        paper = rdf.resource(URIRef(record["iri"]))
        fields = {
            "title": str(paper.value(DCTERMS.title)),
            "abstract": str(paper.value(DCTERMS.abstract) or ""),
        }
        for m in record["mentions"]:
            assert fields[m["field"]][m["start"] : m["end"]] == m["text"], (record["paper"], m)
            assert (paper.identifier, MLKG.mentions, URIRef(m["entity_iri"])) in rdf
            checked += 1
    assert checked > 1000
