"""RDF given by the user never reaches an XML parser nor fetches anything.

Every reader of user graphs (``kg summary``, ``kg network``, ``kg export``,
``kg query``, ``kg load``, ``kg serve``, ``kg evaluate --graph`` and the
library functions behind them) refuses RDF/XML with a message naming the
syntaxes it reads (:mod:`kg.rdf.read`). The hostile files: a "billion
laughs" document (nine levels of entities, 3 GB once expanded) and an XXE
document (external entities naming a secret file and a loopback listener),
each as ``.rdf`` and under the extension of a syntax newskg reads; and
JSON-LD whose ``@context`` is a URL on that listener or a ``file:`` URL of a
secret context (rdflib's JSON-LD parser would fetch either).

The proof runs in a fresh interpreter with an audit hook (PEP 578) that
records every file opened and every socket after set-up: the only file a
reader may open is the input itself; the listener must see no connection;
every refusal must come in well under a second (expanding the laughs takes
pyoxigraph half a minute and 3 GB).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf.read import looks_like_xml, rdf_format
from tests.sparql_expected import EXAMPLE
from tests.test_sparql_safety import listener  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[1]
SECRET = "the-secret-must-not-leak"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#: Seconds a refusal may take (the laughs, expanded, take pyoxigraph about 30).
QUICK = 5.0


def billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{chr(10).join(entities)}\n]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:ex="http://example.org/">\n'
            '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol9;</ex:p>'
            "</rdf:Description>\n</rdf:RDF>\n")


def xxe(secret: Path, port: int) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
            f'<!ENTITY secret SYSTEM "{secret.as_uri()}">\n'
            f'<!ENTITY passwd SYSTEM "file:///etc/passwd">\n'
            f'<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/entity">\n]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:ex="http://example.org/">\n'
            '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;&passwd;</ex:p>'
            "<ex:q>&remote;</ex:q></rdf:Description>\n</rdf:RDF>\n")


def hostile_files(folder: Path, port: int) -> dict[str, Path]:
    """The hostile inputs, by name, written in ``folder`` (with the secret they aim at)."""
    secret = folder / "secret.txt"
    secret.write_text(SECRET + "\n")
    context = folder / "secret-context.jsonld"
    context.write_text(json.dumps({"@context": {"p": f"http://example.org/{SECRET}"}}))
    texts = {
        "laughs.rdf": billion_laughs(), "laughs.ttl": billion_laughs(),
        "xxe.rdf": xxe(secret, port), "xxe.nt": xxe(secret, port),
        "xxe.owl": xxe(secret, port), "xxe.trig": xxe(secret, port),
        "remote-context.jsonld": json.dumps({"@context": f"http://127.0.0.1:{port}/context",
                                             "@id": "http://example.org/a", "p": "x"}),
        "file-context.jsonld": json.dumps({"@context": context.as_uri(),
                                           "@id": "http://example.org/a", "p": "x"}),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


XML = ("laughs.rdf", "laughs.ttl", "xxe.rdf", "xxe.nt", "xxe.owl", "xxe.trig")

PROBE = r"""
import json, sys, tempfile, time
from pathlib import Path
from kg.evaluate import load_graph
from kg.network.project import load_source
from kg.report import load_store
from kg.sparql import load, open_sources

store_dir = Path(tempfile.mkdtemp()) / "store"
readers = {
    "summary": lambda p: load_store([p]),
    "network": load_source,
    "query": lambda p: open_sources([p]),
    "load": lambda p: load([p], store_dir),
    "evaluate": load_graph,
}
for read in readers.values():           # warm up: every lazy import done before the hook
    read(sys.argv[1])
files = json.loads(sys.argv[2])
events = []

def hook(event, args):
    if event.startswith(("socket.", "open", "os.", "shutil.", "urllib.", "http.", "subprocess")):
        events.append([event, repr(args)[:300]])

sys.addaudithook(hook)
outcomes = []
for path in files:
    for name, read in readers.items():
        before = len(events)
        started = time.monotonic()
        try:
            read(path)
            error = None
        except Exception as exc:
            error = [type(exc).__name__, str(exc)]
        outcomes.append({"file": path, "reader": name, "error": error,
                         "seconds": time.monotonic() - started, "events": events[before:]})
sys.stdout.write(json.dumps(outcomes))
"""


def test_no_reader_expands_fetches_or_opens_anything(
        tmp_path: Path, listener: tuple[int, list[object]]) -> None:  # noqa: F811
    port, seen = listener
    files = hostile_files(tmp_path, port)
    done = subprocess.run([sys.executable, "-c", PROBE, str(EXAMPLE),
                           json.dumps([str(p) for p in files.values()])],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    outcomes = json.loads(done.stdout)
    assert len(outcomes) == len(files) * 5
    for outcome in outcomes:
        where = f"{outcome['reader']} on {Path(outcome['file']).name}"
        assert outcome["error"] is not None, f"{where} read the file"
        kind, message = outcome["error"]
        assert kind in ("InputError", "StoreError"), (where, kind, message)
        assert SECRET not in message, where
        assert outcome["seconds"] < QUICK, (where, outcome["seconds"])
        for event, args in outcome["events"]:
            # The only file a reader may open is the input itself (to look at its start).
            assert event == "open" and outcome["file"] in args, (where, event, args)
        if Path(outcome["file"]).name in XML:
            assert "is not read" in message and "Turtle (.ttl)" in message, (where, message)
    assert seen == []


def commands(source: Path, folder: Path) -> dict[str, list[str]]:
    """Every command that reads a graph, on ``source``."""
    articles, gold = folder / "articles", folder / "gold"
    for sub in (articles, gold):
        sub.mkdir(exist_ok=True)
    (articles / "x.txt").write_text("Poland expelled two Russian diplomats.\n")
    (gold / "x.json").write_text('{"id": "x"}\n')
    return {
        "summary": ["summary", str(source)],
        "network": ["network", str(source)],
        "export": ["export", str(source), "--output", str(folder / "network.gexf")],
        "query": ["query", str(source), "-e", "ASK { ?s ?p ?o }"],
        "load": ["load", str(source), "--store", str(folder / "store")],
        "evaluate": ["evaluate", str(articles), str(gold), "--graph", str(source)],
    }


@pytest.mark.parametrize("name", XML)
def test_every_command_refuses_xml_with_the_accepted_syntaxes(
        tmp_path: Path, listener: tuple[int, list[object]], name: str) -> None:  # noqa: F811
    port, seen = listener
    source = hostile_files(tmp_path, port)[name]
    for command, args in commands(source, tmp_path).items():
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, (command, result.output, result.exception)
        message = result.stderr.strip()
        assert "Traceback" not in result.output and len(message.splitlines()) == 1, message
        assert message.startswith(f"Error: {source}: ") and "is not read" in message, message
        assert "Turtle (.ttl), N-Triples (.nt), JSON-LD (.jsonld, .json)" in message, message
        assert SECRET not in result.output
    assert not (tmp_path / "store").exists() and not (tmp_path / "network.gexf").exists()
    assert seen == []


def test_kg_serve_refuses_xml_before_listening(tmp_path: Path,
                                               listener: tuple[int, list[object]]  # noqa: F811
                                               ) -> None:
    port, seen = listener
    for name in ("laughs.rdf", "xxe.nt"):
        source = hostile_files(tmp_path, port)[name]
        done = subprocess.run([sys.executable, "-m", "kg", "serve", str(source), "--port", "0"],
                              capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
        assert done.returncode == 1, done.stderr
        assert "is not read" in done.stderr and "SPARQL endpoint on" not in done.stderr
    assert seen == []


def test_what_is_read_and_what_is_refused(tmp_path: Path) -> None:
    for suffix, fmt in ((".ttl", "turtle"), (".NT", "nt"), (".json", "json-ld"),
                        (".jsonld", "json-ld"), (".trig", "trig"), (".nq", "nquads")):
        assert rdf_format(tmp_path / f"missing{suffix}") == fmt
    assert rdf_format(EXAMPLE) == "turtle"
    for suffix in (".rdf", ".xml", ".owl", ".trix", ".html", ".n3", ".txt", ""):
        with pytest.raises(Exception, match="not read|cannot tell the RDF syntax"):
            rdf_format(tmp_path / f"graph{suffix}")
    assert looks_like_xml(b"\xef\xbb\xbf\n  <!DOCTYPE x>")
    assert looks_like_xml(b"<!-- a comment -->")
    assert not looks_like_xml(b"@prefix kg: <https://w3id.org/newskg/ontology#> .")
    assert not looks_like_xml(b'{"@context": {}}')
    assert not looks_like_xml(b"<rdf:RDF> <urn:p> <urn:o> .")  # an IRI, not an element
