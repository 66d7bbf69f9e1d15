"""Modality of event triggers in hand-built Docs: calls, threats, attempts, denials, modals."""

from __future__ import annotations

import pytest

from kg.extract.modality import modality_of
from tests.docs import build_doc

CASES = {
    "asserted": """
        Estonia    PROPN NNP nsubj 1 GPE
        expelled   VERB  VBD ROOT  1 -   lemma=expel
        two        NUM   CD  nummod 3 -
        spies      NOUN  NNS dobj  1 -   lemma=spy
        .          PUNCT .   punct 1 -
    """,
    "call": """
        The        DET   DT  det       1 -
        EU         PROPN NNP nsubj     2 ORG
        called     VERB  VBD ROOT      2 -   lemma=call
        for        ADP   IN  prep      2 -
        Russia     PROPN NNP nsubjpass 7 GPE
        to         PART  TO  aux       7 -
        be         AUX   VB  auxpass   7 -
        expelled   VERB  VBN pcomp     3 -   lemma=expel
        .          PUNCT .   punct     2 -
    """,
    "threat": """
        Kyiv       PROPN NNP nsubj 1 GPE
        threatened VERB  VBD ROOT  1 -   lemma=threaten
        to         PART  TO  aux   3 -
        expel      VERB  VB  xcomp 1 -
        envoys     NOUN  NNS dobj  3 -   lemma=envoy
        .          PUNCT .   punct 1 -
    """,
    "attempt": """
        Minsk      PROPN NNP nsubj 2 GPE
        is         AUX   VBZ aux   2 -   lemma=be
        trying     VERB  VBG ROOT  2 -   lemma=try
        to         PART  TO  aux   4 -
        expel      VERB  VB  xcomp 2 -
        reporters  NOUN  NNS dobj  4 -   lemma=reporter
        .          PUNCT .   punct 2 -
    """,
    "plan": """
        Riga       PROPN NNP nsubj 1 GPE
        plans      VERB  VBZ ROOT  1 -   lemma=plan
        to         PART  TO  aux   3 -
        expel      VERB  VB  xcomp 1 -
        envoys     NOUN  NNS dobj  3 -   lemma=envoy
        .          PUNCT .   punct 1 -
    """,
}

TRIGGER = "expel"


@pytest.mark.parametrize("modality", sorted(CASES))
def test_governing_verbs(modality: str) -> None:
    doc = build_doc(CASES[modality])
    [trigger] = [t for t in doc if t.lemma_ == TRIGGER]
    assert modality_of(trigger) == modality


def test_negation_is_a_denial() -> None:
    doc = build_doc("""
    Estonia    PROPN NNP nsubj 3 GPE
    did        AUX   VBD aux   3 -   lemma=do
    not        PART  RB  neg   3 -
    expel      VERB  VB  ROOT  3 -
    anyone     PRON  NN  dobj  3 -
    .          PUNCT .   punct 3 -
    """)
    assert modality_of(doc[3]) == "denial"


def test_denying_an_expulsion_is_a_denial() -> None:
    doc = build_doc("""
    Moscow     PROPN NNP nsubj 1 GPE
    denied     VERB  VBD ROOT  1 -   lemma=deny
    expelling  VERB  VBG xcomp 1 -   lemma=expel
    reporters  NOUN  NNS dobj  2 -   lemma=reporter
    .          PUNCT .   punct 1 -
    """)
    assert modality_of(doc[2]) == "denial"


def test_modal_makes_it_hypothetical() -> None:
    doc = build_doc("""
    Diplomats  NOUN  NNS nsubjpass 3 -   lemma=diplomat
    could      AUX   MD  aux       3 -
    be         AUX   VB  auxpass   3 -
    expelled   VERB  VBN ROOT      3 -   lemma=expel
    .          PUNCT .   punct     3 -
    """)
    assert modality_of(doc[3]) == "hypothetical"


def test_if_clause_is_hypothetical() -> None:
    doc = build_doc("""
    If         SCONJ IN  mark   2 -
    Moscow     PROPN NNP nsubj  2 GPE
    expels     VERB  VBZ advcl  6 -   lemma=expel
    envoys     NOUN  NNS dobj   2 -   lemma=envoy
    ,          PUNCT ,   punct  6 -
    we         PRON  PRP nsubj  6 -
    respond    VERB  VBP ROOT   6 -
    .          PUNCT .   punct  6 -
    """)
    assert modality_of(doc[2]) == "hypothetical"
    assert modality_of(doc[6]) == "asserted"


def test_calls_noun_governs_expulsion_noun() -> None:
    doc = build_doc("""
    Calls      NOUN  NNS nsubj 4 -   lemma=call
    for        ADP   IN  prep  0 -
    the        DET   DT  det   3 -
    expulsion  NOUN  NN  pobj  1 -
    multiplied VERB  VBD ROOT  4 -   lemma=multiply
    """)
    assert modality_of(doc[3]) == "call"


def test_reported_speech_keeps_the_event_asserted() -> None:
    doc = build_doc("""
    Officials  NOUN  NNS nsubj 1 -   lemma=official
    said       VERB  VBD ROOT  1 -   lemma=say
    Oslo       PROPN NNP nsubj 3 GPE
    expelled   VERB  VBD ccomp 1 -   lemma=expel
    spies      NOUN  NNS dobj  3 -   lemma=spy
    .          PUNCT .   punct 1 -
    """)
    assert modality_of(doc[3]) == "asserted"


def test_coordinated_event_does_not_inherit_the_first_verbs_governor() -> None:
    doc = build_doc("""
    Warsaw     PROPN NNP nsubj 1 GPE
    threatened VERB  VBD ROOT  1 -   lemma=threaten
    sanctions  NOUN  NNS dobj  1 -   lemma=sanction
    and        CCONJ CC  cc    1 -
    expelled   VERB  VBD conj  1 -   lemma=expel
    spies      NOUN  NNS dobj  4 -   lemma=spy
    .          PUNCT .   punct 1 -
    """)
    assert modality_of(doc[4]) == "asserted"


def test_an_adjunct_clause_keeps_its_own_modality() -> None:
    # "rejects the bill, with 21 members joining 10 others in voting against it"
    doc = build_doc("""
        Congress   PROPN NNP nsubj    1 ORG
        rejects    VERB  VBZ ROOT     1 -   lemma=reject
        the        DET   DT  det      3 -
        bill       NOUN  NN  dobj     1 -
        ,          PUNCT ,   punct    1 -
        with       ADP   IN  prep     1 -
        21         NUM   CD  nummod   7 CARDINAL
        members    NOUN  NNS nsubj    8 -   lemma=member
        joining    VERB  VBG pcomp    5 -   lemma=join
        others     NOUN  NNS dobj     8 -   lemma=other
        in         ADP   IN  prep     8 -
        voting     VERB  VBG pobj     10 -  lemma=vote
        against    ADP   IN  prep     11 -
        it         PRON  PRP pobj     12 -
        .          PUNCT .   punct    1 -
    """)
    assert modality_of(doc[11]) == "asserted"


def test_a_requirement_is_hypothetical() -> None:
    # "support will be required from the Greens to pass legislation"
    doc = build_doc("""
        support     NOUN  NN  nsubjpass 3 -
        will        AUX   MD  aux       3 -
        be          AUX   VB  auxpass   3 -
        required    VERB  VBN ROOT      3 -   lemma=require
        from        ADP   IN  prep      3 -
        the         DET   DT  det       6 -
        Greens      PROPN NNP pobj      4 ORG
        to          PART  TO  aux       8 -
        pass        VERB  VB  advcl     3 -
        legislation NOUN  NN  dobj      8 -
        .           PUNCT .   punct     3 -
    """)
    assert modality_of(doc[8]) == "hypothetical"
