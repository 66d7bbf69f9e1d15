"""SPARQL over the example graph: named questions, formats, parameters, stores, the CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

import kg
from kg.cli import main
from kg.sparql import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    QueryError,
    QueryTimeoutError,
    StoreError,
    execute,
    load,
    named_queries,
    open_sources,
)
from kg.sparql.query import parse_value
from tests.sparql_expected import ACTORS, ARTICLE, EXAMPLE, EXPECTED, RUSSIA_EVENTS

NAMES = ("actor-events", "actor-roles", "co-mentioned", "quotations-by-speaker",
         "suspensions-by-body", "timeline", "votes", "who-expelled-whom")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return open_sources([EXAMPLE])


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kgstore") / "store"
    load([EXAMPLE], folder)
    return folder


def project(rows: list[dict[str, object]], columns: tuple[str, ...]) -> list[tuple[object, ...]]:
    return [tuple(row[c] for c in columns) for row in rows]


# ---------------------------------------------------------------- named questions


def test_every_named_question_is_listed_and_documented() -> None:
    queries = named_queries()
    assert tuple(queries) == NAMES
    for named in queries.values():
        assert named.title and named.params, named.name
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Querying with SPARQL", 1)[1]
    for name in NAMES:
        assert f"`{name}`" in section, name
    listing = run("query", "--list")
    assert listing.exit_code == 0
    for name in NAMES:
        assert name in listing.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_question_rows(store: pyoxigraph.Store, name: str) -> None:
    columns, expected = EXPECTED[name]
    result = kg.query(store, named=name)
    assert project(result.rows, columns) == expected
    assert all(row["article"] == ARTICLE for row in result.rows if "article" in row)


def test_actor_events_for_russia(store: pyoxigraph.Store) -> None:
    rows = kg.query(store, named="actor-events", params={"actor": "Russia"}).rows
    assert project(rows, ("part", "event", "others", "modality")) == RUSSIA_EVENTS
    every = kg.query(store, named="actor-events").rows
    assert {r["actor"] for r in every} >= {"Russia", "Kenneth Roth", "Human Rights Watch"}
    assert next(r for r in every if r["actor"] == "Kenneth Roth")["event"] == "Statement"


def test_co_mentioned(store: pyoxigraph.Store) -> None:
    rows = kg.query(store, named="co-mentioned").rows
    assert len(rows) == ACTORS * (ACTORS - 1)
    assert all(r["articles"] == 1 for r in rows)
    russia = kg.query(store, named="co-mentioned", params={"actor": "Russia"}).rows
    assert len(russia) == ACTORS - 1
    assert {"Kenneth Roth", "Ukraine", "93 countries"} <= {r["other"] for r in russia}


def test_parameters_are_bindings_not_text(store: pyoxigraph.Store) -> None:
    rows = kg.query(store, named="quotations-by-speaker", params={"speaker": "Kenneth Roth"}).rows
    assert [r["speaker"] for r in rows] == ["Kenneth Roth"]
    # A value that would break out of a pasted string only ever matches as a literal.
    evil = 'x" } } SELECT * WHERE { ?s ?p ?o } #'
    assert kg.query(store, named="quotations-by-speaker", params={"speaker": evil}).rows == []
    with pytest.raises(QueryError, match=r"no variable \?nobody"):
        kg.query(store, named="votes", params={"nobody": "x"})


def test_parse_value() -> None:
    assert parse_value("<https://example.org/a>") == pyoxigraph.NamedNode("https://example.org/a")
    assert parse_value("93").datatype.value.endswith("#integer")  # type: ignore[union-attr]
    assert parse_value("2022-04-09").datatype.value.endswith("#date")  # type: ignore[union-attr]
    assert parse_value('"93"^^xsd:nonNegativeInteger').value == "93"
    assert parse_value('"Moscou"@fr').language == "fr"  # type: ignore[union-attr]
    assert parse_value("Kenneth Roth") == pyoxigraph.Literal("Kenneth Roth")


# ---------------------------------------------------------------- every output format


@pytest.mark.parametrize("name", NAMES)
def test_every_format_of_every_named_question(store: pyoxigraph.Store, name: str) -> None:
    result = kg.query(store, named=name)
    rows, variables = result.rows, result.variables
    assert rows
    as_json = json.loads(result.serialize("json"))
    assert as_json["head"]["vars"] == list(variables)
    assert len(as_json["results"]["bindings"]) == len(rows)
    tree = ET.fromstring(result.serialize("xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in tree.iter(ns + "variable")] == list(variables)
    assert len(list(tree.iter(ns + "result"))) == len(rows)
    table = list(csv.reader(io.StringIO(result.serialize("csv").decode())))
    assert table[0] == list(variables) and len(table) == len(rows) + 1
    tsv = result.serialize("tsv").decode().rstrip("\n").split("\n")
    assert tsv[0].split("\t") == [f"?{v}" for v in variables] and len(tsv) == len(rows) + 1
    text = result.serialize("table").decode().splitlines()
    assert text[0].split() == list(variables) and len(text) == len(rows) + 2
    first = rows[0]
    column = next(v for v in variables if isinstance(first[v], str))
    assert str(first[column])[:20] in text[2]
    for fmt in GRAPH_FORMATS:
        with pytest.raises(QueryError, match="cannot be written"):
            result.serialize(fmt)


def test_ask_construct_describe(store: pyoxigraph.Store) -> None:
    ask = execute(store, "ASK { ?x kg:expelled ?y }")
    assert ask.boolean is True and ask.serialize("table") == b"true\n"
    assert json.loads(ask.serialize("json"))["boolean"] is True
    assert b"<boolean>true</boolean>" in ask.serialize("xml")
    construct = execute(store, "CONSTRUCT { ?x kg:expelled ?y } WHERE { ?x kg:expelled ?y }")
    assert len(construct) == 4
    for fmt in GRAPH_FORMATS:
        data = construct.serialize(fmt)
        parsed = pyoxigraph.Dataset(pyoxigraph.parse(data, format={
            "turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
            "json-ld": pyoxigraph.RdfFormat.JSON_LD, "trig": pyoxigraph.RdfFormat.TRIG,
            "nquads": pyoxigraph.RdfFormat.N_QUADS}[fmt]))
        assert len(parsed) == 4, fmt
    for fmt in RESULT_FORMATS:
        with pytest.raises(QueryError, match="RDF graph"):
            construct.serialize(fmt)
    describe = execute(store, "DESCRIBE <https://w3id.org/newskg/id/actor/Kenneth_Roth>")
    assert describe.form == "DESCRIBE" and len(describe) >= 3
    assert b"Kenneth Roth" in describe.serialize("turtle")


def test_invalid_query(store: pyoxigraph.Store) -> None:
    with pytest.raises(QueryError, match="invalid SPARQL"):
        execute(store, "SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match="no named question 'nope'"):
        kg.query(EXAMPLE, named="nope")


def test_time_limit(store: pyoxigraph.Store) -> None:
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
            "?m ?n2 ?o }")
    with pytest.raises(QueryTimeoutError, match="time limit of 0.2 s"):
        execute(store, slow, timeout=0.2)


# ---------------------------------------------------------------- stores


def test_store_answers_like_the_file(store: pyoxigraph.Store, store_dir: Path) -> None:
    for name in NAMES:
        assert kg.query(store_dir, named=name).rows == kg.query(store, named=name).rows, name
    on_disk = open_sources([store_dir])
    graphs = {g.value for g in on_disk.named_graphs()}
    assert graphs == {f"https://w3id.org/newskg/id/article/{ARTICLE}"}
    in_article = execute(on_disk, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a kg:Vote } }")
    assert in_article.rows == [{"n": 3}]
    actors = execute(on_disk, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a kg:Country } }")
    assert actors.rows == [{"n": 0}]  # actors stay in the default graph


def test_load_is_idempotent_and_reads_every_format(tmp_path: Path, store_dir: Path) -> None:
    folder = tmp_path / "store"
    first = load([EXAMPLE], folder)
    again = load([EXAMPLE], folder)
    assert first.quads == again.quads == len(pyoxigraph.Store(str(folder)))
    assert first.articles == 1
    # The store dumped as TriG and N-Quads loads back to the same quads.
    dump = open_sources([store_dir])
    quads = sorted(str(q) for q in dump)
    for suffix, fmt in ((".trig", pyoxigraph.RdfFormat.TRIG),
                        (".nq", pyoxigraph.RdfFormat.N_QUADS)):
        path = tmp_path / f"graph{suffix}"
        dump.dump(path, format=fmt)
        other = tmp_path / f"store{suffix}"
        load([path], other)
        load([path, EXAMPLE], other)
        assert sorted(str(q) for q in open_sources([other])) == quads, suffix
        assert kg.query(path, named="votes").rows == kg.query(EXAMPLE, named="votes").rows


def test_store_errors(tmp_path: Path) -> None:
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "x.txt").write_text("x")
    with pytest.raises(StoreError, match="not a newskg store"):
        open_sources([tmp_path / "junk"])
    with pytest.raises(StoreError, match="is not a newskg store"):
        load([EXAMPLE], tmp_path / "junk")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .")
    with pytest.raises(StoreError, match="not valid Turtle"):
        open_sources([bad])
    with pytest.raises(StoreError, match="extension"):
        open_sources([tmp_path / "junk" / "x.txt"])


# ---------------------------------------------------------------- command line


def test_cli_query_formats_and_messages(store_dir: Path, tmp_path: Path) -> None:
    result = run("query", str(EXAMPLE), "--named", "votes", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("voters,position,on,motion,for,against,abstentions")
    assert lines[1].startswith("93 countries,InFavour,Russia,")
    assert result.stderr == "3 rows\n"
    inline = run("query", "--store", str(store_dir), "-e",
                 "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name")
    assert inline.stdout.split("\n")[2:4] == ["Agnès Callamard", "Kenneth Roth"]
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?q ?who WHERE { ?s kg:quote ?q ; kg:agent/rdfs:label ?who }")
    by_file = run("query", str(EXAMPLE), "-f", str(query_file), "-p", "who=Kenneth Roth",
                  "--format", "json")
    bindings = json.loads(by_file.stdout)["results"]["bindings"]
    assert [b["q"]["value"][:11] for b in bindings] == ["strengthens"]
    graph = run("query", str(EXAMPLE), "-e", "CONSTRUCT WHERE { ?a kg:expelled ?b }")
    assert "kg:expelled" in graph.stdout and graph.stderr == "4 triples\n"


def test_cli_query_errors() -> None:
    for args, message in (
        (("query", str(EXAMPLE)), "no query"),
        (("query", str(EXAMPLE), "-e", "SELECT * {", ), "invalid SPARQL"),
        (("query", str(EXAMPLE), "--named", "votes", "-p", "bad"), "NAME=VALUE"),
        (("query", str(EXAMPLE), "-e", "ASK {}", "--format", "turtle"), "cannot be written"),
        (("query", str(EXAMPLE), "-e", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
         "--allow-service"),
        (("query", str(EXAMPLE), "-e", "CLEAR ALL"), "--allow-update"),
    ):
        result = run(*args)
        assert result.exit_code == 1, args
        assert message in result.stderr and "Traceback" not in result.stderr, args
        assert result.stdout == ""


def test_cli_load(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    first = run("load", str(EXAMPLE), "--store", str(folder))
    assert first.exit_code == 0, first.output
    assert first.stderr.startswith("1 file, 1 article graph, ")
    again = run("load", str(EXAMPLE), "--store", str(folder))
    assert again.stderr == first.stderr
    answer = run("query", str(folder), "--named", "who-expelled-whom", "--format", "tsv")
    assert answer.stdout.count("\n") == 5


def test_importing_the_cli_loads_no_engine() -> None:
    code = ("import sys, kg, kg.cli; heavy = [m for m in sys.modules if m.split('.')[0] in "
            "('pyoxigraph', 'rdflib', 'spacy')]; print(heavy); assert not heavy")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_reloading_a_changed_article_replaces_it(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load([EXAMPLE], folder)
    store = pyoxigraph.Store(str(folder))
    patient = "<https://w3id.org/newskg/ontology#patient>"
    carnegie = "<https://w3id.org/newskg/id/actor/Carnegie_Endowment_for_International_Peace>"
    lines = store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode().splitlines()
    kept = [line for line in lines if not (patient in line and carnegie in line)]
    assert len(kept) < len(lines)
    changed = tmp_path / "changed.nq"
    changed.write_text("\n".join(kept) + "\n", encoding="utf-8")
    del store
    load([changed], folder)
    rows = kg.query(folder, named="who-expelled-whom").rows
    assert [r["expelled"] for r in rows] == ["15 offices", "Amnesty International",
                                             "Human Rights Watch"]
