"""Errors of the SPARQL layer; each is a :class:`kg.errors.NewsKGError`."""

from __future__ import annotations

from kg.errors import NewsKGError

__all__ = ["PushError", "QueryError", "QueryTimeoutError", "StoreError", "UnsafeQueryError"]


class QueryError(NewsKGError):
    """A query cannot run: a syntax error, an unknown named question, a bad parameter."""


class UnsafeQueryError(QueryError):
    """The query would reach the network or the disk, or change data, without the opt-in."""


class QueryTimeoutError(QueryError):
    """The query ran past its time limit."""


class StoreError(NewsKGError):
    """A source or store cannot be read or written."""


class PushError(NewsKGError):
    """A graph store cannot be reached or refused a request (bad URL, HTTP error, time-out)."""
