"""Independent RDF parsers, run strictly: Raptor's ``rapper`` and Serd's ``serdi``.

Neither shares code with rdflib (which writes newskg's graphs) or with
pyoxigraph: Raptor (Debian package ``raptor2-utils``) and Serd (Debian
package ``serdi``) are separate C implementations of Turtle, N-Triples, TriG
and N-Quads. Neither reads JSON-LD (Raptor's ``json`` is RDF/JSON), so
JSON-LD is checked by rdflib and pyoxigraph only.

:func:`check_independently` runs both tools on a file and fails on a
non-zero exit or any line on stderr (an error or a warning), then compares
the quads each read (re-read from their N-Quads output) with the quads
pyoxigraph reads from the same file: the same set, or the test fails. A
missing tool fails the calling test with how to install it, never skips it
(``.ci/run`` installs both).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pyoxigraph
import pytest

__all__ = ["PACKAGES", "SYNTAXES", "TOOLS", "check_independently", "independent_quads",
           "tool"]

#: newskg's format name -> the syntax name both tools use (JSON-LD: neither reads it).
SYNTAXES = {"turtle": "turtle", "nt": "ntriples", "trig": "trig", "nquads": "nquads"}
#: newskg's format name -> pyoxigraph's format.
OXIGRAPH = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
            "trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS}
#: The independent parsers, and the Debian package of each.
PACKAGES = {"rapper": "raptor2-utils", "serdi": "serdi"}
TOOLS = tuple(PACKAGES)
#: Seconds a tool may take on one file (the whole corpus takes well under a minute).
TIMEOUT = 600


def tool(name: str) -> str:
    """The path of the program ``name``; fails the test (not a skip) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} not found on PATH: install the Debian package {PACKAGES[name]} "
            "(apt-get install -y --no-install-recommends raptor2-utils serdi; .ci/run "
            "installs raptor2-utils and serdi)", pytrace=False)
    return path


def _command(name: str, path: Path, fmt: str) -> list[str]:
    syntax = SYNTAXES[fmt]
    if name == "rapper":
        # -q: no information lines, so whatever reaches stderr is an error or a warning.
        return [tool(name), "-q", "-i", syntax, "-o", "nquads", str(path)]
    # serdi is strict unless given -l; -q would hide its error messages.
    return [tool(name), "-i", syntax, "-o", "nquads", str(path)]


def independent_quads(name: str, path: Path, fmt: str) -> set[pyoxigraph.Quad]:
    """The quads ``rapper`` or ``serdi`` reads from ``path``; an AssertionError if it
    exits non-zero or writes anything on stderr."""
    done = subprocess.run(_command(name, path, fmt), capture_output=True, timeout=TIMEOUT,
                          check=False)
    complaints = done.stderr.decode("utf-8", "replace").strip()
    assert done.returncode == 0 and not complaints, (
        f"{name} rejected {path} ({fmt}): exit {done.returncode}\n{complaints[:4000]}")
    return set(pyoxigraph.parse(done.stdout, format=pyoxigraph.RdfFormat.N_QUADS))


def check_independently(data: bytes | Path, fmt: str) -> dict[str, int]:
    """Check ``data`` (bytes, or a file) in format ``fmt`` with every independent tool.

    Each tool must read it without a complaint and read the same quads as
    pyoxigraph (whose IRI check every IRI passes). Returns the number of quads
    each tool read. JSON-LD (which neither tool reads) returns ``{}``.
    """
    if fmt not in SYNTAXES:
        return {}
    with tempfile.TemporaryDirectory(prefix="newskg-parsers-") as folder:
        if isinstance(data, bytes):
            path = Path(folder) / f"graph.{SYNTAXES[fmt]}"
            path.write_bytes(data)
        else:
            path = data
        expected = set(pyoxigraph.parse(path=str(path), format=OXIGRAPH[fmt]))
        counts = {}
        for name in TOOLS:
            read = independent_quads(name, path, fmt)
            assert read == expected, (
                f"{name} and pyoxigraph read {path} ({fmt}) differently: "
                f"{len(read)} vs {len(expected)} quads; only {name}: "
                f"{sorted(map(str, read - expected))[:3]}; only pyoxigraph: "
                f"{sorted(map(str, expected - read))[:3]}")
            counts[name] = len(read)
    return counts
