"""Query results: rows as dicts of Python values, and every output format.

A :class:`Result` keeps what the engine returned in one serialisation
(SPARQL 1.1 JSON results for SELECT and ASK, N-Triples for CONSTRUCT and
DESCRIBE) and converts it on demand with pyoxigraph's own writers.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from kg.sparql.errors import QueryError

if TYPE_CHECKING:
    from pyoxigraph import BlankNode, Literal, NamedNode, Triple

    Term = NamedNode | BlankNode | Literal | Triple

__all__ = ["GRAPH_FORMATS", "PREFIXES", "RESULT_FORMATS", "Result", "python_value"]

#: Formats of SELECT and ASK results.
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
#: Formats of CONSTRUCT and DESCRIBE results (the RDF syntaxes newskg writes).
GRAPH_FORMATS = ("turtle", "nt", "json-ld", "trig", "nquads")

#: Prefixes known to every query and used to shorten IRIs in tables and Turtle.
PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/newskg/ontology#",
    "id": "https://w3id.org/newskg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}

_XSD = PREFIXES["xsd"]
_INTEGERS = {_XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "int",
                                "long", "short", "negativeInteger", "nonPositiveInteger",
                                "unsignedInt", "unsignedLong")}
#: Widest cell of a terminal table before it is cut with an ellipsis.
MAX_CELL = 60


def python_value(term: Term | None) -> object:
    """A plain Python value for an RDF term: IRIs as ``str``, typed literals as
    ``int``, ``Decimal``, ``float``, ``bool`` or ``datetime.date``, others as ``str``."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        kind, text = term.datatype.value, term.value
        try:
            if kind in _INTEGERS:
                return int(text)
            if kind == _XSD + "decimal":
                return decimal.Decimal(text)
            if kind in (_XSD + "double", _XSD + "float"):
                return float(text)
            if kind == _XSD + "boolean":
                return text in ("true", "1")
            if kind == _XSD + "date":
                return datetime.date.fromisoformat(text)
        except ValueError:
            return text
        return text
    return str(term)


def _cell(term: Term | None) -> str:
    from pyoxigraph import BlankNode, Literal, NamedNode

    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    text = " ".join(term.value.split()) if isinstance(term, Literal) else str(term)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


@dataclass(frozen=True)
class Result:
    """The answer to one query.

    ``form`` is ``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or ``UPDATE``;
    ``variables`` the projected variables of a SELECT. Iterating gives the rows
    of a SELECT as dicts of plain Python values (:func:`python_value`, ``None``
    where unbound); :attr:`terms` gives the same rows as pyoxigraph terms,
    :attr:`boolean` the answer of an ASK, :attr:`triples` the graph of a
    CONSTRUCT or DESCRIBE, and :meth:`serialize` any output format.
    """

    form: str
    variables: tuple[str, ...]
    payload: bytes

    @property
    def is_graph(self) -> bool:
        """Whether the result is an RDF graph (CONSTRUCT, DESCRIBE)."""
        return self.form in ("CONSTRUCT", "DESCRIBE")

    @cached_property
    def terms(self) -> list[dict[str, Term | None]]:
        """The rows of a SELECT as dicts of pyoxigraph terms (``None`` where unbound)."""
        from pyoxigraph import QueryResultsFormat, QuerySolutions, parse_query_results

        if self.form != "SELECT":
            return []
        parsed = parse_query_results(self.payload, format=QueryResultsFormat.JSON)
        assert isinstance(parsed, QuerySolutions)
        return [{name: solution[name] for name in self.variables} for solution in parsed]

    @cached_property
    def rows(self) -> list[dict[str, object]]:
        """The rows of a SELECT as dicts of plain Python values."""
        return [{k: python_value(v) for k, v in row.items()} for row in self.terms]

    def __iter__(self) -> Iterator[dict[str, object]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.triples) if self.is_graph else len(self.terms)

    @property
    def boolean(self) -> bool | None:
        """The answer of an ASK query (``None`` for the other forms)."""
        if self.form != "ASK":
            return None
        return b'"boolean":true' in self.payload.replace(b" ", b"")

    @cached_property
    def triples(self) -> list[Triple]:
        """The triples of a CONSTRUCT or DESCRIBE result."""
        from pyoxigraph import RdfFormat, parse

        if not self.is_graph:
            return []
        return [quad.triple for quad in parse(self.payload, format=RdfFormat.N_TRIPLES)]

    def default_format(self) -> str:
        """``turtle`` for a graph, ``table`` for the rest."""
        return "turtle" if self.is_graph else "table"

    def serialize(self, fmt: str | None = None) -> bytes:
        """The result in ``fmt``: a :data:`RESULT_FORMATS` name for SELECT and ASK,
        a :data:`GRAPH_FORMATS` name for CONSTRUCT and DESCRIBE."""
        fmt = fmt or self.default_format()
        if self.form == "UPDATE":
            return b""
        if self.is_graph:
            return self._graph(fmt)
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"a {self.form} result cannot be written as {fmt}; use one of "
                             f"{', '.join(RESULT_FORMATS)}")
        if fmt == "table":
            return self.table().encode()
        from pyoxigraph import QueryResultsFormat, parse_query_results

        if fmt == "json":
            return self.payload
        target = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
                  "xml": QueryResultsFormat.XML}[fmt]
        out = parse_query_results(self.payload, format=QueryResultsFormat.JSON).serialize(
            format=target)
        assert out is not None
        return out

    def _graph(self, fmt: str) -> bytes:
        from pyoxigraph import RdfFormat, serialize

        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"a {self.form} result is an RDF graph and cannot be written as "
                             f"{fmt}; use one of {', '.join(GRAPH_FORMATS)}")
        target = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES,
                  "json-ld": RdfFormat.JSON_LD, "trig": RdfFormat.TRIG,
                  "nquads": RdfFormat.N_QUADS}[fmt]
        if fmt == "nt":
            return self.payload
        prefixes = PREFIXES if fmt in ("turtle", "trig") else None
        out = serialize(self.triples, format=target, prefixes=prefixes)
        assert out is not None
        return out

    def table(self) -> str:
        """A plain-text table for a terminal (``true``/``false`` for an ASK)."""
        if self.form == "ASK":
            return ("true" if self.boolean else "false") + "\n"
        cells = [[_cell(row[v]) for v in self.variables] for row in self.terms]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(self.variables)]
        lines = ["  ".join(v.ljust(w) for v, w in zip(self.variables, widths, strict=True)),
                 "  ".join("-" * w for w in widths)]
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                  for r in cells]
        return "\n".join(line.rstrip() for line in lines) + "\n"
