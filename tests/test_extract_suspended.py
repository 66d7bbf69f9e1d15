"""Suspensions of a member from a body, from hand-built Docs; flights and talks are no members."""

from __future__ import annotations

from kg.extract.suspended import find_suspensions, is_governing_body
from kg.records import Event, Mention
from tests.docs import build_doc, context


def _suspend(annotation: str) -> list[Event]:
    return find_suspensions(context(build_doc(annotation), "2024-05-02"))


def _who(mentions: tuple) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in mentions]


def test_passive_suspension_from_a_council() -> None:
    [event] = _suspend("""
    Russia     PROPN NNP nsubjpass 2 GPE
    was        AUX   VBD auxpass   2 -   lemma=be
    suspended  VERB  VBN ROOT      2 -   lemma=suspend
    from       ADP   IN  prep      2 -
    the        DET   DT  det       7 -
    Human      PROPN NNP compound  7 ORG
    Rights     PROPN NNP compound  7 ORG
    Council    PROPN NNP pobj      3 ORG
    .          PUNCT .   punct     2 -
    """)
    assert event.kind == "suspended_from"
    assert _who(event.patients) == [("Russia", "Country")]
    assert _who(event.bodies) == [("United Nations Human Rights Council", "Organization")]
    assert event.agents == ()


def test_federation_suspending_a_player_is_the_body() -> None:
    [event] = _suspend("""
    The        DET   DT  det      3 -
    Italian    PROPN NNP compound 3 ORG
    Football   PROPN NNP compound 3 ORG
    Federation PROPN NNP nsubj    4 ORG
    suspended  VERB  VBD ROOT     4 -   lemma=suspend
    midfielder NOUN  NN  compound 7 -
    Paolo      PROPN NNP compound 7 PERSON
    Rossi      PROPN NNP dobj     4 PERSON
    .          PUNCT .   punct    4 -
    """)
    assert _who(event.patients) == [("Paolo Rossi", "Person")]
    assert _who(event.bodies) == [("Italian Football Federation", "Organization")]
    assert _who(event.agents) == [("Italian Football Federation", "Organization")]


def test_suspension_noun_with_of_and_from() -> None:
    [event] = _suspend("""
    Brazil     PROPN NNP nsubj 1 GPE
    backed     VERB  VBD ROOT  1 -   lemma=back
    the        DET   DT  det   3 -
    suspension NOUN  NN  dobj  1 -
    of         ADP   IN  prep  3 -
    Venezuela  PROPN NNP pobj  4 GPE
    from       ADP   IN  prep  3 -
    Mercosur   PROPN NNP pobj  6 ORG
    .          PUNCT .   punct 1 -
    """)
    assert event.trigger == "suspension"
    assert _who(event.patients) == [("Venezuela", "Country")]
    assert _who(event.bodies) == [("Mercosur", "Organization")]


def test_suspending_flights_is_not_a_suspension() -> None:
    assert _suspend("""
    The        DET   DT  det   1 -
    EU         PROPN NNP nsubj 2 ORG
    suspends   VERB  VBZ ROOT  2 -   lemma=suspend
    flights    NOUN  NNS dobj  2 -   lemma=flight
    to         ADP   IN  prep  3 -
    Minsk      PROPN NNP pobj  4 GPE
    .          PUNCT .   punct 2 -
    """) == []


def test_suspending_talks_is_not_a_suspension() -> None:
    assert _suspend("""
    The        DET   DT  det      2 -
    African    PROPN NNP compound 2 ORG
    Union      PROPN NNP nsubj    3 ORG
    suspended  VERB  VBD ROOT     3 -   lemma=suspend
    talks      NOUN  NNS dobj     3 -   lemma=talk
    with       ADP   IN  prep     4 -
    the        DET   DT  det      7 -
    junta      NOUN  NN  pobj     5 -
    .          PUNCT .   punct    3 -
    """) == []


def test_governing_body_suspending_a_named_member_state() -> None:
    # control for the negatives above: the same governing body, a real member
    [event] = _suspend("""
    The        DET   DT  det      2 -
    African    PROPN NNP compound 2 ORG
    Union      PROPN NNP nsubj    3 ORG
    suspended  VERB  VBD ROOT     3 -   lemma=suspend
    Niger      PROPN NNP dobj     3 GPE
    .          PUNCT .   punct    3 -
    """)
    assert _who(event.patients) == [("Niger", "Country")]
    assert _who(event.bodies) == [("African Union", "Organization")]


def test_junta_suspending_media_has_no_body() -> None:
    assert _suspend("""
    The        DET   DT  det      1 -
    junta      NOUN  NN  nsubj    2 -
    suspended  VERB  VBD ROOT     2 -   lemma=suspend
    three      NUM   CD  nummod   5 CARDINAL
    media      NOUN  NNS compound 5 -
    organizations NOUN NNS dobj   2 -   lemma=organization
    .          PUNCT .   punct    2 -
    """) == []


def test_governing_bodies() -> None:
    def org(name: str) -> Mention:
        return Mention(0, len(name), name, name, "Organization")

    assert is_governing_body(org("FIFA"))
    assert is_governing_body(org("Asian Hockey Federation"))
    assert not is_governing_body(org("Lufthansa"))
    assert not is_governing_body(Mention(0, 4, "Mali", "Mali", "Country"))
