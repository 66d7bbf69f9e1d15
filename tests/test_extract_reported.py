"""Reported speech and vote stories, from hand-built Docs (no model)."""

from __future__ import annotations

from kg.extract.reported import find_indirect_statements
from kg.extract.voted import find_votes
from tests.docs import build_doc, context

MINISTRY_SAID = """
The        DET   DT  det      2 -
foreign    ADJ   JJ  amod     2 -
ministry   NOUN  NN  nsubj    3 -   lemma=ministry
said       VERB  VBD ROOT     3 -   lemma=say
the        DET   DT  det      5 -
envoys     NOUN  NNS nsubj    7 -   lemma=envoy
had        AUX   VBD aux      7 -   lemma=have
broken     VERB  VBN ccomp    3 -   lemma=break
local      ADJ   JJ  amod     9 -
law        NOUN  NN  dobj     7 -
.          PUNCT .   punct    3 -
"""


def test_named_speaker_with_a_clause_is_an_indirect_statement() -> None:
    doc = build_doc("""
    Marta      PROPN NNP compound 1 PERSON
    Lindqvist  PROPN NNP nsubj    2 PERSON
    said       VERB  VBD ROOT     2 -   lemma=say
    that       SCONJ IN  mark     6 -
    the        DET   DT  det      5 -
    talks      NOUN  NNS nsubj    6 -   lemma=talk
    failed     VERB  VBD ccomp    2 -   lemma=fail
    over       ADP   IN  prep     6 -
    border     NOUN  NN  compound 9 -
    fees       NOUN  NNS pobj     7 -   lemma=fee
    .          PUNCT .   punct    2 -
    """)
    [event] = find_indirect_statements(context(doc, "2024-03-02"))
    assert (event.kind, event.indirect, event.quote) == ("said", True, None)
    assert event.agents[0].name == "Marta Lindqvist"
    assert event.content == "the talks failed over border fees"
    assert event.modality == "asserted"


def test_clause_with_a_quotation_is_left_to_direct_speech() -> None:
    doc = build_doc("""
    Marta      PROPN NNP compound 1 PERSON
    Lindqvist  PROPN NNP nsubj    2 PERSON
    said       VERB  VBD ROOT     2 -   lemma=say
    the        DET   DT  det      4 -
    talks      NOUN  NNS nsubj    5 -   lemma=talk
    were       AUX   VBD ccomp    2 -   lemma=be
    “          PUNCT ``  punct    8 -
    a          DET   DT  det      8 -
    farce      NOUN  NN  attr     5 -
    ”          PUNCT ''  punct    5 -
    .          PUNCT .   punct    2 -
    """)
    assert find_indirect_statements(context(doc, "2024-03-02")) == []


def test_an_unnamed_body_speaks_as_its_description() -> None:
    # nothing named a ministry before: the speaker is "foreign ministry" as described
    doc = build_doc(MINISTRY_SAID)
    [event] = find_indirect_statements(context(doc, "2024-03-02"))
    assert (event.agents[0].name, event.agents[0].type) == ("foreign ministry", "Organization")
    assert event.content == "the envoys had broken local law"


def test_pronoun_they_is_not_guessed() -> None:
    doc = build_doc("""
    They       PRON  PRP nsubj    1 -
    said       VERB  VBD ROOT     1 -   lemma=say
    the        DET   DT  det      3 -
    vote       NOUN  NN  nsubj    4 -
    was        AUX   VBD ccomp    1 -   lemma=be
    rigged     ADJ   JJ  acomp    4 -
    by         ADP   IN  prep     5 -
    officials  NOUN  NNS pobj     6 -   lemma=official
    .          PUNCT .   punct    1 -
    """)
    assert find_indirect_statements(context(doc, "2024-03-02")) == []


def test_a_vote_story_shares_its_tally() -> None:
    doc = build_doc("""
    The             DET   DT  det      3 -
    Northland       PROPN NNP compound 2 ORG
    Senate          PROPN NNP nsubj    3 ORG
    impeached       VERB  VBD ROOT     3 -   lemma=impeach
    Governor        PROPN NNP compound 6 -
    Ada             PROPN NNP compound 6 PERSON
    Brandt          PROPN NNP dobj     3 PERSON
    .               PUNCT .   punct    3 -
    \\n\\n          SPACE _SP dep      7 -
    The             DET   DT  det      10 -
    charge          NOUN  NN  nsubj    11 -
    passed          VERB  VBD ROOT     11 -  lemma=pass
    by              ADP   IN  prep     11 -
    41              NUM   CD  nummod   14 CARDINAL
    votes           NOUN  NNS pobj     12 - lemma=vote
    to              ADP   IN  prep     14 -
    12              NUM   CD  pobj     15 CARDINAL
    .               PUNCT .   punct    11 -
    """)
    events = find_votes(context(doc, "2024-03-02"))
    assert events, "the impeachment is a vote"
    assert {(e.agents[0].name, e.position, e.patients[0].name) for e in events} == {
        ("Northland Senate", "for", "Ada Brandt"), ("12 members", "against", "Ada Brandt")}
    assert all((e.votes_for, e.votes_against) == (41, 12) for e in events)
