"""Where queries run: pyoxigraph stores, in memory for files or on disk for folders.

Layout, whatever the input syntax: the actors in the default graph and one
named graph per article (named by the article's IRI) holding the article,
its mentions, events and roles. TriG and N-Quads already have it; in
Turtle, N-Triples and JSON-LD (which hold the union) the article's own
triples and those of its events (``…/id/event/<article>/…``) go back to the
article's graph and everything else to the default graph.

The triples of every article graph are also copied into the default graph,
so queries see all the data in their default graph while ``GRAPH ?g`` still
reaches each article's graph. pyoxigraph's union-of-graphs mode
(``use_default_graph_as_union``) would spare the copies but is a bag, not an
RDF merge: a triple stated in several article graphs (a person's role) is
matched once per graph, so answers repeat and joins multiply (on the
benchmark's 1M quads, 427 role assertions matched 27,030 times and
``actor-roles`` ran for over ten minutes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.sparql.errors import StoreError

if TYPE_CHECKING:
    from pyoxigraph import NamedNode, Quad, RdfFormat, Store

__all__ = ["RDF_EXTENSIONS", "LoadReport", "is_store", "load", "open_sources", "open_store"]

log = logging.getLogger(__name__)

_ID = "https://w3id.org/newskg/id/"
_ARTICLE = _ID + "article/"
_EVENT = _ID + "event/"

#: File extension -> pyoxigraph format name, for every syntax newskg writes.
RDF_EXTENSIONS: dict[str, str] = {
    ".ttl": "TURTLE", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD", ".json": "JSON_LD",
    ".trig": "TRIG", ".nq": "N_QUADS",
}


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load` did: files read, article graphs (re)written, quads in the store."""

    files: int
    articles: int
    quads: int


def _format(path: Path) -> RdfFormat:
    """The syntax of ``path``; RDF/XML and unknown extensions are refused
    (:func:`kg.rdf.read.rdf_format`: no XML parser ever sees a user's file)."""
    from kg.errors import InputError
    from kg.rdf.read import oxigraph_format, rdf_format

    try:
        return oxigraph_format(rdf_format(path))
    except InputError as exc:
        raise StoreError(str(exc)) from exc


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder holding a store made by :func:`load`."""
    folder = Path(path)
    return folder.is_dir() and (folder / "CURRENT").is_file()


def open_store(path: str | os.PathLike[str], *, writable: bool = False) -> Store:
    """The on-disk store in the folder ``path`` (read-only unless ``writable``)."""
    from pyoxigraph import Store

    folder = Path(path)
    if not is_store(folder):
        raise StoreError(f"{folder}: not a newskg store; create one with "
                         f"'kg load GRAPH... --store {folder}'")
    try:
        return Store(str(folder)) if writable else Store.read_only(str(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open the store: {exc}") from exc


def _article_of(iri: str) -> str | None:
    """The article graph a subject belongs to in a union graph, or ``None`` (default graph)."""
    if iri.startswith(_ARTICLE):
        return iri
    if iri.startswith(_EVENT):
        rest = iri[len(_EVENT):]
        if "/" in rest:
            return _ARTICLE + rest.rsplit("/", 1)[0]
    return None


def _quads(path: Path, fmt: RdfFormat) -> Iterator[Quad]:
    """The quads of ``path``, triples of a union syntax put back in their article's graph."""
    from pyoxigraph import DefaultGraph, NamedNode, Quad, parse

    graphs: dict[str, NamedNode] = {}
    for quad in parse(path=str(path), format=fmt):
        if isinstance(quad.graph_name, DefaultGraph) and isinstance(quad.subject, NamedNode):
            article = _article_of(quad.subject.value)
            if article is not None:
                graph = graphs.get(article)
                if graph is None:
                    graph = graphs[article] = NamedNode(article)
                yield Quad(quad.subject, quad.predicate, quad.object, graph)
                continue
        yield quad


def _graph_names(path: Path, fmt: RdfFormat) -> set[str]:
    from pyoxigraph import NamedNode

    return {quad.graph_name.value for quad in _quads(path, fmt)
            if isinstance(quad.graph_name, NamedNode)}


def _mirrored(quads: Iterator[Quad]) -> Iterator[Quad]:
    """Each quad, and a copy in the default graph of each quad of a named graph."""
    from pyoxigraph import DefaultGraph, Quad

    default = DefaultGraph()
    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, DefaultGraph):
            yield Quad(quad.subject, quad.predicate, quad.object, default)


def _drop_graph(store: Store, graph: NamedNode) -> None:
    """Remove an article graph and its copies in the default graph (unless another
    article graph still holds the same triple)."""
    from pyoxigraph import DefaultGraph, Quad

    triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
    store.remove_graph(graph)
    default = DefaultGraph()
    for triple in triples:
        elsewhere = any(not isinstance(q.graph_name, DefaultGraph) for q in
                        store.quads_for_pattern(triple.subject, triple.predicate, triple.object))
        if not elsewhere:
            store.remove(Quad(triple.subject, triple.predicate, triple.object, default))


def _read(store: Store, paths: Sequence[Path], *, replace: bool) -> int:
    """Add the graphs of ``paths`` to ``store``, with every article graph's triples also
    in the default graph (so queries run on one graph, the fast way); with ``replace``,
    article graphs already there are removed first (loading the same article again
    changes nothing)."""
    from pyoxigraph import NamedNode

    articles: set[str] = set()
    for path in paths:
        fmt = _format(path)
        try:
            if replace:
                names = _graph_names(path, fmt)
                for name in sorted(names):
                    node = NamedNode(name)
                    if store.contains_named_graph(node):
                        _drop_graph(store, node)
                articles |= names
            store.bulk_extend(_mirrored(_quads(path, fmt)))
        except SyntaxError as exc:
            raise StoreError(f"{path}: not valid {fmt.name}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{path}: cannot read: {exc}") from exc
        log.info("loaded %s", path)
    return len(articles)


def _paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files ``paths`` names, a folder's RDF files (such as the shards of
    ``kg extract --output DIR/``) in name order in its place."""
    out: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = sorted(p for p in given.iterdir() if p.suffix in RDF_EXTENSIONS)
            if not found:
                raise StoreError(f"{given}: a folder with no RDF file "
                                 f"({', '.join(RDF_EXTENSIONS)})")
            out += found
        else:
            out.append(given)
    for path in out:
        if not path.is_file():
            raise StoreError(f"{path}: no such file")
        _format(path)
    return out


def open_sources(sources: Sequence[str | os.PathLike[str]], *, writable: bool = False) -> Store:
    """A store over ``sources``: RDF files (read into memory) or one store folder."""
    from pyoxigraph import Store

    if not sources:
        raise StoreError("no source: give RDF files or a store folder")
    folders = [s for s in sources if Path(s).is_dir()]
    if folders:
        if len(sources) > 1:
            raise StoreError("a store folder is queried on its own: load the files into it "
                             "with 'kg load' or query the files without the folder")
        return open_store(folders[0], writable=writable)
    store = Store()
    _read(store, _paths(sources), replace=False)
    return store


def load(graphs: Sequence[str | os.PathLike[str]], store_dir: str | os.PathLike[str]) -> LoadReport:
    """Load the RDF files ``graphs`` into the on-disk store ``store_dir`` (created if needed).

    Idempotent: an article's graph is replaced as a whole, so loading the same
    article again changes nothing; actors (default graph) are merged.
    """
    from pyoxigraph import Store

    paths = _paths(graphs)
    folder = Path(store_dir)
    if folder.exists() and not is_store(folder) and any(folder.iterdir()):
        raise StoreError(f"{folder}: exists and is not a newskg store; choose an empty or "
                         "new folder")
    try:
        store = Store(str(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open the store: {exc}") from exc
    articles = _read(store, paths, replace=True)
    store.flush()
    store.optimize()
    return LoadReport(files=len(paths), articles=articles, quads=len(store))


def named_node(iri: str) -> NamedNode:
    """A pyoxigraph IRI (kept here so callers need not import pyoxigraph)."""
    from pyoxigraph import NamedNode

    return NamedNode(iri)
