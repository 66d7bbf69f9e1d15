"""Dependency helpers shared by the relation extractors.

Small functions over spaCy tokens: who is the subject of a verb (through
control, coordination and relative clauses), its objects, its passive
agent, the object of a preposition. They return tokens, never records.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive ("was expelled", "are deported")."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) \
        or (verb.tag_ == "VBN" and verb.dep_ == "acl")


def _relative_head(verb: Token) -> Token | None:
    """The noun a relative or participle clause describes ("diplomats who were expelled")."""
    if verb.dep_ in {"relcl", "acl"}:
        return verb.head
    return None


def subjects(verb: Token) -> list[Token]:
    """Grammatical subjects of ``verb`` (active voice), inherited through control and ``conj``."""
    own = sorted((c for c in verb.children if c.dep_ in SUBJECT_DEPS),
                 key=lambda c: abs(c.i - verb.i))  # the nearest first, if misparsed twice
    if own:
        rel = _relative_head(verb)
        if rel is not None and own[0].lower_ in _RELATIVE:
            return [rel]
        return own
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ROOT" and head.pos_ == "NOUN" \
            and head.tag_ in {"NNS", "VBZ"}:
        # "The Senate censures and suspends X": the first verb misparsed as a noun
        return [c for c in head.children if c.dep_ in {"nsubj", "compound"}][:1]
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        if verb.dep_ == "conj" and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.head.children):
            return []
        return subjects(verb.head)
    rel = _relative_head(verb)
    if rel is not None and not is_passive(verb):
        return [rel]
    return []


def passive_subjects(verb: Token) -> list[Token]:
    """The subjects of a passive ``verb`` (who undergoes it)."""
    own = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if own:
        rel = _relative_head(verb)
        if rel is not None and own[0].lower_ in _RELATIVE:
            return [rel]
        return own
    rel = _relative_head(verb)
    if rel is not None:
        return [rel]
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        # "men detained in X are deported": a reduced relative parsed as the main verb
        return passive_subjects(verb.head) or [c for c in verb.head.children
                                               if c.dep_ == "nsubj" and verb.head.tag_ == "VBN"]
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ in {"VERB", "AUX"}:
        return subjects(verb.head)  # "X resumed office, being voted in by ..."
    return []


def objects(verb: Token) -> list[Token]:
    """Direct objects of ``verb``; a clause's object when the verb is coordinated."""
    own = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if not own:
        # "pardons and releases 4,893 prisoners": objects shared with a conjunct
        for conj in verb.conjuncts:
            if conj.i > verb.i:
                own = [c for c in conj.children if c.dep_ in {"dobj", "obj"}]
                if own:
                    break
    return own


def by_agents(verb: Token) -> list[Token]:
    """The agents of a passive verb ("by the ministry")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]


def is_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a "to" infinitive ("voted to approve")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of prepositions ``preps`` attached to ``token`` ("from the council")."""
    out: list[Token] = []
    for c in token.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
    return out


def possessor(noun: Token) -> Token | None:
    """The possessor of a noun ("Russia's expulsion" -> Russia)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.tag_ not in {"PRP$", "WP$"}:
            return c
    return None


def ancestors_through_clauses(token: Token) -> Iterator[Token]:
    """Heads above ``token``, climbing clause, complement and phrase links."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in {"nsubj", "nsubjpass"} and current.head.i != token.i:
            break
        current = current.head
        yield current


def sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """Character offsets and text of a sentence, trimmed of surrounding space and bullets."""
    text = sent.text
    left = len(text) - len(text.lstrip(" \n\t•·▪‣◦●*"))
    right = len(text.rstrip())
    return sent.start_char + left, sent.start_char + right, text[left:right]
