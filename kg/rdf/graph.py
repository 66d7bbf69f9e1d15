"""Build the RDF dataset of a run from extraction and resolution records.

Layout (see ``ontology/newskg.ttl`` and ``/work/shared/eval/README.md``):

* the **default graph** describes the actors of :class:`~kg.records.Resolution`
  (type, ``rdfs:label``, ``skos:altLabel``, ``kg:memberCount``);
* one **named graph per article**, named by the article's IRI, holds the
  article (``dcterms:identifier`` ...), the actors it ``schema:mentions``, its
  events and roles.

Serialised as TriG or N-Quads the graphs stay apart; Turtle, N-Triples and
JSON-LD get their union (:func:`union_graph`). No blank node is ever created,
so the output can be written deterministically.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.namespace import KG, ORG, SCHEMA, SEM
from kg.rdf.iri import actor_iri, article_iri, event_iri, role_iri
from kg.rdf.terms import (
    ACTOR_CLASSES,
    EVENT_CLASSES,
    MODALITIES,
    POSITIONS,
    confidence_literal,
    count_literal,
    date_literal,
    iri_or_none,
    text_literal,
)
from kg.records import Actor, Article, Event, Extraction, Mention, Resolution

__all__ = ["PREFIXES", "actor_triples", "add_actors", "add_article", "article_triples",
           "bind_prefixes", "build_graph", "union_graph"]

log = logging.getLogger(__name__)

#: Prefixes bound in every graph newskg writes.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS), "prov": str(PROV), "dcterms": str(DCTERMS), "schema": str(SCHEMA),
    "skos": str(SKOS), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "sem": str(SEM), "org": str(ORG),
}

#: Participants an event must have to be written: role → event kinds needing it.
_REQUIRED = {
    "agents": ("voted", "said"),
    "patients": ("expelled", "suspended_from"),
    "bodies": ("suspended_from",),
}

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def bind_prefixes(graph: Graph) -> None:
    """Bind :data:`PREFIXES` on ``graph``, replacing rdflib's defaults for them."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def build_graph(extractions: Iterable[Extraction], resolution: Resolution) -> Dataset:
    """The dataset of ``extractions``: actors in the default graph, a graph per article."""
    dataset = Dataset()
    bind_prefixes(dataset)
    add_actors(dataset, resolution.actors)
    for extraction in extractions:
        add_article(dataset, extraction, resolution)
    return dataset


def add_actors(dataset: Dataset, actors: Iterable[Actor]) -> None:
    """Describe ``actors`` in the default graph of ``dataset``."""
    for actor in actors:
        for triple in actor_triples(actor):
            dataset.add(triple)


def add_article(dataset: Dataset, extraction: Extraction, resolution: Resolution) -> None:
    """Add the graph of one article to ``dataset``, named by the article's IRI."""
    graph = dataset.graph(article_iri(extraction.article.id))
    for triple in article_triples(extraction, resolution):
        graph.add(triple)


def union_graph(dataset: Dataset) -> Graph:
    """All triples of every graph of ``dataset`` in one graph, with its prefixes."""
    union = Graph()
    bind_prefixes(union)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        union.add((subject, predicate, obj))
    return union


# ---------------------------------------------------------------- actors


def actor_triples(actor: Actor) -> Iterator[Triple]:
    """The default-graph description of ``actor``: type, labels, member count."""
    iri = actor_iri(actor.key)
    cls = ACTOR_CLASSES.get(actor.type)
    if cls is None:
        log.warning("actor %r has unknown type %r; typed kg:Actor", actor.key, actor.type)
        cls = KG.Actor
    yield iri, RDF.type, cls
    yield iri, RDFS.label, text_literal(actor.label)
    for alt in sorted(set(actor.alt_labels) - {actor.label}):
        yield iri, SKOS.altLabel, text_literal(alt)
    if actor.type == "Group":
        count = count_literal(actor.member_count)
        if count is not None:
            yield iri, KG.memberCount, count


def _resolve(resolution: Resolution, article_id: str, mention: Mention) -> URIRef | None:
    try:
        return actor_iri(resolution.key(article_id, mention))
    except KeyError:
        log.warning("article %r: mention %r at %d-%d is not resolved to an actor; skipped",
                    article_id, mention.text, mention.start, mention.end)
        return None


def _resolve_all(resolution: Resolution, article_id: str,
                 mentions: Iterable[Mention]) -> list[URIRef]:
    iris = (_resolve(resolution, article_id, mention) for mention in mentions)
    return list(dict.fromkeys(iri for iri in iris if iri is not None))


# ---------------------------------------------------------------- articles


def article_triples(extraction: Extraction, resolution: Resolution) -> Iterator[Triple]:
    """The triples of one article's graph (``resolution`` needs only its mentions' keys)."""
    article = extraction.article
    iri = article_iri(article.id)
    yield from _article_metadata(article, iri)
    mentions = list(extraction.mentions)
    for event in extraction.events:
        mentions.extend(event.agents + event.patients + event.bodies)
    for role in extraction.roles:
        mentions.append(role.person)
        if role.of is not None:
            mentions.append(role.of)
    for actor in _resolve_all(resolution, article.id, mentions):
        yield iri, SCHEMA.mentions, actor
    for event in extraction.events:
        yield from _event_triples(article.id, iri, event, resolution)
    for role in extraction.roles:
        person = _resolve(resolution, article.id, role.person)
        if person is None:
            continue
        person_key = resolution.key(article.id, role.person)
        org = _resolve(resolution, article.id, role.of) if role.of is not None else None
        org_key = resolution.key(article.id, role.of) if org is not None and role.of else None
        role_node = role_iri(person_key, role.title, org_key)
        yield person, KG.holdsRole, role_node
        yield role_node, RDF.type, KG.Role
        yield role_node, KG.title, text_literal(role.title)
        if org is not None:
            yield role_node, KG.roleIn, org


def _article_metadata(article: Article, iri: URIRef) -> Iterator[Triple]:
    yield iri, RDF.type, KG.Article
    yield iri, DCTERMS.identifier, text_literal(article.id)
    if article.title:
        yield iri, DCTERMS.title, text_literal(article.title)
    day = date_literal(article.date)
    if day is not None:
        yield iri, DCTERMS.date, day
    elif article.date:
        log.debug("article %r: date %r is not ISO YYYY-MM-DD; skipped", article.id, article.date)
    url = iri_or_none(article.url)
    if url is not None:
        yield iri, SCHEMA.url, url
    elif article.url:
        log.debug("article %r: url %r is not an absolute IRI; skipped", article.id, article.url)


# ---------------------------------------------------------------- events


def _event_triples(article_id: str, article: URIRef, event: Event,
                   resolution: Resolution) -> Iterator[Triple]:
    cls = EVENT_CLASSES.get(event.kind)
    modality = MODALITIES.get(event.modality)
    if cls is None or modality is None:
        log.warning("article %r: event of kind %r, modality %r not in the ontology; skipped",
                    article_id, event.kind, event.modality)
        return
    roles = {name: _resolve_all(resolution, article_id, getattr(event, name))
             for name in _REQUIRED}
    missing = [name for name, kinds in _REQUIRED.items()
               if event.kind in kinds and not roles[name]]
    if missing or (event.kind == "said" and not (event.quote or event.content)):
        log.info("article %r: %s event %r lacks %s; skipped", article_id, event.kind,
                 event.trigger, ", ".join(missing) or "a quote")
        return
    # A statement has one speaker: several speakers give one statement each.
    speakers: list[list[URIRef]] = [[a] for a in roles["agents"]] if event.kind == "said" \
        else [roles["agents"]]
    for part, agents in enumerate(speakers):
        node = event_iri(article_id, event, part if len(speakers) > 1 else None)
        yield node, RDF.type, cls
        yield node, PROV.wasDerivedFrom, article
        yield node, KG.modality, modality
        for agent in agents:
            yield node, KG.agent, agent
        for patient in roles["patients"]:
            yield node, KG.patient, patient
        for body in roles["bodies"]:
            yield node, KG["from"], body
        yield from _event_values(node, event)
        if modality == KG.Asserted:
            yield from _direct_relations(node, event.kind, agents, roles)


def _event_values(node: URIRef, event: Event) -> Iterator[Triple]:
    """The literal-valued properties of an event (and its vote position)."""
    yield node, KG.evidence, text_literal(event.sentence)
    for prop, offset in ((KG.evidenceStart, event.sent_start), (KG.evidenceEnd, event.sent_end),
                         (KG.quoteStart, event.quote_start), (KG.quoteEnd, event.quote_end),
                         (KG.votesFor, event.votes_for),
                         (KG.votesAgainst, event.votes_against),
                         (KG.abstentions, event.abstentions)):
        value = count_literal(offset)
        if value is not None:
            yield node, prop, value
    if event.trigger:
        yield node, KG.trigger, text_literal(event.trigger)
    if event.quote:
        yield node, KG.quote, text_literal(event.quote)
    elif event.content:
        yield node, KG.content, text_literal(event.content)
    if event.indirect:
        yield node, KG.indirect, Literal(True)
    if event.motion:
        yield node, KG.motionText, text_literal(event.motion)
    if event.position is not None:
        position = POSITIONS.get(event.position)
        if position is None:
            log.warning("vote position %r not in the ontology; skipped", event.position)
        else:
            yield node, KG.position, position
    day = date_literal(event.date)
    if day is not None:
        yield node, KG.date, day
    confidence = confidence_literal(event.confidence)
    if confidence is not None:
        yield node, KG.confidence, confidence


def _direct_relations(node: URIRef, kind: str, agents: list[URIRef],
                      roles: dict[str, list[URIRef]]) -> Iterator[Triple]:
    """The actor-to-actor shortcuts written beside an asserted event."""
    if kind == "expelled":
        yield from ((a, KG.expelled, p) for a in agents for p in roles["patients"])
    elif kind == "suspended_from":
        yield from ((p, KG.suspendedFrom, b) for p in roles["patients"] for b in roles["bodies"])
    elif kind == "voted":
        yield from ((a, KG.voted, p) for a in agents for p in roles["patients"])
    elif kind == "said":
        yield from ((a, KG.said, node) for a in agents)
