"""Dates and titles read from the first lines of a plain-text article.

News copied as plain text often starts with a dateline ("Apr 9, 2022 - World")
and a headline. :func:`text_metadata` reads both without touching the text:
the article body stays the whole file, so character offsets are unaffected.

``dateparser`` is imported lazily, only when a line looks like a date and is
not plain ISO, so importing this module stays cheap.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re

logger = logging.getLogger(__name__)

#: Longest line taken for a dateline, and longest date part / section part of it.
MAX_DATELINE = 80
MAX_DATE_PART = 40
MAX_SECTION = 40
#: Longest line taken for a title.
MAX_TITLE = 200

#: Settings that keep dateparser from guessing: all of day, month and year
#: must be written, and nothing is read relative to today.
DATEPARSER_SETTINGS: dict[str, object] = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}

# "Apr 9, 2022 - World", "9 April 2022 —  Politics", "2022-04-09 | Europe"
_SECTION_SEPARATOR = re.compile(r"\s+[-–—|·•]\s+|\s*[|·•]\s*")
_DATE_CHARS = re.compile(r"[A-Za-z0-9 ,./:+-]+", re.ASCII)
_YEAR = re.compile(r"(?<!\d)(1[89]|2[01])\d\d(?!\d)")
_MD_HEADING = re.compile(r"#\s+(.*?)(?:\s+#+)?\s*")
_SENTENCE_END = (".", "!", "?", "…", ";", ",", ":")
_CLOSING = "\"'”’»)]"


def normalise_iso_date(value: str) -> str | None:
    """``value`` as ``YYYY-MM-DD`` if it is an ISO date or datetime, else ``None``.

    Accepts "2022-04-09", "2022-04-09T10:30:00Z", "2022-04-09 10:30+02:00".
    """
    value = value.strip()
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _parse_date_words(value: str) -> str | None:
    """A written date ("Apr 9, 2022") as ``YYYY-MM-DD`` via dateparser, or ``None``."""
    import dateparser  # lazy: slow to import

    try:
        parsed = dateparser.parse(value, languages=["en"], settings=DATEPARSER_SETTINGS)
    except Exception as exc:  # noqa: BLE001 - a dateline is best-effort metadata
        logger.debug("dateparser failed on %r: %s", value, exc)
        return None
    return parsed.date().isoformat() if parsed is not None else None


def parse_dateline(line: str) -> str | None:
    """The date of a dateline such as "Apr 9, 2022 - World", or ``None``.

    The line must be short and mostly a date: a date part of at most
    :data:`MAX_DATE_PART` characters with a four-digit year, optionally
    followed by a separator and a short section name ("World").
    """
    line = line.strip()
    if not line or len(line) > MAX_DATELINE:
        return None
    parts = _SECTION_SEPARATOR.split(line, maxsplit=1)
    head = parts[0].strip()
    section = parts[1].strip() if len(parts) > 1 else ""
    if len(section) > MAX_SECTION or len(section.split()) > 4:
        return None
    if len(head) > MAX_DATE_PART or not _DATE_CHARS.fullmatch(head):
        return None
    if not _YEAR.search(head) or len(head.split()) > 5:
        return None
    return normalise_iso_date(head) or _parse_date_words(head)


def _looks_like_title(line: str) -> bool:
    """A line short enough for a headline that does not end like a sentence."""
    return len(line) <= MAX_TITLE and not line.rstrip(_CLOSING).endswith(_SENTENCE_END)


def text_metadata(text: str, *, markdown: bool = False) -> tuple[str | None, str | None]:
    """``(title, date)`` read from the first non-blank lines of ``text``.

    If the first non-blank line is a dateline its date is returned; the next
    non-blank line (or the first, without a dateline) is the title when it is
    short, does not end with sentence punctuation and more text follows. In
    Markdown a "# Title" heading there is always the title.
    """
    lines = [stripped for raw in text.split("\n") if (stripped := raw.strip())]
    if not lines:
        return None, None
    date = parse_dateline(lines[0])
    index = 1 if date is not None else 0
    if index >= len(lines):
        return None, date
    candidate = lines[index]
    if markdown and candidate.startswith("#"):
        match = _MD_HEADING.fullmatch(candidate)
        heading = match.group(1) if match else ""
        return (heading or None), date
    if index + 1 < len(lines) and _looks_like_title(candidate):
        return candidate, date
    return None, date
