"""SPARQL over newskg graphs: queries, named questions, a fast store and an endpoint.

>>> import kg, pathlib
>>> example = pathlib.Path(kg.__file__).parents[1] / "examples/russia-expels-rights-groups.ttl"
>>> rows = kg.query(example, named="who-expelled-whom")
>>> sorted(row["expelled"] for row in rows)
['15 offices', 'Amnesty International', 'Carnegie Endowment for International Peace', 'Human Rights Watch']

:func:`query` runs a query (inline or named) over RDF files or a store
folder and returns a :class:`Result` (rows as dicts; ASK's ``boolean``;
CONSTRUCT's ``triples``; ``serialize()`` in every format). :func:`load`
fills an on-disk store; :func:`open_sources` opens files or a store once
to run many queries with :func:`execute`. Everything runs on pyoxigraph.
Queries are checked before they run (:mod:`kg.sparql.safety`): SERVICE,
LOAD and updates are refused unless a :class:`Policy` allows them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from kg.sparql.errors import QueryError, QueryTimeoutError, StoreError, UnsafeQueryError
from kg.sparql.query import DEFAULT_TIMEOUT, NamedQuery, execute, named_queries, named_query
from kg.sparql.results import GRAPH_FORMATS, RESULT_FORMATS, Result
from kg.sparql.safety import Policy, check
from kg.sparql.store import LoadReport, load, open_sources, open_store

if TYPE_CHECKING:
    from pyoxigraph import Store

__all__ = [
    "DEFAULT_TIMEOUT",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "LoadReport",
    "NamedQuery",
    "Policy",
    "QueryError",
    "QueryTimeoutError",
    "Result",
    "StoreError",
    "UnsafeQueryError",
    "check",
    "execute",
    "load",
    "named_queries",
    "named_query",
    "open_sources",
    "open_store",
    "query",
]

Source = str | os.PathLike[str]


def query(sources: Source | Sequence[Source] | Store, sparql: str | None = None, *,
          named: str | None = None, params: Mapping[str, object] | None = None,
          timeout: float | None = DEFAULT_TIMEOUT, policy: Policy | None = None) -> Result:
    """Run a SPARQL query over ``sources`` and return its :class:`Result`.

    ``sources`` is an RDF file, a list of them, a store folder (see
    :func:`load`) or an open pyoxigraph ``Store``. Give the query text as
    ``sparql`` or a named question as ``named`` (see :func:`named_queries`).
    ``params`` bind variables (``{"speaker": "Kenneth Roth"}``; strings are
    read as in :func:`kg.sparql.query.parse_value`): each value becomes an
    RDF term built and serialised by pyoxigraph, written into a declared
    parameter's ``VALUES`` block (:func:`kg.sparql.query.bind`), never user
    text spliced into the query. Raises :class:`QueryError` (bad query or parameter),
    :class:`UnsafeQueryError`, :class:`QueryTimeoutError` or
    :class:`StoreError`.
    """
    if (sparql is None) == (named is None):
        raise QueryError("give either a query text or the name of a named question")
    text = named_query(named).text if named is not None else str(sparql)
    if isinstance(sources, str | os.PathLike):
        store = open_sources([sources])
    elif isinstance(sources, Sequence):
        store = open_sources(list(sources))
    else:
        store = sources
    return execute(store, text, params=params, timeout=timeout, policy=policy)
