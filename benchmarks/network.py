"""Benchmark of the actor network on the whole shared corpus.

    .venv/bin/python benchmarks/network.py            # extract once (cached), then time
    .venv/bin/python benchmarks/network.py --rebuild  # extract again

The corpus (``../shared/corpus/``, or ``$NEWSKG_SHARED/corpus``) is extracted
once with the installed pipeline and the graph cached in
``benchmarks/results/network/corpus.trig`` (the folder is git-ignored).
Then each step is timed: loading the graph into a store, the projection, the
measures, the layout, the GEXF export (validated against the GEXF 1.3 RELAX NG
schema when ``../shared/gexf`` is there) and the PNG. The figures and the
network's size go to stdout and to ``benchmarks/results/network/benchmark.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("NEWSKG_SHARED") or ROOT.parent / "shared")
RESULTS = ROOT / "benchmarks" / "results" / "network"
CACHE = RESULTS / "corpus.trig"

log = logging.getLogger("benchmarks.network")


def extract(corpus: Path, cache: Path) -> dict[str, Any]:
    """Extract every article of ``corpus`` into ``cache`` (TriG); returns counts and time.

    The extractions are pickled beside the cache first, so a failure after the
    (long) extraction does not cost it again. Articles with a mention whose
    name folds to nothing (punctuation only) are left out: ``kg.resolve`` does
    not expect them.
    """
    import pickle

    from kg.extract.names import fold
    from kg.io import read_articles
    from kg.pipeline import BuildResult, extract_articles
    from kg.rdf.graph import build_graph
    from kg.rdf.write import write_graph
    from kg.resolve import resolve

    started = time.perf_counter()
    pickled = cache.with_suffix(".extractions.pickle")
    cache.parent.mkdir(parents=True, exist_ok=True)
    skipped: list[str] = []
    if pickled.exists():
        log.info("using the pickled extractions %s", pickled)
        extractions = pickle.loads(pickled.read_bytes())
    else:
        articles = list(read_articles([str(corpus)], skip_errors=True,
                                      on_error=lambda e: skipped.append(str(e))))
        log.info("extracting %d articles from %s (%d skipped) ...", len(articles), corpus,
                 len(skipped))
        done = 0

        def progress(_: object) -> None:
            nonlocal done
            done += 1
            if done % 500 == 0:
                log.info("  %d/%d articles, %.0f s", done, len(articles),
                         time.perf_counter() - started)

        extractions = tuple(extract_articles(articles, on_article=progress))
        pickled.write_bytes(pickle.dumps(extractions))
    extracted = time.perf_counter() - started
    kept = tuple(ex for ex in extractions if all(fold(m.name) for m in ex.mentions))
    if len(kept) < len(extractions):
        log.warning("left out %d articles with a mention whose name folds to nothing",
                    len(extractions) - len(kept))
    resolution = resolve(kept)
    result = BuildResult(kept, resolution, build_graph(kept, resolution))
    write_graph(result.dataset, str(cache), "trig")
    seconds = time.perf_counter() - started
    log.info("extracted in %.0f s, built and written in %.0f s -> %s", extracted,
             seconds - extracted, cache)
    return {"articles": len(extractions), "skipped": len(skipped),
            "left_out": len(extractions) - len(kept), "seconds": round(seconds, 1),
            "extraction_seconds": round(extracted, 1), "summary": result.summary()}


def bench(cache: Path, out: Path, *, seed: int = 7) -> dict[str, Any]:
    """Time each step of the network on the cached corpus graph."""
    from kg.network.draw import layout
    from kg.network.export import prepare, render, write_bytes
    from kg.network.gexf import relation_counts, validate
    from kg.network.measures import annotate
    from kg.network.project import event_count, load_source, project

    times: dict[str, float] = {}

    def timed(name: str, step: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        value = step(*args, **kwargs)
        times[name] = round(time.perf_counter() - started, 2)
        log.info("%-22s %7.2f s", name, times[name])
        return value

    store = timed("load graph", load_source, cache)
    graph = timed("projection", project, store)
    timed("measures", annotate, graph)
    timed("layout", layout, graph, seed=seed)
    prepared = timed("prepare (measures+layout)", prepare, graph.copy(), seed=seed)
    gexf = timed("GEXF render", render, prepared, "gexf")
    gexf_path = out / "corpus-network.gexf"
    timed("GEXF write", write_bytes, str(gexf_path), gexf)
    png = timed("PNG render", render, prepared, "png", title="newskg: the shared corpus")
    write_bytes(str(out / "corpus-network.png"), png)
    schema = SHARED / "gexf" / "1.3" / "gexf.rng"
    errors = timed("GEXF validate", validate, gexf, schema) if schema.exists() else None
    times["total: projection + measures + GEXF"] = round(
        times["projection"] + times["prepare (measures+layout)"] + times["GEXF render"]
        + times["GEXF write"], 2)

    nodes = graph.nodes(data=True)
    components = Counter(d["component"] for _, d in nodes)
    communities = Counter(d["community"] for _, d in nodes)
    top = sorted(nodes, key=lambda nd: -nd[1]["pagerank"])[:10]
    return {
        "seconds": times,
        "network": {
            "actors": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "gexf_edges": sum(relation_counts(graph).values()),
            "events": event_count(graph),
            "edges_by_relation": dict(Counter(d["relation"] for _, _, d in graph.edges(data=True))),
            "actors_by_type": dict(Counter(d["type"] for _, d in nodes)),
            "components": len(components),
            "largest_component": max(components.values(), default=0),
            "communities": len(communities),
            "largest_community": max(communities.values(), default=0),
            "top_pagerank": [(d["label"], round(d["pagerank"], 4)) for _, d in top],
        },
        "gexf": {"bytes": len(gexf), "valid": errors == [] if errors is not None else None,
                 "errors": (errors or [])[:5]},
        "png_bytes": len(png),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true",
                        help="extract the corpus again even if the cached graph exists")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus",
                        help="the folder of articles (default: the shared corpus)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="the cached corpus graph")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    report: dict[str, Any] = {}
    if args.rebuild or not args.cache.exists():
        if not args.corpus.exists():
            log.error("no corpus at %s (set NEWSKG_SHARED)", args.corpus)
            return 1
        report["extraction"] = extract(args.corpus, args.cache)
    else:
        log.info("using the cached graph %s (--rebuild to extract again)", args.cache)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report.update(bench(args.cache, RESULTS))
    (RESULTS / "benchmark.json").write_text(json.dumps(report, indent=2, ensure_ascii=False)
                                            + "\n", encoding="utf-8")
    n, s = report["network"], report["seconds"]
    print(f"corpus network: {n['actors']} actors, {n['edges']} edges "
          f"({n['gexf_edges']} in GEXF), {n['events']} events; "
          f"{n['components']} components (largest {n['largest_component']}), "
          f"{n['communities']} communities")
    for step, seconds in s.items():
        print(f"  {step:<38} {seconds:8.2f} s")
    print(f"  GEXF: {report['gexf']['bytes']:,} bytes, valid: {report['gexf']['valid']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
