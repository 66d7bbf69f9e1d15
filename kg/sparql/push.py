"""Push newskg graphs to a SPARQL server with the Graph Store HTTP Protocol.

Sources keep the layout of :mod:`kg.rdf.graph`: the actors in the default
graph, one named graph per article (named by the article's IRI). They are
TriG or N-Quads files (Turtle, N-Triples and JSON-LD hold only the union of
the graphs and are refused) or one store folder made by ``kg load`` (whose
default graph also holds copies of the article graphs' triples; those
copies are left out, see :mod:`kg.sparql.store`). Files are sent exactly as
written; a store holds literals as pyoxigraph normalised them
(``"0.90"^^xsd:decimal`` as ``"0.9"``, ``xsd:nonNegativeInteger`` as
``xsd:integer``). When several files hold the same article graph, the last
one's wins, as with ``kg load``.

A push sends, over one connection (:class:`~kg.sparql.gsp.GraphStore`):

1. the default graph: ``POST ?default`` (``merge``, the default: actors
   pushed by other runs stay, and RDF's set semantics make it idempotent),
   ``PUT ?default`` (``replace``: the server's default graph becomes this
   one) or nothing (``skip``);
2. each named graph, in IRI order: ``PUT ?graph=IRI``, which replaces it.

Pushing the same sources twice therefore leaves the server's data as it
was, and pushing a re-extracted article replaces its graph alone. Graphs
are sent as N-Triples (valid Turtle too), one request each.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.sparql.errors import PushError, StoreError

if TYPE_CHECKING:
    from pyoxigraph import Quad, Triple

    from kg.sparql.gsp import GraphStore

__all__ = ["DEFAULT_GRAPH_MODES", "Graphs", "PushReport", "Request", "push", "read_graphs",
           "request_count", "requests"]

log = logging.getLogger(__name__)

#: What to do with the default graph: POST it, PUT it, or leave it out.
DEFAULT_GRAPH_MODES = ("merge", "replace", "skip")

#: Extension -> (pyoxigraph format, name) of the syntaxes that keep named graphs.
_QUADS = {".trig": ("TRIG", "TriG"), ".nq": ("N_QUADS", "N-Quads")}
#: Extension -> name of the syntaxes newskg writes with the union of the graphs.
_UNION = {".ttl": "Turtle", ".nt": "N-Triples", ".jsonld": "JSON-LD", ".json": "JSON-LD"}


@dataclass(frozen=True)
class Graphs:
    """What a push sends: the triples of each named graph, and of the default graph."""

    named: Mapping[str, frozenset[Triple]]
    default: frozenset[Triple]

    @property
    def names(self) -> tuple[str, ...]:
        """The named graphs, in IRI order."""
        return tuple(sorted(self.named))


@dataclass(frozen=True)
class Request:
    """One request of a push: ``PUT`` or ``POST`` of ``triples`` triples to ``graph``
    (``None``: the default graph), ``body`` in N-Triples."""

    method: str
    graph: str | None
    triples: int
    body: bytes


@dataclass(frozen=True)
class PushReport:
    """What :func:`push` did (or, for a dry run, would do)."""

    graphs: int
    graph_triples: int
    default_mode: str
    default_triples: int
    seconds: float
    dry_run: bool = False


def _check_syntax(path: Path) -> tuple[str, str]:
    suffix = path.suffix.lower()
    if suffix in _UNION:
        raise StoreError(f"{path}: {_UNION[suffix]} holds no named graphs (only the union of "
                         "every article's graph), so article graphs cannot be pushed from it; "
                         "write .trig or .nq (kg extract ... --output graph.trig) or push a "
                         "store folder made by kg load")
    if suffix not in _QUADS:
        raise StoreError(f"{path}: cannot tell the RDF syntax from the extension "
                         f"{suffix or '(none)'}; push .trig or .nq files or a store folder")
    return _QUADS[suffix]


def _split(quads: Iterable[Quad], source: object) -> tuple[dict[str, set[Triple]], set[Triple]]:
    """``quads`` as the triples of each named graph and those of the default graph."""
    from pyoxigraph import DefaultGraph, NamedNode

    named: dict[str, set[Triple]] = {}
    default: set[Triple] = set()
    for quad in quads:
        graph = quad.graph_name
        if isinstance(graph, NamedNode):
            named.setdefault(graph.value, set()).add(quad.triple)
        elif isinstance(graph, DefaultGraph):
            default.add(quad.triple)
        else:
            raise StoreError(f"{source}: a graph named by a blank node cannot be pushed "
                             "(the protocol names graphs by IRI)")
    return named, default


def _read_file(path: Path) -> tuple[dict[str, set[Triple]], set[Triple]]:
    """The graphs of a TriG or N-Quads file, exactly as written (pyoxigraph's parser;
    its store would normalise literals such as ``"0.90"^^xsd:decimal``)."""
    from pyoxigraph import RdfFormat, parse

    fmt, name = _check_syntax(path)
    try:
        return _split(parse(path=str(path), format=getattr(RdfFormat, fmt)), path)
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {name}: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc}") from exc


def _read_store(folder: Path) -> Graphs:
    """A store folder's graphs; its default graph without the copies of article graphs."""
    from kg.sparql.store import open_store

    store = open_store(folder)
    try:
        named, default = _split(store, folder)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot read the store: {exc}") from exc
    copies = set().union(*named.values())
    return Graphs({k: frozenset(v) for k, v in named.items()}, frozenset(default - copies))


def read_graphs(sources: Sequence[str | os.PathLike[str]]) -> Graphs:
    """The graphs of ``sources``: TriG or N-Quads files, or one store folder.

    A named graph in several files is taken from the last; the default
    graphs are merged. Raises :class:`StoreError` for another syntax, a
    file that cannot be read or parsed, or a store folder given with other
    sources.
    """
    if not sources:
        raise StoreError("no source: give .trig or .nq files or a store folder")
    paths = [Path(s) for s in sources]
    folders = [p for p in paths if p.is_dir()]
    if folders:
        if len(paths) > 1:
            raise StoreError("a store folder is pushed on its own: load the files into it "
                             "with kg load, or push the files without the folder")
        return _read_store(folders[0])
    for path in paths:
        if not path.is_file():
            raise StoreError(f"{path}: no such file")
        _check_syntax(path)
    named: dict[str, frozenset[Triple]] = {}
    default: set[Triple] = set()
    for path in paths:
        file_named, file_default = _read_file(path)
        named.update((k, frozenset(v)) for k, v in file_named.items())
        default |= file_default
        log.info("read %s: %d named graphs", path, len(file_named))
    return Graphs(named, frozenset(default))


def _encode(triples: Iterable[Triple]) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    body = serialize(triples, format=RdfFormat.N_TRIPLES)
    assert body is not None
    return body


def _has_blank_nodes(triples: Iterable[Triple]) -> bool:
    from pyoxigraph import BlankNode

    return any(isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode)
               for t in triples)


def request_count(graphs: Graphs, default_mode: str = "merge") -> int:
    """How many requests :func:`requests` makes."""
    if default_mode not in DEFAULT_GRAPH_MODES:
        raise PushError(f"unknown default-graph mode {default_mode!r}; one of "
                        f"{', '.join(DEFAULT_GRAPH_MODES)}")
    default = default_mode == "replace" or (default_mode == "merge" and bool(graphs.default))
    return len(graphs.names) + int(default)


def requests(graphs: Graphs, default_mode: str = "merge") -> Iterator[Request]:
    """The requests of a push, built one at a time: the default graph first (by
    ``default_mode``; an empty one is merged by no request), then a ``PUT`` per
    named graph."""
    request_count(graphs, default_mode)
    if default_mode == "replace" or (default_mode == "merge" and graphs.default):
        if default_mode == "merge" and _has_blank_nodes(graphs.default):
            log.warning("the default graph holds blank nodes: merging it again adds copies "
                        "of them (use --default-graph replace to keep pushes idempotent)")
        method = "PUT" if default_mode == "replace" else "POST"
        yield Request(method, None, len(graphs.default), _encode(graphs.default))
    for name in graphs.names:
        triples = graphs.named[name]
        yield Request("PUT", name, len(triples), _encode(triples))


def push(graphs: Graphs, client: GraphStore | None, *, default_mode: str = "merge",
         on_request: Callable[[Request], None] | None = None) -> PushReport:
    """Send :func:`requests` to ``client`` (``None``: a dry run that sends nothing).

    ``on_request`` is called after each request. A failure raises
    :class:`PushError` saying how many requests were done before it (pushing
    again is safe).
    """
    start = time.monotonic()
    total = request_count(graphs, default_mode)
    graph_triples = default_triples = 0
    for done, request in enumerate(requests(graphs, default_mode)):
        if client is not None:
            try:
                client.send(request.method, request.graph, request.body)
            except PushError as exc:
                if not done:
                    raise
                raise PushError(f"{exc} [{done} of {total} requests were done before; "
                                "pushing again is safe]") from exc
        if request.graph is None:
            default_triples = request.triples
        else:
            graph_triples += request.triples
        if on_request is not None:
            on_request(request)
    return PushReport(graphs=len(graphs.names), graph_triples=graph_triples,
                      default_mode=default_mode, default_triples=default_triples,
                      seconds=time.monotonic() - start, dry_run=client is None)
