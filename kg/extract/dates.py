"""Event dates: "on Friday" read against the article's date.

An event gets a day only when the text or the article's date pins it down:
a weekday, "yesterday", a month and day, or, for an event in the present
tense or without a date of its own, the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Span, Token

_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tonight|last night|this morning)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:week|weeks|month|months|year|decade|century|earlier|later|recent|"
                    r"past|since|days?\s+(?:after|before|earlier|later|ago))\b",
                    re.IGNORECASE)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = re.compile(r"\b(?:" + "|".join(_WEEKDAY_NAMES) + r")\b")


@lru_cache(maxsize=4096)
def resolve_date(expression: str, article_date: str | None) -> str | None:
    """The ISO day ``expression`` names, read against ``article_date``, or ``None``.

    >>> resolve_date("on Friday", "2022-04-09")
    '2022-04-08'
    >>> resolve_date("yesterday", "2025-05-29")
    '2025-05-28'
    >>> resolve_date("Earlier this week", "2022-04-09") is None
    True
    """
    if not _DAY_WORDS.search(expression) or (_VAGUE.search(expression)
                                              and "yesterday" not in expression.lower()):
        return None
    base = _iso(article_date)
    lowered = expression.lower()
    if base is not None:
        if re.search(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b", lowered):
            return base.isoformat()
        if re.search(r"\b(?:yesterday|last night)\b", lowered):
            return (base - dt.timedelta(days=1)).isoformat()
        weekday = _WEEKDAYS.search(lowered)
        if weekday and not re.search(r"\d", lowered):
            back = (base.weekday() - _WEEKDAY_NAMES.index(weekday.group(0))) % 7
            if "last" in lowered.split() and back == 0:
                back = 7
            return (base - dt.timedelta(days=back)).isoformat()
    if base is None and not re.search(r"\d{4}", expression):
        return None
    cleaned = re.sub(r"^(?:on|since|from|by|until|of|last|this)\s+", "", expression.strip(),
                     flags=re.IGNORECASE)
    day = _parse_day(cleaned)
    if day is None:
        return None
    if base is not None and not re.search(r"\b\d{4}\b", expression):
        # no year given: the same day in the article's year, unless that is still to come
        try:
            day = day.replace(year=base.year)
            if day > base and (day - base).days > 180:  # "Dec. 30" read in early January
                day = day.replace(year=base.year - 1)
        except ValueError:
            return None
    if base is not None and day > base:
        return None
    return day.isoformat()


@lru_cache(maxsize=8192)
def _parse_day(expression: str) -> dt.date | None:
    """The day dateparser reads in a month-and-day (or ISO) expression.

    Relative expressions are resolved before this, so the article's date can
    only change the year, which :func:`resolve_date` sets itself: the parse is
    cached on the expression alone.
    """
    import dateparser

    parsed = dateparser.parse(expression, languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    return None if parsed is None else parsed.date()


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def date_entities(sent: Span) -> list[Span]:
    """The DATE entities of a sentence (indexed once per document: ``Span.ents``
    scans the whole document each time)."""
    doc = sent.doc
    index = doc.user_data.get("newskg_dates")
    if index is None:  # token offsets, not Spans: a Span kept in the Doc is a reference cycle
        index = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                index.setdefault(ent[0].sent.start, []).append((ent.start, ent.end))
        doc.user_data["newskg_dates"] = index
    return [doc[start:end] for start, end in index.get(sent.start, []) if end <= sent.end]


def sentence_date(sent: Span, article_date: str | None) -> str | None:
    """The day the sentence's own date expressions name, if exactly one does."""
    days = {d for e in date_entities(sent) if (d := resolve_date(e.text, article_date))}
    return days.pop() if len(days) == 1 else None


def has_vague_date(sent: Span, article_date: str | None = None) -> bool:
    """Whether the sentence dates itself only vaguely ("earlier this week", "a day after"):
    it has a date expression that names no day."""
    return any(resolve_date(e.text, article_date) is None and _VAGUE.search(
        e.text + " " + (sent.doc[e.end].text if e.end < len(sent.doc) else ""))
        for e in date_entities(sent))


def _governs(date: Span, trigger: Token) -> bool:
    """Whether a date expression belongs to the trigger's own clause: climbing from it
    reaches the trigger (or the verb a noun trigger depends on) before any other verb."""
    anchor = trigger
    while anchor.pos_ not in {"VERB", "AUX"} and anchor.head.i != anchor.i:
        anchor = anchor.head
    current = date.root
    for _ in range(12):
        if current.i in {trigger.i, anchor.i}:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in {"VERB", "AUX"} and current.i not in {trigger.i, anchor.i}:
            return current.dep_ in {"aux", "auxpass"}
    return False


def event_date(trigger: Token, *, article_date: str | None, carried: str | None) -> str | None:
    """The day of the event ``trigger`` signals.

    A date stated in the trigger's own clause wins ("on Friday"); a vague one
    there ("earlier this week") gives no day; an event told in the present
    tense happened on the article's day; otherwise a date carried from the
    preceding sentences of the same passage, then the article's date.
    """
    own_dates = [e for e in date_entities(trigger.sent) if _governs(e, trigger)]
    days = {d for e in own_dates if (d := resolve_date(e.text, article_date))}
    if len(days) == 1:
        return days.pop()
    if any(_VAGUE.search(e.text + " " + (e.doc[e.end].text if e.end < len(e.doc) else ""))
           for e in own_dates):
        return None
    if trigger.tag_ in {"VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in trigger.children):
        return article_date  # "expels", "is deported": told in the present, so today
    sentence_day = sentence_date(trigger.sent, article_date)
    if sentence_day and not own_dates:
        return sentence_day
    if has_vague_date(trigger.sent, article_date):
        return None
    return carried or article_date
