"""Run SPARQL over a store: named questions, parameters as bindings, a time limit.

A query that declares its parameters (``# param NAME: ...`` lines at its
top, as every named question does) gets each binding that is a column of
its result as an inline ``VALUES ?NAME { term }`` block placed first in its
outermost group (the WHERE clause), so that the engine starts from the
bound value instead of filtering a complete answer, and each other one
written as a constant in place of its variable (see :func:`bind`). The term
is made by pyoxigraph (``NamedNode`` validates an IRI, ``Literal`` escapes
text) and written by its serializer, as Jena's ``ParameterizedSparqlString``
writes its terms, so a value is always exactly one RDF term: it cannot close
the block or the group, and the query text around it is fixed. Only
declared parameters can be bound, and a parameter declared ``(required)``
must be. Any other query gets its bindings as pyoxigraph ``substitutions``
(SEP-0007), which fix the variable everywhere but do not start the search.
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
from kg.sparql.safety import QUERY_FORMS, Policy, check, spans

if TYPE_CHECKING:
    from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

    Term = NamedNode | BlankNode | Literal | Triple

__all__ = ["DEFAULT_TIMEOUT", "NamedQuery", "bind", "execute", "named_queries", "named_query",
           "parse_param", "parse_value"]

#: Seconds a query may run by default.
DEFAULT_TIMEOUT = 30.0

_HEADER = re.compile(r"^#\s*(?P<key>[\w-]+)(?:\s+(?P<arg>[\w-]+))?\s*:\s*(?P<text>.*)$")
#: How a parameter's description starts when the question cannot run without it.
REQUIRED = "(required)"
#: How it starts (after any ``(required)``) when its value must be a day, YYYY-MM-DD.
DAY = "(day)"


@dataclass(frozen=True)
class NamedQuery:
    """A named question shipped with newskg (``kg/sparql/queries/<name>.rq``).

    ``params`` maps each parameter (a variable of the query that may be
    bound) to what it means; ``required`` names those that must be bound
    (their description starts with ``(required)``), ``days`` those whose
    value must be a day (``(day)``, after any ``(required)``).
    """

    name: str
    title: str
    params: tuple[tuple[str, str], ...]
    text: str
    required: tuple[str, ...] = ()
    days: tuple[str, ...] = ()


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
    required = tuple(n for n, text in params if text.startswith(REQUIRED))
    days = tuple(n for n, text in params if text.removeprefix(REQUIRED).lstrip().startswith(DAY))
    return NamedQuery(name, title, tuple(params), text, required, days)


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


def _value_term(name: str, value: object) -> NamedNode | Literal:
    """The IRI or literal a parameter is bound to (``VALUES`` holds no blank node)."""
    from pyoxigraph import Literal, NamedNode

    term = parse_value(value) if isinstance(value, str) else (
        value if isinstance(value, NamedNode | Literal) else _literal(value))
    if not isinstance(term, NamedNode | Literal):
        raise QueryError(f"?{name} can only be bound to an IRI or a literal, not {value!r}")
    return term


def _layout(query: str) -> tuple[int, frozenset[str] | None]:
    """Where the query's outermost group (its WHERE clause) opens, as the offset just
    after its ``{``, and the variables of its SELECT clause (``None``: every variable,
    for ``SELECT *`` and the other forms); :class:`QueryError` if it has no group."""
    tokens = list(spans(query))
    form = next((i for i, (kind, text, _) in enumerate(tokens)
                 if kind == "word" and text.upper() in QUERY_FORMS), None)
    if form is None:
        raise QueryError("parameters can only be bound in a query (SELECT, ASK, CONSTRUCT, "
                         "DESCRIBE)")
    rest = tokens[form + 1:]
    if tokens[form][1].upper() == "CONSTRUCT":
        if rest and rest[0][1].upper() == "WHERE":
            raise QueryError("parameters cannot be bound in the short form CONSTRUCT WHERE "
                             "{ ... }: write CONSTRUCT { template } WHERE { pattern }")
        braces = 0
        for index, (_, text, _) in enumerate(rest):
            braces += {"{": 1, "}": -1}.get(text, 0)
            if braces == 0 and text == "}":
                rest = rest[index + 1:]
                break
    columns: set[str] | None = set() if tokens[form][1].upper() == "SELECT" else None
    depth = 0  # of parentheses: a '{' inside them opens an expression's EXISTS
    previous = ""
    for kind, text, after in rest:
        if kind == "other" and text in "()":
            depth += 1 if text == "(" else -1
        elif kind == "other" and text == "{" and depth == 0:
            return after, None if columns is None else frozenset(columns)
        elif columns is not None and kind == "other" and text == "*" and depth == 0:
            columns = None
        elif columns is not None and kind == "var" and (depth == 0 or previous == "AS"):
            columns.add(text[1:])
        previous = text.upper()
    raise QueryError("the query has no WHERE clause to bind parameters in")


def _in_place(query: str, terms: Mapping[str, str]) -> str:
    """``query`` with each variable named in ``terms`` replaced by its term."""
    out, pos = [], 0
    for kind, text, after in spans(query):
        if kind == "var" and text[1:] in terms:
            out += [query[pos:after - len(text)], terms[text[1:]]]
            pos = after
    return "".join(out) + query[pos:]


def bind(query: str, params: Mapping[str, object]) -> str:
    """``query`` with ``params`` bound: a column as a ``VALUES`` block first in its
    outermost group, any other parameter written in place of its variable.

    ``query`` declares its parameters (``# param NAME: ...``); binding an
    undeclared one, or leaving out a ``(required)`` one, is a
    :class:`QueryError`. A parameter the query returns (a variable of its
    SELECT clause) is bound with ``VALUES``, which keeps it in the results;
    one it only uses (in a FILTER, say) is written where its variable is,
    as Jena's ``ParameterizedSparqlString`` does, so that the engine sees a
    constant. Either way each value becomes a pyoxigraph term (see
    :func:`parse_value`) written by pyoxigraph's serializer: one IRI or
    literal, whatever characters the value holds. The ``# param`` lines are
    left out of the bound query, which declares nothing more.

    >>> print(bind("# param who: a label\\n# param since: a day\\n"
    ...            "SELECT ?who WHERE { ?x rdfs:label ?who ; kg:date ?d FILTER(?d >= ?since) }",
    ...            {"who": 'x" } DROP ALL', "since": "2022-04-08"}))  # doctest: +ELLIPSIS
    SELECT ?who WHERE { VALUES ?who { "x\\" } DROP ALL" } ?x ... FILTER(?d >= "2022-04-08"^^<...#date>) }
    """
    declared = _parse_named("", query)
    names = [name for name, _ in declared.params]
    for name in params:
        if name not in names:
            raise QueryError(f"the query has no parameter ?{name}; its parameters: "
                             + (", ".join(f"?{n}" for n in names) or "none"))
    missing = [name for name in declared.required if name not in params]
    if missing:
        about = dict(declared.params)
        raise QueryError("the question needs " + "; ".join(
            f"--param {name}=... ({about[name][len(REQUIRED):].strip()})" for name in missing))
    for name in declared.days:
        if name in params:
            _check_day(name, params[name])
    query = _undeclared(query)
    if not params:
        return query
    start, columns = _layout(query)
    terms = {name: str(_value_term(name, params[name])) for name in names if name in params}
    blocks = "".join(f" VALUES ?{name} {{ {term} }}" for name, term in terms.items()
                     if columns is None or name in columns)
    return _in_place(query[:start] + blocks + query[start:],
                     {n: t for n, t in terms.items() if columns is not None and n not in columns})


def _check_day(name: str, value: object) -> None:
    """:class:`QueryError` unless ``value`` is a day (a real one) written YYYY-MM-DD."""
    import datetime

    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    try:
        ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and bool(
            datetime.date.fromisoformat(text))
    except ValueError:
        ok = False
    if not ok:
        raise QueryError(f"?{name} must be a day written YYYY-MM-DD, e.g. 2022-04-08; "
                         f"got {text!r}")


def _undeclared(query: str) -> str:
    """``query`` without its ``# param`` lines: once bound, it declares nothing more."""
    lines = query.splitlines(keepends=True)
    head = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    kept = [line for line in lines[:head] if not ((m := _HEADER.match(line.rstrip("\n")))
                                                  and m["key"] == "param")]
    return "".join(kept + lines[head:])


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
    graph holds all the data (see :mod:`kg.sparql.store`); ``params`` become bindings:
    ``VALUES`` blocks if the query declares its parameters (:func:`bind`),
    SEP-0007 substitutions otherwise. A
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
    declares = bool(_parse_named("", query).params)
    if declares:  # the bound query is checked again: a value cannot add a keyword
        query = bind(query, params or {})
        check(query, policy)
    subs = {} if declares else _substitutions(params or {}, checked.variables)
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
