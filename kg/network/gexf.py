"""GEXF 1.3 for Gephi and Gephi Lite, written by hand rather than with ``networkx.write_gexf``.

What the file holds, and why:

- **one edge per relation between two actors**, whatever the number of days,
  with ``kind`` = the relation: Gephi merges parallel edges of the same kind,
  and keeps edges of different kinds apart, so "A expelled B" and "A said
  something about B" stay two edges; ``weight`` is the number of events and
  the attributes ``dates``, ``first_date``, ``articles``, ``positions`` and
  ``via`` say which;
- **dynamic mode** (when events are dated): ``timeformat="date"``, each edge
  ``start``-s on the day of its first event and each actor with the first of
  its edges, without an end, so Gephi's timeline replays the story as the
  network grows; undated edges (and their actors) are there from the start;
- **node attributes declared once**, with ids equal to their titles, in one
  ``<attributes>`` block per class (graphology-gexf, the parser of Gephi Lite
  and sigma.js, reads only the last block of a class and rejects undeclared
  attributes): ``actor_type``, ``iri``, ``same_as``, ``alt_labels``,
  ``mentions``, ``first_date`` and the measures (``pagerank``, ``betweenness``,
  degrees, ``community``, ``component``); ``type`` is avoided because sigma.js
  reads a node's ``type`` as the program drawing it;
- ``viz:color`` by actor type (edges by relation), ``viz:size`` by PageRank,
  ``viz:position`` from the seeded layout;
- only valid values: finite numbers, no characters XML forbids, labels with
  single spaces, no ``xsi:schemaLocation`` (the RELAX NG schema rejects it).

:func:`gexf_bytes` makes the document, :func:`validate` checks it against the
RELAX NG schema of GEXF 1.3, :func:`read_gexf` reads one back with networkx.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.network import RELATIONS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GEXF_NS", "VIZ_NS", "gexf_bytes", "read_gexf", "validate"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"

#: Node attributes written, with their GEXF types, in this order.
NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("actor_type", "string"),
    ("iri", "string"),
    ("same_as", "string"),
    ("alt_labels", "string"),
    ("mentions", "integer"),
    ("first_date", "string"),
    ("pagerank", "double"),
    ("betweenness", "double"),
    ("in_degree", "integer"),
    ("out_degree", "integer"),
    ("weighted_in_degree", "integer"),
    ("weighted_out_degree", "integer"),
    ("community", "integer"),
    ("component", "integer"),
)
#: Edge attributes written, with their GEXF types.
EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("relation", "string"),
    ("positions", "string"),
    ("via", "string"),
    ("dates", "string"),
    ("first_date", "string"),
    ("articles", "string"),
    ("events", "integer"),
)
#: How lists are joined into one string attribute.
SEPARATOR = "; "

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: object) -> str:
    """A string XML accepts: forbidden characters dropped, white space collapsed."""
    return " ".join(_XML_INVALID.sub("", str(value)).split())


def _number(value: object, kind: str) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if kind == "integer":
        return str(int(value))  # type: ignore[call-overload]
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        return None
    return f"{number:.8g}"


def _hex(colour: str) -> dict[str, str]:
    colour = colour.lstrip("#")
    return {"r": str(int(colour[0:2], 16)), "g": str(int(colour[2:4], 16)),
            "b": str(int(colour[4:6], 16))}


def _merged_edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The edges of ``graph`` merged per (source, target, relation), in a stable order;
    the weight counts distinct events (or adds up weights where edges list no events)."""
    merged: dict[tuple[Any, Any, str], dict[str, Any]] = {}
    for u, v, data in graph.edges(data=True):
        relation = str(data.get("relation") or "related")
        edge = merged.setdefault((u, v, relation), {
            "source": u, "target": v, "relation": relation, "weight": 0, "dates": set(),
            "undated": False, "articles": set(), "positions": set(), "via": set(),
            "events": set(), "anonymous": 0})
        if data.get("events"):  # the same event can support two edges (quote and role)
            edge["events"].update(data["events"])
        else:
            edge["anonymous"] += data.get("weight", 1) or 0
        edge["weight"] = len(edge["events"]) + edge["anonymous"]
        if data.get("date"):
            edge["dates"].add(str(data["date"]))
        else:
            edge["undated"] = True
        edge["articles"].update(data.get("articles") or ())
        if data.get("position"):
            edge["positions"].add(str(data["position"]))
        if data.get("via"):
            edge["via"].add(str(data["via"]))
    order = {n: i for i, n in enumerate(graph)}
    rank = {r: i for i, r in enumerate(RELATIONS)}
    return [merged[k] for k in sorted(merged, key=lambda k: (order[k[0]], order[k[1]],
                                                             rank.get(k[2], len(rank)), k[2]))]


def gexf_bytes(graph: nx.MultiDiGraph, *, dynamic: bool = True,
               description: str | None = None) -> bytes:
    """The GEXF 1.3 document (UTF-8) of ``graph``, as :mod:`kg.network.gexf` describes.

    Node attributes missing from ``graph`` (measures, ``x``/``y``, ``size``,
    ``color``) are left out or filled in by :func:`kg.network.export.prepare`
    first, which :func:`kg.network.export.export` does. ``dynamic=False``
    writes a static graph even when events are dated.
    """
    from lxml import etree

    edges = _merged_edges(graph)
    first: dict[Any, str | None] = {}
    undated_nodes: set[Any] = set()
    for edge in edges:
        edge["first_date"] = min(edge["dates"]) if edge["dates"] else None
        start = None if edge["undated"] else edge["first_date"]
        edge["start"] = start
        for node in (edge["source"], edge["target"]):
            if start is None:
                undated_nodes.add(node)
            elif first.get(node) is None or start < str(first[node]):
                first[node] = start
    dated = any(edge["dates"] for edge in edges)
    timeline = dynamic and dated

    def sub(parent: Any, tag: str, attrib: dict[str, str] | None = None,
            ns: str = GEXF_NS) -> Any:
        return etree.SubElement(parent, f"{{{ns}}}{tag}", attrib or {})

    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "viz": VIZ_NS},
                         attrib={"version": "1.3"})
    meta = sub(root, "meta")
    sub(meta, "creator").text = f"newskg {__version__}"
    sub(meta, "description").text = _text(description or graph.graph.get("name")
                                          or "newskg actor network")
    graph_attrib = {"defaultedgetype": "directed", "mode": "dynamic" if timeline else "static"}
    if timeline:
        graph_attrib["timeformat"] = "date"
    xml_graph = sub(root, "graph", graph_attrib)

    for cls, declared in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        block = sub(xml_graph, "attributes", {"class": cls, "mode": "static"})
        for name, kind in declared:
            sub(block, "attribute", {"id": name, "title": name, "type": kind})

    nodes = sub(xml_graph, "nodes", {"count": str(len(graph))})
    for node, data in graph.nodes(data=True):
        attrib = {"id": _text(node), "label": _text(data.get("label") or node) or _text(node)}
        if timeline and node not in undated_nodes and first.get(node):
            attrib["start"] = str(first[node])
        element = sub(nodes, "node", attrib)
        values = {
            "actor_type": data.get("type"),
            "iri": data.get("iri", node),
            "same_as": " ".join(data.get("same_as") or ()),
            "alt_labels": SEPARATOR.join(data.get("alt_labels") or ()),
            "mentions": data.get("mentions"),
            "first_date": first.get(node),
            **{name: data.get(name) for name, _ in NODE_ATTRIBUTES[6:]},
        }
        _attvalues(sub, element, NODE_ATTRIBUTES, values)
        colour = data.get("color")
        if colour:
            sub(element, "color", _hex(str(colour)), ns=VIZ_NS)
        if "x" in data and "y" in data:
            x, y = _number(data["x"], "double"), _number(data["y"], "double")
            if x is not None and y is not None:
                sub(element, "position", {"x": x, "y": y, "z": "0"}, ns=VIZ_NS)
        size = _number(data.get("size"), "double")
        if size is not None:
            sub(element, "size", {"value": size}, ns=VIZ_NS)

    xml_edges = sub(xml_graph, "edges", {"count": str(len(edges))})
    colours = _edge_colours()
    for i, edge in enumerate(edges):
        positions = sorted(edge["positions"])
        label = edge["relation"].replace("_", " ")
        if positions:
            label += f" ({', '.join(positions)})"
        attrib = {"id": f"e{i}", "source": _text(edge["source"]), "target": _text(edge["target"]),
                  "kind": edge["relation"], "label": label,
                  "weight": _number(edge["weight"], "double") or "1"}
        if timeline and edge["start"]:
            attrib["start"] = edge["start"]
        element = sub(xml_edges, "edge", attrib)
        _attvalues(sub, element, EDGE_ATTRIBUTES, {
            "relation": edge["relation"],
            "positions": SEPARATOR.join(positions),
            "via": SEPARATOR.join(sorted(edge["via"])),
            "dates": SEPARATOR.join(sorted(edge["dates"])),
            "first_date": edge["first_date"],
            "articles": SEPARATOR.join(sorted(edge["articles"])),
            "events": edge["weight"],
        })
        if edge["relation"] in colours:
            sub(element, "color", _hex(colours[edge["relation"]]), ns=VIZ_NS)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _attvalues(sub: Any, element: Any, declared: tuple[tuple[str, str], ...],
               values: dict[str, object]) -> None:
    holder = None
    for name, kind in declared:
        value = values.get(name)
        if value is None or value == "":
            continue
        text = _text(value) if kind == "string" else _number(value, kind)
        if text is None or text == "":
            continue
        if holder is None:
            holder = sub(element, "attvalues")
        sub(holder, "attvalue", {"for": name, "value": text})


def _edge_colours() -> dict[str, str]:
    from kg.network.draw import EDGE_COLOURS

    return EDGE_COLOURS


def validate(document: bytes | str | Path, schema: str | Path) -> list[str]:
    """The errors of a GEXF ``document`` (bytes, or a file's path) against the RELAX NG
    ``schema`` (the ``gexf.rng`` of GEXF 1.3); an empty list when it is valid."""
    from lxml import etree

    relaxng = etree.RelaxNG(etree.parse(str(schema)))
    tree = (etree.fromstring(document) if isinstance(document, bytes)
            else etree.parse(str(document)).getroot())
    if relaxng.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in relaxng.error_log]


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF 1.3 file back with networkx, as a ``MultiDiGraph`` (edge keys are the
    GEXF edge ids; ``kind`` is not kept by networkx, the ``relation`` attribute is)."""
    import networkx as nx

    graph = nx.read_gexf(str(path), version="1.3")
    multi = nx.MultiDiGraph()
    multi.graph.update(graph.graph)
    multi.add_nodes_from(graph.nodes(data=True))
    if graph.is_multigraph():
        multi.add_edges_from(graph.edges(keys=True, data=True))
    else:
        multi.add_edges_from((u, v, d.get("id"), d) for u, v, d in graph.edges(data=True))
    return multi


def relation_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """How many GEXF edges each relation gives (one per pair of actors and relation).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("a", "b", {"relation": "said", "date": "2022-04-08"}),
    ...                   ("a", "b", {"relation": "said", "date": "2022-04-09"}),
    ...                   ("a", "b", {"relation": "expelled"})])
    [0, 1, 2]
    >>> relation_counts(g)
    {'expelled': 1, 'said': 1}
    """
    counts: dict[str, int] = defaultdict(int)
    for edge in _merged_edges(graph):
        counts[edge["relation"]] += 1
    return dict(sorted(counts.items()))
