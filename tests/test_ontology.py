"""The ontology and the SHACL shapes parse, and agree with :class:`kg.namespace.KG`."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespace import KG, ONTOLOGY_IRI

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
NS = str(KG._NS)

#: Terms the scorer reads (/work/shared/eval/README.md).
SCORER_TERMS = ("Person", "Organization", "Country", "Place", "Group", "memberCount", "evidence",
                "date", "Expulsion", "Suspension", "Vote", "Statement", "agent", "patient",
                "from", "motion", "votesFor", "votesAgainst", "abstentions", "quote",
                "modality", "Asserted")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "newskg.ttl", format="turtle")


def _ontology_terms(graph: Graph) -> set[URIRef]:
    return {term for triple in graph for term in triple
            if isinstance(term, URIRef) and str(term).startswith(NS)}


def _kg_terms() -> set[URIRef]:
    return {URIRef(term) for term in dir(KG)} | {KG[name] for name in KG._extras}


def test_ontology_header(ontology: Graph) -> None:
    iri = URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in ontology
    for prop in (OWL.versionInfo, URIRef("http://purl.org/dc/terms/title"),
                 URIRef("http://purl.org/dc/terms/description"),
                 URIRef("http://purl.org/dc/terms/license")):
        assert ontology.value(iri, prop) is not None, prop


def test_namespace_matches_ontology(ontology: Graph) -> None:
    defined = _ontology_terms(ontology)
    assert defined == _kg_terms()
    for term in defined:  # every term used is declared, not just mentioned
        assert ontology.value(term, RDF.type) is not None, term


def test_every_term_is_documented(ontology: Graph) -> None:
    for term in _ontology_terms(ontology):
        labels = [lab for lab in ontology.objects(term, RDFS.label)
                  if isinstance(lab, Literal) and lab.language == "en"]
        comments = [c for c in ontology.objects(term, RDFS.comment)
                    if isinstance(c, Literal) and c.language == "en"]
        assert labels and comments, term


def test_scorer_terms_are_defined(ontology: Graph) -> None:
    for name in SCORER_TERMS:
        assert (KG[name], RDF.type, None) in ontology, name


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        KG.Expulsoin  # noqa: B018


def test_datatype_properties_not_under_object_properties(ontology: Graph) -> None:
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for parent in ontology.objects(prop, RDFS.subPropertyOf):
            assert (parent, RDF.type, OWL.ObjectProperty) not in ontology, (prop, parent)


def test_shapes_parse() -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert len(set(shapes.subjects(RDF.type, URIRef(sh + "NodeShape")))) >= 8
