"""Measures of the actor network, one function each, returning plain Python values.

Every function takes the ``MultiDiGraph`` :func:`kg.network.project.project`
returns (any networkx graph whose edges may carry a ``weight``) and returns a
``dict`` from node to an ``int`` or ``float``. :func:`ranking` puts them all
in one table, and :func:`annotate` stores them on the nodes for export.

The examples use this small network: A expelled B twice, C expelled B, C said
something about D.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edges_from([("A", "B", {"weight": 2}), ("C", "B", {"weight": 1}),
...                   ("C", "D", {"weight": 1})])
[0, 0, 0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "BETWEENNESS_EXACT_UP_TO",
    "MEASURES",
    "annotate",
    "betweenness",
    "communities",
    "components",
    "in_degree",
    "out_degree",
    "pagerank",
    "ranking",
    "weighted_in_degree",
    "weighted_out_degree",
]

#: Betweenness is exact up to this many actors, estimated from as many seeded pivots above.
BETWEENNESS_EXACT_UP_TO = 1000


def in_degree(graph: nx.MultiDiGraph) -> dict[Any, int]:
    """How many distinct actors act on each actor (parallel edges count once).

    >>> from kg.network.measures import _example
    >>> in_degree(_example())
    {'A': 0, 'B': 2, 'C': 0, 'D': 1}
    """
    return {n: len(set(graph.predecessors(n)) - {n}) for n in graph}


def out_degree(graph: nx.MultiDiGraph) -> dict[Any, int]:
    """How many distinct actors each actor acts on (parallel edges count once).

    >>> from kg.network.measures import _example
    >>> out_degree(_example())
    {'A': 1, 'B': 0, 'C': 2, 'D': 0}
    """
    return {n: len(set(graph.successors(n)) - {n}) for n in graph}


def weighted_in_degree(graph: nx.MultiDiGraph) -> dict[Any, int]:
    """How many events act on each actor: the sum of the weights of its incoming edges.

    >>> from kg.network.measures import _example
    >>> weighted_in_degree(_example())
    {'A': 0, 'B': 3, 'C': 0, 'D': 1}
    """
    return {n: int(w) for n, w in graph.in_degree(weight="weight")}


def weighted_out_degree(graph: nx.MultiDiGraph) -> dict[Any, int]:
    """How many events each actor takes part in as the one acting: the sum of the
    weights of its outgoing edges.

    >>> from kg.network.measures import _example
    >>> weighted_out_degree(_example())
    {'A': 2, 'B': 0, 'C': 2, 'D': 0}
    """
    return {n: int(w) for n, w in graph.out_degree(weight="weight")}


def betweenness(graph: nx.MultiDiGraph, *, seed: int = 0) -> dict[Any, float]:
    """Betweenness centrality, ignoring direction and weights: the share of shortest
    paths between two other actors that pass through each actor (0 to 1).

    Actors that link otherwise separate parts of the network score high. Exact
    up to :data:`BETWEENNESS_EXACT_UP_TO` actors; above, estimated from that
    many pivots drawn with ``seed``.

    >>> from kg.network.measures import _example
    >>> {n: round(v, 3) for n, v in betweenness(_example()).items()}
    {'A': 0.0, 'B': 0.667, 'C': 0.667, 'D': 0.0}
    """
    import networkx as nx

    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    k = BETWEENNESS_EXACT_UP_TO if len(simple) > BETWEENNESS_EXACT_UP_TO else None
    values = nx.betweenness_centrality(simple, k=k, normalized=True, seed=seed)
    return {n: float(values[n]) for n in graph}


def pagerank(graph: nx.MultiDiGraph, *, alpha: float = 0.85) -> dict[Any, float]:
    """PageRank along the edges, weighted by the number of events (the values sum to 1).

    Edges point at the actor acted on (the expelled, the body, the one spoken
    about), so actors many others act on rank high.

    >>> from kg.network.measures import _example
    >>> {n: round(v, 3) for n, v in pagerank(_example()).items()}
    {'A': 0.175, 'B': 0.399, 'C': 0.175, 'D': 0.25}
    """
    import networkx as nx

    if len(graph) == 0:
        return {}
    values = nx.pagerank(graph, alpha=alpha, weight="weight")
    return {n: float(values[n]) for n in graph}


def communities(graph: nx.MultiDiGraph, *, seed: int = 0, resolution: float = 1.0) -> dict[Any, int]:
    """Louvain communities (ignoring direction, weighted by events): a community number
    for each actor, 0 for the largest community, then by size.

    >>> from kg.network.measures import _example
    >>> communities(_example())
    {'A': 0, 'B': 0, 'C': 1, 'D': 1}
    """
    import networkx as nx

    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    for u, v, w in graph.edges(data="weight", default=1):
        if u != v:
            previous = undirected.get_edge_data(u, v, {"weight": 0})["weight"]
            undirected.add_edge(u, v, weight=previous + w)
    groups = nx.community.louvain_communities(undirected, weight="weight", seed=seed,
                                              resolution=resolution)
    return _numbered(graph, groups)


def components(graph: nx.MultiDiGraph) -> dict[Any, int]:
    """Weakly connected components: a number for each actor, 0 for the largest
    component, then by size (actors linked in either direction share a number).

    >>> from kg.network.measures import _example
    >>> components(_example())
    {'A': 0, 'B': 0, 'C': 0, 'D': 0}
    """
    import networkx as nx

    groups = (nx.weakly_connected_components(graph) if graph.is_directed()
              else nx.connected_components(graph))
    return _numbered(graph, groups)


def _numbered(graph: nx.MultiDiGraph, groups: Any) -> dict[Any, int]:
    """Number node sets by size (largest first), ties by their first node in graph order."""
    order = {n: i for i, n in enumerate(graph)}
    ranked = sorted((sorted(g, key=order.__getitem__) for g in groups),
                    key=lambda g: (-len(g), order[g[0]]))
    number = {n: i for i, group in enumerate(ranked) for n in group}
    return {n: number[n] for n in graph}


#: The measures, by the column name tables, files and node attributes use.
MEASURES = {
    "pagerank": pagerank,
    "betweenness": betweenness,
    "in_degree": in_degree,
    "out_degree": out_degree,
    "weighted_in_degree": weighted_in_degree,
    "weighted_out_degree": weighted_out_degree,
    "community": communities,
    "component": components,
}


def annotate(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Store every measure of :data:`MEASURES` as a node attribute of ``graph``; returns it.

    >>> from kg.network.measures import _example
    >>> annotate(_example()).nodes["B"]["in_degree"]
    2
    """
    for name, measure in MEASURES.items():
        for node, value in measure(graph).items():  # type: ignore[operator]
            graph.nodes[node][name] = value
    return graph


def ranking(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per actor with its label, type and every measure, by PageRank (highest first).

    Measures already stored on the nodes (by :func:`annotate`) are not computed again.

    >>> from kg.network.measures import _example
    >>> [(row["actor"], row["in_degree"]) for row in ranking(_example())][:2]
    [('B', 2), ('D', 1)]
    """
    values = {name: (None if all(name in d for _, d in graph.nodes(data=True))
                     else measure(graph))  # type: ignore[operator]
              for name, measure in MEASURES.items()}
    rows = []
    for node, data in graph.nodes(data=True):
        row: dict[str, Any] = {"actor": data.get("label", node), "type": data.get("type"),
                               "iri": data.get("iri", node)}
        for name, computed in values.items():
            value = data[name] if computed is None else computed[node]
            row[name] = round(value, 6) if isinstance(value, float) else value
        rows.append(row)
    rows.sort(key=lambda r: (-r["pagerank"], -r["weighted_in_degree"], str(r["actor"])))
    return rows


def _example() -> nx.MultiDiGraph:
    """The small network of the examples in this module."""
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_edges_from([("A", "B", {"weight": 2}), ("C", "B", {"weight": 1}),
                      ("C", "D", {"weight": 1})])
    return g
