"""Expulsions read from hand-built Docs: active, passive, lists, orders to leave, negatives."""

from __future__ import annotations

from kg.extract.expelled import find_expulsions
from kg.records import Event
from tests.docs import build_doc, context

DATE = "2024-03-13"  # a Wednesday


def _expel(annotation: str, date: str | None = DATE) -> list[Event]:
    return find_expulsions(context(build_doc(annotation), date))


def _who(mentions: tuple) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in mentions]


def test_active_expulsion_of_a_diplomat() -> None:
    [event] = _expel("""
    Hungary    PROPN NNP nsubj 1 GPE
    expels     VERB  VBZ ROOT  1 -   lemma=expel
    a          DET   DT  det   4 -
    Russian    ADJ   JJ  amod  4 NORP
    diplomat   NOUN  NN  dobj  1 -
    .          PUNCT .   punct 1 -
    """)
    assert event.kind == "expelled" and event.trigger == "expels"
    assert _who(event.agents) == [("Hungary", "Country")]
    assert _who(event.patients) == [("Russian diplomat", "Person")]
    assert event.sentence == "Hungary expels a Russian diplomat."
    assert (event.modality, event.date) == ("asserted", DATE)


def test_passive_with_by_agent_and_weekday_date() -> None:
    [event] = _expel("""
    Two        NUM   CD  nummod    2 CARDINAL
    Ukrainian  ADJ   JJ  amod      2 NORP
    journalists NOUN NNS nsubjpass 4 -   lemma=journalist
    were       AUX   VBD auxpass   4 -   lemma=be
    expelled   VERB  VBN ROOT      4 -   lemma=expel
    by         ADP   IN  agent     4 -
    Belarus    PROPN NNP pobj      5 GPE
    on         ADP   IN  prep      4 -
    Monday     PROPN NNP pobj      7 DATE
    .          PUNCT .   punct     4 -
    """)
    assert _who(event.agents) == [("Belarus", "Country")]
    [group] = event.patients
    assert (group.name, group.type, group.count) == ("Two Ukrainian journalists", "Group", 2)
    assert event.date == "2024-03-11"


def test_agentless_passive_takes_the_country_deported_from_as_agent() -> None:
    [event] = _expel("""
    Tom        PROPN NNP compound  1 PERSON
    Hale       PROPN NNP nsubjpass 3 PERSON
    was        AUX   VBD auxpass   3 -   lemma=be
    deported   VERB  VBN ROOT      3 -   lemma=deport
    from       ADP   IN  prep      3 -
    Azerbaijan PROPN NNP pobj      4 GPE
    .          PUNCT .   punct     3 -
    """)
    assert _who(event.agents) == [("Azerbaijan", "Country")]
    assert _who(event.patients) == [("Tom Hale", "Person")]


def test_agentless_passive_without_source_has_no_agent_and_lower_confidence() -> None:
    [event] = _expel("""
    Tom        PROPN NNP compound  1 PERSON
    Hale       PROPN NNP nsubjpass 3 PERSON
    was        AUX   VBD auxpass   3 -   lemma=be
    deported   VERB  VBN ROOT      3 -   lemma=deport
    .          PUNCT .   punct     3 -
    """)
    assert event.agents == () and event.confidence < 0.9
    assert _who(event.patients) == [("Tom Hale", "Person")]


def test_coordinated_named_patients() -> None:
    [event] = _expel("""
    Poland     PROPN NNP nsubj    1 GPE
    expelled   VERB  VBD ROOT     1 -   lemma=expel
    Ivan       PROPN NNP compound 3 PERSON
    Petrov     PROPN NNP dobj     1 PERSON
    and        CCONJ CC  cc       3 -
    Oleg       PROPN NNP compound 6 PERSON
    Smirnov    PROPN NNP conj     3 PERSON
    .          PUNCT .   punct    1 -
    """)
    assert _who(event.agents) == [("Poland", "Country")]
    assert _who(event.patients) == [("Ivan Petrov", "Person"), ("Oleg Smirnov", "Person")]


def test_including_list_inside_a_counted_group() -> None:
    [event] = _expel("""
    Nicaragua  PROPN NNP nsubj  1 GPE
    expelled   VERB  VBD ROOT   1 -   lemma=expel
    15         NUM   CD  nummod 3 CARDINAL
    offices    NOUN  NNS dobj   1 -   lemma=office
    of         ADP   IN  prep   3 -
    foreign    ADJ   JJ  amod   6 -
    charities  NOUN  NNS pobj   4 -   lemma=charity
    ,          PUNCT ,   punct  3 -
    including  VERB  VBG prep   3 -   lemma=include
    Oxfam      PROPN NNP pobj   8 ORG
    ,          PUNCT ,   punct  9 -
    CARE       PROPN NNP conj   9 ORG
    and        CCONJ CC  cc     11 -
    Caritas    PROPN NNP conj   11 ORG
    .          PUNCT .   punct  1 -
    """)
    names = [m.name for m in event.patients]
    assert names[:3] == ["Oxfam", "CARE", "Caritas"]
    assert [(m.name, m.count) for m in event.patients[3:]] == [
        ("15 offices of foreign charities", 15)]
    assert _who(event.agents) == [("Nicaragua", "Country")]


def test_declared_persona_non_grata() -> None:
    [event] = _expel("""
    Lithuania  PROPN NNP nsubj    1 GPE
    declared   VERB  VBD ROOT     1 -   lemma=declare
    the        DET   DT  det      4 -
    Russian    ADJ   JJ  amod     4 NORP
    ambassador NOUN  NN  dobj     1 -
    persona    X     FW  compound 7 -
    non        X     FW  compound 7 -
    grata      X     FW  oprd     1 -
    .          PUNCT .   punct    1 -
    """)
    assert event.trigger == "declared"
    assert _who(event.agents) == [("Lithuania", "Country")]
    assert _who(event.patients) == [("Russian ambassador", "Person")]


def test_declaring_without_persona_non_grata_is_no_expulsion() -> None:
    assert _expel("""
    Lithuania  PROPN NNP nsubj    1 GPE
    declared   VERB  VBD ROOT     1 -   lemma=declare
    the        DET   DT  det      4 -
    Russian    ADJ   JJ  amod     4 NORP
    ambassador NOUN  NN  dobj     1 -
    unwelcome  ADJ   JJ  oprd     1 -
    .          PUNCT .   punct    1 -
    """) == []


def test_ordered_to_leave_the_country() -> None:
    [event] = _expel("""
    Mali       PROPN NNP nsubj 1 GPE
    ordered    VERB  VBD ROOT  1 -   lemma=order
    the        DET   DT  det   4 -
    French     ADJ   JJ  amod  4 NORP
    ambassador NOUN  NN  dobj  1 -
    to         PART  TO  aux   6 -
    leave      VERB  VB  xcomp 1 -
    the        DET   DT  det   8 -
    country    NOUN  NN  dobj  6 -
    .          PUNCT .   punct 1 -
    """)
    assert event.trigger == "ordered"
    assert _who(event.agents) == [("Mali", "Country")]
    assert _who(event.patients) == [("French ambassador", "Person")]


def test_capital_acting_as_its_state() -> None:
    [event] = _expel("""
    Moscow     PROPN NNP nsubj  1 GPE
    expelled   VERB  VBD ROOT   1 -   lemma=expel
    two        NUM   CD  nummod 4 CARDINAL
    Estonian   ADJ   JJ  amod   4 NORP
    diplomats  NOUN  NNS dobj   1 -   lemma=diplomat
    .          PUNCT .   punct  1 -
    """)
    [agent] = event.agents
    assert (agent.text, agent.name, agent.type) == ("Moscow", "Russia", "Country")
    assert [(m.name, m.count) for m in event.patients] == [("two Estonian diplomats", 2)]


def test_expulsion_noun_with_possessor_agent() -> None:
    [event] = _expel("""
    Germany    PROPN NNP nsubj  1 GPE
    condemned  VERB  VBD ROOT   1 -   lemma=condemn
    Russia     PROPN NNP poss   4 GPE
    's         PART  POS case   2 -
    expulsion  NOUN  NN  dobj   1 -
    of         ADP   IN  prep   4 -
    20         NUM   CD  nummod 8 CARDINAL
    German     ADJ   JJ  amod   8 NORP
    diplomats  NOUN  NNS pobj   5 -   lemma=diplomat
    .          PUNCT .   punct  1 -
    """)
    assert event.trigger == "expulsion"
    assert _who(event.agents) == [("Russia", "Country")]
    assert [(m.name, m.count) for m in event.patients] == [("20 German diplomats", 20)]


def test_attempt_to_expel_is_not_asserted() -> None:
    [event] = _expel("""
    Estonia    PROPN NNP nsubj 1 GPE
    tried      VERB  VBD ROOT  1 -   lemma=try
    to         PART  TO  aux   3 -
    expel      VERB  VB  xcomp 1 -
    the        DET   DT  det   6 -
    Russian    ADJ   JJ  amod  6 NORP
    envoy      NOUN  NN  dobj  3 -
    .          PUNCT .   punct 1 -
    """)
    assert _who(event.agents) == [("Estonia", "Country")]
    assert event.modality == "attempt"


def test_call_for_expulsion_is_a_call() -> None:
    [event] = _expel("""
    Lawmakers  NOUN  NNS nsubj     1 -   lemma=lawmaker
    called     VERB  VBD ROOT      1 -   lemma=call
    for        ADP   IN  prep      1 -
    the        DET   DT  det       5 -
    Russian    ADJ   JJ  amod      5 NORP
    ambassador NOUN  NN  nsubjpass 8 -
    to         PART  TO  aux       8 -
    be         AUX   VB  auxpass   8 -
    expelled   VERB  VBN pcomp     2 -   lemma=expel
    .          PUNCT .   punct     1 -
    """)
    assert _who(event.patients) == [("Russian ambassador", "Person")]
    assert event.modality == "call"


def test_threat_to_expel_by_a_capital() -> None:
    [event] = _expel("""
    Kyiv       PROPN NNP nsubj 1 GPE
    threatened VERB  VBD ROOT  1 -   lemma=threaten
    to         PART  TO  aux   3 -
    expel      VERB  VB  xcomp 1 -
    Hungarian  ADJ   JJ  amod  5 NORP
    diplomats  NOUN  NNS dobj  3 -   lemma=diplomat
    .          PUNCT .   punct 1 -
    """)
    assert _who(event.agents) == [("Ukraine", "Country")]
    assert event.modality == "threat"


def test_removal_of_tariffs_is_not_an_expulsion() -> None:
    assert _expel("""
    Ottawa     PROPN NNP nsubj 1 GPE
    welcomed   VERB  VBD ROOT  1 -   lemma=welcome
    the        DET   DT  det   3 -
    removal    NOUN  NN  dobj  1 -
    of         ADP   IN  prep  3 -
    US         PROPN NNP compound 6 GPE
    tariffs    NOUN  NNS pobj  4 -   lemma=tariff
    .          PUNCT .   punct 1 -
    """) == []


QUOTED = """
“          PUNCT ``  punct  11 -
Tallinn    PROPN NNP nsubj  3 GPE
will       AUX   MD  aux    3 -
expel      VERB  VB  ccomp  11 -
two        NUM   CD  nummod 6 CARDINAL
Russian    ADJ   JJ  amod   6 NORP
diplomats  NOUN  NNS dobj   3 -   lemma=diplomat
,          PUNCT ,   punct  11 -
”          PUNCT ''  punct  11 -
the        DET   DT  det    10 -
minister   NOUN  NN  nsubj  11 -
said       VERB  VBD ROOT   11 -   lemma=say
.          PUNCT .   punct  11 -
"""


def test_expulsion_inside_a_quotation_is_ignored() -> None:
    doc = build_doc(QUOTED)
    assert doc.text.startswith("“Tallinn will expel two Russian diplomats,” the minister")
    assert find_expulsions(context(doc, DATE)) == []


def test_same_words_without_quotation_marks_are_an_expulsion() -> None:
    events = _expel("""
    Tallinn    PROPN NNP nsubj  2 GPE
    will       AUX   MD  aux    2 -
    expel      VERB  VB  ccomp  9 -
    two        NUM   CD  nummod 5 CARDINAL
    Russian    ADJ   JJ  amod   5 NORP
    diplomats  NOUN  NNS dobj   2 -   lemma=diplomat
    ,          PUNCT ,   punct  9 -
    the        DET   DT  det    8 -
    minister   NOUN  NN  nsubj  9 -
    said       VERB  VBD ROOT   9 -   lemma=say
    .          PUNCT .   punct  9 -
    """)
    assert [(e.trigger, [a.name for a in e.agents]) for e in events] == [("expel", ["Estonia"])]
    assert events[0].modality == "asserted"  # reported speech does not block the event


def test_a_chamber_voting_to_expel_with_the_clause_hung_on_its_abstentions() -> None:
    # "The Senate votes 60-14 with eight abstentions to expel Ana Ruiz"
    [event] = _expel("""
    The         DET   DT  det      1 -
    Senate      PROPN NNP nsubj    2 ORG
    votes       VERB  VBZ ROOT     2 -   lemma=vote
    60-14       NOUN  NNS dobj     2 CARDINAL
    with        ADP   IN  prep     2 -
    eight       NUM   CD  nummod   6 CARDINAL
    abstentions NOUN  NNS pobj     4 -   lemma=abstention
    to          PART  TO  aux      8 -
    expel       VERB  VB  acl      6 -   lemma=expel
    Ana         PROPN NNP compound 10 PERSON
    Ruiz        PROPN NNP dobj     8 PERSON
    .           PUNCT .   punct    2 -
    """)
    assert _who(event.agents) == [("Senate", "Organization")]
    assert _who(event.patients) == [("Ana Ruiz", "Person")]
