"""The graph page at scale: a 50,000-node synthetic graph in the NetworkX contract -> kg.html.

Run by hand (numbers go in the README, nothing is asserted):

    python benchmarks/viz_scale.py                       # 50k nodes, default top-2,000 page, median of 3
    python benchmarks/viz_scale.py --nodes 50000 --browser   # also time layout in headless Chromium
    python benchmarks/viz_scale.py --graph outputs --browser  # a built graph instead (reads kg.graphml)

The synthetic graph has the bundled build's shape: papers that mention 6-10 entities each,
entity popularity drawn from a Zipf-like law (so a few hubs, a long tail), and
entity-entity relations between popular entities, every edge with an evidence sentence.
Timed (median of ``--repeat`` runs in one process; the first run also pays for reading
vis-network from the pyvis package and compiling the templates): ``write_graph_html`` end to end
(selection, pyvis records, escaping, rendering,
atomic write of kg.html and kg-matrix.html). Not timed: generating the graph.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.viz import DEFAULT_MAX_NODES, write_graph_html

BASE = "https://w3id.org/mlkg/resource/"
KIND_SHARE = (
    ("Model", 0.35),
    ("Method", 0.30),
    ("Dataset", 0.12),
    ("Task", 0.10),
    ("Metric", 0.08),
    ("Hardware", 0.05),
)
RELATIONS = (
    ("Model", "trainedOn", "Dataset"),
    ("Model", "evaluatedOn", "Dataset"),
    ("Model", "runsOn", "Hardware"),
    ("Model", "outperforms", "Model"),
    ("Model", "variantOf", "Model"),
    ("Model", "usesMethod", "Method"),
    ("Method", "addressesTask", "Task"),
    ("Method", "evaluatedOn", "Dataset"),
)


def synthetic_graph(nodes: int, seed: int = 13) -> nx.MultiDiGraph:
    """``nodes`` nodes (a fifth of them papers) with contract attributes on every node and edge."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    papers = nodes // 5
    by_kind: dict[str, list[str]] = {kind: [] for kind, _ in KIND_SHARE}
    entity_total = nodes - papers
    made = 0
    for index, (kind, share) in enumerate(KIND_SHARE):
        count = entity_total - made if index == len(KIND_SHARE) - 1 else int(entity_total * share)
        for i in range(count):
            iri = f"{BASE}{kind.lower()}/{kind.lower()}-{i}"
            graph.add_node(
                iri, kind=kind, label=f"{kind}-{i}", aliases=f"{kind[:2]}{i}", date="", paper_count=0
            )
            by_kind[kind].append(iri)
        made += count
    # Zipf-like popularity: entity i of a kind is picked with weight 1 / (i + 1)
    weights = {
        kind: list(itertools.accumulate(1 / (i + 1) for i in range(len(iris))))
        for kind, iris in by_kind.items()
    }
    kinds = [k for k, _ in KIND_SHARE]
    shares = [s for _, s in KIND_SHARE]
    for p in range(papers):
        paper = f"{BASE}paper/synthetic-{p:06d}"
        graph.add_node(
            paper,
            kind="Paper",
            label=f"Synthetic paper {p}: scaling <b>models</b> & data",
            aliases="",
            date=f"20{10 + p % 15}-01-01",
        )
        for _ in range(rng.randint(6, 10)):
            kind = rng.choices(kinds, shares)[0]
            entity = rng.choices(by_kind[kind], cum_weights=weights[kind])[0]
            if graph.has_edge(paper, entity, "mentions"):
                continue
            graph.add_edge(
                paper,
                entity,
                key="mentions",
                predicate="mentions",
                evidence=f"In paper {p} we use {graph.nodes[entity]['label']}.",
                confidence=0.8,
                paper=paper,
                extractor="synthetic",
                evidence_count=1,
            )
            graph.nodes[entity]["paper_count"] += 1
    for r in range(nodes // 2):
        head_kind, predicate, tail_kind = rng.choice(RELATIONS)
        head = rng.choices(by_kind[head_kind], cum_weights=weights[head_kind])[0]
        tail = rng.choices(by_kind[tail_kind], cum_weights=weights[tail_kind])[0]
        if head == tail or graph.has_edge(head, tail, predicate):
            continue
        graph.add_edge(
            head,
            tail,
            key=predicate,
            predicate=predicate,
            evidence=f"Sentence {r}: {graph.nodes[head]['label']} {predicate} {graph.nodes[tail]['label']}.",
            confidence=0.7,
            paper=f"{BASE}paper/synthetic-{r % papers:06d}",
            extractor="synthetic",
            evidence_count=1,
        )
    return graph


def time_in_browser(page_path: Path) -> dict[str, float] | None:
    """Seconds to load the page and to finish the layout in headless Chromium (None without one)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(page_path.as_uri())
        loaded = time.perf_counter()
        while not page.evaluate("() => Boolean(window.mlkgView && window.mlkgView.stabilized)"):
            page.wait_for_timeout(100)
        settled = time.perf_counter()
        drawn = page.evaluate("() => mlkgView.network.body.nodeIndices.length")
        browser.close()
    return {
        "load_s": round(loaded - started, 2),
        "layout_s": round(settled - loaded, 2),
        "drawn_nodes": drawn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument(
        "--graph", type=Path, default=None, help="time a built graph (kg.graphml in DIR) instead"
    )
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES)
    parser.add_argument("--repeat", type=int, default=3, help="time this many runs, report the median")
    parser.add_argument(
        "--browser", action="store_true", help="also time load and layout in headless Chromium"
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="write the page here instead of a temporary folder"
    )
    args = parser.parse_args()

    t0 = time.perf_counter()
    if args.graph is not None:
        from kg.graph import load_networkx

        graph = load_networkx(args.graph)
        source = f"{args.graph / 'kg.graphml'}"
    else:
        graph = synthetic_graph(args.nodes)
        source = "synthetic graph"
    prepared = time.perf_counter() - t0
    print(
        f"{source}: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
        f"(made or read in {prepared:.1f}s, not timed below)"
    )
    folder = args.keep or Path(tempfile.mkdtemp(prefix="viz-scale-"))
    out = folder / "kg.html"
    times = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        summary = write_graph_html(
            graph, out, title=f"{source} ({graph.number_of_nodes():,} nodes)", max_nodes=args.max_nodes
        )
        times.append(time.perf_counter() - started)
    elapsed = statistics.median(times)
    result = {
        "nodes_total": summary.nodes_total,
        "edges_total": summary.edges_total,
        "nodes_shown": summary.nodes_shown,
        "edges_shown": summary.edges_shown,
        "ranked_by_degree": summary.ranked_by_degree,
        "write_graph_html_s_median": round(elapsed, 2),
        "write_graph_html_s_runs": [round(t, 2) for t in times],
        "kg_html_bytes": out.stat().st_size,
        "kg_matrix_html_bytes": summary.matrix_path.stat().st_size if summary.matrix_path else 0,
    }
    if args.browser:
        result["browser"] = time_in_browser(out)
    print(json.dumps(result, indent=2))
    print(f"page: {out}")


if __name__ == "__main__":
    main()
