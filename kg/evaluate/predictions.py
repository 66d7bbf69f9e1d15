"""What a graph predicts, read through the contract of the shared scorer.

Only these terms are read (``/work/shared/eval/README.md``): events typed
``kg:Expulsion``, ``kg:Suspension``, ``kg:Vote`` or ``kg:Statement`` that are
``prov:wasDerivedFrom`` an article with a ``dcterms:identifier``; their
``kg:agent``, ``kg:patient``, ``kg:from``, ``kg:motion``, ``kg:quote``,
``kg:date``, ``kg:votesFor``/``kg:votesAgainst``/``kg:abstentions`` and
``kg:evidence``; actors' labels, types and ``kg:memberCount``; and the
actors each article ``schema:mentions``. An event whose ``kg:modality`` is
anything but ``kg:Asserted`` is not a fact and is left out.

Events and actors are read in the graph's own order, as the shared scorer
does: the first of two predictions saying the same thing is the one kept,
and actors take gold entities first come, first served. To score a dataset
just built exactly as the file ``kg extract`` writes, read it through
:func:`graph_as_written`.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.errors import InputError
from kg.evaluate.text import fold_name, quote_words
from kg.namespace import KG, SCHEMA

__all__ = ["PredictedActor", "PredictedRelation", "Predictions", "graph_as_written",
           "load_graph", "read_predictions"]

log = logging.getLogger(__name__)

#: Event class → the gold relation it predicts.
EVENT_RELATIONS: dict[URIRef, str] = {
    KG.Expulsion: "expelled", KG.Suspension: "suspended_from",
    KG.Vote: "voted", KG.Statement: "said",
}
#: schema.org's ``mentions`` under both schemes rdflib tools write.
MENTIONS = (SCHEMA.mentions, URIRef("http://schema.org/mentions"))
_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
_TALLIES = (KG.votesFor, KG.votesAgainst, KG.abstentions)
_QUAD_FORMATS = ("trig", "nquads", "trix")


@dataclass(frozen=True)
class PredictedRelation:
    """One subject-object pair of an asserted event, names folded.

    ``obj`` holds the object's names (empty for a vote on no actor and for a
    ``said`` relation, which has its ``quote`` instead). ``dates``, ``counts``
    and ``evidence`` belong to the whole event.
    """

    article: str
    relation: str
    subject: frozenset[str]
    obj: frozenset[str]
    quote: str | None
    dates: frozenset[str]
    counts: frozenset[int]
    evidence: bool
    event: str

    def claim(self) -> tuple[str, frozenset[str], object]:
        """What the pair says; two pairs with the same claim are one prediction."""
        said = " ".join(quote_words(self.quote or ""))
        return self.relation, self.subject, said if self.relation == "said" else self.obj


@dataclass(frozen=True)
class PredictedActor:
    """An actor an article mentions: its folded names and its ``kg:`` types."""

    iri: str
    names: frozenset[str]
    types: frozenset[str]


@dataclass(frozen=True)
class Predictions:
    """Everything read from a graph, by article id."""

    relations: Mapping[str, tuple[PredictedRelation, ...]]
    actors: Mapping[str, tuple[PredictedActor, ...]]
    events_without_provenance: int


def load_graph(path: str | Path) -> Graph:
    """Parse the RDF file ``path`` (syntax from its extension: any syntax newskg writes).

    Named graphs (TriG, N-Quads) are merged. RDF/XML and unknown extensions
    are refused (:func:`kg.rdf.read.rdf_format`); JSON-LD is parsed by
    pyoxigraph, which loads no remote context (rdflib's parser would fetch a
    ``@context`` URL or read a file it names). Raises
    :class:`~kg.errors.InputError` when the file cannot be read or parsed.
    """
    from kg.rdf.read import oxigraph_format, rdf_format

    fmt = rdf_format(path)
    try:
        data = Path(path).read_bytes()
        if fmt == "json-ld":
            import pyoxigraph

            quads = pyoxigraph.parse(data, format=oxigraph_format(fmt))
            data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS) or b""
            fmt = "nquads"
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(data=data, format=fmt)
            return _merged(dataset)
        graph = Graph()
        graph.parse(data=data, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many kinds of errors
        raise InputError(f"cannot parse the graph as {fmt}: {exc}", source=str(path)) from exc
    return graph


def read_predictions(graph: Graph) -> Predictions:
    """The relations and mentioned actors of every article of ``graph``."""
    if isinstance(graph, Dataset):
        graph = _merged(graph)
    relations: dict[str, list[PredictedRelation]] = defaultdict(list)
    orphans: set[Node] = set()
    for cls, relation in EVENT_RELATIONS.items():
        for event in _in_order(graph.subjects(RDF.type, cls)):
            articles = _article_ids(graph, event)
            if not articles:
                orphans.add(event)
            elif _asserted(graph, event):
                pairs = list(_pairs(graph, event, relation))
                for article in articles:
                    relations[article] += [_relation(graph, event, relation, article, s, o)
                                           for s, o in pairs]
    if orphans:
        log.warning("%d events are derived from no article with an identifier", len(orphans))
    return Predictions({k: tuple(v) for k, v in relations.items()},
                       _mentioned_actors(graph), len(orphans))


def graph_as_written(data: Dataset | Graph) -> Graph:
    """``data`` read back from its Turtle serialisation, the file ``kg extract`` writes.

    Its triples come in the order of that file, so predictions read from it
    are those read from the written file.
    """
    from kg.rdf.write import serialize

    graph = Graph()
    graph.parse(data=serialize(data, "turtle"), format="turtle")
    return graph


def _merged(dataset: Dataset) -> Graph:
    merged = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _in_order(nodes: Iterable[Node]) -> list[Node]:
    """``nodes`` without repeats, in the order the graph gives them."""
    return list(dict.fromkeys(nodes))


def _article_ids(graph: Graph, node: Node) -> list[str]:
    return sorted({str(doc) for article in graph.objects(node, PROV.wasDerivedFrom)
                   for doc in graph.objects(article, DCTERMS.identifier)})


def _asserted(graph: Graph, event: Node) -> bool:
    return all(m == KG.Asserted for m in graph.objects(event, KG.modality))


def _pairs(graph: Graph, event: Node, relation: str) -> Iterable[tuple[Node, Node | None]]:
    """(subject, object) nodes of ``event``; the object of ``said`` is its quote literal."""
    agents = _in_order(graph.objects(event, KG.agent))
    patients = _in_order(graph.objects(event, KG.patient))
    if relation == "expelled":
        return [(a, p) for a in agents for p in patients]
    if relation == "suspended_from":
        return [(p, body) for p in patients for body in _in_order(graph.objects(event, KG["from"]))]
    if relation == "voted":
        if not patients:  # a vote on a motion: the motion's patient is what was voted on
            patients = _in_order(p for motion in graph.objects(event, KG.motion)
                               for p in graph.objects(motion, KG.patient))
        targets: list[Node | None] = list(patients) or [None]
        return [(a, t) for a in agents for t in targets]
    return [(a, q) for a in agents for q in _in_order(graph.objects(event, KG.quote))]


def _relation(graph: Graph, event: Node, relation: str, article: str,
              subject: Node, obj: Node | None) -> PredictedRelation:
    counts = {n for p in _TALLIES for n in _whole_numbers(graph.objects(event, p))}
    if relation == "voted":  # a counted group of voters stands for its members
        counts |= {n for a in graph.objects(event, KG.agent)
                   for n in _whole_numbers(graph.objects(a, KG.memberCount))}
    said = relation == "said"
    return PredictedRelation(
        article=article, relation=relation, subject=names_of(graph, subject),
        obj=frozenset() if said or obj is None else names_of(graph, obj),
        quote=str(obj) if said else None,
        dates=frozenset(str(d) for d in graph.objects(event, KG.date)),
        counts=frozenset(counts),
        evidence=any(True for _ in graph.objects(event, KG.evidence)),
        event=str(event))


def names_of(graph: Graph, node: Node) -> frozenset[str]:
    """The folded labels of ``node``; without any, the folded tail of its IRI."""
    names = {fold_name(label) for p in _LABELS for label in graph.objects(node, p)}
    if not names and isinstance(node, URIRef):
        tail = re.split(r"[/#]", str(node))[-1]
        names.add(fold_name(tail.replace("_", " ")))
    return frozenset(names)


def _whole_numbers(values: Iterable[Node]) -> Iterable[int]:
    for value in values:
        try:
            yield int(value.toPython() if isinstance(value, Literal) else str(value))
        except (TypeError, ValueError):
            log.debug("not a whole number: %r", value)


def _mentioned_actors(graph: Graph) -> dict[str, tuple[PredictedActor, ...]]:
    mentioned: dict[str, dict[Node, None]] = defaultdict(dict)
    for predicate in MENTIONS:
        for article, actor in graph.subject_objects(predicate):
            for doc in _article_ids_of_article(graph, article):
                mentioned[doc].setdefault(actor)
    kg_ns = str(KG._NS)
    return {doc: tuple(PredictedActor(
        str(actor), names_of(graph, actor),
        frozenset(str(t)[len(kg_ns):] for t in graph.objects(actor, RDF.type)
                  if str(t).startswith(kg_ns)))
        for actor in actors) for doc, actors in mentioned.items()}


def _article_ids_of_article(graph: Graph, article: Node) -> set[str]:
    return {str(doc) for doc in graph.objects(article, DCTERMS.identifier)}
