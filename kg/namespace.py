"""RDF namespaces of newskg: the ontology's own terms and the vocabularies it reuses.

:class:`KG` lists every term of ``ontology/newskg.ttl`` (the test suite checks
the two agree), so a typo such as ``KG.Expulsoin`` fails at once instead of
writing an unknown IRI. ``kg:from`` is a Python keyword: spell it ``KG["from"]``.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

__all__ = ["BASE", "KG", "NIF", "ONTOLOGY_IRI", "ORG", "SCHEMA", "SEM"]

#: Prefix of every resource newskg mints (actors, articles, events, roles).
BASE = "https://w3id.org/newskg/id/"

#: IRI of the ontology document itself.
ONTOLOGY_IRI = "https://w3id.org/newskg/ontology"

#: Simple Event Model.
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
#: W3C Organization Ontology.
ORG = Namespace("http://www.w3.org/ns/org#")
#: NLP Interchange Format core.
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
#: schema.org, with the https scheme the scorer reads.
SCHEMA = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    """The newskg ontology, ``https://w3id.org/newskg/ontology#``."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")
    #: Names that are not Python identifiers.
    _extras = ["from"]  # noqa: RUF012  (rdflib's DefinedNamespace pattern)

    # Classes
    Actor: URIRef  # someone who can act: person, organisation, country, group
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Group: URIRef  # an unnamed counted collective ("93 countries")
    Place: URIRef
    Event: URIRef
    Expulsion: URIRef
    Suspension: URIRef
    Vote: URIRef
    Statement: URIRef
    Article: URIRef
    Role: URIRef
    Modality: URIRef
    VotePosition: URIRef

    # Modality individuals
    Asserted: URIRef
    Called: URIRef
    Demanded: URIRef
    Proposed: URIRef
    Threatened: URIRef
    Planned: URIRef
    Denied: URIRef
    Hypothetical: URIRef
    Attempted: URIRef
    Reported: URIRef

    # Vote positions
    InFavour: URIRef
    Against: URIRef
    Abstention: URIRef

    # Object properties
    agent: URIRef
    patient: URIRef
    motion: URIRef
    modality: URIRef
    position: URIRef
    holdsRole: URIRef
    roleIn: URIRef
    expelled: URIRef
    suspendedFrom: URIRef
    voted: URIRef
    said: URIRef

    # Datatype properties
    quote: URIRef
    date: URIRef
    votesFor: URIRef
    votesAgainst: URIRef
    abstentions: URIRef
    memberCount: URIRef
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    quoteStart: URIRef
    quoteEnd: URIRef
    confidence: URIRef
    trigger: URIRef
    indirect: URIRef
    content: URIRef
    title: URIRef
    motionText: URIRef


#: SPARQL prefix declarations for the vocabularies newskg's graphs use.
SPARQL_PREFIXES = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
