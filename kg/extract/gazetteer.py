"""A lexicon of how news names countries: names, aliases, adjectives, demonyms,
capitals and seat-of-government metonyms, read from ``kg/data/countries.tsv``.

The table is read lazily on first use; spaCy is imported only by
:func:`entity_ruler_patterns` (to tokenise pattern strings exactly as the
pipeline will).

Deliberate resolutions of ambiguous forms (see the TSV):

* "Congo", "Congolese" -> Democratic Republic of the Congo (Reuters/AP usage);
  the Republic of the Congo answers to "Republic of Congo", "Congo-Brazzaville".
* "Dominican", "Dominicans" -> Dominican Republic, never Dominica.
* "Korea" / "Korean" alone map to nothing (North or South is undecidable).
* "Macedonia" -> North Macedonia; "Georgia" -> the country, not the US state.
* "Brussels" -> Belgium and "Addis Ababa" -> Ethiopia, although news also uses
  them for the EU and the African Union; callers must disambiguate.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
    "CountryEntry",
    "countries",
    "country_by_adjective",
    "country_by_capital",
    "country_by_demonym",
    "country_by_metonym",
    "country_by_name",
    "entity_ruler_patterns",
]

#: Bare upper-case abbreviations ("US", "UK", "DRC") match only in upper case,
#: so that the pronoun "us" is never read as the United States.
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
#: Forms kept for lookups but left out of EntityRuler patterns because, as a
#: bare capitalised token, they are more often something else.
_RULER_SKIP = frozenset({"Male", "Victoria", "Emirates", "Planalto"})


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """One state (``kind == "country"``) or flagged territory (``"territory"``)."""

    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    kind: str

    @property
    def is_sovereign(self) -> bool:
        return self.kind == "country"

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


def _split(field: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (field or "").split("|") if part.strip())


@cache
def countries() -> tuple[CountryEntry, ...]:
    """Every row of the table, in file order."""
    text = files("kg.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(
        CountryEntry(
            name=row["name"].strip(),
            aliases=_split(row["aliases"]),
            adjectives=_split(row["adjectives"]),
            demonyms=_split(row["demonyms"]),
            capitals=_split(row["capital"]),
            metonyms=_split(row["metonyms"]),
            kind=row["kind"].strip(),
        )
        for row in reader
        if row.get("name")
    )


def _clean(text: str) -> str:
    """Collapse spaces and straighten apostrophes; keep case and accents."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def _fold(text: str) -> str:
    """Case- and accent-insensitive key."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _strip_the(text: str) -> str:
    return _LEADING_THE.sub("", text)


def _name_key(text: str) -> str:
    """Upper-case abbreviations keep their case; everything else is folded."""
    text = _strip_the(_clean(text))
    return text if _ABBREVIATION.fullmatch(text) else _fold(text)


@cache
def _indexes() -> dict[str, dict[str, CountryEntry]]:
    index: dict[str, dict[str, CountryEntry]] = {
        "name": {}, "adjective": {}, "demonym": {}, "capital": {}, "metonym": {},
    }

    def put(table: str, key: str, entry: CountryEntry) -> None:
        index[table].setdefault(key, entry)  # first row wins on a clash

    for entry in countries():
        for form in entry.names:
            put("name", _name_key(form), entry)
        for form in entry.adjectives:
            put("adjective", _clean(form), entry)
        for form in entry.demonyms:
            put("demonym", _clean(form), entry)
        for form in entry.capitals:
            put("capital", _fold(_clean(form)), entry)
        for form in entry.metonyms:
            put("metonym", _fold(_strip_the(_clean(form))), entry)
    return index


def country_by_name(text: str) -> CountryEntry | None:
    """The country a name or alias denotes: case-insensitive, a leading "the" and
    a trailing possessive are ignored; bare abbreviations ("US") only in upper case."""
    table = _indexes()["name"]
    found = table.get(_name_key(text))
    if found is None and _POSSESSIVE.search(text.strip()):
        found = table.get(_name_key(_POSSESSIVE.sub("", text.strip())))
    return found


def country_by_adjective(word: str) -> CountryEntry | None:
    """"Russian" -> Russia. Case-sensitive; "U.S.-led" / "Iranian-backed" fall back
    to the part before the last hyphen when the whole word is not an adjective."""
    table = _indexes()["adjective"]
    word = _clean(word)
    found = table.get(word)
    while found is None and "-" in word:
        word = word.rsplit("-", 1)[0]
        found = table.get(word)
    return found


def country_by_demonym(word: str) -> CountryEntry | None:
    """"Chileans" -> Chile. Case-sensitive; a singular ("Iraqi", "Briton") is
    accepted when its plural in ``s`` is listed."""
    table = _indexes()["demonym"]
    word = _clean(word)
    found = table.get(word)
    if found is None and word[:1].isupper():
        found = table.get(word + "s")
    return found


def country_by_capital(name: str) -> CountryEntry | None:
    """"Moscow" -> Russia. Accent- and case-insensitive, but the name must start
    with a capital letter (so "male" is never the Maldives)."""
    name = _clean(name)
    if not name[:1].isupper():
        return None
    return _indexes()["capital"].get(_fold(name))


def country_by_metonym(name: str) -> CountryEntry | None:
    """"the Kremlin" -> Russia, "Downing Street" -> United Kingdom."""
    return _indexes()["metonym"].get(_fold(_strip_the(_clean(name))))


@cache
def _tokenize(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in _tokenizer()(text))


@cache
def _tokenizer() -> Any:
    from spacy.lang.en import English  # deferred: spaCy is heavy

    return English().tokenizer


def entity_ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler phrase patterns (matched on ``ORTH``, so case-sensitive): names,
    aliases and capitals as GPE, adjectives and demonyms as NORP, metonyms as ORG.
    Each pattern's ``id`` is the canonical country name (``span.ent_id_``).

    Phrase patterns, not token patterns: spaCy's ``PhraseMatcher`` finds
    thousands of them in one pass over a Doc, where the token ``Matcher``
    costs as much as parsing the text."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()

    def add(label: str, form: str, entry: CountryEntry) -> None:
        form = _strip_the(form) if label != "GPE" or form not in entry.capitals else form
        if form in _RULER_SKIP:
            return
        tokens = _tokenize(form)
        if not tokens or tokens in seen:
            return
        seen.add(tokens)
        patterns.append({"label": label, "pattern": form, "id": entry.name})

    # GPE first so that a form listed both as a name and an adjective ("U.S.",
    # "UK") keeps the GPE label.
    for entry in countries():
        for form in (*entry.names, *entry.capitals):
            add("GPE", form, entry)
    for entry in countries():
        for form in (*entry.adjectives, *entry.demonyms):
            add("NORP", form, entry)
        for form in entry.metonyms:
            add("ORG", form, entry)
    return patterns
