"""Run SPARQL over a store: named questions, parameters as bindings, a time limit.

Parameters are passed to the engine as bindings (pyoxigraph
``substitutions``, SEP-0007): ``params={"speaker": "Kenneth Roth"}`` fixes
``?speaker`` to that literal everywhere in the query; the query text is never
edited.
"""

from __future__ import annotations

import re
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from kg.sparql.errors import QueryError, QueryTimeoutError
from kg.sparql.results import PREFIXES, Result
from kg.sparql.safety import Policy, check

if TYPE_CHECKING:
    from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

    Term = NamedNode | BlankNode | Literal | Triple

__all__ = ["DEFAULT_TIMEOUT", "NamedQuery", "execute", "named_queries", "named_query",
           "parse_param", "parse_value"]

#: Seconds a query may run by default.
DEFAULT_TIMEOUT = 30.0

_HEADER = re.compile(r"^#\s*(?P<key>[\w-]+)(?:\s+(?P<arg>[\w-]+))?\s*:\s*(?P<text>.*)$")


@dataclass(frozen=True)
class NamedQuery:
    """A named question shipped with newskg (``kg/sparql/queries/<name>.rq``).

    ``params`` maps each parameter (a variable of the query that may be
    bound) to what it means.
    """

    name: str
    title: str
    params: tuple[tuple[str, str], ...]
    text: str


def _parse_named(name: str, text: str) -> NamedQuery:
    title = ""
    params: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match is None:
            continue
        if match["key"] == "title":
            title = match["text"].strip()
        elif match["key"] == "param" and match["arg"]:
            params.append((match["arg"], match["text"].strip()))
    return NamedQuery(name, title, tuple(params), text)


def named_queries() -> dict[str, NamedQuery]:
    """Every named question, by name, in name order."""
    folder = resources.files("kg.sparql") / "queries"
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = _parse_named(name, entry.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def named_query(name: str) -> NamedQuery:
    """The named question ``name``; :class:`QueryError` lists the others if unknown."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named question {name!r}; known: {', '.join(queries)} "
                         "(kg query --list describes them)")
    return queries[name]


def parse_value(text: str) -> Term:
    """An RDF term for a parameter value written on the command line.

    ``<IRI>`` is an IRI; ``"text"@lang`` and ``"text"^^<datatype>`` (or
    ``^^xsd:type``) are literals as in N-Triples; an integer is an
    ``xsd:integer``, ``YYYY-MM-DD`` an ``xsd:date``; anything else is a
    plain string (``xsd:string``), which is what actors' labels are.
    """
    from pyoxigraph import Literal, NamedNode, RdfFormat, parse

    xsd = PREFIXES["xsd"]
    if text.startswith("<") and text.endswith(">"):
        try:
            return NamedNode(text[1:-1])
        except ValueError as exc:
            raise QueryError(f"invalid IRI {text}: {exc}") from exc
    if text.startswith('"'):
        written = re.sub(r"\^\^xsd:(\w+)$", lambda m: f"^^<{xsd}{m[1]}>", text)
        try:
            quads = list(parse(f"<urn:s> <urn:p> {written} .", format=RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            raise QueryError(f"invalid literal {text}: {exc}") from exc
        obj = quads[0].object
        assert isinstance(obj, Literal)
        return obj
    if re.fullmatch(r"-?\d+", text):
        return Literal(text, datatype=NamedNode(xsd + "integer"))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=NamedNode(xsd + "date"))
    return Literal(text)


def parse_param(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` (as given to ``--param``) split in two."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise QueryError(f"bad parameter {text!r}: write NAME=VALUE, e.g. speaker='Kenneth Roth'")
    return name, value


def _substitutions(params: Mapping[str, object], variables: frozenset[str]) -> dict[object, Term]:
    from pyoxigraph import BlankNode, Literal, NamedNode, Triple, Variable

    subs: dict[object, Term] = {}
    for name, value in params.items():
        if name not in variables:
            raise QueryError(f"the query has no variable ?{name} to bind; its variables: "
                             + (", ".join(f"?{v}" for v in sorted(variables)) or "none"))
        term = value if isinstance(value, NamedNode | BlankNode | Literal | Triple) else (
            parse_value(value) if isinstance(value, str) else _literal(value))
        subs[Variable(name)] = term
    return subs


def _literal(value: object) -> Literal:
    from pyoxigraph import Literal

    if isinstance(value, bool | int | float):
        return Literal(value)
    return Literal(str(value))


def execute(store: Store, query: str, *, params: Mapping[str, object] | None = None,
            timeout: float | None = DEFAULT_TIMEOUT, policy: Policy | None = None,
            default_graph: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> Result:
    """Run ``query`` on ``store`` and return its :class:`Result`.

    The query is checked first (:func:`kg.sparql.safety.check`); the default
    graph holds all the data (see :mod:`kg.sparql.store`); ``params`` become bindings. A
    query still running after ``timeout`` seconds is abandoned and
    :class:`QueryTimeoutError` raised (``None``: no limit). ``default_graph``
    and ``named_graphs`` (IRIs of graphs in the store, as the protocol's
    ``default-graph-uri`` and ``named-graph-uri``) restrict the dataset.
    """
    from pyoxigraph import (
        NamedNode,
        QueryBoolean,
        QueryResultsFormat,
        QuerySolutions,
        RdfFormat,
    )

    checked = check(query, policy)
    if checked.form == "UPDATE":
        if params:
            raise QueryError("parameters cannot be bound in an update")

        def apply() -> Result:
            store.update(query, prefixes=PREFIXES)
            return Result("UPDATE", (), b"")

        return _in_worker(apply, timeout)
    subs = _substitutions(params or {}, checked.variables)
    try:
        default = [NamedNode(iri) for iri in default_graph]
        named: list[NamedNode | BlankNode] = [NamedNode(iri) for iri in named_graphs]
    except ValueError as exc:
        raise QueryError(f"invalid graph IRI: {exc}") from exc

    def work() -> Result:
        answer = store.query(query, prefixes=PREFIXES, substitutions=subs or None,  # type: ignore[arg-type]
                             default_graph=default or None,  # type: ignore[arg-type]
                             named_graphs=named or None)
        if isinstance(answer, QueryBoolean):
            out = answer.serialize(format=QueryResultsFormat.JSON)
            assert out is not None
            return Result("ASK", (), out)
        if isinstance(answer, QuerySolutions):
            names = tuple(v.value for v in answer.variables)
            out = answer.serialize(format=QueryResultsFormat.JSON)
            assert out is not None
            return Result("SELECT", names, out)
        out = answer.serialize(format=RdfFormat.N_TRIPLES)
        assert out is not None
        return Result(checked.form if checked.form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT",
                      (), out)

    return _in_worker(work, timeout)


def _in_worker(work: Callable[[], Result], timeout: float | None) -> Result:
    """Call ``work`` in a daemon thread (pyoxigraph releases the GIL while it
    evaluates), waiting at most ``timeout`` seconds for it."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            # Engine objects must be dropped in the thread that made them.
            traceback.clear_frames(exc.__traceback__)
            box["error"] = exc

    worker = threading.Thread(target=target, name="kg-sparql-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(f"the query ran past its time limit of {timeout:g} s and was "
                                "abandoned; simplify it, add a LIMIT, or raise --timeout")
    error = box.get("error")
    if isinstance(error, SyntaxError):
        raise QueryError(f"invalid SPARQL: {error}") from error
    if isinstance(error, RuntimeError | ValueError):
        raise QueryError(f"the query cannot run: {error}") from error
    if isinstance(error, OSError):
        raise QueryError(f"the query failed: {error}") from error
    if isinstance(error, BaseException):
        raise error
    result = box["result"]
    assert isinstance(result, Result)
    return result
