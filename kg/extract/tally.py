"""Vote tallies as sentences state them: "93–18", "93 in favour, 24 against and 58
abstentions", "by votes of 230-to-197", "with 220 votes", and several at once
("by votes of 230-to-197 and 229-to-198 respectively")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.numbers import parse_count

_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
          "seventy|eighty|ninety|hundred")
_NUM = r"(\d[\d,]*|(?:" + _WORDS + r")(?:-(?:" + _WORDS + r"))?)"
_TALLY = re.compile(r"\b(\d[\d,]*)\s*(?:votes?\s+)?(?:[–—-]|[–—-]?\s*to\s*[–—-]?)\s*"
                    r"(\d[\d,]*)\b")
_FOR = re.compile(r"\b" + _NUM + r"\s+(?:votes?\s+)?(?:in\s+favou?r|for|yes|yeas|ayes)\b", re.IGNORECASE)
_AGAINST = re.compile(r"\b" + _NUM + r"\s+(?:votes?\s+)?(?:against|no|nays|noes|opposed)\b", re.IGNORECASE)
_VOTES = re.compile(r"\bwith\s+" + _NUM + r"\s+votes\b|\b(?:received|receiving|won|winning|"
                    r"got|garnered)\s+" + _NUM + r"(?:\s+votes?)?\b", re.IGNORECASE)
_ABSTAIN = re.compile(r"\b" + _NUM + r"\s+(?:\w+\s+)?abstention|\b" + _NUM +
                      r"\s+(?:\w+\s+)?abstain|\babstentions?\s+(?:of|from|by)\s+" + _NUM, re.IGNORECASE)


@dataclass(frozen=True)
class Tally:
    """Votes for, against and abstaining, as far as the sentence gives them."""

    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None


def _first(pattern: re.Pattern[str], text: str) -> int | None:
    for match in pattern.finditer(text):
        for group in match.groups():
            if group and (n := parse_count(group)) is not None:
                return n
    return None


def read_tally(text: str) -> Tally:
    """The vote tally a sentence states.

    >>> read_tally("The assembly votes 93–18, with 65 abstentions, to pass it.")
    Tally(votes_for=93, votes_against=18, abstentions=65)
    >>> read_tally("93 in favour, 24 against and 58 abstentions")
    Tally(votes_for=93, votes_against=24, abstentions=58)
    >>> read_tally("The articles passed by votes of 230-to-197 and 229-to-198.")
    Tally(votes_for=230, votes_against=197, abstentions=None)
    >>> read_tally("The motion passed by 41 votes to 12.")
    Tally(votes_for=41, votes_against=12, abstentions=None)
    >>> read_tally("The Senate voted 52 to 48 for the bill.")
    Tally(votes_for=52, votes_against=48, abstentions=None)
    >>> read_tally("voted for her to serve as Speaker with 220 votes")
    Tally(votes_for=220, votes_against=None, abstentions=None)
    """
    votes_for, against = _first(_FOR, text), _first(_AGAINST, text)
    m = _TALLY.search(text)
    if m and (votes_for is None or against is None):
        # "voted 52 to 48 for the bill": the tally wins over a lone "48 for"
        votes_for, against = parse_count(m.group(1)), parse_count(m.group(2))
    if votes_for is None:
        votes_for = _first(_VOTES, text)
    return Tally(votes_for, against, _first(_ABSTAIN, text))


def read_tallies(text: str) -> list[Tally]:
    """Every tally a sentence states: one per motion when it gives several.

    >>> read_tallies("The articles passed by votes of 230-to-197 and 229-to-198 respectively.")
    [Tally(votes_for=230, votes_against=197, abstentions=None), \
Tally(votes_for=229, votes_against=198, abstentions=None)]
    >>> read_tallies("The motion passed by 41 votes to 12.")
    [Tally(votes_for=41, votes_against=12, abstentions=None)]
    >>> len(read_tallies("Votes of 52-48 and 50-50, with 49 against the rule."))
    1
    """
    pairs = list(dict.fromkeys((parse_count(m.group(1)), parse_count(m.group(2)))
                               for m in _TALLY.finditer(text)))
    if len(pairs) < 2 or _first(_FOR, text) is not None or _first(_AGAINST, text) is not None \
            or _first(_ABSTAIN, text) is not None:
        return [read_tally(text)]
    return [Tally(votes_for, against) for votes_for, against in pairs]
