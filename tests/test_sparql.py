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
from kg.sparql.query import bind, parse_value
from tests.sparql_expected import (
    ACTORS,
    ARTICLE,
    ASKED,
    D8,
    EXAMPLE,
    EXPECTED,
    QUOTATIONS,
    RUSSIA_EVENTS,
)

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


#: Columns that list names (GROUP_CONCAT): their order is the engine's, which differs
#: between an in-memory and an on-disk store, so they are compared sorted.
LISTS = ("others", "agents", "patients")


def sorted_lists(row: dict[str, object]) -> dict[str, object]:
    return {k: ", ".join(sorted(str(v).split(", "))) if k in LISTS and v is not None else v
            for k, v in row.items()}


def project(rows: list[dict[str, object]], columns: tuple[str, ...]) -> list[tuple[object, ...]]:
    return [tuple(sorted_lists(row)[c] for c in columns) for row in rows]


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
    result = kg.query(store, named=name, params=ASKED.get(name))
    assert project(result.rows, columns) == expected
    assert all(row["article"] == ARTICLE for row in result.rows if "article" in row)


def test_actor_events_for_russia(store: pyoxigraph.Store) -> None:
    rows = kg.query(store, named="actor-events", params={"actor": "Russia"}).rows
    assert project(rows, ("part", "event", "others", "modality")) == RUSSIA_EVENTS
    roth = kg.query(store, named="actor-events", params={"actor": "Kenneth Roth"}).rows
    assert project(roth, ("actor", "part", "event", "others")) == [
        ("Kenneth Roth", "agent", "Statement", "")]
    ministry = kg.query(store, named="actor-events",
                        params={"actor": "Russian Ministry of Justice"}).rows
    expulsion = next(sorted_lists(r) for r in ministry if r["event"] == "Expulsion")
    assert expulsion["others"] == ("15 offices, Amnesty International, Carnegie Endowment for "
                                   "International Peace, Human Rights Watch")


def test_co_mentioned(store: pyoxigraph.Store) -> None:
    russia = kg.query(store, named="co-mentioned", params={"actor": "Russia"}).rows
    assert len(russia) == ACTORS - 1
    assert all(r["actor"] == "Russia" and r["articles"] == 1 for r in russia)
    assert {"Kenneth Roth", "Ukraine", "93 countries"} <= {r["other"] for r in russia}
    roth = kg.query(store, named="co-mentioned", params={"actor": "Kenneth Roth"}).rows
    assert "Russia" in {r["other"] for r in roth} and "Kenneth Roth" not in {
        r["other"] for r in roth}


@pytest.mark.parametrize(("name", "param"), [("actor-events", "actor"), ("co-mentioned", "actor"),
                                             ("quotations-by-speaker", "speaker"),
                                             ("timeline", "since")])
def test_required_parameters(store: pyoxigraph.Store, name: str, param: str) -> None:
    asked = {k: v for k, v in ASKED[name].items() if k != param}
    with pytest.raises(QueryError, match=f"needs --param {param}=\\.\\.\\. \\("):
        kg.query(store, named=name, params=asked)
    listing = run("query", "--list").stdout
    assert f"--param {param}=...  (required)" in listing


@pytest.mark.parametrize("day", ["yesterday", "2022-02-30", "2022-4-8", "2022-04-08T10:00"])
def test_a_day_parameter_must_be_a_day(store: pyoxigraph.Store, day: str) -> None:
    with pytest.raises(QueryError, match="[?]since must be a day written YYYY-MM-DD"):
        kg.query(store, named="timeline", params={"since": day, "until": "2022-04-09"})
    result = run("query", str(EXAMPLE), "--named", "timeline", "-p", f"since={day}",
                 "-p", "until=2022-04-09")
    assert result.exit_code == 1
    assert "must be a day written YYYY-MM-DD" in result.stderr and not result.stdout


def test_quotations_of_each_speaker(store: pyoxigraph.Store) -> None:
    speakers = ("Agnès Callamard", "Kenneth Roth", "Russian Ministry of Justice")
    rows = [row for speaker in speakers for row in kg.query(
        store, named="quotations-by-speaker", params={"speaker": speaker}).rows]
    assert project(rows, ("speaker", "said", "reported", "date")) == QUOTATIONS


def test_timeline_between_days(store: pyoxigraph.Store) -> None:
    rows = kg.query(store, named="timeline", params={"since": "2022-04-08",
                                                     "until": "2022-04-08"}).rows
    assert [(r["day"], r["event"]) for r in rows] == [(D8, "Expulsion"), (D8, "Statement")]
    later = {"since": "2022-04-10", "until": "2030-01-01"}
    assert kg.query(store, named="timeline", params=later).rows == []


def _asked_rows(store: pyoxigraph.Store, name: str, **params: str) -> list[dict[str, object]]:
    return kg.query(store, named=name, params={**ASKED.get(name, {}), **params}).rows


@pytest.mark.parametrize("name", NAMES)
def test_a_bound_column_keeps_exactly_its_rows(store: pyoxigraph.Store, name: str) -> None:
    """Binding a parameter that is a column gives the rows of the wider answer that
    have that value; a value no row has gives none (optional columns included: the
    expeller of an expulsion, the organisation of a role, what a vote is on)."""
    named = named_queries()[name]
    every = _asked_rows(store, name)
    columns = [p for p, _ in named.params if p in kg.query(store, named=name,
                                                           params=ASKED.get(name)).variables]
    assert columns, name
    for param in columns:
        values = {row[param] for row in every if row[param] is not None}
        assert values, (name, param)
        for value in sorted(values, key=str):
            rows = _asked_rows(store, name, **{param: str(value)})
            assert rows == [row for row in every if row[param] == value], (name, param, value)
        assert _asked_rows(store, name, **{param: "no such value"}) == [], (name, param)


def test_an_organization_binding_drops_roles_elsewhere(store: pyoxigraph.Store) -> None:
    # Was wrong when the binding was a substitution: every role came back "in" the organisation.
    rows = kg.query(store, named="actor-roles",
                    params={"organization": "Amnesty International"}).rows
    assert project(rows, ("person", "organization")) == [
        ("Agnès Callamard", "Amnesty International")]


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_answers_like_pyoxigraph(store: pyoxigraph.Store, name: str) -> None:
    """The bound text of each named question means the same on another engine (the
    rewrites for pyoxigraph's planner, kg:none included, change no answer)."""
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(EXAMPLE, format="turtle")
    text = bind(named_queries()[name].text, ASKED.get(name, {}))
    ours = kg.query(store, text)
    theirs = [{v: (None if row[v] is None else row[v].toPython())  # type: ignore[index]
               for v in ours.variables} for row in dataset.query(text)]
    assert ours.rows and sorted(map(str, map(sorted_lists, ours.rows))) == sorted(
        map(str, map(sorted_lists, theirs)))


def test_parameters_are_bindings_not_text(store: pyoxigraph.Store) -> None:
    rows = kg.query(store, named="quotations-by-speaker", params={"speaker": "Kenneth Roth"}).rows
    assert [r["speaker"] for r in rows] == ["Kenneth Roth"]
    with pytest.raises(QueryError, match=r"no parameter \?nobody; its parameters: \?voters"):
        kg.query(store, named="votes", params={"nobody": "x"})


EVIL = ('x" } } SELECT * WHERE { ?s ?p ?o } #', "> } ; DROP ALL", "'> } ; DROP ALL ; '",
        '""" } DROP ALL #', "\\\" } DROP ALL", "\\u0022 } DROP ALL", "x\n} DROP ALL #\n{",
        '2022-04-08"^^xsd:date) } DROP ALL #')


@pytest.mark.parametrize("name", NAMES)
def test_an_injection_attempt_is_inert(tmp_path: Path, name: str) -> None:
    """Every parameter of every named question, bound to text that would end the term,
    the block or the query if it were pasted in, only ever matches as one literal; the
    store, opened for writing, is left as it was."""
    folder = tmp_path / "store"
    load([EXAMPLE], folder)
    store = open_sources([folder], writable=True)
    before = len(store)
    for param, _ in named_queries()[name].params:
        for evil in EVIL:
            value = pyoxigraph.Literal(evil)
            if param in named_queries()[name].days:  # refused before anything is bound
                for given in (value, evil):
                    with pytest.raises(QueryError, match="must be a day written YYYY-MM-DD"):
                        kg.query(store, named=name,
                                 params={**ASKED.get(name, {}), param: given})
                continue
            text = bind(named_queries()[name].text, {**ASKED.get(name, {}), param: value})
            assert "DROP ALL" not in text.replace(str(value), "")
            for given in (value, evil):  # as a term, and as text read like the command line
                try:
                    rows = kg.query(store, named=name,
                                    params={**ASKED.get(name, {}), param: given}).rows
                except QueryError as exc:  # text starting with '"' is read as a literal
                    assert given == evil and evil.startswith('"'), exc
                    assert "invalid literal" in str(exc)
                else:
                    assert rows == [], (name, param, given)
    term = next(p for p, _ in named_queries()[name].params if p not in named_queries()[name].days)
    with pytest.raises(QueryError, match="invalid IRI"):
        kg.query(store, named=name, params={**ASKED.get(name, {}),
                                            term: "<http://example.org/> } ; DROP ALL ; <x>"})
    assert len(store) == before


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
    result = kg.query(store, named=name, params=ASKED.get(name))
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
        asked = ASKED.get(name)
        on_disk = kg.query(store_dir, named=name, params=asked).rows
        in_memory = kg.query(store, named=name, params=asked).rows
        assert list(map(sorted_lists, on_disk)) == list(map(sorted_lists, in_memory)), name
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
