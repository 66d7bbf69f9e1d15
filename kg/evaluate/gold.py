"""Gold annotations: one JSON file per article, in the format of ANNOTATION.md.

:func:`load_gold` reads a folder of them and checks each one, so a typo in a
hand-made file is reported with the file's name instead of skewing a score.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["ACTOR_TYPES", "RELATIONS", "GoldArticle", "GoldEntity", "GoldRelation",
           "load_gold", "parse_gold"]

#: The relations scored, in report order.
RELATIONS = ("expelled", "suspended_from", "voted", "said")
#: The entity types a gold entity may have.
ACTOR_TYPES = ("Person", "Organization", "Country", "Place", "Group")
_POSITIONS = ("for", "against", "abstain")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class GoldRelation:
    """One annotated relation; ``subject``/``obj`` are ``None`` where anyone matches.

    ``obj`` holds the names of the relation's object; a ``said`` relation has
    none and a ``quote`` instead.
    """

    relation: str
    subject: tuple[str, ...] | None
    obj: tuple[str, ...] | None = None
    quote: str | None = None
    date: str | None = None
    count: int | None = None
    position: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldEntity:
    """One annotated actor: its names (the full name first) and type."""

    names: tuple[str, ...]
    type: str
    optional: bool = False


@dataclass(frozen=True)
class GoldArticle:
    """The gold annotation of one article."""

    id: str
    relations: tuple[GoldRelation, ...]
    entities: tuple[GoldEntity, ...]


class _Invalid(ValueError):
    """A gold file breaks the format; the message says where."""


def load_gold(folder: str | Path) -> dict[str, GoldArticle]:
    """Every ``*.json`` gold file of ``folder``, by article id, in file-name order.

    Raises :class:`~kg.errors.InputError` naming the file for a missing
    folder, an unreadable or malformed file, or an id given twice.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError("the gold annotations must be a folder of <article id>.json files",
                         source=str(root))
    gold: dict[str, GoldArticle] = {}
    where: dict[str, Path] = {}
    for path in sorted(root.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the gold file ({exc})", source=str(path)) from exc
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc}", source=str(path)) from exc
        try:
            article = parse_gold(data)
        except _Invalid as exc:
            raise InputError(f"not a gold annotation: {exc} (see ANNOTATION.md)",
                             source=str(path)) from exc
        if article.id in gold:
            raise InputError(f"article id {article.id!r} is already annotated in "
                             f"{where[article.id]}", source=str(path))
        gold[article.id] = article
        where[article.id] = path
    return gold


def parse_gold(data: object) -> GoldArticle:
    """The :class:`GoldArticle` of one decoded gold file; ``ValueError`` when malformed.

    >>> parse_gold({"id": "a1", "relations": [], "entities": []}).id
    'a1'
    """
    obj = _mapping(data, "the file")
    doc = obj.get("id")
    if not isinstance(doc, str) or not doc.strip():
        raise _Invalid("'id' must be a non-empty string")
    relations = tuple(_relation(item, f"relations[{i}]")
                      for i, item in enumerate(_list(obj.get("relations", []), "relations")))
    entities = tuple(_entity(item, f"entities[{i}]")
                     for i, item in enumerate(_list(obj.get("entities", []), "entities")))
    return GoldArticle(doc, relations, entities)


def _relation(item: object, where: str) -> GoldRelation:
    obj = _mapping(item, where)
    rel = obj.get("rel")
    if rel not in RELATIONS:
        raise _Invalid(f"{where}: 'rel' must be one of {', '.join(RELATIONS)}, got {rel!r}")
    subject = _names(obj.get("s"), f"{where}.s", nullable=True)
    quote = obj.get("quote")
    if rel == "said":
        if not isinstance(quote, str) or not quote.strip():
            raise _Invalid(f"{where}: a 'said' relation needs its 'quote'")
        obj_names = None
    else:
        if obj.get("o") == []:
            raise _Invalid(f"{where}.o: write null, not [], where the article names no object")
        obj_names = _names(obj.get("o"), f"{where}.o", nullable=True)
        quote = None
    date = obj.get("date")
    if date is not None and not (isinstance(date, str) and _ISO_DATE.match(date)):
        raise _Invalid(f"{where}: 'date' must be YYYY-MM-DD, got {date!r}")
    count = obj.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int)
                              or count < 0):
        raise _Invalid(f"{where}: 'count' must be a whole number, got {count!r}")
    position = obj.get("position")
    if position is not None and position not in _POSITIONS:
        raise _Invalid(f"{where}: 'position' must be one of {', '.join(_POSITIONS)}")
    return GoldRelation(rel, subject, obj_names, quote, date, count or None, position,
                        _flag(obj, where))


def _entity(item: object, where: str) -> GoldEntity:
    obj = _mapping(item, where)
    names = _names(obj.get("names"), f"{where}.names", nullable=False)
    assert names is not None
    kind = obj.get("type")
    if kind not in ACTOR_TYPES:
        raise _Invalid(f"{where}: 'type' must be one of {', '.join(ACTOR_TYPES)}, got {kind!r}")
    return GoldEntity(names, kind, _flag(obj, where))


def _names(value: object, where: str, *, nullable: bool) -> tuple[str, ...] | None:
    """A list of names; ``None`` (or an empty list) stands for "anyone" where allowed."""
    if value is None or value == []:
        if nullable:
            return None
        raise _Invalid(f"{where} must list at least one name")
    if not isinstance(value, list) or not all(isinstance(n, str) and n.strip() for n in value):
        raise _Invalid(f"{where} must be a list of names (strings)")
    return tuple(value)


def _flag(obj: dict[str, Any], where: str) -> bool:
    value = obj.get("optional", False)
    if not isinstance(value, bool):
        raise _Invalid(f"{where}: 'optional' must be true or false")
    return value


def _mapping(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} must be a JSON object")
    return value


def _list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise _Invalid(f"'{where}' must be a list")
    return value
