"""newskg: knowledge graphs of international-affairs news.

Read articles, extract actors and events (expulsions, suspensions, votes,
quotations) with spaCy, and write them as RDF on the newskg ontology.
Heavy libraries load on first use, not on import.
"""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``kg.query`` (:func:`kg.sparql.query`), imported on first use so ``import kg`` stays light."""
    if name == "query":
        from kg.sparql import query

        return query
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
