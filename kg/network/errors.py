"""Errors of the actor network (subclasses of :class:`kg.errors.NewsKGError`)."""

from __future__ import annotations

from kg.errors import NewsKGError


class NetworkError(NewsKGError):
    """The network cannot be built as asked: an unknown actor for ``around``, a bad option."""
