"""What a vote was on: the words of its motion and the actors the motion acts on.

:func:`read_motion` finds the clause or phrase a vote word governs ("voted to
suspend Russia from the council", "voted for X", "a motion ... against Y") and
the actor it acts on: its object, else the first actor named in it that is not
in an aside ("with polls favouring X", "called by X").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import mention_at
from kg.extract.context import Context
from kg.extract.events import actors_of
from kg.extract.syntax import is_infinitive, objects
from kg.records import Mention

#: Verbs whose object, in a motion, must be a person ("to elect", "to appoint").
PERSON_MOTIONS = frozenset({"elect", "appoint", "confirm", "nominate", "choose", "select",
                            "impeach", "acquit", "convict", "reelect", "re-elect"})
#: Nouns naming what an assembly votes on.
MOTION_NOUNS = frozenset({"bill", "resolution", "motion", "article", "amendment", "measure",
                          "act", "proposal", "budget", "treaty", "impeachment", "nomination",
                          "legislation", "law", "referendum", "charge", "charges"})


def _motion_clauses(verb: Token) -> list[Token]:
    """Clauses or phrases saying what a vote was on ("to suspend X", "on X", "for X").

    The parser may attach the infinitive anywhere in the vote's clause ("votes
    93-18, with 65 abstentions, to pass ..."), so any "to" infinitive below the
    verb counts.
    """
    direct = [c for c in verb.children if c.dep_ == "xcomp" or (
        c.dep_ == "prep" and c.lower_ in {"on", "for", "against", "in"} and c.i > verb.i)]
    # (a phrase before the verb sets the scene: "On Thursday the House voted for X")
    if direct:
        return direct
    return [t for t in verb.subtree if t.i > verb.i and t.pos_ == "VERB"
            and t.dep_ in {"acl", "advcl", "xcomp", "relcl"}
            and is_infinitive(t)][:1]


def targets_in(clause: Token, ctx: Context, voters: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The actor a motion clause acts on: its object, else the first actor named in it."""
    heads = objects(clause) if clause.pos_ in {"VERB", "AUX"} or clause.dep_ in {
        "xcomp", "advcl", "acl", "relcl"} else [g for g in clause.children if g.dep_ == "pobj"]
    wanted = {"Person"} if clause.lemma_ in PERSON_MOTIONS else {
        "Person", "Country", "Organization", "Group"}
    direct = [m for m in actors_of(heads, ctx, groups=False) if m.type in wanted]
    if not direct and any(h.pos_ == "PRON" for h in heads):
        return ()  # "to refer them to the full House": who "them" are was told before
    if not direct:
        span = ctx.doc[clause.left_edge.i:clause.right_edge.i + 1]
        found = [(t, m) for t in span if (m := mention_at(t, ctx.mentions)) is not None
                 and m.type in wanted and m not in voters and not _aside(t, clause)]
        # "a motion of no confidence, called by X, against Y": Y, whom the motion is against
        direct = [m for t, m in found if _against_motion(t)][:1] \
            or [m for _, m in found][:1]
    return tuple(m for m in direct if m not in voters)


def _against_motion(token: Token) -> bool:
    """Whether ``token`` is the object of "against" on a motion: "a motion against X",
    "a motion of no confidence against X"."""
    if token.dep_ != "pobj" or token.head.lower_ != "against":
        return False
    noun = token.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "motion of no confidence"
        noun = noun.head.head
    return noun.lemma_.lower() in MOTION_NOUNS


def _aside(token: Token, clause: Token) -> bool:
    """Whether ``token`` is in an aside of ``clause`` rather than in what is voted on:
    "to elect a president, with polls favouring X", "to elect a president after X resigned",
    "to pass a motion, called by X and Y, against Z" (who moved a motion is not what it
    acts on)."""
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in {"advcl", "relcl", "parataxis", "agent"} or (
                token.dep_ == "acl" and token.tag_ == "VBN") or (
                token.dep_ == "prep" and token.lower_ in {"with", "after", "following", "despite",
                                                          "by"}):
            return True
        token = token.head
    return False


def read_motion(verb: Token, ctx: Context, voters: tuple[Mention, ...]) -> tuple[
        tuple[Mention, ...], str | None]:
    """The actor the motion acts on, and the motion's words."""
    for clause in _motion_clauses(verb):
        text = ctx.doc[clause.left_edge.i:clause.right_edge.i + 1].text
        return targets_in(clause, ctx, voters), text
    return (), None
