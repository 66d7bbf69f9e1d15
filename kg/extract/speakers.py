"""Speakers: the named actor a speech verb's subject, or an "according to", stands for.

:func:`speaker_of` resolves a subject token to a mention: a name, a pronoun
("she added": the person named before), a description ("the ministry said":
the last ministry named; "the government": the administration named before),
a spokesperson ("his spokesperson": the spokesperson of the person named
before), a report or statement (its author), or a role ("the head of the
police").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import mention_at, phrase_mention, proper_name_mention, role_mention
from kg.extract.context import Context
from kg.extract.events import actors_of, person_pronoun
from kg.extract.lexicon import EXECUTIVE_WORDS, ORG_DESCRIPTIONS, SPEAKER_PRONOUNS, SPEECH_NOUNS
from kg.extract.names import fold
from kg.records import Mention


def _previous_subject(token: Token, ctx: Context, wanted: set[str]) -> Mention | None:
    """The named subject of the sentence before ``token``'s, if of a wanted kind."""
    sent = token.sent
    if sent.start == 0:
        return None
    previous = ctx.doc[sent.start - 1].sent
    for t in previous:
        if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT" and not ctx.in_quote(t):
            found = mention_at(t, ctx.mentions) or proper_name_mention(t) or (
                next((m for u in t.subtree if not ctx.in_quote(u)
                      and (m := mention_at(u, ctx.mentions)) is not None
                      and m.type in wanted), None))
            if found is not None and found.type in wanted:
                return found
    return None


def _resolve_pronoun(token: Token, ctx: Context, history: list[Mention]) -> Mention | None:
    """The actor a pronoun speaker refers back to.

    The named subject of the sentence just before; else the last speaker of
    a fitting kind when it spoke in the last few sentences; else the last
    named actor of that kind that was the subject of a recent sentence; else
    the last one named.
    """
    wanted = {"Person"} if token.lower_ in {"he", "she", "i", "him", "her"} else {
        "Organization", "Country", "Group"}
    same_sentence = [m for m in ctx.mentions if token.sent.start_char <= m.start < token.idx
                     and m.type in wanted
                     and not any(a <= m.start < b for a, b in ctx.quotes)]
    previous = _previous_subject(token, ctx, wanted)
    if previous is not None and not same_sentence:
        return previous
    window = token.sent.start_char - 400
    for m in reversed(history):
        if m.type in wanted and m.end >= window:
            return m
    before = [m for m in ctx.mentions if m.end <= token.idx and m.type in wanted
              and not any(s <= m.start < e for s, e in ctx.quotes)]
    for m in reversed(before[-6:]):
        head = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if head is not None and (head.root.dep_ in {"nsubj", "nsubjpass"} or (
                head.root.dep_ == "appos" and head.root.head.dep_ in {"nsubj", "nsubjpass"})):
            return m
    if before:
        return before[-1]
    for m in reversed(history):
        if m.type in wanted:
            return m
    return None


def _resolve_description(token: Token, ctx: Context) -> Mention | None:
    """"the ministry said": the last organisation named with that word ("the government":
    with that word or another word for it, "the Javier Milei administration")."""
    word = token.lemma_.lower()
    words = EXECUTIVE_WORDS if word in EXECUTIVE_WORDS else {word}
    before = [m for m in ctx.mentions if m.end <= token.idx
              and m.type in {"Organization", "Country"}]
    for m in reversed(before):
        if words & set(fold(m.name).split()):
            return m
    return None


#: Words for a spokesperson.
SPOKESPERSONS = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _resolve_spokesperson(token: Token, ctx: Context,
                          history: list[Mention]) -> Mention | None:
    """"The spokesperson added": the spokesperson who spoke last, else whose spokesperson
    the last one named was ("an Interpol spokesperson stated ... The spokesperson added":
    Interpol)."""
    if token.lemma_.lower() not in SPOKESPERSONS or any(
            c.dep_ in {"compound", "poss"} for c in token.children):
        return None
    spoke = next((m for m in reversed(history) if "spokes" in m.text.lower()), None)
    if spoke is not None:
        return spoke
    for earlier in reversed(ctx.doc[max(token.i - 200, 0):token.i]):
        if earlier.lemma_.lower() in SPOKESPERSONS and not ctx.in_quote(earlier):
            return next((m for c in earlier.children if c.dep_ in {"compound", "poss"}
                         and (m := mention_at(c, ctx.mentions)) is not None), None)
    return None


def _owned_role(head: Token, ctx: Context) -> Mention | None:
    """"according to his spokesperson": the spokesperson of the person "his" refers to,
    named "<person>'s spokesperson"."""
    owner = next((p for c in head.children if c.dep_ == "poss"
                  and (p := person_pronoun(c, ctx, possessive=True)) is not None), None)
    role = role_mention(head) if owner is not None else None
    if owner is None or role is None:
        return None
    words = [t.text for t in head.doc[head.left_edge.i:head.i + 1] if t.dep_ != "poss"
             and t.dep_ != "det"]
    return Mention(role.start, role.end, role.text, f"{owner.name}'s {' '.join(words)}",
                   "Person")


def speaker_of(head: Token, ctx: Context, history: list[Mention]) -> Mention | None:
    """The named speaker a subject token stands for."""
    mentions = ctx.mentions
    named = mention_at(head, mentions)
    if named is not None:
        return named
    if head.lower_ in SPEAKER_PRONOUNS and head.lower_ not in {"we", "i"}:
        return _resolve_pronoun(head, ctx, history)
    if head.lemma_.lower() in SPEECH_NOUNS:
        # "the OAS report says": its author; "a statement released by X's office": X;
        # "the statement said": the last speaker
        for child in head.children:
            if child.dep_ in {"compound", "poss", "nmod"}:
                found = mention_at(child, mentions)
                if found is not None:
                    return found
        for clause in (c for c in head.children if c.dep_ in {"acl", "relcl"}):
            for agent in (g for c in clause.children if c.dep_ in {"agent", "prep"}
                          and c.lower_ in {"by", "from"} for g in c.children
                          if g.dep_ == "pobj"):
                found = speaker_of(agent, ctx, history)
                if found is not None:
                    return found
        return history[-1] if history else None
    for child in head.children:  # "the advocacy group, ACLJ, said"
        if child.dep_ == "appos":
            named = mention_at(child, mentions)
            if named is not None and named.type != "Place":
                return named
    # "The Prime Minister of Greenland, Mute Bourup Egede, says"; "a student named Wong said"
    people = [m for t in head.subtree if not ctx.in_quote(t)
              and (m := mention_at(t, mentions)) is not None and m.type == "Person"]
    if people:
        return people[0]
    actors = [m for m in actors_of([head], ctx, groups=False) if m.type != "Place"]
    if actors:
        return actors[0]
    proper = proper_name_mention(head) or next(
        (m for t in head.subtree if t.pos_ == "PROPN" and t.i != head.i and not ctx.in_quote(t)
         and t.dep_ in {"appos", "compound"} and (m := proper_name_mention(t)) is not None
         and m.type == "Person"), None)
    if proper is not None:
        return proper
    if head.lemma_.lower() in ORG_DESCRIPTIONS:
        return _resolve_spokesperson(head, ctx, history) or _resolve_description(head, ctx) \
            or phrase_mention(head) or _owned_role(head, ctx)
    return role_mention(head)
