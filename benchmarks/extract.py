"""Benchmark of corpus-scale extraction against bare spaCy, in the same run.

    .venv/bin/python benchmarks/extract.py                 # the whole benchmark
    .venv/bin/python benchmarks/extract.py --limit 2000    # a quicker sample
    .venv/bin/python benchmarks/extract.py --no-scale      # throughput only

Input: the Current Events items and the long articles (Wikinews, VOA, White
House) of ``../shared/corpus/`` (or ``$NEWSKG_SHARED/corpus``), as one JSONL
file, the long articles first. Each measurement runs in a fresh process and
the parent reads its peak resident memory from ``wait4``:

* **bare spaCy**: ``nlp.pipe`` over the texts with the same pipeline
  (``spacy.load``, every component it enables by default), at 1 and 2
  processes (``n_process``), the Docs thrown away;
* **newskg**: ``kg.run.stream.run``, the code behind ``kg extract``, over the
  same file: reading, parsing, extraction, the checkpoint, actor resolution
  and N-Quads written to disk, at ``jobs`` 1 and 2;
* **scale**: newskg at 1 process over the corpus repeated 1, 3 and 10 times
  (distinct ids ``<id>~k``), for its peak memory.

Both sides are timed after the pipeline is loaded in the parent process (the
workers of a 2-process run load theirs inside the timed part, for both). The
throughput runs are repeated (``--repeat``, default 2), the kinds interleaved,
and the fastest run of each kind counts, with the largest peak memory. The
table goes to stdout and ``benchmarks/results/extract.md``, the figures to
``benchmarks/results/extract.json``. Targets: newskg at 1 process at least
0.85 of bare spaCy's articles per second, at least 1.6x faster at 2
processes than at 1, and less than 1.3x the peak memory at 10x the articles.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSKG_SHARED") or ROOT.parent / "shared")
RESULTS = ROOT / "benchmarks" / "results"
WORK = RESULTS / "extract"
LONG = ("wikinews.jsonl", "voa.jsonl", "usgov.jsonl")
SHORT = ("current-events.jsonl",)


def corpus(limit: int | None) -> list[dict[str, Any]]:
    """The records of the benchmark: long articles first, then Current Events items."""
    records = []
    for name in (*LONG, *SHORT):
        with open(SHARED / "corpus" / name, encoding="utf-8") as stream:
            records += [json.loads(line) for line in stream if line.strip()]
    return records[:limit] if limit else records


def write_input(records: list[dict[str, Any]], copies: int) -> Path:
    """``records`` repeated ``copies`` times with distinct ids, as a JSONL file."""
    path = WORK / f"input-x{copies}.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        for k in range(copies):
            for record in records:
                item = {key: record.get(key) for key in ("id", "title", "date", "url", "text")}
                item["id"] = f"{record['id']}~{k}" if copies > 1 else record["id"]
                stream.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------- child processes


def child_bare(path: str, processes: int, model: str) -> dict[str, Any]:
    import spacy

    nlp = spacy.load(model)
    with open(path, encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line in stream]
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=processes))
    return {"articles": count, "seconds": time.perf_counter() - started}


def child_newskg(path: str, processes: int, model: str) -> dict[str, Any]:
    from kg.io import read_articles
    from kg.nlp import load_pipeline
    from kg.run.stream import run

    if processes == 1:
        load_pipeline(model)
    output = Path(path).with_suffix(f".j{processes}.nq")
    started = time.perf_counter()
    report = run(read_articles([path]), str(output), fmt="nquads", model=model, jobs=processes)
    seconds = time.perf_counter() - started
    return {"articles": report.articles, "seconds": seconds, "actors": report.actors,
            "triples": report.triples, "events": dict(report.events),
            "output_bytes": output.stat().st_size}


def measure(kind: str, path: Path, processes: int, model: str) -> dict[str, Any]:
    """Run one measurement in a fresh process; its figures and peak memory (MB)."""
    command = [sys.executable, __file__, "--child", kind, str(path), str(processes),
               "--model", model]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{kind} at {processes} process(es) failed (status {status})")
    figures: dict[str, Any] = json.loads(out)
    figures["peak_mb"] = usage.ru_maxrss / 1024  # the largest process of the run
    figures["rate"] = figures["articles"] / figures["seconds"]
    print(f"  {kind:7} x{processes}: {figures['articles']} articles in "
          f"{figures['seconds']:.1f} s = {figures['rate']:.1f}/s, peak {figures['peak_mb']:.0f} MB",
          file=sys.stderr, flush=True)
    return figures


# ---------------------------------------------------------------- report


def table(result: dict[str, Any]) -> str:
    lines = [(f"Input: {result['articles']} articles, {result['characters']:,} characters "
             f"({result['input']}); model {result['model']}; {result['machine']}."), ""]
    t = result["throughput"]
    if t:
        lines += _throughput_rows(t)
    scale = result.get("scale")
    if scale:
        base = scale["1"]["peak_mb"]
        lines += ["", "| articles | copies | seconds | peak MB | vs 1x | target |",
                  "|---|---|---|---|---|---|"]
        for copies, figures in sorted(scale.items(), key=lambda kv: int(kv[0])):
            target = "< 1.3x" if copies == "10" else ""
            lines.append(f"| {figures['articles']} | {copies}x | {figures['seconds']:.0f} | "
                         f"{figures['peak_mb']:.0f} | {figures['peak_mb'] / base:.2f}x | "
                         f"{target} |")
    return "\n".join(lines) + "\n"


def _throughput_rows(t: dict[str, Any]) -> list[str]:
    bare1, bare2, ours1, ours2 = (t[k] for k in ("bare-1", "bare-2", "newskg-1", "newskg-2"))
    return [
        "| run | articles/s | peak MB | figure | target |", "|---|---|---|---|---|",
        f"| bare spaCy, 1 process | {bare1['rate']:.1f} | {bare1['peak_mb']:.0f} | | |",
        (f"| bare spaCy, 2 processes | {bare2['rate']:.1f} | {bare2['peak_mb']:.0f} | "
        f"{bare2['rate'] / bare1['rate']:.2f}x speed-up | |"),
        (f"| newskg, 1 process | {ours1['rate']:.1f} | {ours1['peak_mb']:.0f} | "
        f"{ours1['rate'] / bare1['rate']:.2f} of bare spaCy | >= 0.85 |"),
        (f"| newskg, 2 processes | {ours2['rate']:.1f} | {ours2['peak_mb']:.0f} | "
        f"{ours2['rate'] / ours1['rate']:.2f}x speed-up | >= 1.6x |"),
    ]


def _earlier(result: dict[str, Any]) -> dict[str, Any]:
    """The figures of the last run, if it had the same input and model."""
    try:
        earlier: dict[str, Any] = json.loads((RESULTS / "extract.json").read_text())
    except (OSError, ValueError):
        return {}
    same = all(earlier.get(k) == result[k] for k in ("articles", "characters", "model"))
    return earlier if same else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="Only the first N articles of the input.")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: newskg's).")
    parser.add_argument("--no-scale", action="store_true", help="Skip the 1x/3x/10x runs.")
    parser.add_argument("--no-throughput", action="store_true",
                        help="Only the memory runs (the throughput figures of an earlier run "
                             "of the same input are kept).")
    parser.add_argument("--scales", default="1,3,10", help="Copies for the memory runs.")
    parser.add_argument("--repeat", type=int, default=2,
                        help="Throughput runs of each kind, interleaved; the fastest counts "
                             "(default 2: one slow run on a busy machine moves no figure).")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PATH", "PROCESSES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        kind, path, processes = args.child
        run_child = child_bare if kind == "bare" else child_newskg
        print(json.dumps(run_child(path, int(processes), args.model)))
        return
    from kg.nlp import check_model

    model = check_model(args.model)
    WORK.mkdir(parents=True, exist_ok=True)
    records = corpus(args.limit)
    base = write_input(records, 1)
    result: dict[str, Any] = {
        "articles": len(records), "characters": sum(len(r["text"]) for r in records),
        "input": (f"first {args.limit} of " if args.limit else "all of ") + ", ".join(
            (*LONG, *SHORT)), "model": model,
        "machine": f"{os.cpu_count()} cores, {platform.python_implementation()} "
                   f"{platform.python_version()}, load {os.getloadavg()[0]:.1f} at start",
        "throughput": {}}
    earlier = _earlier(result)
    if args.no_throughput:
        result["throughput"] = earlier.get("throughput", {})
    else:
        print(f"{len(records)} articles; throughput, best of {args.repeat}", file=sys.stderr)
        runs: dict[str, list[dict[str, Any]]] = {}
        for _ in range(args.repeat):
            for processes in (1, 2):
                for kind in ("bare", "newskg"):
                    runs.setdefault(f"{kind}-{processes}", []).append(
                        measure(kind, base, processes, model))
        for key, measured in runs.items():
            best = dict(max(measured, key=lambda figures: figures["rate"]))
            best["peak_mb"] = max(figures["peak_mb"] for figures in measured)
            best["rates"] = [round(figures["rate"], 1) for figures in measured]
            result["throughput"][key] = best
    if args.no_scale:
        if earlier.get("scale"):
            result["scale"] = earlier["scale"]
    else:
        result["scale"] = {}
        print("peak memory at scale (newskg, 1 process)", file=sys.stderr)
        for copies in (int(c) for c in args.scales.split(",")):
            if copies == 1 and "newskg-1" in result["throughput"] and not args.no_throughput:
                result["scale"]["1"] = result["throughput"]["newskg-1"]
                continue
            path = base if copies == 1 else write_input(records, copies)
            result["scale"][str(copies)] = measure("newskg", path, 1, model)
            if copies > 1:
                path.unlink()
    result["machine"] += f", {os.getloadavg()[0]:.1f} at the end"
    text = table(result)
    print(text)
    (RESULTS / "extract.md").write_text(text, encoding="utf-8")
    (RESULTS / "extract.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
