"""Small hand-written newskg graphs for the actor-network tests."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "russia-expels-rights-groups.ttl"

PREFIXES = """
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix a: <https://w3id.org/newskg/id/actor/> .
@prefix e: <https://w3id.org/newskg/id/event/> .
@prefix d: <https://w3id.org/newskg/id/article/> .
"""

#: Two articles: Poland expels Russian diplomats twice (two days) and Russia expels
#: Polish ones; Russia is suspended from the Council of Europe after a vote; a
#: spokesperson speaks about Poland (and for the Russian foreign ministry); a
#: threatened expulsion (not a fact); a name with characters XML forbids.
SMALL = PREFIXES + """
d:one a kg:Article ; dcterms:identifier "one" ; dcterms:date "2022-03-01"^^xsd:date ;
    schema:mentions a:Poland, a:Russia, a:diplomats, a:Zakharova, a:MFA, a:UN .
d:two a kg:Article ; dcterms:identifier "two" ; dcterms:date "2022-03-16"^^xsd:date ;
    schema:mentions a:Poland, a:Russia, a:CoE, a:states, a:Odd .

a:Poland a kg:Country ; rdfs:label "Poland" ; skos:altLabel "Warsaw" ;
    owl:sameAs <http://www.wikidata.org/entity/Q36> .
a:Russia a kg:Country ; rdfs:label "Russia" ; skos:altLabel "Moscow", "Russian Federation" .
a:diplomats a kg:Group ; rdfs:label "45 Russian diplomats" ; kg:memberCount 45 .
a:Zakharova a kg:Person ; rdfs:label "Maria Zakharova" ;
    kg:holdsRole [ a kg:Role ; kg:title "spokesperson" ; kg:roleIn a:MFA ] .
a:MFA a kg:Organization ; rdfs:label "Russian Foreign Ministry" .
a:UN a kg:Organization ; rdfs:label "United Nations" ; skos:altLabel "UN" .
a:CoE a kg:Organization ; rdfs:label "Council of Europe" .
a:states a kg:Group ; rdfs:label "42 member states" .
a:Odd a kg:Organization ; rdfs:label "Odd\\u0001 Name  Group" .

e:x1 a kg:Expulsion ; kg:agent a:Poland ; kg:patient a:diplomats, a:Russia ;
    kg:date "2022-03-01"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:one ;
    kg:evidence "." .
e:x2 a kg:Expulsion ; kg:agent a:Poland ; kg:patient a:Russia ;
    kg:date "2022-03-02"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:one ;
    kg:evidence "." .
e:x3 a kg:Expulsion ; kg:agent a:Russia ; kg:patient a:Poland ;
    kg:date "2022-03-02"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:one ;
    kg:evidence "." .
e:x4 a kg:Expulsion ; kg:agent a:Russia ; kg:patient a:UN ;
    kg:modality kg:Threatened ; prov:wasDerivedFrom d:one ; kg:evidence "." .
e:s1 a kg:Suspension ; kg:patient a:Russia ; kg:from a:CoE ;
    kg:date "2022-03-16"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:two ;
    kg:evidence "." .
e:v1 a kg:Vote ; kg:agent a:states ; kg:motion e:s1 ; kg:position kg:InFavour ;
    kg:date "2022-03-16"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:two ;
    kg:evidence "." .
e:q1 a kg:Statement ; kg:agent a:Zakharova ;
    kg:quote "Warsaw will regret this, and the Russian Foreign Ministry will answer" ;
    kg:date "2022-03-02"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:one ;
    kg:evidence "." .
e:q2 a kg:Statement ; kg:agent a:Russia ; kg:content "Poland and Russia broke no un rules" ;
    kg:indirect true ;
    kg:date "2022-03-03"^^xsd:date ; kg:modality kg:Asserted ; prov:wasDerivedFrom d:one ;
    kg:evidence "." .
e:q3 a kg:Statement ; kg:agent a:Odd ; kg:quote "Poland" ;
    kg:modality kg:Asserted ; prov:wasDerivedFrom d:two ; kg:evidence "." .
"""


def write_small(folder: Path) -> Path:
    """The SMALL graph as a Turtle file in ``folder``."""
    path = folder / "small.ttl"
    path.write_text(SMALL, encoding="utf-8")
    return path


def labelled_edges(graph: object) -> set[tuple[str, str, str]]:
    """(source label, target label, relation) of every edge of a projected network."""
    g = graph  # a networkx MultiDiGraph
    return {(g.nodes[u]["label"], g.nodes[v]["label"], d["relation"])  # type: ignore[attr-defined]
            for u, v, d in g.edges(data=True)}  # type: ignore[attr-defined]
