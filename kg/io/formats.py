"""Parsers turning the decoded content of one input into articles.

Every parser takes the content as a string and yields :class:`Located`
articles or :class:`~kg.errors.InputError` objects (yielded, not raised), so
one bad JSONL record does not hide the good ones: the caller decides whether
an error stops the reading.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from kg.errors import InputError
from kg.io.dateline import normalise_iso_date, text_metadata
from kg.io.webpage import read_page
from kg.records import Article

logger = logging.getLogger(__name__)

#: File extensions read, lower case.
SUPPORTED_EXTENSIONS = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")



@dataclass(frozen=True)
class Located:
    """An article and where it was read: file and 1-based line (JSONL) if any."""

    article: Article
    source: str
    line: int | None = None


Result = Located | InputError
Parser = Callable[..., Iterator[Result]]


def decode_text(text: str, *, source: str) -> str:
    """``text`` without a leading BOM; :class:`InputError` if it holds NUL characters."""
    position = text.find("\x00")
    if position >= 0:
        raise InputError(
            f"binary data (NUL byte at offset {position}), not text; "
            "give a UTF-8 text, Markdown, JSON, JSONL or HTML file",
            source=source,
        )
    return text.removeprefix("\ufeff")


def decode_bytes(data: bytes, *, source: str) -> str:
    """``data`` decoded as UTF-8 (a BOM is accepted); :class:`InputError` if binary."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}): binary "
            "data or another encoding; convert the file to UTF-8 text",
            source=source,
        ) from None
    return decode_text(text, source=source)


def _kind(value: object) -> str:
    """The JSON name of ``value``'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _optional_str(
    record: dict[str, object], key: str, fail: Callable[[str], InputError]
) -> str | None:
    """``record[key]`` if a string, ``None`` if missing, null or empty, else ``fail``."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise fail(f'"{key}" must be a string or null, got {_kind(value)}')
    return value


def article_from_record(
    record: object, *, source: str, line: int | None, where: str, default_id: str | None,
    hint: str,
) -> Located:
    """Check one JSON article record and build its article.

    ``where`` prefixes messages ("line 3", "item 2"); ``default_id`` is used when
    the record has no ``id`` (``None``: the id is required). ``hint`` ends the
    message for a record that is not an object. Raises :class:`InputError`.
    """

    def fail(message: str) -> InputError:
        return InputError(f"{where}: {message}" if where else message, source=source, line=line)

    if not isinstance(record, dict):
        raise fail(f"expected a JSON object, got {_kind(record)}; {hint}")
    text = record.get("text")
    if text is None:
        raise fail('missing "text"; every article needs its body as a "text" string')
    if not isinstance(text, str):
        raise fail(f'"text" must be a string, got {_kind(text)}')
    if not text.strip():
        raise fail('"text" is empty; give the article body or drop the record')
    article_id = record.get("id", default_id)
    if article_id is None:
        raise fail('missing "id"; each record of a .jsonl file needs a unique "id" string')
    if not isinstance(article_id, str):
        raise fail(f'"id" must be a non-empty string, got {_kind(article_id)}')
    if not article_id.strip():
        raise fail('"id" is blank; give each record a unique, non-blank "id"')
    date = _optional_str(record, "date", fail)
    if date is not None:
        iso = normalise_iso_date(date)
        if iso is None:
            raise fail(f'"date" must be an ISO date like 2022-04-09, got {date!r}')
        date = iso
    title = _optional_str(record, "title", fail)
    url = _optional_str(record, "url", fail)
    where_from = f"{source}:{line}" if line is not None else source
    article = Article(id=article_id, text=text, title=title, date=date, url=url, source=where_from)
    return Located(article, source, line)


def _json_loads(text: str) -> object:
    """``json.loads`` that reports absurd nesting as a ``ValueError``."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def parse_json(content: str, *, source: str, id: str) -> Iterator[Result]:
    """One article object, or a list of them, from a .json file.

    A record without ``id`` takes ``id`` (``id-N`` for the N-th item of a list).
    """
    if not content.strip():
        yield InputError("file is empty; a .json file must hold one article object", source=source)
        return
    try:
        data = _json_loads(content)
    except json.JSONDecodeError as exc:
        yield InputError(
            f"invalid JSON ({exc.msg}: line {exc.lineno} column {exc.colno}); a .json file "
            "must hold one article object or a list of them", source=source, line=exc.lineno)
        return
    except ValueError as exc:
        yield InputError(f"invalid JSON ({exc})", source=source)
        return
    hint = 'an article is an object with a "text" string'
    if not isinstance(data, list):
        try:
            yield article_from_record(data, source=source, line=None, where="", default_id=id,
                                      hint=hint)
        except InputError as exc:
            yield exc
        return
    if not data:
        yield InputError("the list holds no articles; add article objects", source=source)
    for number, item in enumerate(data, 1):
        try:
            yield article_from_record(item, source=source, line=None, where=f"item {number}",
                                      default_id=f"{id}-{number}", hint=hint)
        except InputError as exc:
            yield exc


def parse_jsonl(content: str, *, source: str, id: str | None = None) -> Iterator[Result]:
    """One article per non-blank line of a .jsonl file; every record needs an ``id``."""
    del id  # the records name themselves
    yield from parse_jsonl_lines(enumerate(content.split("\n"), 1), source=source)


def read_jsonl_lines(stream: BinaryIO, *, source: str) -> Iterator[tuple[int, str | InputError]]:
    """The numbered lines of a binary .jsonl stream, each decoded on its own (a line
    that is not UTF-8 text is an :class:`InputError` for that line): a file of any
    size is read a line at a time."""
    for number, raw in enumerate(stream, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, InputError(
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}): "
                "binary data or another encoding; convert the file to UTF-8 text",
                source=source, line=number)
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        if "\x00" in line:
            yield number, InputError(
                "binary data (a NUL byte), not text; each line of a .jsonl file must be "
                "one JSON object", source=source, line=number)
            continue
        yield number, line.removesuffix("\n")


def parse_jsonl_lines(lines: Iterable[tuple[int, str | InputError]], *,
                      source: str) -> Iterator[Result]:
    """The articles of numbered .jsonl lines (blank lines skipped)."""
    hint = "each line of a .jsonl file must be one JSON object"
    records = 0
    for number, raw in lines:
        if isinstance(raw, InputError):
            records += 1
            yield raw
            continue
        if not raw.strip():
            continue
        records += 1
        try:  # the error's source:line already says where
            record = _json_loads(raw)
        except json.JSONDecodeError as exc:
            yield InputError(f"invalid JSON ({exc.msg}: column {exc.colno}); {hint}",
                             source=source, line=number)
            continue
        except ValueError as exc:
            yield InputError(f"invalid JSON ({exc}); {hint}", source=source, line=number)
            continue
        try:
            yield article_from_record(record, source=source, line=number, where="",
                                      default_id=None, hint=hint)
        except InputError as exc:
            yield exc
    if not records:
        yield InputError(f"file is empty; {hint}", source=source)


def parse_text(content: str, *, source: str, id: str, markdown: bool = False) -> Iterator[Result]:
    """The whole ``content`` as one article, dateline and title read from its top.

    Only ``\\r\\n`` is normalised to ``\\n``: offsets downstream refer to this text.
    """
    text = content.replace("\r\n", "\n")
    if not text.strip():
        yield InputError("file is empty (whitespace only); add the article text or remove "
                         "the file", source=source)
        return
    title, date = text_metadata(text, markdown=markdown)
    yield Located(Article(id=id, text=text, title=title, date=date, source=source), source)


def parse_markdown(content: str, *, source: str, id: str) -> Iterator[Result]:
    """A Markdown file: plain text whose leading "# Title" is the title."""
    return parse_text(content, source=source, id=id, markdown=True)


def parse_html(content: str, *, source: str, id: str) -> Iterator[Result]:
    """An HTML page: title, publication date and the article body as paragraphs."""
    try:
        page = read_page(content, source=source)
    except InputError as exc:
        yield exc
        return
    yield Located(Article(id=id, text=page.text, title=page.title, date=page.date,
                          url=page.url, source=source), source)


def looks_like_jsonl(content: str) -> bool:
    """True if ``content`` has a non-blank line and every one is a JSON object."""
    lines = [line for line in content.split("\n") if line.strip()]
    if not lines:
        return False
    for line in lines:
        try:
            if not isinstance(_json_loads(line), dict):
                return False
        except ValueError:
            return False
    return True


def _is_json_document(content: str) -> bool:
    """True if ``content`` as a whole is a JSON object or a list of objects."""
    stripped = content.strip()
    if not stripped.startswith(("{", "[")):
        return False
    try:
        data = _json_loads(stripped)
    except ValueError:
        return False
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(isinstance(item, dict) for item in items)


def parse_stdin(content: str, *, source: str = "<stdin>", id: str = "stdin") -> Iterator[Result]:
    """Standard input: JSONL if every non-blank line is a JSON object, else plain text.

    A pretty-printed JSON object (or list of objects) spanning several lines is
    read as a .json file would be.
    """
    if looks_like_jsonl(content):
        logger.debug("reading standard input as JSONL")
        return parse_jsonl(content, source=source)
    if _is_json_document(content):
        logger.debug("reading standard input as a JSON document")
        return parse_json(content, source=source, id=id)
    return parse_text(content, source=source, id=id)


#: The parser of each supported extension.
PARSERS: dict[str, Parser] = {
    ".txt": parse_text,
    ".md": parse_markdown,
    ".json": parse_json,
    ".jsonl": parse_jsonl,
    ".html": parse_html,
    ".htm": parse_html,
}
