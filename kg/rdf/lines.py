"""N-Triples and N-Quads written article by article, never the whole graph at once.

The line formats are the ones a corpus-scale run writes: each article's
graph is serialised on its own (its lines sorted, so the output is
byte-identical for identical input) and appended, and the actors' default
graph comes first. Serialisation is pyoxigraph's, which also checks every
IRI. In N-Triples (one graph) a triple several articles share, such as an
actor-to-actor shortcut or a role, is written once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.rdf.graph import Triple, actor_triples, article_triples
from kg.rdf.iri import article_iri, event_prefix
from kg.records import Actor, Extraction

if TYPE_CHECKING:
    from kg.resolve import ActorTable

__all__ = ["LINE_FORMATS", "LineWriter"]

#: The formats :class:`LineWriter` writes.
LINE_FORMATS = ("nt", "nquads")


@functools.lru_cache(maxsize=4096)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _iri(term: URIRef) -> ox.NamedNode:
    """``term`` as a pyoxigraph node; the recent ones (predicates, classes, the actors
    of the last articles) are kept, so memory stays flat however many articles pass."""
    return _named(str(term))


def _term(term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_iri(term.datatype))
        return ox.Literal(str(term))
    return _iri(term)


class LineWriter:
    """Writes graphs to ``stream`` as N-Triples (``nt``) or N-Quads (``nquads``)."""

    def __init__(self, stream: BinaryIO, fmt: str) -> None:
        if fmt not in LINE_FORMATS:
            raise ValueError(f"LineWriter writes {' or '.join(LINE_FORMATS)}, not {fmt!r}")
        self.stream = stream
        self.quads = fmt == "nquads"
        self.triples = 0
        self._shared: set[bytes] = set()

    def write(self, triples: Iterable[Triple], *, article: str | None = None) -> None:
        """Append ``triples``: the graph of article ``article`` (its id), else the default graph.

        In N-Triples an article's own triples (about the article and its
        events) are written as they are, the rest only the first time.
        """
        graph = None if article is None else article_iri(article)
        terms = [(_iri(s), _iri(p), _term(o)) for s, p, o in triples]
        if self.quads:
            name = ox.NamedNode(str(graph)) if graph is not None else ox.DefaultGraph()
            data = ox.serialize([ox.Quad(s, p, o, name) for s, p, o in terms],
                                format=ox.RdfFormat.N_QUADS)
        else:
            data = ox.serialize([ox.Triple(s, p, o) for s, p, o in terms],
                                format=ox.RdfFormat.N_TRIPLES)
        assert data is not None
        lines = sorted(set(data.splitlines()))
        if not self.quads and article is not None:
            own = (f"<{graph}>".encode(), f"<{event_prefix(article)}".encode())
            lines = [line for line in lines if line.startswith(own) or self._first(line)]
        self.triples += len(lines)
        self.stream.write(b"".join(line + b"\n" for line in lines))

    def write_actors(self, actors: Iterable[Actor]) -> None:
        """Append the descriptions of ``actors`` to the default graph."""
        self.write(t for actor in actors for t in actor_triples(actor))

    def write_article(self, extraction: Extraction, table: ActorTable) -> int:
        """Append one article: the actors only it describes, then its graph; how many
        actors it describes."""
        resolution = table.resolution(extraction)
        self.write_actors(resolution.actors)
        self.write(article_triples(extraction, resolution), article=extraction.article.id)
        return len(resolution.actors)

    def _first(self, line: bytes) -> bool:
        if line in self._shared:
            return False
        self._shared.add(line)
        return True
