"""The projection of newskg graphs onto the actor network (kg.network.project)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.network.errors import NetworkError
from kg.network.project import find_actor, load_source, names_in, project
from tests.network_data import EXAMPLE, labelled_edges, write_small

EXAMPLE_EDGES = {
    ("Russian Ministry of Justice", "Human Rights Watch", "expelled"),
    ("Russian Ministry of Justice", "Amnesty International", "expelled"),
    ("Russian Ministry of Justice", "Carnegie Endowment for International Peace", "expelled"),
    ("Russian Ministry of Justice", "15 offices", "expelled"),
    ("Russia", "United Nations Human Rights Council", "suspended_from"),
    ("93 countries", "Russia", "voted"),
    ("24 countries", "Russia", "voted"),
    ("58 countries", "Russia", "voted"),
    # quotations naming Russia ("Russia's turn", "the Kremlin", "the Russian Federation")
    ("Kenneth Roth", "Russia", "said"),
    ("Agnès Callamard", "Russia", "said"),
    ("Russian Ministry of Justice", "Russia", "said"),
    # speakers -> the organisations they speak for (their roles)
    ("Kenneth Roth", "Human Rights Watch", "said"),
    ("Agnès Callamard", "Amnesty International", "said"),
}


@pytest.fixture(scope="module")
def example():
    return project(EXAMPLE)


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    return write_small(tmp_path)


def _edge(graph, source: str, target: str, relation: str) -> list[dict]:
    s, t = find_actor(graph, source), find_actor(graph, target)
    return [d for d in graph.get_edge_data(s, t, default={}).values()
            if d["relation"] == relation]


# --------------------------------------------------------------------------- the example

def test_example_has_the_expected_actors(example) -> None:
    labels = {d["label"]: d["type"] for _, d in example.nodes(data=True)}
    assert labels == {
        "Russia": "Country", "Russian Ministry of Justice": "Organization",
        "Human Rights Watch": "Organization", "Amnesty International": "Organization",
        "Carnegie Endowment for International Peace": "Organization",
        "United Nations Human Rights Council": "Organization", "15 offices": "Group",
        "93 countries": "Group", "24 countries": "Group", "58 countries": "Group",
        "Kenneth Roth": "Person", "Agnès Callamard": "Person",
    }
    # actors in no relation (Kyiv, Bucha, the Security Council ...) are not in the network
    assert "Ukraine" not in labels and "Moscow" not in labels


def test_example_has_the_expected_edges(example) -> None:
    assert labelled_edges(example) == EXAMPLE_EDGES


def test_example_edges_carry_relation_date_weight_and_articles(example) -> None:
    [expelled] = _edge(example, "Russian Ministry of Justice", "Human Rights Watch", "expelled")
    assert expelled["date"] == "2022-04-08" and expelled["weight"] == 1
    assert expelled["articles"] == ["russia-expels-rights-groups"]
    assert len(expelled["events"]) == 1 and expelled["events"][0].startswith("https://")
    # two statements by Callamard on the same day, both for Amnesty International
    [speaks_for] = _edge(example, "Agnès Callamard", "Amnesty International", "said")
    assert speaks_for["weight"] == 2 and speaks_for["via"] == "role"
    [named] = _edge(example, "Agnès Callamard", "Russia", "said")
    assert named["weight"] == 1 and named["via"] == "quote"


def test_example_votes_keep_their_position(example) -> None:
    positions = {example.nodes[u]["label"]: d["position"]
                 for u, _, d in example.edges(data=True) if d["relation"] == "voted"}
    assert positions == {"93 countries": "in favour", "24 countries": "against",
                         "58 countries": "abstention"}


def test_example_node_attributes(example) -> None:
    russia = example.nodes[find_actor(example, "Russia")]
    assert russia["iri"] == "https://w3id.org/newskg/id/actor/Russia"
    assert "Kremlin" in russia["alt_labels"] and russia["mentions"] == 1


# --------------------------------------------------------------------------- options

def test_only_asserted_events_by_default(small: Path) -> None:
    edges = labelled_edges(project(small))
    assert ("Russia", "United Nations", "expelled") not in edges
    assert ("Russia", "United Nations", "expelled") in labelled_edges(
        project(small, asserted_only=False))


def test_small_graph_edges(small: Path) -> None:
    graph = project(small)
    assert labelled_edges(graph) == {
        ("Poland", "45 Russian diplomats", "expelled"),
        ("Poland", "Russia", "expelled"),
        ("Russia", "Poland", "expelled"),
        ("Russia", "Council of Europe", "suspended_from"),
        ("42 member states", "Russia", "voted"),  # through the motion (the suspension)
        ("Maria Zakharova", "Poland", "said"),  # "Warsaw"
        ("Maria Zakharova", "Russian Foreign Ministry", "said"),
        ("Russia", "Poland", "said"),  # reported speech; Russia naming itself is no edge
        ("Odd\x01 Name Group", "Poland", "said"),
    }
    # one edge per day: Poland expelled Russia's diplomats on 1 and 2 March
    days = sorted(d["date"] for d in _edge(graph, "Poland", "Russia", "expelled"))
    assert days == ["2022-03-01", "2022-03-02"]
    # the speaker named the ministry and speaks for it: two edges, told apart by `via`
    vias = sorted(d["via"] for d in _edge(graph, "Maria Zakharova", "Russian Foreign Ministry",
                                          "said"))
    assert vias == ["quote", "role"]
    # "un" in lower case is not the UN
    assert "United Nations" not in {d["label"] for _, d in graph.nodes(data=True)}
    assert graph.nodes[find_actor(graph, "Poland")]["same_as"] == [
        "http://www.wikidata.org/entity/Q36"]


def test_relations_option(small: Path) -> None:
    graph = project(small, relations=["expelled"])
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {"expelled"}
    with pytest.raises(NetworkError, match="unknown relation"):
        project(small, relations=["invaded"])


def test_date_range_leaves_out_undated_events(small: Path) -> None:
    graph = project(small, since="2022-03-02", until="2022-03-03")
    assert {d["date"] for _, _, d in graph.edges(data=True)} == {"2022-03-02", "2022-03-03"}
    with pytest.raises(NetworkError, match="not a date"):
        project(small, since="March")


def test_min_weight_counts_events_over_all_days(small: Path) -> None:
    graph = project(small, min_weight=2)
    assert labelled_edges(graph) == {("Poland", "Russia", "expelled")}
    assert sum(d["weight"] for _, _, d in graph.edges(data=True)) == 2


def test_around_gives_the_ego_network(small: Path) -> None:
    near = project(small, around="Council of Europe", depth=1)
    assert {d["label"] for _, d in near.nodes(data=True)} == {"Council of Europe", "Russia"}
    wider = project(small, around="council of europe", depth=2)
    assert "42 member states" in {d["label"] for _, d in wider.nodes(data=True)}
    by_alt = project(small, around="Warsaw", depth=0)
    assert [d["label"] for _, d in by_alt.nodes(data=True)] == ["Poland"]
    with pytest.raises(NetworkError, match="did you mean 'Poland'"):
        project(small, around="Polland")


def test_store_and_trig_sources(tmp_path: Path, small: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.bulk_load(path=str(small), format=RdfFormat.TURTLE)
    assert labelled_edges(project(store)) == labelled_edges(project(small))
    # TriG: events in named graphs are found too
    import rdflib

    dataset = rdflib.Dataset()
    named = dataset.graph(rdflib.URIRef("https://w3id.org/newskg/id/article/one"))
    named.parse(data=small.read_text(encoding="utf-8"), format="turtle")
    trig = tmp_path / "small.trig"
    dataset.serialize(str(trig), format="trig")
    assert labelled_edges(project(trig)) == labelled_edges(project(small))
    assert load_source(store) is store


def test_unreadable_sources(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read"):
        project(bad)
    with pytest.raises(InputError, match="no such file"):
        project(tmp_path / "missing.ttl")
    with pytest.raises(InputError):
        project(tmp_path)  # a folder that is not an Oxigraph store


def test_names_in_quotations() -> None:
    names = {"us": ["United States", "US"], "ru": ["Russia"], "hrc": ["UN Human Rights Council"],
             "un": ["UN"]}
    assert names_in("the US and Russia's envoys", names) == {"us", "ru"}
    assert names_in("let us go", names) == set()  # short names are case-sensitive
    assert names_in("the united states said", names) == {"us"}  # long ones are not
    assert names_in("Russian troops", names) == set()  # whole words only
    assert names_in("the UN Human Rights Council", names) == {"hrc"}  # longest name first


def test_oxigraph_store_folder(tmp_path: Path, small: Path) -> None:
    import gc

    from pyoxigraph import RdfFormat, Store

    folder = tmp_path / "store"
    store = Store(str(folder))
    store.bulk_load(path=str(small), format=RdfFormat.TURTLE)
    store.flush()
    del store
    gc.collect()
    assert labelled_edges(project(folder)) == labelled_edges(project(small))
