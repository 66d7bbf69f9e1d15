"""Pictures of the actor network: a seeded layout, colours by actor type, sizes by PageRank.

:func:`layout` places the actors (the same positions go into GEXF, GraphML
and JSON, so Gephi Lite and web viewers open the network already laid out);
:func:`draw` renders it to PNG or SVG with matplotlib's Agg renderer (no
display needed, pyplot is never imported): nodes coloured by actor type and
sized by PageRank, edges coloured by relation (parallel relations between two
actors drawn as separate arcs), the main actors labelled, and legends.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kg.network import RELATIONS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EDGE_COLOURS", "NODE_COLOURS", "draw", "layout", "node_sizes"]

#: Colour of each actor type (Okabe–Ito palette, readable by colour-blind readers).
NODE_COLOURS: dict[str, str] = {
    "Person": "#E69F00",
    "Organization": "#0072B2",
    "Country": "#D55E00",
    "Group": "#009E73",
    "Place": "#999999",
}
#: Colour of each relation's edges.
EDGE_COLOURS: dict[str, str] = {
    "expelled": "#B2182B",
    "suspended_from": "#7B3294",
    "voted": "#1B7837",
    "said": "#6A6A6A",
}
#: Colour of a node whose type is unknown.
OTHER_COLOUR = "#444444"
#: Seed of the layout unless one is given: the same network always looks the same.
DEFAULT_SEED = 7
#: networkx's spring layout up to this many actors; a vectorised one above.
SPRING_DENSE_UP_TO = 500
#: Label every actor in networks up to this size, else only the top ones by PageRank.
LABEL_ALL_UP_TO = 40
#: How many actors to label in a larger network.
LABELS = 25


def layout(graph: nx.MultiDiGraph, *, seed: int = DEFAULT_SEED) -> dict[Any, tuple[float, float]]:
    """Positions of the actors, in [-1, 1] × [-1, 1]: a force-directed (spring) layout,
    ignoring direction and weighted by the number of events, seeded so the same
    network always gets the same picture.

    >>> from kg.network.measures import _example
    >>> pos = layout(_example())
    >>> sorted(pos) == ["A", "B", "C", "D"] and all(-1 <= x <= 1 for p in pos.values() for x in p)
    True
    """
    import networkx as nx

    if len(graph) == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v, w in graph.edges(data="weight", default=1):
        if u != v:
            previous = simple.get_edge_data(u, v, {"weight": 0})["weight"]
            simple.add_edge(u, v, weight=previous + w)
    # a gentle weight: many events pull two actors closer, but not onto each other
    for _, _, data in simple.edges(data=True):
        data["weight"] = 1 + math.log(data["weight"])
    n = len(simple)
    k = 2.0 / math.sqrt(n) if n > 1 else None
    if n <= SPRING_DENSE_UP_TO:
        pos = nx.spring_layout(simple, seed=seed, weight="weight", iterations=100, k=k)
        return _normalised({node: (float(p[0]), float(p[1])) for node, p in pos.items()})
    nodes = list(simple)
    adjacency = nx.to_scipy_sparse_array(simple, nodelist=nodes, weight="weight",
                                         format="csr")
    coords = _fruchterman_reingold(adjacency, seed=seed, k=k or 1.0, iterations=100)
    return _normalised({node: (float(x), float(y)) for node, (x, y) in zip(nodes, coords,
                                                                          strict=True)})


def _fruchterman_reingold(adjacency: Any, *, seed: int, k: float, iterations: int) -> Any:
    """Fruchterman–Reingold force-directed positions with the grid approximation of the
    original paper: actors repel only those closer than ``2 k`` (found with a k-d tree),
    edges attract. networkx's own version for large graphs loops over the nodes in
    Python and takes minutes for a corpus' thousands of actors; this takes seconds."""
    import numpy as np
    from scipy.sparse import triu
    from scipy.spatial import cKDTree

    n = adjacency.shape[0]
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    upper = triu(adjacency, k=1).tocoo()
    eu, ev, weights = upper.row, upper.col, np.asarray(upper.data, dtype=float)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        displacement = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(r=2 * k, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = pos[i] - pos[j]
            distance = np.maximum(np.sqrt((delta ** 2).sum(axis=-1)), 0.01)
            push = delta * (k * k / distance ** 2)[:, None]
            np.add.at(displacement, i, push)
            np.add.at(displacement, j, -push)
        if len(eu):
            delta = pos[eu] - pos[ev]
            distance = np.maximum(np.sqrt((delta ** 2).sum(axis=-1)), 0.01)
            pull = delta * (weights * distance / k)[:, None]
            np.add.at(displacement, eu, -pull)
            np.add.at(displacement, ev, pull)
        length = np.sqrt((displacement ** 2).sum(axis=-1))
        length = np.where(length < 0.01, 0.1, length)
        pos += displacement * (t / length)[:, None]
        t -= dt
    return pos


def _normalised(pos: dict[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """``pos`` centred and scaled into [-1, 1] × [-1, 1], keeping the aspect ratio."""
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((p[0] - cx) / span, 6), round((p[1] - cy) / span, 6))
            for node, p in pos.items()}


def node_sizes(graph: nx.MultiDiGraph, *, smallest: float = 4.0,
               largest: float = 40.0) -> dict[Any, float]:
    """A size for each actor from its PageRank (node attribute ``pagerank``, computed if
    missing): the area grows with PageRank, from ``smallest`` to ``largest``.

    >>> from kg.network.measures import _example
    >>> sizes = node_sizes(_example())
    >>> max(sizes, key=sizes.__getitem__), min(sizes.values()), max(sizes.values())
    ('B', 4.0, 40.0)
    """
    from kg.network.measures import pagerank

    if len(graph) == 0:
        return {}
    ranks = {n: d["pagerank"] for n, d in graph.nodes(data=True) if "pagerank" in d}
    if len(ranks) < len(graph):
        ranks = pagerank(graph)
    low, high = min(ranks.values()), max(ranks.values())
    if high - low <= 1e-12:
        return {n: round((smallest + largest) / 4, 3) for n in graph}
    return {n: round(smallest + (largest - smallest) * math.sqrt((r - low) / (high - low)), 3)
            for n, r in ranks.items()}


def draw(graph: nx.MultiDiGraph, fmt: str = "png", *, seed: int = DEFAULT_SEED,
         title: str | None = None, labels: int | None = None) -> bytes:
    """The picture of ``graph`` as PNG or SVG bytes (``fmt`` is ``"png"`` or ``"svg"``).

    Uses the nodes' ``x``/``y`` attributes when every node has them, otherwise
    :func:`layout` with ``seed``. ``labels`` is how many actors to name (by
    PageRank; default: all up to :data:`LABEL_ALL_UP_TO` actors, else :data:`LABELS`).
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    from kg.network.project import event_count

    if fmt not in ("png", "svg"):
        raise ValueError(f"cannot draw to {fmt!r}; choose png or svg")
    if all("x" in d and "y" in d for _, d in graph.nodes(data=True)):
        pos = _normalised({n: (float(d["x"]), float(d["y"])) for n, d in graph.nodes(data=True)})
    else:
        pos = layout(graph, seed=seed)
    n = len(graph)
    sizes = (node_sizes(graph, smallest=9.0, largest=34.0) if n <= 60  # diameters in points
             else node_sizes(graph, smallest=4.0, largest=24.0))
    figure = Figure(figsize=(12, 9) if n <= 60 else (16, 12), dpi=110)
    ax = figure.add_axes((0.01, 0.01, 0.98, 0.93))
    ax.set_axis_off()
    ax.set_aspect("equal")
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    ax.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
    ax.set_ylim(min(ys) - 0.12, max(ys) + 0.45)  # room above for labels and legends

    # edges: one arc per (source, target, relation), parallel relations bent apart
    arcs: dict[tuple[Any, Any, str], float] = defaultdict(float)
    for u, v, data in graph.edges(data=True):
        if u != v:
            arcs[(u, v, data.get("relation", ""))] += data.get("weight", 1)
    per_pair: dict[frozenset[Any], list[tuple[Any, Any, str]]] = defaultdict(list)
    for key in sorted(arcs, key=lambda k: (str(k[0]), str(k[1]), _rank(k[2]))):
        per_pair[frozenset(key[:2])].append(key)
    heaviest = max(arcs.values(), default=1.0)
    for keys in per_pair.values():
        for i, (u, v, relation) in enumerate(keys):
            rad = 0.08 + 0.14 * i
            width = 0.7 + 2.5 * math.sqrt(arcs[(u, v, relation)] / heaviest)
            ax.add_patch(FancyArrowPatch(
                pos[u], pos[v], arrowstyle="-|>", mutation_scale=9 + width * 2,
                connectionstyle=f"arc3,rad={rad}", color=EDGE_COLOURS.get(relation, "#888888"),
                linewidth=width, alpha=0.75, shrinkA=sizes[u] / 2 + 1, shrinkB=sizes[v] / 2 + 2,
                zorder=1))

    nodes = list(graph)
    ax.scatter([pos[v][0] for v in nodes], [pos[v][1] for v in nodes],
               s=[sizes[v] ** 2 for v in nodes],
               c=[NODE_COLOURS.get(graph.nodes[v].get("type", ""), OTHER_COLOUR) for v in nodes],
               edgecolors="white", linewidths=1.0, zorder=2)

    ranked = sorted(nodes, key=lambda v: (-sizes[v], str(graph.nodes[v].get("label", v))))
    count = labels if labels is not None else (n if n <= LABEL_ALL_UP_TO else LABELS)
    for v in ranked[:count]:
        x, y = pos[v]
        text = "\n".join(textwrap.wrap(str(graph.nodes[v].get("label", v)), 22)) or str(v)
        ax.annotate(text, (x, y), xytext=(0, sizes[v] / 2 + 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9 if n <= 60 else 7, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7,
                          "edgecolor": "none"})

    types = [t for t in NODE_COLOURS if any(d.get("type") == t for _, d in graph.nodes(data=True))]
    relations = [r for r in RELATIONS if any(k[2] == r for k in arcs)]
    node_legend = ax.legend(
        handles=[Line2D([], [], marker="o", linestyle="", markersize=9,
                        markerfacecolor=NODE_COLOURS[t], markeredgecolor="white", label=t)
                 for t in types],
        title="actors (size: PageRank)", loc="upper left", fontsize=9, title_fontsize=9,
        frameon=False)
    ax.add_artist(node_legend)
    ax.legend(handles=[Line2D([], [], color=EDGE_COLOURS[r], linewidth=2,
                              label=r.replace("_", " ")) for r in relations],
              title="relations (source → target)", loc="upper right", fontsize=9,
              title_fontsize=9, frameon=False)
    heading = title or graph.graph.get("title") or "newskg actor network"
    figure.suptitle(f"{heading}\n{n} actors, {graph.number_of_edges()} relations "
                    f"({event_count(graph)} events)", fontsize=12)

    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {}
    from matplotlib import rc_context

    with rc_context({"svg.hashsalt": "newskg", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, facecolor="white",
                       bbox_inches="tight", pad_inches=0.25)
    return buffer.getvalue()


def _rank(relation: str) -> int:
    return RELATIONS.index(relation) if relation in RELATIONS else len(RELATIONS)
