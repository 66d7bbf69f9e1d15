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
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if article_date:
        try:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(article_date)
        except ValueError:
            article_date = None
    if not article_date and not re.search(r"\d{4}", expression):
        return None
    cleaned = re.sub(r"^(?:on|since|from|by|until|of|last|this)\s+", "", expression.strip(),
                     flags=re.IGNORECASE)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    day = parsed.date()
    if article_date and day > dt.date.fromisoformat(article_date):
        return None
    return day.isoformat()


def date_entities(sent: Span) -> list[Span]:
    """The DATE entities of a sentence."""
    return [e for e in sent.ents if e.label_ == "DATE"]


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


def event_date(trigger: Token, *, article_date: str | None, carried: str | None) -> str | None:
    """The day of the event ``trigger`` signals.

    The sentence's own date wins; a vague one ("earlier this week") gives no
    day; otherwise a date carried from the preceding sentences of the same
    passage, then the article's date.
    """
    own = sentence_date(trigger.sent, article_date)
    if own:
        return own
    if has_vague_date(trigger.sent, article_date):
        return None
    return carried or article_date
