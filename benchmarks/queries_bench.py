"""Every saved question on the bundled graph and on a synthetic one: Oxigraph store vs rdflib in memory.

For each graph the script times, per saved query (default parameters):
- ``oxigraph``: the on-disk pyoxigraph store ``kg query`` uses, opened read-only, answers
  materialised by ``kg.query.engine.execute``;
- ``rdflib``: the same N-Triples parsed into a plain in-memory ``rdflib.Graph`` and
  ``Graph.query`` with the same predeclared prefixes, rows materialised.

"cold" is the first run of a query in this process right after the store was opened (or the
graph parsed); the OS file cache is NOT dropped (the store was just written, so its files are
likely cached): it measures the engine's first-run work (parsing, planning, lazily built
indexes), not disk reads. "warm" is the median of the following runs. rdflib runs are cut off
at ``--rdflib-timeout`` seconds (shown as ">T"). Row counts of both engines are compared.

Usage:
    python benchmarks/queries_bench.py                      # bundled + 100k synthetic abstracts
    python benchmarks/queries_bench.py --papers 10000 --runs 3
    python benchmarks/queries_bench.py --bundled outputs     # reuse an existing build
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib.plugins.sparql.sparql import SPARQLError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import synthetic_corpus  # noqa: E402

from kg.query.engine import execute, open_store, standard_prefixes  # noqa: E402
from kg.query.library import load_library  # noqa: E402


class RdflibTimeout(Exception):
    pass


@dataclass
class Timing:
    rows: int | None
    cold: float | None  # seconds; None = timed out or failed
    warm: float | None
    error: str = ""


def _time_runs(run: Callable[[], int], runs: int) -> Timing:
    times: list[float] = []
    rows = None
    for _ in range(runs):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    warm = statistics.median(times[1:]) if len(times) > 1 else None
    return Timing(rows, times[0], warm)


def _on_alarm(signum: int, frame: object) -> None:
    raise RdflibTimeout


def time_rdflib(graph: rdflib.Graph, text: str, runs: int, limit: float) -> Timing:
    """rdflib is pure Python, so an interval timer can interrupt a run between bytecodes."""
    prefixes = standard_prefixes()

    def run() -> int:
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            return len(list(graph.query(text, initNs=prefixes)))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        return _time_runs(run, runs)
    except RdflibTimeout:
        return Timing(None, None, None)
    except SPARQLError as error:  # rdflib's own evaluation errors: reported, not hidden
        return Timing(None, None, None, error=f"{type(error).__name__}")


def time_oxigraph(store: pyoxigraph.Store, text: str, runs: int) -> Timing:
    return _time_runs(lambda: execute(store, text).size, runs)


def build_bundled(work: Path) -> Path:
    from kg.pipeline import BuildConfig, build

    out = work / "bundled"
    build(BuildConfig(out_dir=out, validate="off", html=False))
    return out


def build_synthetic(work: Path, papers: int) -> tuple[Path, dict[str, float]]:
    from kg.graph import graph_content, rdf_lines, write_store
    from kg.iris import Iris

    out = work / f"synthetic-{papers}"
    clock: dict[str, float] = {}
    if (out / "store").is_dir() and (out / "kg.nt").is_file():
        return out, clock  # reuse the graph an earlier run wrote to the same --work directory
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    corpus = synthetic_corpus(papers)
    clock["generate corpus"] = time.perf_counter() - start
    start = time.perf_counter()
    lines = rdf_lines(graph_content(corpus), Iris())
    del corpus
    (out / "kg.nt").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    clock["graph stage (N-Triples)"] = time.perf_counter() - start
    del lines
    start = time.perf_counter()
    write_store(out / "kg.nt", out / "store")
    clock["store bulk load"] = time.perf_counter() - start
    return out, clock


def _ms(seconds: float | None, limit: float | None = None) -> str:
    if seconds is None:
        return f">{limit:g} s" if limit else "–"
    return f"{seconds * 1000:.1f}"


def bench_graph(
    name: str, graph_dir: Path, runs: int, rdflib_timeout: float, with_rdflib: bool = True
) -> str:
    library = load_library()
    lines = [f"### {name}", ""]
    start = time.perf_counter()
    memory_graph = rdflib.Graph()
    if with_rdflib:
        memory_graph.parse(graph_dir / "kg.nt", format="nt")
    parse_seconds = time.perf_counter() - start
    triples = len(memory_graph)
    skipped = Timing(None, None, None, error="not run")
    rdflib_times = {
        q: time_rdflib(memory_graph, s.text, runs, rdflib_timeout) if with_rdflib else skipped
        for q, s in library.items()
    }
    del memory_graph
    start = time.perf_counter()
    store = open_store(graph_dir)
    open_seconds = time.perf_counter() - start
    oxigraph_times = {q: time_oxigraph(store, s.text, runs) for q, s in library.items()}
    if with_rdflib:
        lines.append(
            f"{triples:,} triples; open the Oxigraph store: {open_seconds * 1000:.0f} ms; "
            f"parse kg.nt into an in-memory rdflib Graph: {parse_seconds:.1f} s."
        )
    else:
        lines.append(
            f"open the Oxigraph store: {open_seconds * 1000:.0f} ms; rdflib not run (--skip-rdflib)."
        )
    lines += [
        "",
        "| query | rows | oxigraph cold ms | oxigraph warm ms | rdflib cold ms | rdflib warm ms "
        "| warm speed-up |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for query in library:
        ox_t, rd_t = oxigraph_times[query], rdflib_times[query]
        rows = str(ox_t.rows)
        if rd_t.rows is not None and rd_t.rows != ox_t.rows:
            rows += f" (rdflib {rd_t.rows})"
        speedup = f"{rd_t.warm / ox_t.warm:.0f}×" if rd_t.warm and ox_t.warm else "–"
        rd_cold = (
            (rd_t.error if rd_t.error == "not run" else f"error: {rd_t.error}")
            if rd_t.error
            else _ms(rd_t.cold, rdflib_timeout)
        )
        rd_warm = "–" if rd_t.error else _ms(rd_t.warm, rdflib_timeout)
        lines.append(
            f"| {query} | {rows} | {_ms(ox_t.cold)} | {_ms(ox_t.warm)} | {rd_cold} | {rd_warm} | {speedup} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000, help="synthetic abstracts (0: skip)")
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per query (first = cold, median of the rest = warm)"
    )
    parser.add_argument(
        "--bundled", type=Path, help="an existing build output directory (default: build one)"
    )
    parser.add_argument(
        "--rdflib-timeout", type=float, default=120.0, help="seconds before an rdflib run is cut off"
    )
    parser.add_argument(
        "--work", type=Path, help="where to write the graphs (default: a temporary directory)"
    )
    parser.add_argument("--skip-rdflib", action="store_true", help="time the Oxigraph store only")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="mlkg-bench-"))
    print(
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, "
        f"rdflib {rdflib.__version__}, "
        f"{os.cpu_count()} CPUs, {args.runs} runs per query\n",
        flush=True,
    )
    bundled = args.bundled or build_bundled(work)
    with_rdflib = not args.skip_rdflib
    print(
        bench_graph("Bundled corpus (data/)", bundled, args.runs, args.rdflib_timeout, with_rdflib),
        "\n",
        flush=True,
    )
    if args.papers:
        synthetic, clock = build_synthetic(work, args.papers)
        built = ", ".join(f"{k} {v:.1f} s" for k, v in clock.items()) or "reused from --work"
        print(f"Synthetic corpus of {args.papers:,} abstracts: {built}\n", flush=True)
        title = f"Synthetic corpus, {args.papers:,} abstracts"
        print(bench_graph(title, synthetic, args.runs, args.rdflib_timeout, with_rdflib), flush=True)


if __name__ == "__main__":
    main()
