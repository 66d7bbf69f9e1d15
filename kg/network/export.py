"""Export the actor network: GEXF (Gephi, Gephi Lite), GraphML, node-link JSON, PNG, SVG.

>>> from kg.network.measures import _example
>>> data = render(_example(), "json")
>>> import json; sorted(json.loads(data))
['directed', 'graph', 'links', 'multigraph', 'nodes']

:func:`export` prepares the graph (:func:`prepare`: the measures, a seeded
layout, colours and sizes as node attributes) and writes it atomically;
:func:`render` returns the bytes instead.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import OutputError
from kg.io.output import write_bytes
from kg.network.gexf import _XML_INVALID

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EXTENSIONS", "FORMATS", "export", "format_for", "prepare", "render"]

#: The export formats.
FORMATS: tuple[str, ...] = ("gexf", "graphml", "json", "png", "svg")
#: Layout coordinates (in [-1, 1]) are multiplied by this (and by half the square root of
#: the number of actors, from 4 on), so that Gephi's sizes (4 to 40) fit between them.
LAYOUT_SCALE = 100.0
#: File extension -> format.
EXTENSIONS = {".gexf": "gexf", ".graphml": "graphml", ".xml": "graphml", ".json": "json",
              ".png": "png", ".svg": "svg"}


def format_for(path: str) -> str:
    """The export format a file name asks for.

    >>> format_for("network.gexf"), format_for("net.GraphML"), format_for("out.png")
    ('gexf', 'graphml', 'png')
    """
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise OutputError(f"{path}: cannot tell the format from the extension; use --format "
                          f"({', '.join(FORMATS)})")
    return EXTENSIONS[suffix]


def prepare(graph: nx.MultiDiGraph, *, seed: int | None = None) -> nx.MultiDiGraph:
    """Store on ``graph`` (and return it) what the exports show: every measure
    (:func:`kg.network.measures.annotate`), ``x``/``y`` from the seeded
    :func:`kg.network.draw.layout`, ``color`` (by actor type) and ``size`` (by
    PageRank) on nodes, ``color`` (by relation) on edges.
    """
    from kg.network.draw import (
        DEFAULT_SEED,
        EDGE_COLOURS,
        NODE_COLOURS,
        OTHER_COLOUR,
        layout,
        node_sizes,
    )
    from kg.network.measures import annotate

    annotate(graph)
    positions = layout(graph, seed=DEFAULT_SEED if seed is None else seed)
    sizes = node_sizes(graph)
    scale = LAYOUT_SCALE * max(1.0, math.sqrt(len(graph)) / 2)
    for node, data in graph.nodes(data=True):
        x, y = positions[node]
        data["x"], data["y"] = round(x * scale, 3), round(y * scale, 3)
        data["size"] = sizes[node]
        data["color"] = NODE_COLOURS.get(data.get("type", ""), OTHER_COLOUR)
    for _, _, data in graph.edges(data=True):
        data["color"] = EDGE_COLOURS.get(data.get("relation", ""), "#888888")
    return graph


def render(graph: nx.MultiDiGraph, fmt: str, *, dynamic: bool = True, seed: int | None = None,
           title: str | None = None) -> bytes:
    """``graph`` in the export format ``fmt`` (one of :data:`FORMATS`), as bytes.

    The graph is :func:`prepare`-d first (on a copy) unless its nodes already
    carry the measures and positions.
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; choose among {', '.join(FORMATS)}")
    if not all("pagerank" in d and "x" in d for _, d in graph.nodes(data=True)):
        graph = prepare(graph.copy(), seed=seed)
    if fmt == "gexf":
        from kg.network.gexf import gexf_bytes

        return gexf_bytes(graph, dynamic=dynamic, description=title)
    if fmt == "graphml":
        return _graphml(graph)
    if fmt == "json":
        return _node_link(graph)
    from kg.network.draw import draw

    return draw(graph, fmt, title=title)


def export(graph: nx.MultiDiGraph, output: str, fmt: str | None = None, *,
           dynamic: bool = True, seed: int | None = None, title: str | None = None) -> None:
    """Write ``graph`` to ``output`` ("-" for stdout) in ``fmt`` (default: from the
    extension), atomically: a failed export leaves an earlier file as it was."""
    chosen = fmt or format_for(output)
    write_bytes(output, render(graph, chosen, dynamic=dynamic, seed=seed, title=title))


def _flat(value: Any) -> Any:
    """A value GraphML can hold: lists joined with '; ', None left out (returns None)."""
    if isinstance(value, list | tuple | set | frozenset):
        return _XML_INVALID.sub("", "; ".join(str(v) for v in value))
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return _XML_INVALID.sub("", str(value))


def _graphml(graph: nx.MultiDiGraph) -> bytes:
    import io

    import networkx as nx

    flat = nx.MultiDiGraph()
    flat.graph.update({k: f for k, v in graph.graph.items() if (f := _flat(v)) is not None})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: f for k, v in data.items() if (f := _flat(v)) is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: f for k, v in data.items()
                                        if (f := _flat(v)) is not None})
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buffer.getvalue()


def _node_link(graph: nx.MultiDiGraph) -> bytes:
    import networkx as nx

    data = nx.node_link_data(graph, edges="links")
    return (json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8")
