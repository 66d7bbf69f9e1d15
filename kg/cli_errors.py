"""The edge between the library and the command line: newskg's errors as click errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from kg.errors import NewsKGError


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn newskg's own errors into click errors (exit status 1, one line, no traceback)."""
    try:
        yield
    except NewsKGError as exc:
        raise click.ClickException(str(exc)) from exc
