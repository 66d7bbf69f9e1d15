"""The SPARQL 1.1 Protocol endpoint, tested with a real HTTP client on loopback."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.sparql import Policy, load, named_query, open_sources
from kg.sparql.server import make_server
from tests.sparql_expected import EXAMPLE

TIMEOUT = 10  # seconds for every request: a hung server fails the test, not the run


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("serve") / "store"
    load([EXAMPLE], folder)
    server = make_server(open_sources([folder]), port=0, timeout=5)
    assert server.server_address[0] == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()
    thread.join(TIMEOUT)


def fetch(request: urllib.request.Request | str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


VOTES = named_query("votes").text


def test_get_with_content_negotiation(endpoint: str) -> None:
    url = endpoint + "?" + urllib.parse.urlencode({"query": VOTES})
    status, kind, body = fetch(url)
    assert status == 200 and kind.startswith("application/sparql-results+json")
    rows = json.loads(body)["results"]["bindings"]
    assert [r["voters"]["value"] for r in rows] == ["93 countries", "24 countries",
                                                     "58 countries"]
    for accept, expected in (("text/csv", "text/csv"),
                             ("application/sparql-results+xml", "application/sparql-results+xml"),
                             ("text/tab-separated-values;q=0.9, text/csv;q=0.1",
                              "text/tab-separated-values")):
        status, kind, body = fetch(urllib.request.Request(url, headers={"Accept": accept}))
        assert status == 200 and kind.startswith(expected), accept
    _, _, body = fetch(urllib.request.Request(url, headers={"Accept": "text/csv"}))
    table = list(csv.reader(io.StringIO(body.decode())))
    assert table[1][:3] == ["93 countries", "InFavour", "Russia"]
    status, _, _ = fetch(urllib.request.Request(url, headers={"Accept": "image/png"}))
    assert status == 406


def test_post_forms_and_direct_queries(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": "ASK { ?x kg:expelled ?y }"}).encode()
    status, _, body = fetch(urllib.request.Request(
        endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}))
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = "CONSTRUCT WHERE { ?x kg:expelled ?y }"
    status, kind, body = fetch(urllib.request.Request(
        endpoint, data=construct.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"}))
    assert status == 200 and kind.startswith("application/n-triples")
    assert body.count(b"\n") == 4
    status, kind, body = fetch(urllib.request.Request(
        endpoint, data=construct.encode(), headers={"Content-Type": "application/sparql-query"}))
    assert kind.startswith("text/turtle") and b"kg:expelled" in body


def test_named_graphs_of_the_protocol(endpoint: str) -> None:
    article = "https://w3id.org/newskg/id/article/russia-expels-rights-groups"
    params = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Vote }",
              "default-graph-uri": article}
    _, _, body = fetch(endpoint + "?" + urllib.parse.urlencode(params))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"
    params["default-graph-uri"] = "urn:no-such-graph"
    _, _, body = fetch(endpoint + "?" + urllib.parse.urlencode(params))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"


def test_read_only_and_safe(endpoint: str) -> None:
    update = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    status, _, body = fetch(urllib.request.Request(
        endpoint, data=update.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"}))
    assert status == 403 and b"--allow-update" in body
    status, _, body = fetch(urllib.request.Request(
        endpoint, data=b"DELETE WHERE { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-update"}))
    assert status == 403
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    status, _, body = fetch(endpoint + "?" + urllib.parse.urlencode({"query": service}))
    assert status == 403 and b"--allow-service" in body
    status, _, _ = fetch(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {"}))
    assert status == 400
    status, _, _ = fetch(endpoint)
    assert status == 400
    status, _, _ = fetch(endpoint.replace("/sparql", "/other"))
    assert status == 404
    _, _, body = fetch(endpoint + "?" + urllib.parse.urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}))
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 200


def test_updates_with_the_opt_in(tmp_path: Path) -> None:
    store = open_sources([EXAMPLE])
    server = make_server(store, port=0, policy=Policy(allow_update=True))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        before = len(store)
        status, _, _ = fetch(urllib.request.Request(
            url, data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            headers={"Content-Type": "application/sparql-update"}))
        assert status == 204 and len(store) == before + 1
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)
