"""Records → RDF: graph content, SHACL validity, formats, determinism, IRIs, atomic writes.

Model-free: every record is built by hand.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

import kg.rdf.write as write_module
from kg.errors import OutputError
from kg.namespace import KG, SCHEMA
from kg.rdf.graph import build_graph, union_graph
from kg.rdf.iri import actor_iri, article_iri, event_iri, role_iri, slug
from kg.rdf.terms import text_literal
from kg.rdf.write import FORMATS, format_for, serialize, write_graph
from kg.records import Actor, Article, Event, Extraction, Mention, Resolution, Role

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

# ---------------------------------------------------------------- hand-made records

TEXT1 = (
    "Poland expelled 45 Russian diplomats on Wednesday. "
    "The UN General Assembly voted 93 to 24 with 58 abstentions to suspend Russia from the "
    "Human Rights Council. "
    "\"This is a historic day,\" said Agnès Callamard, secretary general of Amnesty International. "
    "Russia threatened to expel Polish diplomats. "
    "93 countries voted in favour. "
    "Poland and Lithuania said that they would respond."
)
TEXT2 = "Lithuania expelled the Russian ambassador. Moscow denied it suspended anyone from the OSCE."

KEYS = {"Poland": "Country:Poland", "Russia": "Country:Russia", "Lithuania": "Country:Lithuania",
        "UNGA": "Organization:UN General Assembly", "HRC": "Organization:Human Rights Council",
        "Amnesty": "Organization:Amnesty International", "Callamard": "Person:Agnès Callamard",
        "93": "Group:93 countries", "OSCE": "Organization:OSCE"}


def _m(text: str, surface: str, name: str, type_: str, nth: int = 0,
       count: int | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, name, type_, count)


def _sentence(text: str, first_words: str) -> tuple[str, int, int]:
    start = text.index(first_words)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return text[start:end], start, end


def _event(text: str, first_words: str, kind: str, trigger: str, **kw: object) -> Event:
    sentence, start, end = _sentence(text, first_words)
    return Event(kind, sentence, start, end, trigger, **kw)  # type: ignore[arg-type]


def records() -> tuple[list[Extraction], Resolution]:
    """Two articles covering the four event kinds, roles, a group and modalities."""
    poland = _m(TEXT1, "Poland", "Poland", "Country")
    russian = _m(TEXT1, "Russian diplomats", "Russia", "Country")
    unga = _m(TEXT1, "UN General Assembly", "UN General Assembly", "Organization")
    russia = _m(TEXT1, "Russia", "Russia", "Country", nth=1)
    hrc = _m(TEXT1, "Human Rights Council", "Human Rights Council", "Organization")
    callamard = _m(TEXT1, "Agnès Callamard", "Agnès Callamard", "Person")
    amnesty = _m(TEXT1, "Amnesty International", "Amnesty International", "Organization")
    russia2 = _m(TEXT1, "Russia threatened", "Russia", "Country")
    polish = _m(TEXT1, "Polish", "Poland", "Country")
    group = _m(TEXT1, "93 countries", "93 countries", "Group", count=93)
    poland2 = _m(TEXT1, "Poland and", "Poland", "Country")
    lithuania = _m(TEXT1, "Lithuania", "Lithuania", "Country")
    quote = "This is a historic day,"
    q_start = TEXT1.index(quote)
    vote_kw: dict[str, object] = {
        "agents": (unga,), "patients": (russia,), "votes_for": 93, "votes_against": 24,
        "abstentions": 58, "motion": "to suspend Russia from the Human Rights Council",
        "position": "for", "date": "2022-04-07", "confidence": 0.9}
    events1 = (
        _event(TEXT1, "Poland expelled", "expelled", "expelled", agents=(poland,),
               patients=(russian,), date="2022-04-06", confidence=0.8),
        _event(TEXT1, "The UN General", "voted", "voted", **vote_kw),
        _event(TEXT1, "The UN General", "suspended_from", "suspend", agents=(unga,),
               patients=(russia,), bodies=(hrc,), confidence=0.855),
        _event(TEXT1, "\"This is", "said", "said", agents=(callamard,), quote=quote,
               quote_start=q_start, quote_end=q_start + len(quote), confidence=1.7),
        _event(TEXT1, "Russia threatened", "expelled", "expel", agents=(russia2,),
               patients=(polish,), modality="threat"),
        _event(TEXT1, "93 countries", "voted", "voted", agents=(group,), position="for"),
        _event(TEXT1, "Poland and", "said", "said", agents=(poland2, lithuania),
               quote="they would respond", indirect=True),
        # no patient: not written
        _event(TEXT1, "Poland expelled", "expelled", "expelled", agents=(poland,)),
    )
    art1 = Article("ex-1", TEXT1, title="Russia suspended", date="2022-04-08",
                   url="https://example.org/news/1")
    role = Role(callamard, "secretary general", amnesty)
    ex1 = Extraction(art1, (poland, russian, unga, russia, hrc, callamard, amnesty, russia2,
                            polish, group, poland2, lithuania), events1, (role,))

    art2 = Article("ex 2/<é>\"\n", TEXT2, title=None, date="April 8", url="not a url")
    lith = _m(TEXT2, "Lithuania", "Lithuania", "Country")
    amb = _m(TEXT2, "Russian ambassador", "Russia", "Country")
    moscow = _m(TEXT2, "Moscow", "Russia", "Country")
    osce = _m(TEXT2, "OSCE", "OSCE", "Organization")
    events2 = (
        _event(TEXT2, "Lithuania", "expelled", "expelled", agents=(lith,), patients=(amb,)),
        _event(TEXT2, "Moscow", "suspended_from", "suspended", agents=(moscow,),
               patients=(moscow,), bodies=(osce,), modality="denial"),
    )
    ex2 = Extraction(art2, (lith, amb, moscow, osce), events2)

    by_name = {"Poland": "Poland", "Russia": "Russia", "Lithuania": "Lithuania",
               "UN General Assembly": "UNGA", "Human Rights Council": "HRC",
               "Amnesty International": "Amnesty", "Agnès Callamard": "Callamard",
               "93 countries": "93", "OSCE": "OSCE"}
    mention_keys = {(ex.article.id, m.start, m.end, m.name): KEYS[by_name[m.name]]
                    for ex in (ex1, ex2) for m in ex.mentions}
    actors = (
        Actor(KEYS["Poland"], "Poland", "Country", ("Polish",)),
        Actor(KEYS["Russia"], "Russia", "Country", ("Moscow", "Russian", "Russia")),
        Actor(KEYS["Lithuania"], "Lithuania", "Country"),
        Actor(KEYS["UNGA"], "UN General Assembly", "Organization"),
        Actor(KEYS["HRC"], "Human Rights Council", "Organization"),
        Actor(KEYS["Amnesty"], "Amnesty International", "Organization"),
        Actor(KEYS["Callamard"], "Agnès Callamard", "Person"),
        Actor(KEYS["93"], "93 countries", "Group", member_count=93),
        Actor(KEYS["OSCE"], "OSCE", "Organization"),
    )
    return [ex1, ex2], Resolution(actors, mention_keys)


def build() -> Dataset:
    extractions, resolution = records()
    return build_graph(extractions, resolution)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build()


@pytest.fixture(scope="module")
def union(dataset: Dataset) -> Graph:
    return union_graph(dataset)


def _events(graph: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))


def _int(node: object) -> int:
    return int(str(node))


# ---------------------------------------------------------------- content


def test_articles(union: Graph) -> None:
    a1, a2 = article_iri("ex-1"), article_iri("ex 2/<é>\"\n")
    assert union.value(a1, DCTERMS.identifier) == Literal("ex-1")
    assert union.value(a1, DCTERMS.date) == Literal("2022-04-08", datatype=XSD.date)
    assert union.value(a1, SCHEMA.url) == URIRef("https://example.org/news/1")
    assert union.value(a2, DCTERMS.date) is None and union.value(a2, SCHEMA.url) is None
    mentioned = set(union.objects(a1, SCHEMA.mentions))
    assert {actor_iri(KEYS[k]) for k in ("Poland", "Russia", "93", "Callamard")} <= mentioned
    assert actor_iri(KEYS["OSCE"]) not in mentioned


def test_actors(union: Graph) -> None:
    russia = actor_iri(KEYS["Russia"])
    assert (russia, RDF.type, KG.Country) in union
    assert list(union.objects(russia, RDFS.label)) == [Literal("Russia")]
    assert set(union.objects(russia, SKOS.altLabel)) == {Literal("Moscow"), Literal("Russian")}
    group = actor_iri(KEYS["93"])
    assert (group, RDF.type, KG.Group) in union
    assert _int(union.value(group, KG.memberCount)) == 93


def test_events(union: Graph) -> None:
    assert len(_events(union, KG.Expulsion)) == 3  # the one without a patient is dropped
    assert len(_events(union, KG.Suspension)) == 2
    assert len(_events(union, KG.Vote)) == 2
    statements = _events(union, KG.Statement)
    assert len(statements) == 3  # two speakers of one record → two statements
    for node in statements:
        assert len(list(union.objects(node, KG.agent))) == 1
    vote = next(v for v in _events(union, KG.Vote) if union.value(v, KG.votesFor) is not None)
    assert [_int(union.value(vote, p)) for p in
            (KG.votesFor, KG.votesAgainst, KG.abstentions)] == [93, 24, 58]
    assert union.value(vote, KG.position) == KG.InFavour
    assert union.value(vote, KG.date) == Literal("2022-04-07", datatype=XSD.date)
    assert union.value(vote, KG.confidence) == Literal("0.90", datatype=XSD.decimal)
    assert union.value(vote, KG.motionText) is not None
    start, end = (_int(union.value(vote, p)) for p in
                  (KG.evidenceStart, KG.evidenceEnd))
    assert TEXT1[start:end] == str(union.value(vote, KG.evidence))
    indirect = {s for s in statements if union.value(s, KG.indirect) == Literal(True)}
    assert len(indirect) == 2
    direct = (set(statements) - indirect).pop()
    assert str(union.value(direct, KG.quote)) == "This is a historic day,"
    assert union.value(direct, KG.confidence) == Literal("1.00", datatype=XSD.decimal)


def test_modality_and_direct_relations(union: Graph) -> None:
    poland, russia = actor_iri(KEYS["Poland"]), actor_iri(KEYS["Russia"])
    assert (poland, KG.expelled, russia) in union
    assert (russia, KG.expelled, poland) not in union  # only threatened
    threat = next(union.subjects(KG.modality, KG.Threatened))
    assert (threat, RDF.type, KG.Expulsion) in union
    assert (russia, KG.suspendedFrom, actor_iri(KEYS["HRC"])) in union
    assert (russia, KG.suspendedFrom, actor_iri(KEYS["OSCE"])) not in union  # denied
    assert (actor_iri(KEYS["UNGA"]), KG.voted, russia) in union
    callamard = actor_iri(KEYS["Callamard"])
    said = list(union.objects(callamard, KG.said))
    assert len(said) == 1 and (said[0], RDF.type, KG.Statement) in union
    for event in union.subjects(PROV.wasDerivedFrom, None):
        assert union.value(event, KG.modality) is not None


def test_roles(union: Graph) -> None:
    callamard = actor_iri(KEYS["Callamard"])
    role = union.value(callamard, KG.holdsRole)
    assert role == role_iri(KEYS["Callamard"], "secretary general", KEYS["Amnesty"])
    assert (role, RDF.type, KG.Role) in union
    assert union.value(role, KG.title) == Literal("secretary general")
    assert union.value(role, KG.roleIn) == actor_iri(KEYS["Amnesty"])


def test_no_blank_nodes(dataset: Dataset) -> None:
    assert not any(term.__class__.__name__ == "BNode"
                   for quad in dataset.quads((None, None, None, None)) for term in quad[:3])


# ---------------------------------------------------------------- SHACL


def _validate(graph: Graph) -> tuple[bool, str]:
    import pyshacl

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    return bool(conforms), str(text)


def test_shacl_valid(union: Graph) -> None:
    conforms, report = _validate(union)
    assert conforms, report


def test_shacl_catches_errors(union: Graph) -> None:
    broken = Graph()
    for triple in union:
        broken.add(triple)
    statement = _events(broken, KG.Statement)[0]
    broken.remove((statement, KG.evidence, None))
    broken.add((statement, KG.agent, actor_iri(KEYS["Lithuania"])))
    broken.add((statement, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    broken.add((actor_iri(KEYS["Poland"]), RDFS.label, Literal("Polska")))
    conforms, report = _validate(broken)
    assert not conforms
    assert report.count("Constraint Violation") >= 4, report


# ---------------------------------------------------------------- formats


def _oxigraph_quads(data: bytes, fmt: str) -> list[pyoxigraph.Quad]:
    formats = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
               "json-ld": pyoxigraph.RdfFormat.JSON_LD, "trig": pyoxigraph.RdfFormat.TRIG,
               "nquads": pyoxigraph.RdfFormat.N_QUADS}
    return list(pyoxigraph.parse(data, format=formats[fmt]))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip(dataset: Dataset, union: Graph, fmt: str) -> None:
    data = serialize(dataset, fmt)
    if FORMATS[fmt].quads:
        parsed = Dataset()
        parsed.parse(data=data, format=fmt)
        back = union_graph(parsed)
        expected = len(list(dataset.quads((None, None, None, None))))
    else:
        back = Graph().parse(data=data, format=fmt)
        expected = len(union)
    assert isomorphic(back, union)
    assert len(_oxigraph_quads(data, fmt)) == expected


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_named_graph_per_article(dataset: Dataset, fmt: str) -> None:
    quads = _oxigraph_quads(serialize(dataset, fmt), fmt)
    names = {str(q.graph_name) for q in quads if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)}
    expected = {f"<{article_iri(i)}>" for i in ("ex-1", "ex 2/<é>\"\n")}
    assert names == expected
    for quad in quads:  # each event is in its article's graph
        if quad.predicate == pyoxigraph.NamedNode(str(PROV.wasDerivedFrom)):
            assert str(quad.graph_name) == str(quad.object)


def _digests() -> dict[str, str]:
    dataset = build()
    return {fmt: hashlib.sha256(serialize(dataset, fmt)).hexdigest() for fmt in sorted(FORMATS)}


def test_deterministic_in_process(dataset: Dataset) -> None:
    assert _digests() == _digests()


def test_deterministic_across_processes() -> None:
    here = _digests()
    code = ("import json, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; import test_rdf; "
            "print(json.dumps(test_rdf._digests()))")
    root = Path(__file__).resolve().parent.parent
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(root)],
                             env=env, capture_output=True, text=True, check=True).stdout
        assert json.loads(out) == here, seed


def test_scorer_queries(dataset: Dataset) -> None:
    graph = Graph().parse(data=serialize(dataset, "turtle"), format="turtle")
    prefixes = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
                "PREFIX prov: <http://www.w3.org/ns/prov#> "
                "PREFIX dcterms: <http://purl.org/dc/terms/> "
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
    rows = graph.query(prefixes + """SELECT DISTINCT ?l WHERE {
        ?e a kg:Expulsion ; prov:wasDerivedFrom ?a . ?a dcterms:identifier "ex-1" .
        ?e kg:agent ?x . ?x rdfs:label ?l .
        FILTER NOT EXISTS { ?e kg:modality ?m . FILTER(?m != kg:Asserted) } }""")
    assert {str(r[0]) for r in rows} == {"Poland"}  # type: ignore[index]
    rows = graph.query(prefixes + """SELECT ?q WHERE {
        ?e a kg:Statement ; kg:quote ?q ; kg:agent ?x . ?x rdfs:label "Agnès Callamard" }""")
    assert [str(r[0]) for r in rows] == ["This is a historic day,"]  # type: ignore[index]


# ---------------------------------------------------------------- IRIs

ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_iris_valid_and_injective(a: str, b: str) -> None:
    for iri in (actor_iri(a), article_iri(a), role_iri(a, b), role_iri(a, b, a)):
        pyoxigraph.NamedNode(str(iri))
    if a != b:
        assert actor_iri(a) != actor_iri(b)
        assert article_iri(a) != article_iri(b)
    assert actor_iri(a) == actor_iri(a)


@settings(max_examples=60, deadline=None)
@given(ANY_TEXT)
def test_iri_and_text_round_trip(text: str) -> None:
    graph = Graph()
    graph.add((actor_iri(text), RDFS.label, text_literal(text)))
    for fmt in ("turtle", "nt", "json-ld"):
        data = serialize(graph, fmt)
        assert isomorphic(Graph().parse(data=data, format=fmt), graph), fmt
        assert len(_oxigraph_quads(data, fmt)) == 1


def test_slug_is_readable() -> None:
    assert str(actor_iri("Agnès Callamard")).endswith("/actor/Agn%C3%A8s_Callamard")
    assert slug("") == "~" and slug("a_b") != slug("a b") and slug("..") == "%2E%2E"
    pyoxigraph.NamedNode(str(actor_iri("\ud800 lone surrogate")))


def test_event_iri_stable() -> None:
    (ex1, _), _ = records()
    (again, _), _ = records()
    first = ex1.events[0]
    assert event_iri("ex-1", first) == event_iri("ex-1", again.events[0])
    assert event_iri("ex-1", first) != event_iri("ex-2", first)
    assert event_iri("ex-1", first) != event_iri("ex-1", ex1.events[1])
    assert event_iri("ex-1", first, 0) != event_iri("ex-1", first, 1)


# ---------------------------------------------------------------- writing


def test_format_for() -> None:
    assert format_for("out.ttl") == "turtle"
    assert format_for("OUT.JSON") == "json-ld"
    assert format_for("x.nq") == "nquads"
    assert format_for("-") == "turtle"
    assert format_for("x.dat", "N-Triples") == "nt"
    with pytest.raises(OutputError, match=r"turtle \(\.ttl\).*nquads \(\.nq\)"):
        format_for("graph.xyz")
    with pytest.raises(OutputError, match="accepted: turtle"):
        format_for("graph.ttl", "rdfxml")


def test_write_graph(dataset: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "graph.trig"
    write_graph(dataset, target)
    assert target.read_bytes() == serialize(dataset, "trig")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


def test_atomic_write_keeps_earlier_file(dataset: Dataset, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("earlier")

    def broken(*_: object) -> bytes:
        raise RuntimeError("serializer failed")

    with monkeypatch.context() as patch:
        patch.setattr(write_module, "serialize", broken)
        with pytest.raises(RuntimeError):
            write_graph(dataset, target)
    with monkeypatch.context() as patch:
        def no_replace(*_: object) -> None:
            raise OSError(28, "No space left on device")
        patch.setattr(write_module.os, "replace", no_replace)
        with pytest.raises(OutputError, match="No space left"):
            write_graph(dataset, target)
    assert target.read_text() == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_unwritable_destination(dataset: Dataset, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_graph(dataset, tmp_path / "missing" / "graph.ttl")


def test_write_to_stdout(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()

    class FakeStdout:
        def __init__(self) -> None:
            self.buffer = buffer

    monkeypatch.setattr(sys, "stdout", FakeStdout())
    write_graph(dataset, "-", "nt")
    assert buffer.getvalue() == serialize(dataset, "nt")
