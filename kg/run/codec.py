"""Extraction records as JSON, and back: what the checkpoint stores.

JSON, not pickle: a checkpoint folder may be copied between machines or
users, and reading it must not run code. Mentions are short arrays; events
keep only the fields that differ from their defaults.

>>> from kg.records import Article, Extraction, Mention
>>> ex = Extraction(Article("a1", "Russia spoke."), (Mention(0, 6, "Russia", "Russia", "Country"),))
>>> decode(encode(ex)) == ex
True
"""

from __future__ import annotations

import dataclasses
from typing import Any

from kg.records import Article, Event, Extraction, Mention, Role

_EVENT_FIELDS = tuple(f for f in dataclasses.fields(Event))
_MENTION_ROLES = ("agents", "patients", "bodies")
_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def _mention(m: Mention) -> list[Any]:
    row: list[Any] = [m.start, m.end, m.text, m.name, m.type]
    if m.count is not None:
        row.append(m.count)
    return row


def _unmention(row: list[Any]) -> Mention:
    return Mention(*row)


def _event(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in _EVENT_FIELDS:
        value = getattr(event, f.name)
        if f.name in _MENTION_ROLES:
            if value:
                out[f.name] = [_mention(m) for m in value]
        elif f.default is dataclasses.MISSING or value != f.default:
            out[f.name] = value
    return out


def _unevent(data: dict[str, Any]) -> Event:
    values = dict(data)
    for role in _MENTION_ROLES:
        if role in values:
            values[role] = tuple(_unmention(row) for row in values[role])
    return Event(**values)


def _role(role: Role) -> list[Any]:
    return [_mention(role.person), role.title, None if role.of is None else _mention(role.of)]


def _unrole(row: list[Any]) -> Role:
    person, title, of = row
    return Role(_unmention(person), title, None if of is None else _unmention(of))


def encode(extraction: Extraction) -> dict[str, Any]:
    """``extraction`` as a JSON-ready dict."""
    return {
        "article": {name: getattr(extraction.article, name) for name in _ARTICLE_FIELDS},
        "mentions": [_mention(m) for m in extraction.mentions],
        "events": [_event(e) for e in extraction.events],
        "roles": [_role(r) for r in extraction.roles],
    }


def decode(data: dict[str, Any]) -> Extraction:
    """The :class:`Extraction` that :func:`encode` gave ``data`` for."""
    return Extraction(article=Article(**data["article"]),
                      mentions=tuple(_unmention(row) for row in data["mentions"]),
                      events=tuple(_unevent(e) for e in data["events"]),
                      roles=tuple(_unrole(r) for r in data["roles"]))
