"""Servers for the ``kg push`` tests: a real ``oxigraph serve`` and a recording stub.

``oxigraph serve`` comes from the ``oxigraph`` package of the ``dev`` extra
(its wheel puts the server binary beside the virtualenv's Python). It runs
on 127.0.0.1 with a free port and a temporary ``--location``, is waited for
until it answers, and is stopped afterwards. When the binary is missing the
tests fail with a message saying how to install it; they are not skipped.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph
import pytest

__all__ = ["Oxigraph", "Recorder", "Seen", "free_port", "oxigraph_server", "recording_server"]

TIMEOUT = 10  # seconds for every request of a test: a hung server fails the test
START_TIMEOUT = 30

#: Every quad, named graph or default, as a SPARQL query over HTTP can see them.
ALL_QUADS = ("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on (now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _binary() -> str:
    found = (shutil.which("oxigraph", path=str(Path(sys.executable).parent))
             or shutil.which("oxigraph"))
    if found is None:
        pytest.fail("the oxigraph server is not installed: pip install oxigraph==0.5.13 (it is "
                    "in the dev extra of pyproject.toml)", pytrace=False)
    return found


@dataclass(frozen=True)
class Oxigraph:
    """A running ``oxigraph serve``: its base URL and a few SPARQL-over-HTTP helpers."""

    base: str

    @property
    def store(self) -> str:
        """The graph store (Graph Store HTTP Protocol) URL."""
        return self.base + "/store"

    def select(self, sparql: str) -> list[pyoxigraph.QuerySolution]:
        url = self.base + "/query?" + urllib.parse.urlencode({"query": sparql})
        request = urllib.request.Request(
            url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body = response.read()
        results = pyoxigraph.parse_query_results(body, pyoxigraph.QueryResultsFormat.JSON)
        assert isinstance(results, pyoxigraph.QuerySolutions)
        return list(results)

    def graphs(self) -> dict[str | None, set[pyoxigraph.Triple]]:
        """Every graph on the server (``None``: the default graph) as a set of triples."""
        out: dict[str | None, set[pyoxigraph.Triple]] = {}
        for row in self.select(ALL_QUADS):
            graph = row["g"]
            key = None if graph is None else str(graph.value)
            out.setdefault(key, set()).add(pyoxigraph.Triple(row["s"], row["p"], row["o"]))
        return out

    def put(self, graph: str | None, ntriples: str) -> None:
        """PUT a graph directly (for data that kg push must leave alone)."""
        param = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
        request = urllib.request.Request(
            f"{self.store}?{param}", data=ntriples.encode(), method="PUT",
            headers={"Content-Type": "application/n-triples"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            assert response.status in (201, 204)


def _answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[Oxigraph]:
    """``oxigraph serve`` on a free port of 127.0.0.1, its data in ``folder``."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (folder / "oxigraph.log").open("wb") as log:
        process = subprocess.Popen(
            [_binary(), "serve", "--location", str(folder / "data"), "--bind",
             f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not _answers(base):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start on port {port}: "
                                + (folder / "oxigraph.log").read_text(errors="replace"))
                time.sleep(0.05)
            yield Oxigraph(base)
        finally:
            process.terminate()
            try:
                process.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(TIMEOUT)


@dataclass(frozen=True)
class Seen:
    """A request the stub server saw."""

    method: str
    path: str
    headers: dict[str, str]
    port: int  # the client's: one port per connection
    body: bytes


@dataclass
class Recorder:
    """What the stub server saw, and how it answers."""

    url: str
    requests: list[Seen] = field(default_factory=list)
    status: int = 204
    message: bytes = b""
    fail_from: int | None = None  # from this request on (0-based), answer 500
    drop_connections: bool = False


@contextmanager
def recording_server() -> Iterator[Recorder]:
    """A Graph Store stub on 127.0.0.1 that records requests and answers ``status``.

    HTTP/1.1 with keep-alive, unless ``drop_connections``: then it closes each
    connection after its answer without saying so, as a server whose idle
    keep-alive connections time out does.
    """
    recorder = Recorder(url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _record(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            recorder.requests.append(Seen(self.command, self.path, dict(self.headers.items()),
                                          self.client_address[1], body))
            failing = (recorder.fail_from is not None
                       and len(recorder.requests) > recorder.fail_from)
            message = b"boom" if failing else recorder.message
            self.send_response(500 if failing else recorder.status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)
            if recorder.drop_connections:
                self.close_connection = True

        do_PUT = do_POST = _record

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    recorder.url = f"http://127.0.0.1:{server.server_address[1]}/store"
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)
