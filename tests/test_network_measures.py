"""Measures of the actor network (kg.network.measures)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.network.measures import (
    annotate,
    betweenness,
    communities,
    components,
    in_degree,
    out_degree,
    pagerank,
    ranking,
    weighted_in_degree,
    weighted_out_degree,
)
from kg.network.project import find_actor, project
from tests.network_data import EXAMPLE


@pytest.fixture(scope="module")
def example() -> nx.MultiDiGraph:
    return project(EXAMPLE)


def _by_label(graph: nx.MultiDiGraph, values: dict) -> dict:
    return {graph.nodes[n]["label"]: v for n, v in values.items()}


def test_degrees_count_distinct_actors_and_events(example) -> None:
    assert _by_label(example, in_degree(example))["Russia"] == 6
    assert _by_label(example, out_degree(example))["Russian Ministry of Justice"] == 5
    # Callamard spoke twice for Amnesty and once about Russia: 2 actors, 3 events
    assert _by_label(example, out_degree(example))["Agnès Callamard"] == 2
    assert _by_label(example, weighted_out_degree(example))["Agnès Callamard"] == 3
    assert _by_label(example, weighted_in_degree(example))["Amnesty International"] == 3


def test_pagerank_sums_to_one_and_ranks_the_acted_on(example) -> None:
    ranks = _by_label(example, pagerank(example))
    assert math.isclose(sum(ranks.values()), 1.0, abs_tol=1e-6)
    top_two = sorted(ranks, key=ranks.__getitem__, reverse=True)[:2]
    assert set(top_two) == {"Russia", "United Nations Human Rights Council"}


def test_betweenness_finds_the_brokers(example) -> None:
    values = _by_label(example, betweenness(example))
    assert max(values, key=values.__getitem__) == "Russia"
    assert values["Russian Ministry of Justice"] > values["Human Rights Watch"]
    assert all(0.0 <= v <= 1.0 for v in values.values())


def test_communities_and_components(example) -> None:
    groups = _by_label(example, communities(example))
    assert groups["93 countries"] == groups["Russia"] == groups[
        "United Nations Human Rights Council"]
    assert groups["Kenneth Roth"] == groups["Human Rights Watch"]
    assert set(groups.values()) == set(range(len(set(groups.values()))))
    assert set(components(example).values()) == {0}  # the article's network is connected
    # deterministic
    assert communities(example) == communities(example)


def test_components_numbered_by_size() -> None:
    g = nx.MultiDiGraph()
    g.add_edges_from([("x", "y"), ("a", "b"), ("b", "c")])
    assert components(g) == {"x": 1, "y": 1, "a": 0, "b": 0, "c": 0}


def test_empty_network() -> None:
    g = nx.MultiDiGraph()
    for measure in (in_degree, out_degree, weighted_in_degree, weighted_out_degree,
                    betweenness, pagerank, communities, components):
        assert measure(g) == {}
    assert ranking(g) == []


def test_ranking_rows_are_plain_values(example) -> None:
    rows = ranking(example)
    assert len(rows) == example.number_of_nodes()
    assert rows[0]["pagerank"] >= rows[-1]["pagerank"]
    for row in rows:
        for value in row.values():
            assert isinstance(value, str | int | float)
    annotated = annotate(example.copy())
    russia = annotated.nodes[find_actor(annotated, "Russia")]
    assert {"pagerank", "betweenness", "community", "component", "in_degree"} <= set(russia)
    assert ranking(annotated) == rows
