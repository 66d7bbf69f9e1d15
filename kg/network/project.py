"""Projection of a newskg graph onto a networkx multigraph of actors.

:func:`project` reads the events of a graph (an RDF file, several, or a
pyoxigraph ``Store``) and returns a ``networkx.MultiDiGraph``:

- nodes are actors, keyed by their IRI, with ``label``, ``type`` (``Person``,
  ``Organization``, ``Country``, ``Place``, ``Group``), ``iri``,
  ``alt_labels``, ``same_as`` (external identifiers, from ``owl:sameAs``,
  ``skos:exactMatch`` or ``schema:sameAs``) and ``mentions`` (how many
  articles name them); only actors with at least one edge are kept;
- edges go from the actor who acts to the actor acted on:

  ============== ==================================================================
  relation       edge
  ============== ==================================================================
  expelled       expeller → expelled (``kg:agent`` → ``kg:patient``)
  suspended_from member → body (``kg:patient`` → ``kg:from``)
  voted          voter → the actor the motion concerned (``kg:patient``, else the
                 patient or body of the ``kg:motion``), with ``position``
  said           speaker → each actor the quotation names (``via="quote"``) and
                 speaker → the organisation of each of their roles (``via="role"``)
  ============== ==================================================================

  One edge stands for all the events of one relation between two actors on one
  day (and, for votes, one position): ``relation``, ``date`` (ISO ``YYYY-MM-DD``
  or ``None``), ``weight`` (the number of events), ``articles`` and ``events``
  (sorted identifiers and IRIs), ``position`` and ``via`` (``None`` where they
  do not apply). The edge key is ``"relation|date|position-or-via"``.

Only asserted events (``kg:modality kg:Asserted``, or no modality) are facts
and projected, unless ``asserted_only=False``. The graph has no offsets of
names inside quotations, so the actors a quotation names are found by their
labels and other names in its words (``kg:quote``, or ``kg:content`` for
reported speech), among the actors its article mentions: whole words, the
longest name first, case-sensitive for short names and acronyms.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.namespace import SPARQL_PREFIXES as _PREFIXES
from kg.network import RELATIONS
from kg.network.errors import NetworkError

if TYPE_CHECKING:
    import networkx as nx
    from pyoxigraph import Store

__all__ = ["ACTOR_TYPES", "ego_network", "event_count", "find_actor", "load_source", "names_in",
           "project"]

log = logging.getLogger(__name__)

KG = "https://w3id.org/newskg/ontology#"
#: Actor classes, most specific first (an actor typed twice takes the first).
ACTOR_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "Group", "Place")
#: Classes whose members can be named in a quotation (places are not actors).
_NAMEABLE = frozenset({"Person", "Organization", "Country", "Group"})
_POSITIONS = {KG + "InFavour": "in favour", KG + "Against": "against",
              KG + "Abstention": "abstention"}
_EVENT_CLASSES = {KG + "Expulsion": "expelled", KG + "Suspension": "suspended_from",
                  KG + "Vote": "voted", KG + "Statement": "said"}
#: Names up to this long (and names in capitals) match a quotation case-sensitively.
SHORT_NAME = 4


_ACTORS = _PREFIXES + """
SELECT ?actor ?label ?cls WHERE {
  ?actor a ?cls ; rdfs:label ?label .
  VALUES ?cls { kg:Person kg:Organization kg:Country kg:Group kg:Place }
}"""

_ALT_LABELS = _PREFIXES + """
SELECT ?actor ?alt WHERE {
  ?actor skos:altLabel ?alt .
  VALUES ?cls { kg:Person kg:Organization kg:Country kg:Group kg:Place } ?actor a ?cls .
}"""

_LINKS = _PREFIXES + """
SELECT DISTINCT ?actor ?link WHERE {
  ?actor owl:sameAs|skos:exactMatch|schema:sameAs ?link .
  VALUES ?cls { kg:Person kg:Organization kg:Country kg:Group kg:Place } ?actor a ?cls .
  FILTER(isIRI(?link))
}"""

_MENTIONS = _PREFIXES + """
SELECT DISTINCT ?doc ?actor WHERE {
  ?a a kg:Article ; dcterms:identifier ?doc ; schema:mentions ?actor .
}"""

_ROLES = _PREFIXES + """
SELECT DISTINCT ?person ?org WHERE { ?person kg:holdsRole/kg:roleIn ?org . }"""

_EVENTS = _PREFIXES + """
SELECT ?e ?cls ?date ?modality ?doc WHERE {
  ?e a ?cls .
  VALUES ?cls { kg:Expulsion kg:Suspension kg:Vote kg:Statement }
  OPTIONAL { ?e kg:date ?date }
  OPTIONAL { ?e kg:modality ?modality }
  OPTIONAL { ?e prov:wasDerivedFrom/dcterms:identifier ?doc }
}"""

_EVENT_VALUES = _PREFIXES + """
SELECT ?e ?p ?o WHERE {
  ?e a ?cls ; ?p ?o .
  VALUES ?cls { kg:Expulsion kg:Suspension kg:Vote kg:Statement }
  VALUES ?p { kg:agent kg:patient kg:from kg:motion kg:position kg:quote kg:content }
}"""


@dataclass
class _Event:
    iri: str
    relation: str
    date: str | None = None
    asserted: bool = True
    article: str | None = None
    values: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def get(self, name: str) -> list[str]:
        return sorted(set(self.values.get(KG + name, [])))


@dataclass
class _Actor:
    iri: str
    label: str
    type: str
    alt_labels: list[str] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    mentions: int = 0


# --------------------------------------------------------------------------- reading

def load_source(source: str | Path | Store | Sequence[str | Path]) -> Store:
    """A pyoxigraph ``Store`` holding ``source``.

    ``source`` is a ``Store`` (returned as it is), an RDF file (the syntax from
    its extension: ``.ttl``, ``.nt``, ``.jsonld``, ``.trig``, ``.nq``), a list of
    them, or a folder holding an Oxigraph store (opened read-only).
    Raises :class:`kg.errors.InputError` when a file cannot be read or parsed.
    """
    from pyoxigraph import Store

    from kg.errors import InputError

    if isinstance(source, Store):
        return source
    paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
    if len(paths) == 1 and paths[0].is_dir():
        try:
            return Store.read_only(str(paths[0]))
        except OSError as exc:
            raise InputError(f"not an Oxigraph store folder ({exc})",
                             source=str(paths[0])) from exc
    from kg.report import load_store

    for path in paths:
        if not path.is_file():
            raise InputError("no such file", source=str(path))
    try:
        return load_store([str(p) for p in paths])
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"cannot read the graph ({exc})") from exc


def _query(store: Store, query: str) -> list[dict[str, str | None]]:
    """The solutions of a SELECT as dicts of plain strings (``None`` where unbound)."""
    from pyoxigraph import QuerySolutions

    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row: dict[str, str | None] = {}
        for name in names:
            term = solution[name]
            row[name] = None if term is None else term.value
        rows.append(row)
    return rows


def _read_actors(store: Store) -> dict[str, _Actor]:
    actors: dict[str, _Actor] = {}
    rank = {name: i for i, name in enumerate(ACTOR_TYPES)}
    for row in _query(store, _ACTORS):
        iri, label, cls = row["actor"], row["label"] or "", (row["cls"] or "").removeprefix(KG)
        assert iri is not None
        known = actors.get(iri)
        if known is None or rank[cls] < rank[known.type]:
            actors[iri] = _Actor(iri, " ".join(label.split()), cls)
    for row in _query(store, _ALT_LABELS):
        actor = actors.get(row["actor"] or "")
        if actor is not None and row["alt"] and row["alt"] not in actor.alt_labels:
            actor.alt_labels.append(" ".join(row["alt"].split()))
    for row in _query(store, _LINKS):
        actor = actors.get(row["actor"] or "")
        if actor is not None and row["link"] and row["link"] not in actor.same_as:
            actor.same_as.append(row["link"])
    for actor in actors.values():
        actor.alt_labels.sort()
        actor.same_as.sort()
    return actors


def _read_events(store: Store) -> dict[str, _Event]:
    events: dict[str, _Event] = {}
    for row in _query(store, _EVENTS):
        iri = row["e"]
        assert iri is not None
        event = events.get(iri)
        if event is None:
            event = events[iri] = _Event(iri, _EVENT_CLASSES[row["cls"] or ""])
        if row["date"] and event.date is None:
            event.date = _iso_date(row["date"])
        if row["modality"] is not None and row["modality"] != KG + "Asserted":
            event.asserted = False
        if row["doc"] and event.article is None:
            event.article = row["doc"]
    for row in _query(store, _EVENT_VALUES):
        event = events.get(row["e"] or "")
        if event is not None and row["p"] and row["o"] is not None:
            event.values[row["p"]].append(row["o"])
    return events


def _iso_date(text: str) -> str | None:
    try:
        return date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- names in quotes

def names_in(text: str, names: dict[str, Iterable[str]]) -> set[str]:
    """The keys of ``names`` (actor → its names) whose names occur in ``text``.

    Whole words only, the longest name first where names overlap (so "UN"
    inside "UN Human Rights Council" does not count); names of up to
    :data:`SHORT_NAME` characters and names in capitals match case-sensitively.

    >>> names = {"ru": ["Russia", "Kremlin"], "un": ["UN"], "hrc": ["UN Human Rights Council"]}
    >>> sorted(names_in("Russia's turn, the un says", names))
    ['ru']
    >>> sorted(names_in("the Kremlin and the UN Human Rights Council", names))
    ['hrc', 'ru']
    """
    matcher = _Matcher(names)
    return matcher.find(text)


class _Matcher:
    """One compiled pattern over many actors' names."""

    def __init__(self, names: dict[str, Iterable[str]]) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.folded: dict[str, set[str]] = defaultdict(set)
        alternatives: dict[str, str] = {}
        for key, values in names.items():
            for name in values:
                name = " ".join(name.split())
                if len(name) < 2:
                    continue
                if len(name) <= SHORT_NAME or name.isupper():
                    self.exact[name].add(key)
                    alternatives.setdefault(name, re.escape(name))
                else:
                    self.folded[name.casefold()].add(key)
                    alternatives.setdefault(name.casefold(), f"(?i:{re.escape(name)})")
        ordered = sorted(alternatives, key=lambda n: (-len(n), n))
        self.pattern = (re.compile(r"(?<!\w)(?:" + "|".join(alternatives[n] for n in ordered)
                                   + r")(?!\w)") if ordered else None)

    def find(self, text: str) -> set[str]:
        found: set[str] = set()
        if self.pattern is None:
            return found
        for match in self.pattern.finditer(" ".join(text.split())):
            word = match.group(0)
            found |= self.exact.get(word, set()) | self.folded.get(word.casefold(), set())
        return found


# --------------------------------------------------------------------------- projection

def project(source: str | Path | Store | Sequence[str | Path], *,
            relations: Iterable[str] | None = None,
            since: date | str | None = None, until: date | str | None = None,
            min_weight: int = 1, around: str | None = None, depth: int = 1,
            asserted_only: bool = True) -> nx.MultiDiGraph:
    """The actor network of ``source`` (see :func:`load_source`) as a ``MultiDiGraph``.

    - ``relations``: the relations to keep (default: all of
      :data:`kg.network.RELATIONS`);
    - ``since``/``until``: keep events dated in this range (inclusive); once a
      range is given, undated events are left out;
    - ``min_weight``: keep the relations between two actors that at least this
      many events support (counted over all dates);
    - ``around``/``depth``: only the ego network of one actor (a label, another
      name or an IRI): the actors at most ``depth`` steps away, either direction;
    - ``asserted_only``: project only asserted events (the facts); ``False``
      also projects calls, threats, denials ...

    Raises :class:`kg.network.errors.NetworkError` for an unknown relation or
    actor, and :class:`kg.errors.InputError` for a source that cannot be read.
    """
    import networkx as nx

    chosen = _check_relations(relations)
    start, end = _as_date(since, "since"), _as_date(until, "until")
    if min_weight < 1:
        raise NetworkError(f"the minimum weight must be 1 or more, not {min_weight}")
    if depth < 0:
        raise NetworkError(f"the depth must be 0 or more, not {depth}")
    store = load_source(source)
    actors = _read_actors(store)
    events = _read_events(store)

    groups: dict[tuple[str, str, str, str | None, str | None, str | None], set[str]] = \
        defaultdict(set)
    articles: dict[str, str | None] = {}
    matcher = _QuoteNames(store, actors) if "said" in chosen else None
    for event in events.values():
        if event.relation not in chosen or (asserted_only and not event.asserted):
            continue
        if (start or end) and (event.date is None or (start and event.date < start)
                               or (end and event.date > end)):
            continue
        articles[event.iri] = event.article
        for s, t, detail in _edges_of(event, events, matcher):
            if s != t and s in actors and t in actors:
                groups[(s, t, event.relation, event.date,
                        detail if event.relation == "voted" else None,
                        detail if event.relation == "said" else None)].add(event.iri)

    totals: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for (s, t, relation, *_), supporting in groups.items():
        totals[(s, t, relation)] |= supporting

    graph = nx.MultiDiGraph(name="newskg actor network", relations=list(chosen),
                            since=start, until=end, min_weight=min_weight,
                            asserted_only=asserted_only)
    for key in sorted(groups, key=_sort_key):
        s, t, relation, day, position, via = key
        if len(totals[(s, t, relation)]) < min_weight:
            continue
        for iri in (s, t):
            if iri not in graph:
                actor = actors[iri]
                graph.add_node(iri, label=actor.label, type=actor.type, iri=iri,
                               alt_labels=list(actor.alt_labels), same_as=list(actor.same_as),
                               mentions=0)
        events_of_edge = sorted(groups[key])
        graph.add_edge(s, t, key=f"{relation}|{day or ''}|{position or via or ''}",
                       relation=relation, date=day, weight=len(events_of_edge),
                       articles=sorted({a for e in events_of_edge if (a := articles[e])}),
                       events=events_of_edge, position=position, via=via)
    _count_mentions(store, graph)
    if around is not None:
        graph = ego_network(graph, around, depth=depth)
    log.info("actor network: %d actors, %d edges", graph.number_of_nodes(),
             graph.number_of_edges())
    return graph


def _sort_key(key: tuple[str, str, str, str | None, str | None, str | None]) -> tuple[str, ...]:
    return tuple(part or "" for part in key)


def _check_relations(relations: Iterable[str] | None) -> tuple[str, ...]:
    if relations is None:
        return RELATIONS
    wanted = set(relations)
    unknown = sorted(wanted - set(RELATIONS))
    if unknown:
        raise NetworkError(f"unknown relation {', '.join(unknown)}; "
                           f"choose among {', '.join(RELATIONS)}")
    return tuple(r for r in RELATIONS if r in wanted)


def _as_date(value: date | str | None, name: str) -> str | None:
    if value is None or isinstance(value, date):
        return None if value is None else value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise NetworkError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


class _QuoteNames:
    """The actors a quotation names, among those its article mentions (cached per article)."""

    def __init__(self, store: Store, actors: dict[str, _Actor]) -> None:
        self.actors = actors
        self.by_article: dict[str, set[str]] = defaultdict(set)
        for row in _query(store, _MENTIONS):
            if row["doc"] and row["actor"] in actors:
                self.by_article[row["doc"]].add(row["actor"] or "")
        self.roles: dict[str, set[str]] = defaultdict(set)
        for row in _query(store, _ROLES):
            if row["person"] and row["org"]:
                self.roles[row["person"]].add(row["org"])
        self.matchers: dict[str | None, _Matcher] = {}

    def named(self, article: str | None, text: str) -> set[str]:
        matcher = self.matchers.get(article)
        if matcher is None:
            pool = (self.by_article.get(article, set()) if article is not None else set()) \
                or set(self.actors)
            matcher = self.matchers[article] = _Matcher(
                {iri: [self.actors[iri].label, *self.actors[iri].alt_labels]
                 for iri in sorted(pool) if self.actors[iri].type in _NAMEABLE})
        return matcher.find(text)


def _edges_of(event: _Event, events: dict[str, _Event],
              names: _QuoteNames | None) -> list[tuple[str, str, str | None]]:
    """(source, target, detail) for one event; detail is a vote's position or a said edge's via."""
    if event.relation == "expelled":
        return [(a, p, None) for a in event.get("agent") for p in event.get("patient")]
    if event.relation == "suspended_from":
        return [(p, b, None) for p in event.get("patient") for b in event.get("from")]
    if event.relation == "voted":
        targets = event.get("patient")
        for motion in event.get("motion"):
            if not targets and motion in events:
                decided = events[motion]
                targets = decided.get("patient") or decided.get("from")
        positions = [_POSITIONS.get(p, p.rsplit("#", 1)[-1]) for p in event.get("position")]
        position = positions[0] if len(positions) == 1 else None
        return [(a, t, position) for a in event.get("agent") for t in targets]
    assert names is not None
    text = " ".join(event.get("quote") + event.get("content"))
    edges: list[tuple[str, str, str | None]] = []
    for speaker in event.get("agent"):
        edges += [(speaker, t, "quote") for t in sorted(names.named(event.article, text))]
        edges += [(speaker, org, "role") for org in sorted(names.roles.get(speaker, ()))]
    return edges


def _count_mentions(store: Store, graph: nx.MultiDiGraph) -> None:
    counts: dict[str, int] = defaultdict(int)
    for row in _query(store, _MENTIONS):
        if row["actor"] in graph:
            counts[row["actor"] or ""] += 1
    for node, n in counts.items():
        graph.nodes[node]["mentions"] = n


# --------------------------------------------------------------------------- ego networks

def find_actor(graph: nx.MultiDiGraph, name: str) -> str:
    """The node of ``graph`` named ``name``: its IRI, its label or another name.

    Labels match before other names, exactly before case-insensitively; among
    several actors of the same name the one with most edges wins. Raises
    :class:`kg.network.errors.NetworkError` (suggesting close names) if none does.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x:ru", label="Russia", alt_labels=["Russian Federation", "Kremlin"])
    >>> find_actor(g, "kremlin")
    'x:ru'
    """
    if name in graph:
        return name
    wanted = " ".join(name.split())
    tiers: list[list[Any]] = [[], [], [], []]
    for node, data in graph.nodes(data=True):
        label = data.get("label", "")
        alts = data.get("alt_labels", [])
        if label == wanted:
            tiers[0].append(node)
        elif label.casefold() == wanted.casefold():
            tiers[1].append(node)
        elif wanted in alts:
            tiers[2].append(node)
        elif wanted.casefold() in {a.casefold() for a in alts}:
            tiers[3].append(node)
    for tier in tiers:
        if tier:
            return str(max(sorted(tier), key=graph.degree))
    labels = sorted({str(d.get("label", "")) for _, d in graph.nodes(data=True)})
    close = difflib.get_close_matches(wanted, labels, n=3)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise NetworkError(f"no actor named {name!r} in the network{hint}")


def ego_network(graph: nx.MultiDiGraph, name: str, *, depth: int = 1) -> nx.MultiDiGraph:
    """The actors at most ``depth`` steps from the actor ``name`` (either direction), and
    every edge between them.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("a", "b"), ("c", "b"), ("c", "d")])
    [0, 0, 0]
    >>> sorted(ego_network(g, "a", depth=2))
    ['a', 'b', 'c']
    """
    import networkx as nx

    centre = find_actor(graph, name)
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre,
                                                 cutoff=depth)
    ego = graph.subgraph(near).copy()
    ego.graph.update(around=centre, depth=depth)
    return ego


def event_count(graph: nx.MultiDiGraph) -> int:
    """How many distinct events the edges of ``graph`` stand for (one statement can
    support several edges: the actors it names and the organisation its speaker speaks
    for); edges without an ``events`` list count their ``weight``.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("a", "b", {"events": ["e1"], "weight": 1}),
    ...                   ("a", "c", {"events": ["e1"], "weight": 1}), ("c", "b", {"weight": 2})])
    [0, 0, 0]
    >>> event_count(g)
    3
    """
    events: set[str] = set()
    anonymous = 0
    for _, _, data in graph.edges(data=True):
        if data.get("events"):
            events.update(data["events"])
        else:
            anonymous += data.get("weight", 1) or 0
    return len(events) + int(anonymous)
