"""Check a graph newskg wrote with every parser, in every output format.

    .venv/bin/kg extract ../shared/corpus/ --output /tmp/corpus.nq --skip-errors -q
    .venv/bin/python benchmarks/parsers.py /tmp/corpus.nq [--keep DIR]

The graph (any syntax newskg writes; N-Quads or TriG keep the article graphs)
is read into rdflib and written again with :func:`kg.rdf.write.serialize` in
every format, the bytes ``kg extract`` would write. Each file is then read by
rdflib and pyoxigraph (every IRI through pyoxigraph's check), and, but
JSON-LD, by Raptor's ``rapper`` and Serd's ``serdi`` in strict mode (a
non-zero exit or any line on stderr is a rejection; they must read the same
quads as pyoxigraph), with the checks of ``tests/independent_parsers.py``.
The figures (articles, quads, what each parser read or why it rejected a
file, seconds) go to stdout as JSON. Exit status 1 when any parser rejected
any file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def read(path: Path) -> Any:
    """The rdflib ``Dataset`` of ``path``."""
    from rdflib import Dataset

    from kg.rdf.graph import bind_prefixes
    from kg.rdf.read import rdf_format

    dataset = Dataset()
    bind_prefixes(dataset)  # as kg extract binds them: prefixed names in Turtle and TriG
    dataset.parse(path, format=rdf_format(path))
    return dataset


def check(path: Path, fmt: str) -> dict[str, Any]:
    """What each parser makes of ``path``: a quad count, or the rejection."""
    import pyoxigraph

    from tests.fuzz_articles import PARSERS, parse_back
    from tests.independent_parsers import SYNTAXES, TOOLS, independent_quads

    out: dict[str, Any] = {"bytes": path.stat().st_size}
    data = path.read_bytes()
    try:
        out["rdflib"], out["pyoxigraph"] = parse_back(data, fmt)
    except (AssertionError, SyntaxError, ValueError) as exc:
        out["rdflib/pyoxigraph rejected"] = str(exc)[:500]
    if fmt in SYNTAXES:
        expected = set(pyoxigraph.parse(data, format=PARSERS[fmt][1]))
        for name in TOOLS:
            started = time.perf_counter()
            try:
                quads = independent_quads(name, path, fmt)
            except AssertionError as exc:
                out[f"{name} rejected"] = str(exc)[:500]
                continue
            out[name] = len(quads)
            out[f"{name} seconds"] = round(time.perf_counter() - started, 1)
            if quads != expected:
                out[f"{name} rejected"] = (f"read {len(quads)} quads, pyoxigraph "
                                           f"{len(expected)}; {len(quads ^ expected)} differ")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a graph kg extract wrote")
    parser.add_argument("--keep", type=Path, help="write the files here (default: a temporary "
                        "folder, removed)")
    args = parser.parse_args()
    from kg.rdf.write import FORMATS, serialize

    started = time.perf_counter()
    dataset = read(args.graph)
    graphs = {g for *_, g in dataset.quads((None, None, None, None))}
    report: dict[str, Any] = {
        "graph": str(args.graph), "quads": len(set(dataset.quads((None, None, None, None)))),
        "article graphs": sum(1 for g in graphs if "/id/article/" in str(g)),
        "read seconds": round(time.perf_counter() - started, 1), "formats": {}}
    with tempfile.TemporaryDirectory(prefix="newskg-parsers-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for fmt, spec in FORMATS.items():
            started = time.perf_counter()
            path = folder / f"graph{spec.extensions[0]}"
            path.write_bytes(serialize(dataset, fmt))
            report["formats"][fmt] = check(path, fmt)
            report["formats"][fmt]["seconds"] = round(time.perf_counter() - started, 1)
            print(fmt, json.dumps(report["formats"][fmt]), file=sys.stderr, flush=True)
    rejected = [(fmt, key) for fmt, found in report["formats"].items() for key in found
                if key.endswith("rejected")]
    report["rejected"] = len(rejected)
    print(json.dumps(report, indent=2))
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
