"""People's roles from hand-built Docs: appositions, possessives, nationality adjectives."""

from __future__ import annotations

from kg.extract.actors import find_mentions
from kg.extract.roles import find_roles
from kg.records import Role
from tests.docs import build_doc


def _roles(annotation: str) -> list[Role]:
    doc = build_doc(annotation)
    return find_roles(doc, mentions=find_mentions(doc))


def _flat(roles: list[Role]) -> list[tuple[str, str, str | None, str | None]]:
    return [(r.person.name, r.title, r.of.name if r.of else None, r.of.type if r.of else None)
            for r in roles]


def test_apposition_title_of_organisation() -> None:
    roles = _roles("""
    Helena     PROPN NNP compound 1 PERSON
    Marsh      PROPN NNP nsubj    10 PERSON
    ,          PUNCT ,   punct    1 -
    secretary  NOUN  NN  compound 4 -
    general    NOUN  NN  appos    1 -
    of         ADP   IN  prep     4 -
    the        DET   DT  det      8 -
    Arctic     PROPN NNP compound 8 ORG
    Council    PROPN NNP pobj     5 ORG
    ,          PUNCT ,   punct    1 -
    arrived    VERB  VBD ROOT     10 -  lemma=arrive
    .          PUNCT .   punct    10 -
    """)
    assert _flat(roles) == [("Helena Marsh", "secretary general", "Arctic Council",
                             "Organization")]


def test_organisation_possessive_before_title_and_name() -> None:
    roles = _roles("""
    Amnesty    PROPN NNP compound 1 ORG
    International PROPN NNP poss  6 ORG
    's         PART  POS case     1 -
    executive  ADJ   JJ  amod     4 -
    director   NOUN  NN  compound 6 -
    Paul       PROPN NNP compound 6 PERSON
    Grant      PROPN NNP nsubj    7 PERSON
    resigned   VERB  VBD ROOT     7 -   lemma=resign
    .          PUNCT .   punct    7 -
    """)
    assert _flat(roles) == [("Paul Grant", "executive director", "Amnesty International",
                             "Organization")]


def test_country_possessive_president() -> None:
    roles = _roles("""
    Russia     PROPN NNP poss     4 GPE
    's         PART  POS case     0 -
    President  PROPN NNP compound 4 -
    Ivan       PROPN NNP compound 4 PERSON
    Sokolov    PROPN NNP nsubj    5 PERSON
    spoke      VERB  VBD ROOT     5 -   lemma=speak
    .          PUNCT .   punct    5 -
    """)
    assert _flat(roles) == [("Ivan Sokolov", "President", "Russia", "Country")]


def test_nationality_adjective_gives_the_country() -> None:
    roles = _roles("""
    Ukrainian  ADJ   JJ  amod     1 NORP
    President  PROPN NNP compound 3 -
    Petro      PROPN NNP compound 3 PERSON
    Hrytsenko  PROPN NNP nsubj    4 PERSON
    arrived    VERB  VBD ROOT     4 -   lemma=arrive
    .          PUNCT .   punct    4 -
    """)
    [role] = roles
    assert _flat(roles) == [("Petro Hrytsenko", "President", "Ukraine", "Country")]
    assert (role.of.start, role.of.end, role.of.text) == (0, 9, "Ukrainian")


def test_apposition_that_is_no_title_gives_no_role() -> None:
    assert _roles("""
    Helena     PROPN NNP compound 1 PERSON
    Marsh      PROPN NNP nsubj    6 PERSON
    ,          PUNCT ,   punct    1 -
    a          DET   DT  det      4 -
    mother     NOUN  NN  appos    1 -
    ,          PUNCT ,   punct    1 -
    arrived    VERB  VBD ROOT     6 -  lemma=arrive
    .          PUNCT .   punct    6 -
    """) == []
