"""``kg push``: graphs sent to a real ``oxigraph serve`` with the Graph Store HTTP Protocol."""

from __future__ import annotations

import base64
import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.sparql import load
from kg.sparql.gsp import Endpoint, http_error_message, parse_endpoint
from kg.sparql.push import read_graphs
from tests.push_servers import Oxigraph, free_port, oxigraph_server, recording_server
from tests.sparql_expected import EXAMPLE

ID = "https://w3id.org/newskg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = """\
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""
#: Article ids: plain, and one whose IRI holds a non-ASCII letter and an escaped slash.
A, B = "russia-expels", "news%2Fcafé-vote"
Graphs = dict[str | None, set[pyoxigraph.Triple]]


def actors(*names: str) -> str:
    lines = [f'<{ID}actor/{n}> a kg:Country ; rdfs:label "{n}" ; skos:altLabel "{n}"@hu .'
             for n in names]
    return "{\n" + "\n".join(lines) + "\n}\n"


def article(name: str, trigger: str = "revoked") -> str:
    iri, event = f"<{ID}article/{name}>", f"<{ID}event/{name}/expelled-1>"
    return f"""{iri} {{
  {iri} a kg:Article ; dcterms:identifier "{name}" ; dcterms:date "2022-04-09"^^xsd:date .
  {event} a kg:Expulsion ; prov:wasDerivedFrom {iri} ; kg:trigger "{trigger}" ;
      kg:agent <{ID}actor/Russia> ; kg:confidence 0.90 ;
      kg:evidenceStart "227"^^xsd:nonNegativeInteger ;
      kg:evidence \"\"\"They said "no".\nThen \\u00e9 left.\"\"\" .
}}
"""


def write(path: Path, *parts: str) -> Path:
    path.write_text(PREFIXES + "".join(parts), encoding="utf-8")
    return path


def graphs_of(path: Path) -> Graphs:
    """The graphs of an RDF file exactly as written (pyoxigraph's parser)."""
    out: Graphs = {}
    for quad in pyoxigraph.parse(path=str(path)):
        graph = quad.graph_name
        key = graph.value if isinstance(graph, pyoxigraph.NamedNode) else None
        out.setdefault(key, set()).add(quad.triple)
    return out


def stored(path: Path) -> Graphs:
    """The graphs of an RDF file as Oxigraph stores them.

    Oxigraph normalises literals when it stores them (``"0.90"^^xsd:decimal``
    becomes ``"0.9"``, ``xsd:nonNegativeInteger`` becomes ``xsd:integer``), so
    what the server holds is compared with the file passed through the same
    engine; that the bodies sent are the file's exact triples is checked
    with the stub server.
    """
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.parse(path=str(path)))
    out: Graphs = {}
    for quad in store:
        graph = quad.graph_name
        key = graph.value if isinstance(graph, pyoxigraph.NamedNode) else None
        out.setdefault(key, set()).add(quad.triple)
    return out


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def push(source: Path | str, endpoint: str, *args: str) -> Result:
    return run("push", str(source), "--endpoint", endpoint, *args)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Oxigraph]:
    with oxigraph_server(tmp_path) as running:
        yield running


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    return write(tmp_path / "v1.trig", actors("Russia", "Ukraine"), article(A), article(B))


# ---------------------------------------------------------------- against oxigraph serve


def test_push_gives_the_server_the_same_graphs_and_twice_changes_nothing(
        server: Oxigraph, v1: Path) -> None:
    result = push(v1, server.store)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip().startswith("2 graphs (") and server.store in result.stderr
    assert "default graph merged" in result.stderr
    expected = stored(v1)
    assert set(expected) == {None, f"{ID}article/{A}", f"{ID}article/{B}"}
    assert server.graphs() == expected
    again = push(v1, server.store)
    assert again.exit_code == 0, again.output
    assert server.graphs() == expected


def test_nquads_source(server: Oxigraph, v1: Path, tmp_path: Path) -> None:
    nq = tmp_path / "v1.nq"
    pyoxigraph.serialize(pyoxigraph.parse(path=str(v1)), str(nq), pyoxigraph.RdfFormat.N_QUADS)
    result = push(nq, server.store, "--content-type", "text/turtle")
    assert result.exit_code == 0, result.output
    assert server.graphs() == stored(v1)


def test_a_changed_article_replaces_its_graph_and_touches_nothing_else(
        server: Oxigraph, v1: Path, tmp_path: Path) -> None:
    other = "urn:other-graph"
    server.put(other, "<urn:s> <urn:p> <urn:o> .\n")
    server.put(None, '<urn:s> <urn:p> "kept" .\n')
    assert push(v1, server.store).exit_code == 0
    v2 = write(tmp_path / "v2.trig", actors("Russia", "Belarus"), article(A, trigger="expelled"))
    result = push(v2, server.store)
    assert result.exit_code == 0, result.output
    old, new, graphs = stored(v1), stored(v2), server.graphs()
    assert graphs[f"{ID}article/{A}"] == new[f"{ID}article/{A}"] != old[f"{ID}article/{A}"]
    assert graphs[f"{ID}article/{B}"] == old[f"{ID}article/{B}"]
    assert graphs[other] == {pyoxigraph.Triple(pyoxigraph.NamedNode("urn:s"),
                                               pyoxigraph.NamedNode("urn:p"),
                                               pyoxigraph.NamedNode("urn:o"))}
    kept = pyoxigraph.Triple(pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p"),
                             pyoxigraph.Literal("kept"))
    assert graphs[None] == old[None] | new[None] | {kept}  # merged: earlier actors stay


def test_default_graph_replace_and_skip(server: Oxigraph, v1: Path, tmp_path: Path) -> None:
    assert push(v1, server.store).exit_code == 0
    v2 = write(tmp_path / "v2.trig", actors("Belarus"), article(A, trigger="expelled"))
    skipped = push(v2, server.store, "--default-graph", "skip")
    assert skipped.exit_code == 0 and "default graph left alone" in skipped.stderr
    assert server.graphs()[None] == stored(v1)[None]
    replaced = push(v2, server.store, "--default-graph", "replace")
    assert replaced.exit_code == 0 and "default graph replaced" in replaced.stderr
    assert server.graphs()[None] == stored(v2)[None]


def test_later_sources_win_for_the_same_article(server: Oxigraph, v1: Path,
                                                tmp_path: Path) -> None:
    v2 = write(tmp_path / "v2.trig", article(A, trigger="expelled"))
    result = run("push", str(v1), str(v2), "--endpoint", server.store)
    assert result.exit_code == 0, result.output
    assert server.graphs()[f"{ID}article/{A}"] == stored(v2)[f"{ID}article/{A}"]


def test_store_folder_leaves_out_the_copies_in_its_default_graph(server: Oxigraph,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "kgstore"
    load([EXAMPLE], folder)
    result = push(folder, server.store)
    assert result.exit_code == 0, result.output
    store = pyoxigraph.Store.read_only(str(folder))
    named: Graphs = {}
    default: set[pyoxigraph.Triple] = set()
    for quad in store:
        if isinstance(quad.graph_name, pyoxigraph.NamedNode):
            named.setdefault(quad.graph_name.value, set()).add(quad.triple)
        else:
            default.add(quad.triple)
    copies = set().union(*named.values())
    graphs = server.graphs()
    assert graphs == {**named, None: default - copies}
    assert len(graphs[None]) > 20 and not any(str(t.object).endswith("#Vote>")
                                              for t in graphs[None])


@pytest.mark.model
def test_the_example_extracted_to_trig(server: Oxigraph, tmp_path: Path) -> None:
    trig = tmp_path / "example.trig"
    text = Path(EXAMPLE).with_suffix(".txt")
    assert run("extract", str(text), "--output", str(trig), "-q").exit_code == 0
    assert push(trig, server.store).exit_code == 0
    expected = stored(trig)
    assert len(expected) == 2 and server.graphs() == expected
    assert push(trig, server.store).exit_code == 0
    assert server.graphs() == expected


def test_dry_run_sends_nothing(server: Oxigraph, v1: Path) -> None:
    result = push(v1, server.store, "--dry-run")
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert lines == [["POST", "default", "6"], ["PUT", f"{ID}article/{B}", "10"],
                     ["PUT", f"{ID}article/{A}", "10"]]
    assert result.stderr.startswith("dry run, nothing sent")
    assert server.graphs() == {}


# ---------------------------------------------------------------- errors


def one_line_error(result: Result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)  # a click error, not a traceback
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_server_down(v1: Path) -> None:
    message = one_line_error(push(v1, f"http://127.0.0.1:{free_port()}/store"))
    assert "cannot connect" in message and "connection refused" in message


def test_wrong_url_gives_the_servers_answer(server: Oxigraph, v1: Path) -> None:
    message = one_line_error(push(v1, server.base + "/nope"))
    assert "HTTP 404" in message and "POST /nope is not supported" in message
    assert "is --endpoint the graph store URL?" in message
    message = one_line_error(push(v1, server.base + "/query"))
    assert "POST the default graph" in message and "HTTP 415" in message
    assert "not the query or update endpoint" in message


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_union_syntaxes_are_refused(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"graph{suffix}"
    source.write_text("", encoding="utf-8")
    message = one_line_error(push(source, "http://127.0.0.1:9/store"))
    assert "holds no named graphs" in message and ".trig or .nq" in message


def test_bad_sources_and_options(v1: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:a> { <urn:s> <urn:p> ", encoding="utf-8")
    assert "not valid TriG" in one_line_error(push(bad, "http://127.0.0.1:9/store"))
    assert "store folder is pushed on its own" in one_line_error(
        run("push", str(v1), str(tmp_path), "--endpoint", "http://127.0.0.1:9/store"))
    for url, words in (("ftp://host/store", "not an http"), ("http:///store", "no host"),
                       ("http://me:secret@host/store", "out of the URL")):
        message = one_line_error(push(v1, url), code=2)
        assert words in message and "secret" not in message
    message = one_line_error(push(v1, "http://127.0.0.1:9/store", "--user", "me"))
    assert "NEWSKG_PASSWORD" in message


def test_a_silent_server_times_out(v1: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # the kernel accepts the connection; nobody ever answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        message = one_line_error(push(v1, url, "--timeout", "0.3"))
    assert "no answer" in message and "0.3 s" in message


# ---------------------------------------------------------------- HTTP details (stub server)


def test_one_keep_alive_connection_auth_and_progress(tmp_path: Path) -> None:
    many = write(tmp_path / "many.trig", actors("Russia"), *(article(f"a{i}") for i in range(25)))
    with recording_server() as stub:
        result = run("push", str(many), "--endpoint", stub.url, "--user", "alice",
                     env={"NEWSKG_PASSWORD": "s3cret"})
    assert result.exit_code == 0, result.output
    assert "pushing" in result.stderr and "25 graphs (250 triples) replaced" in result.stderr
    assert "s3cret" not in result.output
    seen = stub.requests
    assert len(seen) == 26 and len({request.port for request in seen}) == 1
    assert [(r.method, r.path) for r in seen[:2]] == [
        ("POST", "/store?default"),
        ("PUT", "/store?graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Fid%2Farticle%2Fa0")]
    for request in seen:
        assert request.headers["Authorization"] == "Basic " + base64.b64encode(
            b"alice:s3cret").decode()
        assert request.headers["Content-Type"] == "application/n-triples; charset=utf-8"


def test_bodies_hold_the_exact_triples(v1: Path) -> None:
    with recording_server() as stub:
        assert push(v1, stub.url).exit_code == 0
    sent: Graphs = {}
    for request in stub.requests:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(request.path).query,
                                      keep_blank_values=True)
        graph = query["graph"][0] if "graph" in query else None
        triples = pyoxigraph.parse(request.body, pyoxigraph.RdfFormat.N_TRIPLES)
        sent[graph] = {quad.triple for quad in triples}
    exact = graphs_of(v1)
    assert sent == exact
    assert pyoxigraph.Literal("0.90", datatype=pyoxigraph.NamedNode(XSD + "decimal")) in {
        t.object for t in exact[f"{ID}article/{A}"]}


def test_dropped_connections_are_reopened(v1: Path) -> None:
    with recording_server() as stub:
        stub.drop_connections = True
        result = push(v1, stub.url)
    assert result.exit_code == 0, result.output
    assert len(stub.requests) == 3 and len({r.port for r in stub.requests}) == 3


def test_a_failure_midway_says_what_was_done(v1: Path) -> None:
    with recording_server() as stub:
        stub.fail_from = 2
        message = one_line_error(push(v1, stub.url))
    assert "HTTP 500 Internal Server Error: boom" in message
    assert message.endswith("[2 of 3 requests were done before; pushing again is safe]")


def test_refused_credentials(v1: Path) -> None:
    with recording_server() as stub:
        stub.status, stub.message = 401, b"<html><body><h1>Unauthorized</h1></body></html>"
        message = one_line_error(run("push", str(v1), "--endpoint", stub.url, "--user", "bob",
                                     env={"NEWSKG_PASSWORD": "wrong"}))
    assert "HTTP 401 Unauthorized: Unauthorized (the user name or password was refused)" in message
    assert len(stub.requests) == 1


def test_read_graphs(v1: Path, tmp_path: Path) -> None:
    graphs = read_graphs([v1])
    assert graphs.names == (f"{ID}article/{B}", f"{ID}article/{A}")
    assert len(graphs.default) == 6 and len(graphs.named[graphs.names[0]]) == 10
    assert read_graphs([write(tmp_path / "empty.trig")]).names == ()


def test_endpoint_parsing_and_messages() -> None:
    assert parse_endpoint("https://[::1]:8443/repositories/r/rdf-graphs/service?x=1") == Endpoint(
        "https", "::1", 8443, "/repositories/r/rdf-graphs/service", "x=1")
    assert parse_endpoint("http://h/store").url == "http://h/store"
    message = http_error_message("PUT", f"{ID}article/{B}", "http://h/store", 500,
                                 "Internal Server Error", b"line one\n  line two\n" + b"x" * 500,
                                 content_type="text/plain")
    assert "\n" not in message and message.endswith("…")
    assert "line one line two" in message
