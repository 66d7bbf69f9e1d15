"""Reading articles from files, folders and standard input.

:func:`read_articles` turns the command-line inputs into :class:`~kg.records.Article`
records: ``.txt``/``.md`` plain text, ``.json`` article objects, ``.jsonl``
(one article per line), ``.html``/``.htm`` pages, folders of those (read
recursively in sorted order) and ``-`` for standard input.

Every problem is an :class:`~kg.errors.InputError` naming the file (and the
line of a JSONL record) and saying how to fix it.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import TextIO

from kg.errors import InputError
from kg.io.dateline import normalise_iso_date, parse_dateline, text_metadata
from kg.io.formats import (
    PARSERS,
    SUPPORTED_EXTENSIONS,
    Result,
    decode_bytes,
    decode_text,
    parse_jsonl_lines,
    parse_stdin,
    read_jsonl_lines,
)
from kg.records import Article

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "normalise_iso_date",
    "parse_dateline",
    "read_articles",
    "text_metadata",
]

logger = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"

_SUPPORTED = ", ".join(SUPPORTED_EXTENSIONS)


def read_articles(
    inputs: Sequence[str | Path],
    *,
    date: str | None = None,
    id: str | None = None,
    skip_errors: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article]:
    """The articles of ``inputs``, in input order (folders in sorted path order).

    ``date`` replaces every article's date (an ISO date); ``id`` sets the id of
    the single article the inputs must give. With ``skip_errors`` each bad
    file or record goes to ``on_error`` (or is logged as a warning) and reading
    goes on; otherwise the first :class:`InputError` is raised while iterating,
    before the iterator is exhausted. ``stdin`` replaces ``sys.stdin`` for ``-``.

    The options are checked at once: a bad ``date`` or ``id`` raises here.
    """
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    if not inputs:
        raise InputError("no inputs; give files, folders or - for standard input")
    override = None
    if date is not None:
        override = normalise_iso_date(date)
        if override is None:
            raise InputError(f"--date must be an ISO date like 2022-04-09, got {date!r}")
    if id is not None and not id.strip():
        raise InputError("--id must not be empty")

    def report(error: InputError) -> None:
        if not skip_errors:
            raise error
        if on_error is not None:
            on_error(error)
        else:
            logger.warning("skipped: %s", error)

    articles = _read_all(inputs, date=override, report=report, stdin=stdin)
    return articles if id is None else _with_id(articles, id=id)


def _with_id(articles: Iterator[Article], *, id: str) -> Iterator[Article]:
    """The one article of ``articles``, renamed ``id``."""
    found = list(articles)
    if len(found) != 1:
        raise InputError(f"--id needs exactly one article, but the inputs gave {len(found)}; "
                         "drop --id or read a single article")
    yield dataclasses.replace(found[0], id=id)


def _read_all(
    inputs: Sequence[str | Path], *, date: str | None, report: Callable[[InputError], None],
    stdin: TextIO | None,
) -> Iterator[Article]:
    """Articles of every input, duplicate ids reported, ``date`` applied."""
    seen: dict[str, str] = {}
    for item in inputs:
        for result in _read_input(item, stdin=stdin):
            if isinstance(result, InputError):
                report(result)
                continue
            article = result.article
            first = seen.get(article.id)
            if first is not None:
                report(InputError(
                    f"duplicate article id {article.id!r}, already read from {first}; "
                    "rename one of the files or give the records distinct ids",
                    source=result.source, line=result.line))
                continue
            seen[article.id] = article.source or result.source
            yield article if date is None else dataclasses.replace(article, date=date)


def _read_input(item: str | Path, *, stdin: TextIO | None) -> Iterator[Result]:
    """The results of one input: standard input, a file or a folder."""
    if str(item) == STDIN:
        yield from _read_stdin(stdin)
        return
    path = Path(item)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:  # e.g. a name too long
        yield InputError(f"cannot access ({exc.strerror}); check the path", source=str(path))
        return
    if not exists:
        yield InputError("no such file or folder; check the path", source=str(path))
    elif is_dir:
        yield from _read_folder(path)
    elif path.suffix.lower() not in PARSERS:
        yield InputError(f"unsupported file type {path.suffix or '(no extension)'!r}; "
                         f"supported are {_SUPPORTED} (or a folder, or - for standard input)",
                         source=str(path))
    else:
        yield from _read_file(path, id=path.stem)


def _read_stdin(stdin: TextIO | None) -> Iterator[Result]:
    """Standard input as JSONL or plain text (id "stdin")."""
    stream = sys.stdin if stdin is None else stdin
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            content = decode_bytes(buffer.read(), source=STDIN_SOURCE)
        else:
            content = decode_text(stream.read(), source=STDIN_SOURCE)
    except UnicodeDecodeError:
        yield InputError("not valid UTF-8: binary data or another encoding; pipe UTF-8 text",
                         source=STDIN_SOURCE)
        return
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(f"cannot read standard input ({exc})", source=STDIN_SOURCE)
        return
    yield from parse_stdin(content, source=STDIN_SOURCE, id=STDIN_ID)


def _read_file(path: Path, *, id: str) -> Iterator[Result]:
    """The results of one supported file, read as UTF-8."""
    source = str(path)
    logger.debug("reading %s", source)
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl_file(path, source=source)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _unreadable(exc, source=source)
        return
    try:
        content = decode_bytes(data, source=source)
    except InputError as exc:
        yield exc
        return
    yield from PARSERS[path.suffix.lower()](content, source=source, id=id)


def _read_jsonl_file(path: Path, *, source: str) -> Iterator[Result]:
    """The records of a .jsonl file, read a line at a time (archives can be large)."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield _unreadable(exc, source=source)
        return
    with stream:
        try:
            yield from parse_jsonl_lines(read_jsonl_lines(stream, source=source), source=source)
        except OSError as exc:
            yield _unreadable(exc, source=source)


def _unreadable(exc: OSError, *, source: str) -> InputError:
    if isinstance(exc, PermissionError):
        return InputError("permission denied; make the file readable", source=source)
    return InputError(f"cannot read ({exc.strerror or exc}); check the file", source=source)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _read_folder(folder: Path) -> Iterator[Result]:
    """The supported files under ``folder``, recursively, in sorted order.

    Hidden files and folders are skipped; the id of each file is its path
    relative to ``folder`` without the extension ("2022/apr/expulsions").
    """
    problems: list[OSError] = []
    found: list[PurePosixPath] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        dirs[:] = [name for name in dirs if not _hidden(name)]
        relative = PurePosixPath(Path(root).relative_to(folder).as_posix())
        for name in files:
            if _hidden(name):
                continue
            if Path(name).suffix.lower() in PARSERS:
                found.append(relative / name)
            else:
                logger.debug("skipping %s: unsupported file type", Path(root, name))
    for problem in problems:
        where = str(problem.filename or folder)
        if isinstance(problem, PermissionError):
            yield InputError("permission denied; make the folder readable", source=where)
        else:
            yield InputError(f"cannot read folder ({problem.strerror or problem})", source=where)
    if not found and not problems:
        yield InputError(f"the folder has no {_SUPPORTED} files; add articles or give "
                         "another folder", source=str(folder))
    for relative_path in sorted(found):
        yield from _read_file(folder / relative_path, id=str(relative_path.with_suffix("")))

