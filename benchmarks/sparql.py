"""Benchmark the named questions on a store of at least 1M triples, against rdflib.

Usage: .venv/bin/python benchmarks/sparql.py [--triples N] [--runs N] [--rdflib-runs N]
       [--rdflib-cap SECONDS] [--no-rdflib]

1. Extracts a sample of ../shared/corpus once with newskg (cached in
   benchmarks/results/sparql-sample.nq; delete it to re-extract).
2. Replicates the article graphs of the sample with distinct article and
   event identifiers until the graph holds at least --triples triples
   (actors, in the default graph, are shared) and loads it into an on-disk
   store (benchmarks/results/sparql-store, rebuilt when the graph changes).
3. Times every named question on the store (p50 and p95 of --runs runs after
   one warm-up) and on rdflib's engine over the same quads (--rdflib-runs
   runs, each stopped after --rdflib-cap seconds and then reported as
   '>N s'), and prints a Markdown table (also written to
   benchmarks/results/sparql.md).
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.sparql import execute, load, named_queries, open_store

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
#: Parameters the questions about one actor are asked with (the rest list everything).
PARAMS: dict[str, dict[str, str]] = {"actor-events": {"actor": "Russia"},
                                     "co-mentioned": {"actor": "Russia"}}


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


def replicate(target: int) -> int:
    """Write BIG: the sample's article graphs copied with distinct identifiers."""
    default: list[str] = []
    per_article: list[str] = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        (per_article if line.rstrip().endswith("> .") and line.count("<https://w3id.org/newskg/"
                                                                     "id/article/") and
         _is_quad(line) else default).append(line)
    copies = max(1, math.ceil((target - len(default)) / max(1, len(per_article))))
    with open(BIG, "w", encoding="utf-8") as out:
        out.write("\n".join(default) + "\n")
        for n in range(copies):
            suffix = f"~{n}"
            for line in per_article:
                line = _ID.sub(rf"\g<1>\g<2>{suffix}", line)
                if _IDENTIFIER in line:
                    line = re.sub(r'"([^"]*)" (<[^>]*>) \.$', rf'"\1{suffix}" \2 .', line)
                out.write(line + "\n")
    total = len(default) + copies * len(per_article)
    log.info("%d copies of %d article triples + %d actor triples = %d quads", copies,
             len(per_article), len(default), total)
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


def time_rdflib(texts: dict[str, str], runs: int, cap: float) -> dict[str, list[float] | None]:
    from rdflib import Dataset, Literal

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(BIG, format="nquads")
    log.info("rdflib parsed %d quads in %.0f s", len(dataset), time.perf_counter() - started)
    signal.signal(signal.SIGALRM, _alarm)
    out: dict[str, list[float] | None] = {}
    for name, text in texts.items():
        times: list[float] = []
        for _ in range(runs):
            signal.setitimer(signal.ITIMER_REAL, cap)
            start = time.perf_counter()
            try:
                list(dataset.query(text, initBindings={
                    k: Literal(v) for k, v in PARAMS.get(name, {}).items()}))
            except _Cap:
                times = []
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - start)
        out[name] = times or None
        log.info("rdflib %s: %s", name, [f"{t:.2f}" for t in times] or f">{cap:g} s")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--rdflib-cap", type=float, default=60.0)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if not SAMPLE.exists():
        extract_sample()
    stamp = STORE / ".source"
    wanted = f"{SAMPLE.stat().st_mtime_ns} {args.triples} mirrored"
    if not (stamp.exists() and stamp.read_text() == wanted and BIG.exists()):
        import shutil

        shutil.rmtree(STORE, ignore_errors=True)
        replicate(args.triples)
        started = time.perf_counter()
        report = load([BIG], STORE)
        log.info("loaded %d quads (%d article graphs) in %.1f s", report.quads, report.articles,
                 time.perf_counter() - started)
        stamp.write_text(wanted)
    store = open_store(STORE)
    quads = len(store)
    texts = {name: q.text for name, q in named_queries().items()}
    fast: dict[str, list[float]] = {}
    rows: dict[str, int] = {}
    for name, text in texts.items():
        params = PARAMS.get(name)
        rows[name] = len(execute(store, text, params=params, timeout=None))  # warm-up
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            execute(store, text, params=params, timeout=None)
            times.append(time.perf_counter() - start)
        fast[name] = times
        log.info("pyoxigraph %s: p50 %.1f ms", name, 1000 * statistics.median(times))
    slow = {} if args.no_rdflib else time_rdflib(texts, args.rdflib_runs, args.rdflib_cap)

    lines = [(f"{quads:,} quads; pyoxigraph: {args.runs} runs after a warm-up; rdflib "
              f"{rdflib_version()}: {args.rdflib_runs} runs, capped at {args.rdflib_cap:g} s."), "",
             ("| named question | rows | pyoxigraph p50 | pyoxigraph p95 | rdflib p50 | "
              "rdflib p95 | ratio (p50) |"),
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name in texts:
        p50, p95 = statistics.median(fast[name]), _percentile(fast[name], 0.95)
        capped = slow.get(name)
        if args.no_rdflib:
            r50 = r95 = ratio = "–"
        elif capped is None:
            r50 = r95 = f">{args.rdflib_cap:g} s"
            ratio = f">{args.rdflib_cap / p50:,.0f}×"
        else:
            s50, s95 = statistics.median(capped), _percentile(capped, 0.95)
            r50, r95, ratio = f"{s50 * 1000:,.0f} ms", f"{s95 * 1000:,.0f} ms", f"{s50 / p50:,.0f}×"
        asked = "".join(f" {k}={v}" for k, v in PARAMS.get(name, {}).items())
        lines.append(f"| `{name}`{asked} | {rows[name]:,} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | "
                     f"{r50} | {r95} | {ratio} |")
    table = "\n".join(lines) + "\n"
    (RESULTS / "sparql.md").write_text(table, encoding="utf-8")
    sys.stdout.write(table)


def rdflib_version() -> str:
    import rdflib

    return str(rdflib.__version__)


if __name__ == "__main__":
    main()
