"""Benchmark the named questions on a store of at least 1M triples, against rdflib.

Usage: .venv/bin/python benchmarks/sparql.py [--triples N] [--runs N] [--rdflib-runs N]
       [--rdflib-cap SECONDS] [--no-rdflib]

1. Extracts a sample of ../shared/corpus once with newskg (cached in
   benchmarks/results/sparql-sample.nq; delete it to re-extract).
2. Replicates the article graphs of the sample with distinct article and
   event identifiers until the graph holds at least --triples distinct
   triples (actors, in the default graph, are shared) and loads it into an
   on-disk store (benchmarks/results/sparql-store, rebuilt when the graph
   changes); the distinct triples are counted again in the store.
3. Asks every named question (ASKS: realistic parameters, and heavier ones)
   on the store (p50 and p95 of --runs runs after one warm-up) and the same
   bound query text on rdflib's engine over the same quads (--rdflib-runs
   runs, each stopped after --rdflib-cap seconds and then reported as
   '>N s'), and prints a Markdown table (also written to
   benchmarks/results/sparql.md) with the machine's load average.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
import signal
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.sparql import execute, load, named_queries, open_store
from kg.sparql.query import bind

if TYPE_CHECKING:
    from pyoxigraph import Store

log = logging.getLogger("benchmarks.sparql")

SHARED = Path(os.environ.get("NEWSKG_SHARED") or ROOT.parent / "shared")
RESULTS = ROOT / "benchmarks" / "results"
SAMPLE = RESULTS / "sparql-sample.nq"
BIG = RESULTS / "sparql-big.nq"
STORE = RESULTS / "sparql-store"
#: Short Current Events items added to the long news articles of the corpus.
CURRENT_EVENTS = 600
_ID = re.compile(r"(https://w3id\.org/newskg/id/(?:article|event)/)([^/>]+)")
_IDENTIFIER = "<http://purl.org/dc/terms/identifier>"
_GRAPH = re.compile(r" <https://w3id\.org/newskg/id/article/[^>]*> \.$")
#: What each named question is asked: first a frequently named actor (or one
#: day, or everything for the questions that list a few hundred rows), then the
#: heaviest realistic asks (the most frequent actors, a week, every vote).
ASKS: list[tuple[str, dict[str, str]]] = [
    ("actor-events", {"actor": "Russia"}),
    ("actor-events", {"actor": "Donald Trump"}),
    ("actor-roles", {}),
    ("actor-roles", {"person": "Joe Biden"}),
    ("co-mentioned", {"actor": "Russia"}),
    ("co-mentioned", {"actor": "United States"}),
    ("quotations-by-speaker", {"speaker": "United States"}),
    ("quotations-by-speaker", {"speaker": "Donald Trump"}),
    ("suspensions-by-body", {}),
    ("timeline", {"since": "2025-01-20", "until": "2025-01-20"}),
    ("timeline", {"since": "2025-01-20", "until": "2025-01-26"}),
    ("votes", {"voters": "United States House of Representatives"}),
    ("votes", {"on": "Donald Trump"}),
    ("votes", {}),
    ("who-expelled-whom", {}),
]


def _corpus() -> Iterator[dict[str, object]]:
    corpus = SHARED / "corpus"
    for name in ("wikinews.jsonl", "voa.jsonl", "usgov.jsonl"):
        with open(corpus / name, encoding="utf-8") as handle:
            yield from (json.loads(line) for line in handle if line.strip())
    with open(corpus / "current-events.jsonl", encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index >= CURRENT_EVENTS:
                break
            yield json.loads(line)


def extract_sample() -> None:
    """Run newskg once over the corpus sample and cache the graph as N-Quads."""
    import tempfile

    from kg.io import read_articles
    from kg.pipeline import build
    from kg.rdf.write import write_graph

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "sample.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in _corpus()), encoding="utf-8")
        articles = list(read_articles([str(source)], skip_errors=True))
    log.info("extracting %d articles (once; cached in %s)", len(articles), SAMPLE)
    try:
        result = build(articles)
    except Exception:
        log.exception("extraction failed on the whole sample; retrying article by article")
        good = []
        for article in articles:
            try:
                build([article])
            except Exception as exc:  # noqa: BLE001
                log.warning("skipping article %s: %s", article.id, exc)
                continue
            good.append(article)
        result = build(good)
    write_graph(result.dataset, SAMPLE, "nquads")


def _triple(line: str) -> str:
    """An N-Quads line without its graph, spaces normalised: the triple it states."""
    return " ".join(_GRAPH.sub(" .", line).split())


def replicate(target: int) -> int:
    """Write BIG: the sample's article graphs copied with distinct identifiers, enough
    copies for ``target`` distinct triples; returns that number of distinct triples."""
    default: list[str] = []
    per_article: list[str] = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        (per_article if line.rstrip().endswith("> .") and line.count("<https://w3id.org/newskg/"
                                                                     "id/article/") and
         _is_quad(line) else default).append(line)
    # A triple naming an article or an event is new in each copy; the others (an
    # actor's role, say) are the same triple in every copy.
    renamed = {_triple(line) for line in per_article if _ID.search(_triple(line))}
    shared = {_triple(line) for line in default} | {
        _triple(line) for line in per_article if not _ID.search(_triple(line))}
    copies = max(1, math.ceil((target - len(shared)) / max(1, len(renamed))))
    with open(BIG, "w", encoding="utf-8") as out:
        out.write("\n".join(default) + "\n")
        for n in range(copies):
            suffix = f"~{n}"
            for line in per_article:
                line = _ID.sub(rf"\g<1>\g<2>{suffix}", line)
                if _IDENTIFIER in line:
                    line = re.sub(r'"([^"]*)" (<[^>]*>) \.$', rf'"\1{suffix}" \2 .', line)
                out.write(line + "\n")
    total = len(shared) + copies * len(renamed)
    log.info("%d copies of %d article quads (%d distinct triples each) + %d shared triples "
             "= %d distinct triples", copies, len(per_article), len(renamed), len(shared), total)
    return total


def _is_quad(line: str) -> bool:
    """Whether an N-Quads line is in a named graph (its last term before ' .' is an IRI
    following the object)."""
    return bool(re.search(r'(?:>|"|\^\^<[^>]*>|@[\w-]+) <https://w3id\.org/newskg/id/article/'
                          r'[^>]*> \.$', line))


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


class _Cap(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Cap


def time_rdflib(texts: list[str], runs: int, cap: float) -> list[list[float] | None]:
    """Seconds of each run of each query on rdflib (``None``: a run passed ``cap``)."""
    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(BIG, format="nquads")
    log.info("rdflib parsed %d triples in %.0f s", len(dataset), time.perf_counter() - started)
    signal.signal(signal.SIGALRM, _alarm)
    out: list[list[float] | None] = []
    for text in texts:
        times: list[float] = []
        for _ in range(runs):
            signal.setitimer(signal.ITIMER_REAL, cap)
            start = time.perf_counter()
            try:
                list(dataset.query(text))
            except _Cap:
                times = []
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - start)
        out.append(times or None)
        log.info("rdflib: %s", [f"{t:.2f}" for t in times] or f">{cap:g} s")
    return out


def _build(target: int) -> None:
    """(Re)build BIG and the store unless they already hold this sample at ``target``."""
    import shutil

    stamp = STORE / ".source"
    wanted = f"{SAMPLE.stat().st_mtime_ns} {target} distinct"
    if stamp.exists() and stamp.read_text() == wanted and BIG.exists():
        return
    shutil.rmtree(STORE, ignore_errors=True)
    replicate(target)
    started = time.perf_counter()
    report = load([BIG], STORE)
    log.info("loaded %d quads (%d article graphs) in %.1f s", report.quads, report.articles,
             time.perf_counter() - started)
    stamp.write_text(wanted)


def _time(store: Store, text: str, runs: int) -> tuple[int, list[float]]:
    """Rows of the answer, and seconds of each of ``runs`` runs after a warm-up."""
    rows = len(execute(store, text, timeout=None))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        execute(store, text, timeout=None)
        times.append(time.perf_counter() - start)
    return rows, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--rdflib-cap", type=float, default=30.0)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if not SAMPLE.exists():
        extract_sample()
    _build(args.triples)
    store = open_store(STORE)
    # The default graph holds every distinct triple (the article graphs are copied into it).
    count = execute(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=None)
    triples = int(str(count.rows[0]["n"]))
    if triples < args.triples:
        log.warning("only %d distinct triples, fewer than --triples %d", triples, args.triples)
    named = named_queries()
    texts = [bind(named[name].text, params) for name, params in ASKS]
    load_before = os.getloadavg()
    fast: list[list[float]] = []
    rows: list[int] = []
    for (name, params), text in zip(ASKS, texts, strict=True):
        answered, times = _time(store, text, args.runs)
        rows.append(answered)
        fast.append(times)
        log.info("pyoxigraph %s %s: p50 %.1f ms", name, params, 1000 * statistics.median(times))
    load_after = os.getloadavg()
    slow = ([None] * len(texts) if args.no_rdflib
            else time_rdflib(texts, args.rdflib_runs, args.rdflib_cap))
    against = ("rdflib not run" if args.no_rdflib else f"rdflib {rdflib_version()}: "
               f"{args.rdflib_runs} runs, capped at {args.rdflib_cap:g} s")
    lines = [(f"{triples:,} distinct triples ({len(store):,} quads); pyoxigraph "
              f"{pyoxigraph_version()}: {args.runs} runs after a warm-up; {against}. "
              f"{os.cpu_count()} CPUs, load average "
              f"{load_before[0]:.1f} before and {load_after[0]:.1f} after the pyoxigraph runs."),
             "",
             ("| named question | parameters | rows | pyoxigraph p50 | pyoxigraph p95 | "
              "rdflib p50 | rdflib p95 | ratio (p50) |"),
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for (name, params), times, answered, capped in zip(ASKS, fast, rows, slow, strict=True):
        p50, p95 = statistics.median(times), _percentile(times, 0.95)
        if args.no_rdflib:
            r50 = r95 = ratio = "–"
        elif capped is None:
            r50 = r95 = f">{args.rdflib_cap:g} s"
            ratio = f">{args.rdflib_cap / p50:,.0f}×"
        else:
            s50, s95 = statistics.median(capped), _percentile(capped, 0.95)
            r50, r95, ratio = f"{s50 * 1000:,.0f} ms", f"{s95 * 1000:,.0f} ms", f"{s50 / p50:,.0f}×"
        asked = " ".join(f"{k}={v}" for k, v in params.items()) or "–"
        lines.append(f"| `{name}` | {asked} | {answered:,} | {p50 * 1000:.1f} ms | "
                     f"{p95 * 1000:.1f} ms | {r50} | {r95} | {ratio} |")
    table = "\n".join(lines) + "\n"
    (RESULTS / "sparql.md").write_text(table, encoding="utf-8")
    sys.stdout.write(table)


def pyoxigraph_version() -> str:
    import pyoxigraph

    return str(pyoxigraph.__version__)


def rdflib_version() -> str:
    import rdflib

    return str(rdflib.__version__)


if __name__ == "__main__":
    main()
