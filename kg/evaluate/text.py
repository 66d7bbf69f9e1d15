"""Comparing names and quotations the way the gold format asks (ANNOTATION.md).

Names are equal when they fold to the same key: accents and case dropped,
curly apostrophes straightened, a possessive ``'s`` removed, punctuation
turned into spaces and a leading article ("the", "a", "an") left out.

>>> fold_name("The Kremlin's")
'kremlin'
>>> fold_name("Agnès  Callamard") == fold_name("agnes callamard")
True
>>> quote_coverage("we will not leave", "We will not leave, he said")
1.0
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["QUOTE_COVERAGE", "fold_name", "quote_coverage", "quote_words"]

#: Share of a gold quotation's words a predicted quotation must contain to match it.
QUOTE_COVERAGE = 0.6

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'"})
_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|an|a) ")
_WORD = re.compile(r"\w+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_name(name: object) -> str:
    """The comparison key of a name (or of any text, e.g. an RDF literal)."""
    text = _strip_accents(str(name)).translate(_APOSTROPHES).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = _NOT_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


def quote_words(text: str) -> list[str]:
    """The folded words of a quotation, in order."""
    return _WORD.findall(fold_name(text))


def quote_coverage(gold: str, predicted: str) -> float:
    """Share of the words of ``gold`` (counted with repeats) that ``predicted`` holds.

    >>> quote_coverage("no no yes", "no")
    0.3333333333333333
    >>> quote_coverage("", "anything")
    0.0
    """
    wanted = Counter(quote_words(gold))
    total = sum(wanted.values())
    if not total:
        return 0.0
    held = wanted & Counter(quote_words(predicted))
    return sum(held.values()) / total
