"""Queries that would reach the network or the disk are refused before they run.

The proof runs in a fresh interpreter with an audit hook (PEP 578) that
records every socket and file event after set-up, while a TCP listener on
loopback counts the connections SERVICE would make: without the opt-in a
refused query leaves both empty; with the opt-in the same SERVICE query
does connect, so the listener would have seen a leak.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.sparql import Policy, QueryError, UnsafeQueryError, check, execute, open_sources
from tests.sparql_expected import EXAMPLE

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys
import kg
from kg.sparql import Policy, UnsafeQueryError, execute, open_sources

store = open_sources([sys.argv[1]])
execute(store, "ASK { ?s ?p ?o }")          # warm up: every lazy import done before the hook
queries = json.loads(sys.argv[2])
policy = Policy(**json.loads(sys.argv[3])) if len(sys.argv) > 3 else Policy()
events = []

def hook(event, args):
    if event.startswith(("socket.", "open", "os.", "shutil.", "urllib.", "http.")):
        events.append([event, repr(args)[:200]])

sys.addaudithook(hook)
refused = []
for text in queries:
    try:
        execute(store, text, timeout=5, policy=policy)
    except UnsafeQueryError as exc:
        refused.append(str(exc))
sys.stdout.write(json.dumps({"refused": refused, "events": events}))
"""


@pytest.fixture
def listener() -> Iterator[tuple[int, list[object]]]:
    """A TCP server on loopback that records each connection and closes it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    seen: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, address = server.accept()
            except OSError:
                continue
            seen.append(address)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join(2)
    server.close()


def test_service_and_load_touch_neither_network_nor_disk(
        listener: tuple[int, list[object]], tmp_path: Path) -> None:
    port, seen = listener
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:a> <urn:b> <urn:c> .\n")
    endpoint = f"http://127.0.0.1:{port}/sparql"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}",
        f"select * {{ ?s ?p ?o . service silent <{endpoint}> {{ ?s ?p ?x }} }}",
        f"LOAD <{endpoint}>",
        f"LOAD <file://{secret}>",
        f"LOAD SILENT <file://{secret}> INTO GRAPH <urn:g>",
        f"SELECT * FROM <file://{secret}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <file://{secret}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP SILENT GRAPH <urn:g>",
    ]
    out = subprocess.run([sys.executable, "-c", PROBE, str(EXAMPLE), json.dumps(queries)],
                         capture_output=True, text=True, timeout=60, cwd=ROOT, check=True)
    report = json.loads(out.stdout)
    assert len(report["refused"]) == len(queries), report
    assert report["events"] == []
    assert seen == []
    assert "--allow-service" in report["refused"][0]
    assert "never reads files" in report["refused"][3]
    assert "--allow-update" in report["refused"][-1]


def file_queries(secret: Path) -> list[str]:
    """Every way a query could name a local file in FROM, SERVICE or LOAD."""
    folder, name = secret.parent.as_uri() + "/", secret.name
    return [
        f"SELECT * WHERE {{ SERVICE <{secret.as_uri()}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { SERVICE SILENT <file:///etc/passwd> { ?s ?p ?o } }",
        f"SELECT * WHERE {{ SERVICE <FILE:{secret}> {{ ?s ?p ?o }} }}",
        "LOAD <file:/etc/passwd>",
        f"LOAD <{secret.as_uri()}> INTO GRAPH <urn:g>",
        f"SELECT * FROM <FILE://{secret}> WHERE {{ ?s ?p ?o }}",
        "ASK FROM <file:///etc/passwd> { ?s ?p ?o }",
        f"PREFIX f: <{folder}> SELECT * FROM f:{name} WHERE {{ ?s ?p ?o }}",
        f"PREFIX : <{folder}> LOAD :{name}",
        f"BASE <{folder}> SELECT * WHERE {{ SERVICE <{name}> {{ ?s ?p ?o }} }}",
        (f"BASE <file:///> PREFIX f: <{str(secret.parent).lstrip('/')}/> "
         f"SELECT * FROM NAMED f:{name} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"),
    ]


@pytest.mark.parametrize("opt_in", [{}, {"allow_service": True, "allow_load": True,
                                         "allow_update": True}], ids=["default", "opt-ins"])
def test_file_iris_are_refused_and_nothing_is_opened(tmp_path: Path, opt_in: dict[str, bool]
                                                     ) -> None:
    """FROM, SERVICE and LOAD of a file, however written, are refused (with every opt-in
    too) before the engine runs: the audit hook sees no open and no socket."""
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:a> <urn:b> <urn:secret> .\n")
    queries = file_queries(secret)
    out = subprocess.run([sys.executable, "-c", PROBE, str(EXAMPLE), json.dumps(queries),
                          json.dumps(opt_in)],
                         capture_output=True, text=True, timeout=60, cwd=ROOT, check=True)
    report = json.loads(out.stdout)
    assert report["events"] == []
    assert len(report["refused"]) == len(queries), report
    if opt_in:
        assert all("never reads files" in message for message in report["refused"]), report


def test_the_listener_would_have_seen_a_service_call(
        listener: tuple[int, list[object]]) -> None:
    port, seen = listener
    store = open_sources([EXAMPLE])
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError):  # the listener hangs up: the call fails, but it was made
        execute(store, text, policy=Policy(allow_service=True), timeout=10)
    assert len(seen) >= 1


def test_updates_with_the_opt_in_change_only_the_queried_data(tmp_path: Path) -> None:
    store = open_sources([EXAMPLE])
    before = len(store)
    execute(store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", policy=Policy(allow_update=True))
    assert len(store) == before + 1


@pytest.mark.parametrize("text", [
    "SELECT ?service WHERE { ?service ?p ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:load ?o ; ex:SERVICE ?x }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x> { } LOAD <file:///etc/passwd>" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/> then LOAD",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT * WHERE { ?s ?p '''multi\nline INSERT DATA''' }",
    "SELECT * FROM <https://w3id.org/newskg/id/article/x> WHERE { ?s ?p ?o }",
])
def test_keywords_inside_names_strings_comments_and_iris_are_not_refused(text: str) -> None:
    assert check(text).form == "SELECT"


def test_refusals_name_the_opt_in() -> None:
    with pytest.raises(UnsafeQueryError, match="--allow-load"):
        check("LOAD <https://example.org/data.ttl>")
    assert check("LOAD <https://example.org/data.ttl>", Policy(allow_load=True)).form == "UPDATE"
    with pytest.raises(UnsafeQueryError, match="never reads files"):
        check("LOAD <file:///etc/passwd>", Policy(allow_load=True, allow_update=True))
    with pytest.raises(UnsafeQueryError, match="--allow-service"):
        check("ASK { SeRvIcE <http://example.org/> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="not a SPARQL query"):
        check("hello")
