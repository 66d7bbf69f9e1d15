"""Modality: is an event asserted as fact, or called for, threatened, denied?

A call, demand, proposal, threat, plan, attempt or denial is not an event
that happened ("called for Russia to be expelled", "trying to expel").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import HYPOTHETICAL_MODALS, MODALITY_GOVERNORS, MODALITY_NOUNS

_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "acl", "dobj",
                           "relcl", "conj", "nsubjpass", "nsubj", "csubj", "attr", "oprd"})


#: Prepositions that open an adjunct clause, whose event the main verb does not qualify.
ADJUNCT_PREPS = frozenset({"with", "after", "following", "amid", "despite"})


def _own_modality(token: Token) -> str | None:
    """Modality marked on the token itself: a modal, a negation, an "if" clause."""
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_MODALS:
            return "hypothetical"
        if child.dep_ == "aux" and child.lower_ in {"can", "ca"} and any(
                c.dep_ == "neg" for c in token.children):
            return "denial"
        if child.dep_ == "neg":
            return "denial"
        if child.dep_ == "mark" and child.lower_ in {"if", "unless", "whether"}:
            return "hypothetical"
    return None


def modality_of(trigger: Token) -> str:
    """The modality of the event ``trigger`` signals: ``"asserted"`` or why not.

    Climbs from the trigger through clause links: "calls for Russia to be
    expelled" is a call, "threatened to expel" a threat, "did not expel" a
    denial, "could be expelled" hypothetical.
    """
    own = _own_modality(trigger)
    if own:
        return own
    current = trigger
    for _ in range(6):
        if current.dep_ not in _CLAUSE_LINKS or current.head.i == current.i:
            break
        link, current = current.dep_, current.head
        if link == "pcomp" and current.lower_ in ADJUNCT_PREPS:
            break  # "rejects the bill, with 21 members joining ... in voting against"
        lemma = current.lemma_.lower()
        if current.pos_ in {"VERB", "AUX"}:
            if lemma in MODALITY_GOVERNORS and link != "conj":
                return MODALITY_GOVERNORS[lemma]
            own = _own_modality(current)
            if own and link in {"xcomp", "ccomp", "conj"}:
                return own
            if link in {"ccomp", "advcl"} and lemma not in {"say", "announce", "report"}:
                break
        elif current.pos_ == "NOUN" and current.lower_ in MODALITY_NOUNS:
            return MODALITY_NOUNS[current.lower_]
    return "asserted"
