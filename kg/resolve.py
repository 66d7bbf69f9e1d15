"""Merge mentions into actors: one node per real-world actor.

Within an article, a surname joins the full name it shortens ("Putin" ->
"Vladimir Putin"), an acronym the name it abbreviates ("HRW" -> "Human
Rights Watch"), and a shorter name the longer one that ends with it
("Ministry of Justice" -> "Russian Ministry of Justice"). Across articles,
actors with the same canonical name are one actor, and a surname used alone
joins the one full name that ends with it, if only one does.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from kg.extract import gazetteer
from kg.extract.lexicon import EXECUTIVE_WORDS
from kg.extract.names import acronym, clean, fold
from kg.records import Actor, Extraction, Mention, Resolution

#: When mentions of one actor disagree on the type, the most specific wins ties.
TYPE_PRIORITY = ("Country", "Person", "Organization", "Group", "Place")
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                 r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|"
                 r"thousands|millions)")
_LEADING_COUNT = re.compile(
    r"^(?:(?:more than|over|at least|around|about|nearly|some|all|the|a|an)\s+)*"
    r"(?:\d[\d,.]*|" + _NUMBER_WORDS + r"(?:-" + _NUMBER_WORDS + r")?)"
    r"(?:\s+(?:hundred|thousand|million|of))*\s+", re.IGNORECASE)


def _words(name: str) -> list[str]:
    return fold(name).split()


def _is_short_form(short: str, full: str, kind: str) -> bool:
    """Whether ``short`` names the same actor as ``full`` in one article."""
    s, f = _words(short), _words(full)
    if not s or len(s) >= len(f):
        return False
    if kind == "Person":
        return s == f[-len(s):] or (len(s) == 1 and s[0] == f[0] and False)
    if kind == "Organization":
        if short.isupper() and short.replace(".", "") == acronym(full):
            return True
        return len(s) >= 2 and s == f[-len(s):]
    return False


def _heads_name(word: str, name: list[str]) -> bool:
    """Whether ``word`` begins the name's words or heads an "of" phrase in it (not where
    the name is the executive of ``word``: "Hamas government")."""
    if len(name) == 2 and name[1] in EXECUTIVE_WORDS:
        return False
    return name[0] == word or any(w == word and nxt == "of" for w, nxt in pairwise(name))


def _article_clusters(mentions: Iterable[Mention]) -> dict[tuple[int, int, str], tuple[str, str]]:
    """Map each mention of one article to the canonical name and type of its actor there.

    A one-word name that is the surname of a person named in full is that
    person whatever the recogniser typed it ("Trump" tagged as an
    organisation); "House" joins the one organisation whose name starts
    with it ("House of Representatives") or where it heads an "of" phrase
    ("United States House of Representatives").
    """
    mentions = list(mentions)
    canonical: dict[tuple[int, int, str], tuple[str, str]] = {}
    fulls: dict[str, list[str]] = defaultdict(list)  # type -> names, longest first
    people = [m.name for m in mentions if m.type == "Person" and len(_words(m.name)) > 1]
    orgs = {m.name for m in mentions if m.type == "Organization" and len(_words(m.name)) > 1}
    ordered = sorted(mentions, key=lambda m: (-len(_words(m.name)), m.start))
    for m in ordered:
        target, kind = m.name, m.type
        words = _words(m.name)
        if len(words) == 1 and kind in {"Organization", "Place", "Person"}:
            owners = {p for p in people if _words(p)[-1] == words[0]}
            if len(owners) == 1:
                target, kind = owners.pop(), "Person"
            elif kind == "Organization":
                starts = {o for o in orgs if _heads_name(words[0], _words(o))}
                if len(starts) == 1:
                    target = starts.pop()
        if target == m.name:
            for full in fulls[kind]:
                if _is_short_form(m.name, full, kind):
                    target = full
                    break
        if target == m.name and kind in {"Person", "Organization"}:
            fulls[kind].append(m.name)
        canonical[(m.start, m.end, m.name)] = (target, kind)
    return canonical


def is_description(mention: Mention) -> bool:
    """Whether a mention describes its actor instead of naming it ("three Russian
    diplomats", "the foreign ministry"): such actors are not merged across articles."""
    return mention.type == "Group" or (mention.name[:1].islower() and not any(
        w[:1].isupper() for w in mention.name.split()[1:]))


def _is_adjective(mention: Mention) -> bool:
    """"Russian" names Russia but is not one of its names."""
    return mention.type == "Country" and gazetteer.country_by_adjective(
        clean(mention.text)) is not None and gazetteer.country_by_name(clean(mention.text)) is None


def group_core(name: str) -> str | None:
    """A counted group's name without its count ("three Russian diplomats" -> "Russian diplomats")."""
    core = _LEADING_COUNT.sub("", name, count=1)
    return core if core and core != name and len(core.split()) >= 1 else None


MentionKey = tuple[str, int, int, str]


def _article_keys(extraction: Extraction) -> Iterator[tuple[str, Mention, str, bool]]:
    """Each resolvable mention of one article: its key, itself, its local name, and
    whether its actor is described here rather than named.

    The key is the folded canonical name of the mention's actor in this
    article; the mention comes back with the type of that actor. Described
    actors ("three Russian diplomats" here are not those elsewhere) belong
    to this article alone.
    """
    clusters = _article_clusters(extraction.mentions)
    described = {fold(o.name) for o in extraction.mentions if is_description(o)}
    for m in extraction.mentions:
        name, kind = clusters[(m.start, m.end, m.name)]
        key = fold(name)
        if not key:  # nothing but punctuation: no actor to name
            continue
        if kind != m.type:
            m = Mention(m.start, m.end, m.text, m.name, kind, m.count)
        yield key, m, name, key in described


@dataclass
class _Tally:
    """What the mentions of one key say about their actor, summed over articles."""

    types: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    alts: set[str] = field(default_factory=set)
    counts: Counter[int] = field(default_factory=Counter)

    def add(self, mention: Mention, name: str) -> None:
        self.types[mention.type] += 1
        self.names[name] += 1
        self.alts.add(mention.name)
        if not _is_adjective(mention):
            self.alts.add(clean(mention.text))
        if mention.count is not None:
            self.counts[mention.count] += 1

    def update(self, other: _Tally) -> None:
        self.types.update(other.types)
        self.names.update(other.names)
        self.alts |= other.alts
        self.counts.update(other.counts)


class ActorIndex:
    """Actors across articles, built one article at a time.

    Memory grows with the number of distinct named actors, not with the
    number of articles or mentions (actors an article only describes stay
    with it), so a corpus can be resolved while it streams past: :meth:`add`
    every extraction, then :meth:`finish` gives the :class:`ActorTable` that
    says which actor each mention of an article names.

    >>> from kg.records import Article
    >>> index = ActorIndex()
    >>> index.add(Extraction(Article("a", "Putin spoke."), (Mention(0, 5, "Putin", "Putin", "Person"),)))
    >>> index.add(Extraction(Article("b", "Vladimir Putin spoke."),
    ...                      (Mention(0, 14, "Vladimir Putin", "Vladimir Putin", "Person"),)))
    >>> [actor.label for actor in index.finish().actors]
    ['Vladimir Putin']
    """

    def __init__(self) -> None:
        self._tallies: dict[str, _Tally] = {}
        self._articles = 0

    def __len__(self) -> int:
        """The number of articles added."""
        return self._articles

    def add(self, extraction: Extraction) -> None:
        """Count the mentions of one article's named actors."""
        self._articles += 1
        for key, m, name, described in _article_keys(extraction):
            if not described:
                tally = self._tallies.get(key)
                if tally is None:
                    tally = self._tallies[key] = _Tally()
                tally.add(m, name)

    def finish(self) -> ActorTable:
        """The actors, with lone surnames merged into the one full name ending with them."""
        tallies = self._tallies
        by_surname: dict[str, list[str]] = defaultdict(list)  # last word -> person keys
        for k, t in tallies.items():
            if t.types["Person"] and k.split():
                by_surname[k.split()[-1]].append(k)
        merged: dict[str, str] = {}
        for key, tally in tallies.items():
            # "Trump" alone (even typed as an organisation in "the Trump administration")
            if len(key.split()) == 1 and set(tally.types) <= {"Person", "Organization", "Place"}:
                fulls = [f for f in by_surname.get(key, ()) if f != key]
                if len(fulls) == 1:
                    merged[key] = fulls[0]
        groups: dict[str, _Tally] = {}
        for key, tally in tallies.items():
            groups.setdefault(merged.get(key, key), _Tally()).update(tally)
        actors: dict[str, Actor] = {}
        key_of_fold: dict[str, str] = {}
        for folded, group in sorted(groups.items()):
            actor = _actor(group)
            key_of_fold[folded] = actor.key
            _join_into(actors, actor)
        keys = {key: key_of_fold[merged.get(key, key)] for key in tallies}
        return ActorTable(actors=tuple(actors[k] for k in sorted(actors)), keys=keys)


def _actor(group: _Tally, *, article: str | None = None) -> Actor:
    """The actor a tally describes; keyed by its label, and by ``article`` when it is
    an actor that article describes."""
    types = group.types
    kind = max(types, key=lambda t: (types[t], -TYPE_PRIORITY.index(t)))
    names = group.names
    label = max(names, key=lambda n: (len(_words(n)) > 1, names[n], len(n), n))
    alts = group.alts | set(names)
    if kind == "Group":
        alts |= {c for a in list(alts) if (c := group_core(a)) and " " in c}
    alts = {a for a in alts if not a.replace(",", "").isdigit()}
    alts.discard(label)
    member_count = group.counts.most_common(1)[0][0] if group.counts else None
    return Actor(key=label if article is None else f"{article}/{label}", label=label,
                 type=kind, alt_labels=tuple(sorted(a for a in alts if a and fold(a))),
                 member_count=member_count if kind == "Group" else None)


def _join_into(actors: dict[str, Actor], actor: Actor) -> None:
    """Add ``actor`` to ``actors`` by key; actors whose labels coincide after folding
    are one actor (keys must be unique), their alternative labels joined."""
    first = actors.get(actor.key)
    actors[actor.key] = actor if first is None else Actor(
        first.key, first.label, first.type,
        tuple(sorted(set(first.alt_labels) | set(actor.alt_labels))),
        first.member_count or actor.member_count)


@dataclass(frozen=True)
class ActorTable:
    """The named actors of a corpus and the actor key of each of their folded names;
    per article, the actors it describes and the actor of each mention."""

    actors: tuple[Actor, ...]
    keys: dict[str, str]

    def article(self, extraction: Extraction) -> tuple[tuple[Actor, ...], dict[MentionKey, str]]:
        """The actors ``extraction`` describes (not in :attr:`actors`), and the actor key
        of each of its mentions (see :class:`Resolution`)."""
        article = extraction.article.id
        found = list(_article_keys(extraction))
        local: dict[str, _Tally] = {}
        for key, m, name, described in found:
            if described:
                local.setdefault(key, _Tally()).add(m, name)
        own = {key: _actor(tally, article=article) for key, tally in sorted(local.items())}
        keys = {(article, m.start, m.end, m.name): own[key].key if described else self.keys[key]
                for key, m, _, described in found}
        return tuple(own.values()), keys

    def resolution(self, extraction: Extraction) -> Resolution:
        """A :class:`Resolution` for one article: the actors it describes, and its
        mentions' keys."""
        actors, keys = self.article(extraction)
        return Resolution(actors=actors, mention_keys=keys)


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Merge the mentions of every article into actors, and say which mention is which."""
    extractions = list(extractions)
    index = ActorIndex()
    for extraction in extractions:
        index.add(extraction)
    table = index.finish()
    actors = {actor.key: actor for actor in table.actors}
    mention_keys: dict[MentionKey, str] = {}
    for extraction in extractions:
        own, keys = table.article(extraction)
        for actor in own:
            _join_into(actors, actor)
        mention_keys.update(keys)
    return Resolution(actors=tuple(actors[k] for k in sorted(actors)), mention_keys=mention_keys)
