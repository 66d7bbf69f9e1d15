"""Exceptions raised by the newskg library.

Every error says what happened and how to fix it; the command line turns
them into one-line messages (``click.ClickException``) at its edge.
"""

from __future__ import annotations


class NewsKGError(Exception):
    """Base class of every error newskg raises on purpose."""


class InputError(NewsKGError):
    """An article could not be read: a missing, unreadable, binary or malformed input.

    ``source`` names the file (or ``<stdin>``) and ``line`` the 1-based line
    of a JSONL record, when there is one.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = source or ""
        if source and line is not None:
            where = f"{source}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class NoArticleError(InputError):
    """The input held no article that could be read (nothing is written)."""

    def __init__(self, message: str = "no article could be read from the input") -> None:
        super().__init__(message)


class ModelError(NewsKGError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class OutputError(NewsKGError):
    """The graph cannot be written: unknown format or unwritable destination."""


class ExtractionError(NewsKGError):
    """Extraction failed on an article: a bug, reported with the article it met."""
