"""The actor network of a newskg graph: projection, measures, export and pictures.

A newskg graph (RDF) holds events; the actor network keeps only who acts on
whom. :func:`kg.network.project.project` turns a graph into a
``networkx.MultiDiGraph`` whose nodes are actors (keyed by IRI) and whose
edges are the relations between them:

- ``expelled``: expeller → expelled;
- ``suspended_from``: member → body;
- ``voted``: voter → the actor (or body) the motion concerned, with the position;
- ``said``: speaker → each actor the quotation names, and speaker → the
  organisation they speak for (from their roles).

Each edge stands for the events of one relation between two actors on one
day, with ``weight`` (how many events), ``date``, ``articles`` and ``events``.

The modules:

- :mod:`kg.network.project`: RDF → networkx (``project``, ``load_source``);
- :mod:`kg.network.measures`: one function per measure (degrees, betweenness,
  PageRank, Louvain communities, components) and ``ranking`` for the table;
- :mod:`kg.network.gexf`: GEXF 1.3 for Gephi and Gephi Lite (parallel edges
  kept apart by ``kind``, a timeline from the event dates);
- :mod:`kg.network.export`: GEXF, GraphML, node-link JSON, PNG and SVG;
- :mod:`kg.network.draw`: the seeded layout and the picture.

This package imports nothing heavy itself (networkx, pyoxigraph and
matplotlib load in the submodules that need them), so ``kg --help`` stays fast.
"""

from __future__ import annotations

__all__ = ["RELATIONS"]

#: The relations of the actor network, in the order tables and legends list them.
RELATIONS: tuple[str, ...] = ("expelled", "suspended_from", "voted", "said")
