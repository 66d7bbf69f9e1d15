"""Canonical names: how newskg spells an actor whatever the text says.

Pure string functions: fold a mention's surface form ("the U.N.",
"Russia's", "the Russian Federation") to the name the actor goes by.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.extract import gazetteer

#: International bodies news names by acronym or short form, to one name.
ORG_ALIASES: dict[str, str] = {
    "UN": "United Nations", "U.N.": "United Nations", "the UN": "United Nations",
    "UN General Assembly": "United Nations General Assembly",
    "U.N. General Assembly": "United Nations General Assembly",
    "General Assembly": "United Nations General Assembly",
    "UNGA": "United Nations General Assembly",
    "UN Security Council": "United Nations Security Council",
    "U.N. Security Council": "United Nations Security Council",
    "UNSC": "United Nations Security Council",
    "UN Human Rights Council": "United Nations Human Rights Council",
    "U.N. Human Rights Council": "United Nations Human Rights Council",
    "UNHRC": "United Nations Human Rights Council",
    "Human Rights Council": "United Nations Human Rights Council",
    "EU": "European Union", "E.U.": "European Union",
    "NATO": "North Atlantic Treaty Organization", "Nato": "North Atlantic Treaty Organization",
    "AU": "African Union", "OAS": "Organization of American States",
    "WHO": "World Health Organization", "IAEA": "International Atomic Energy Agency",
    "ICC": "International Criminal Court", "ICJ": "International Court of Justice",
    "IMF": "International Monetary Fund", "OSCE":
    "Organization for Security and Co-operation in Europe",
    "ASEAN": "Association of Southeast Asian Nations", "FIFA": "FIFA", "IOC":
    "International Olympic Committee", "UNESCO": "UNESCO", "UNICEF": "UNICEF",
    "HRW": "Human Rights Watch", "MSF": "Doctors Without Borders",
    "Médecins Sans Frontières": "Doctors Without Borders",
    "ECOWAS": "Economic Community of West African States",
    "Mercosur": "Mercosur", "MERCOSUR": "Mercosur",
}

_TITLES = re.compile(
    r"^(?:(?:U\.S\.|US|former|then-|ex-|acting|deputy|vice|prime|interim)\s+)*"
    r"(?:President|Prime Minister|Premier|Chancellor|Minister|Secretary|Senator|Sen\.|"
    r"Rep\.|Representative|Governor|Gov\.|Mayor|King|Queen|Prince|Princess|Pope|General|"
    r"Gen\.|Judge|Justice|Dr\.|Mr\.|Mrs\.|Ms\.|Sir|Dame|Lord|Lady|Speaker|Ambassador|"
    r"Chairman|Chairwoman|Commissioner|Director|Archbishop|Bishop|Sheikh|Emir|Colonel|"
    r"Col\.|Captain|Capt\.|Lt\.|Sgt\.|Officer|Pastor|Rev\.|Father)\s+"
)
_DASHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """Strip a leading article, a trailing possessive and stray punctuation.

    >>> clean("the Carnegie Endowment's")
    'Carnegie Endowment'
    """
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    return text.strip(" ,;:\"'“”‘’()[]*-–—")


def person_name(text: str) -> str:
    """A person's name without honorifics and titles ("President Joe Biden" -> "Joe Biden")."""
    name = clean(text)
    stripped = _TITLES.sub("", name)
    return stripped if stripped and stripped != name and " " in name else name


def org_name(text: str) -> str:
    """An organisation's canonical name ("the U.N." -> "United Nations")."""
    name = clean(text)
    return ORG_ALIASES.get(name, name)


def country_name(text: str) -> str | None:
    """The canonical country a name, metonym or capital stands for, if any."""
    name = clean(text)
    entry = gazetteer.country_by_name(name) or gazetteer.country_by_metonym(name)
    return entry.name if entry else None


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A comparison key: accents, case, punctuation and a leading "the" folded away.

    >>> fold("The Agnès  Callamard's")
    'agnes callamard'
    """
    s = unicodedata.normalize("NFKD", name.translate(_DASHES))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^(?:the|a|an)\s+", "", " ".join(s.split()))
    return s


def acronym(name: str) -> str:
    """The initials of a multi-word name ("Human Rights Watch" -> "HRW")."""
    stop = {"of", "the", "for", "and", "on", "in", "to", "de", "du", "des", "la", "le"}
    return "".join(w[0] for w in re.findall(r"[\w']+", name) if w.lower() not in stop).upper()
