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
from collections.abc import Iterable

from kg.extract import gazetteer
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


def _article_clusters(mentions: Iterable[Mention]) -> dict[tuple[int, int, str], tuple[str, str]]:
    """Map each mention of one article to the canonical name and type of its actor there.

    A one-word name that is the surname of a person named in full is that
    person whatever the recogniser typed it ("Trump" tagged as an
    organisation); "House" joins the one organisation whose name starts
    with it ("House of Representatives").
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
                starts = {o for o in orgs if _words(o)[0] == words[0]}
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


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Merge the mentions of every article into actors, and say which mention is which."""
    by_key_mentions: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    local: dict[tuple[str, int, int, str], str] = {}
    scoped: dict[tuple[str, int, int, str], str] = {}
    for ex in extractions:
        clusters = _article_clusters(ex.mentions)
        described = {fold(o.name) for o in ex.mentions if is_description(o)}
        for m in ex.mentions:
            name, kind = clusters[(m.start, m.end, m.name)]
            key = fold(name)
            if not key:  # nothing but punctuation: no actor to name
                continue
            local[(ex.article.id, m.start, m.end, m.name)] = name
            if kind != m.type:
                m = Mention(m.start, m.end, m.text, m.name, kind, m.count)
            if key in described:  # "three Russian diplomats" here are not those elsewhere
                key = f"{key}\x00{ex.article.id}"
            by_key_mentions[key].append((ex.article.id, m))
            scoped[(ex.article.id, m.start, m.end, m.name)] = key
    # across articles: a lone surname joins the single full name ending with it
    persons = {k for k, ms in by_key_mentions.items()
               if any(m.type == "Person" for _, m in ms)}
    merged: dict[str, str] = {}
    for key, ms in by_key_mentions.items():
        if len(key.split()) == 1 and all(m.type in {"Person", "Organization", "Place"}
                                         for _, m in ms):
            # "Trump" alone (even typed as an organisation in "the Trump administration")
            fulls = [f for f in persons if f != key and f.split() and f.split()[-1] == key]
            if len(fulls) == 1:
                merged[key] = fulls[0]
    groups: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for key, ms in by_key_mentions.items():
        groups[merged.get(key, key)].extend(ms)

    actors: list[Actor] = []
    key_of_fold: dict[str, str] = {}
    for folded, ms in sorted(groups.items()):
        types = Counter(m.type for _, m in ms)
        kind = max(types, key=lambda t: (types[t], -TYPE_PRIORITY.index(t)))
        names = Counter(local[(a, m.start, m.end, m.name)] for a, m in ms)
        label = max(names, key=lambda n: (len(_words(n)) > 1, names[n], len(n), n))
        alts = {clean(m.text) for _, m in ms if not _is_adjective(m)} | {
            m.name for _, m in ms} | set(names)
        if kind == "Group":
            alts |= {c for a in list(alts) if (c := group_core(a)) and " " in c}
        alts = {a for a in alts if not a.replace(",", "").isdigit()}
        alts.discard(label)
        counts = Counter(m.count for _, m in ms if m.count is not None)
        member_count = counts.most_common(1)[0][0] if counts else None
        articles = tuple(sorted({a for a, _ in ms}))
        key = f"{articles[0]}/{label}" if "\x00" in folded else label
        actors.append(Actor(key=key, label=label, type=kind,
                            alt_labels=tuple(sorted(a for a in alts if a and fold(a))),
                            member_count=member_count if kind == "Group" else None,
                            articles=articles))
        key_of_fold[folded] = key
    mention_keys = {k: key_of_fold[merged.get(scoped[k], scoped[k])] for k in local}
    actors = _unique_keys(actors, mention_keys)
    return Resolution(actors=tuple(sorted(actors, key=lambda a: a.key)), mention_keys=mention_keys)


def _unique_keys(actors: list[Actor],
                 mention_keys: dict[tuple[str, int, int, str], str]) -> list[Actor]:
    """Actors whose labels coincide after folding are one actor (keys must be unique)."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        if actor.key in seen:
            first = seen[actor.key]
            seen[actor.key] = Actor(first.key, first.label, first.type,
                                    tuple(sorted(set(first.alt_labels) | set(actor.alt_labels))),
                                    first.member_count or actor.member_count,
                                    tuple(sorted(set(first.articles) | set(actor.articles))))
        else:
            seen[actor.key] = actor
    return list(seen.values())
