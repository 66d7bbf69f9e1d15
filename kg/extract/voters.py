"""One vote sentence read: who voted, on what, in which position.

:func:`read_vote` reads the word a vote hangs on: the verb "vote" ("93
countries voted to suspend Russia", "X and Y voted against"), a noun ("a
Knesset vote", "a vote by the Senate"), a decision a deliberative body takes
by voting ("the House impeached ...", "the Senate confirmed ..."), a motion
that passes ("The articles passed 230-197"), votes a candidate received, and
voters who oppose or support a motion. The :class:`Passage` carries what
earlier vote sentences established (the voting body, the target) to the
sentences that go on about the same vote; :mod:`kg.extract.voted` turns the
readings into events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.arguments import mention_at
from kg.extract.context import Context
from kg.extract.events import actors_of, linear_roles
from kg.extract.lexicon import ASSEMBLY_WORDS, BODY_VOTE_VERBS, STATE_ASSEMBLIES
from kg.extract.syntax import by_agents, is_passive, objects, passive_subjects, subjects
from kg.extract.tally import read_tally
from kg.records import Mention

#: Verbs whose object, in a motion, must be a person ("to elect", "to appoint").
PERSON_MOTIONS = frozenset({"elect", "appoint", "confirm", "nominate", "choose", "select",
                            "impeach", "acquit", "convict", "reelect", "re-elect"})
#: Nouns naming what an assembly votes on.
MOTION_NOUNS = frozenset({"bill", "resolution", "motion", "article", "amendment", "measure",
                          "act", "proposal", "budget", "treaty", "impeachment", "nomination",
                          "legislation", "law", "referendum", "charge", "charges"})
#: Verbs by which a motion is decided ("the bill passed 218-214").
MOTION_VERBS = frozenset({"pass", "adopt", "approve", "fail", "carry", "clear"})
#: Verbs by which a voter takes a position on a motion.
POSITION_VERBS = {"oppose": "against", "reject": "against", "support": "for", "back": "for",
                  "endorse": "for"}
#: Verbs by which a candidate receives votes.
RECEIVE_VERBS = frozenset({"receive", "win", "get", "garner", "secure", "obtain"})
_PARTISAN = re.compile(r"\b(?:democratic|republican|conservative|labour|liberal|opposition|"
                       r"ruling|socialist|green)\b", re.IGNORECASE)


@dataclass
class Passage:
    """What earlier vote sentences established: the voting body and the motion's target."""

    voters: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    date: str | None = None
    sentence: int = -100
    seen: set[int] = field(default_factory=set)


def is_assembly(actor: Mention) -> bool:
    return bool({w.lower() for w in re.findall(r"\w+", actor.name)} & ASSEMBLY_WORDS)


def is_state_assembly(actors: tuple[Mention, ...]) -> bool:
    return any(a.type == "Organization" and any(s in (a.name.lower() + " ") for s in
                                                STATE_ASSEMBLIES) for a in actors)


def _positions(verb: Token) -> list[str]:
    """"voted for the first article but against the second": every position taken."""
    found: list[str] = []
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "prep" or child.dep_ in {"advmod", "prt"}:
            if word == "against" and "against" not in found:
                found.append("against")
            elif word in {"for", "in"} and "for" not in found and (
                    word == "for" or any(g.lower_ in {"favor", "favour"} for g in child.children)):
                found.append("for")
            for conj in child.conjuncts:
                if conj.lower_ == "against" and "against" not in found:
                    found.append("against")
    if verb.lemma_ == "abstain":
        return ["abstain"]
    return found or ["for"]


def _motion_clauses(verb: Token) -> list[Token]:
    """Clauses or phrases saying what a vote was on ("to suspend X", "on X", "for X").

    The parser may attach the infinitive anywhere in the vote's clause ("votes
    93-18, with 65 abstentions, to pass ..."), so any "to" infinitive below the
    verb counts.
    """
    direct = [c for c in verb.children if c.dep_ == "xcomp" or (
        c.dep_ == "prep" and c.lower_ in {"on", "for", "against", "in"})]
    if direct:
        return direct
    return [t for t in verb.subtree if t.i > verb.i and t.pos_ == "VERB"
            and t.dep_ in {"acl", "advcl", "xcomp", "relcl"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)][:1]


def _targets_in(clause: Token, ctx: Context, voters: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The actor a motion clause acts on: its object, else the first actor named in it."""
    heads = objects(clause) if clause.pos_ in {"VERB", "AUX"} or clause.dep_ in {
        "xcomp", "advcl", "acl", "relcl"} else [g for g in clause.children if g.dep_ == "pobj"]
    wanted = {"Person"} if clause.lemma_ in PERSON_MOTIONS else {
        "Person", "Country", "Organization", "Group"}
    direct = [m for m in actors_of(heads, ctx, groups=False) if m.type in wanted]
    if not direct:
        span = ctx.doc[clause.left_edge.i:clause.right_edge.i + 1]
        direct = [m for t in span if (m := mention_at(t, ctx.mentions)) is not None
                  and m.type in wanted and m not in voters and not _aside(t, clause)][:1]
    return tuple(m for m in direct if m not in voters)


def _aside(token: Token, clause: Token) -> bool:
    """Whether ``token`` is in an aside of ``clause`` rather than in what is voted on:
    "to elect a president, with polls favouring X", "to elect a president after X resigned"."""
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in {"advcl", "relcl", "parataxis"} or (
                token.dep_ == "prep" and token.lower_ in {"with", "after", "following", "despite"}):
            return True
        token = token.head
    return False


def _motion(verb: Token, ctx: Context, voters: tuple[Mention, ...]) -> tuple[
        tuple[Mention, ...], str | None]:
    """The actor the motion acts on, and the motion's words."""
    for clause in _motion_clauses(verb):
        text = ctx.doc[clause.left_edge.i:clause.right_edge.i + 1].text
        return _targets_in(clause, ctx, voters), text
    return (), None


#: Words that, before "vote" or governing it, say the vote has not been held.
VOTE_NOT_HELD = frozenset({"ahead", "before", "upcoming", "planned", "scheduled", "expected",
                           "proposed", "possible", "future", "pending", "forthcoming", "next",
                           "prior", "potential", "snap", "early", "new", "second", "fresh"})


def _assembly_of(vote: Token, ctx: Context) -> tuple[Mention, ...]:
    """The assembly that held the vote a noun names: "a Knesset vote", "the Senate's vote".

    Nothing when the words around say it is still to come ("ahead of a Senate vote",
    "the planned Knesset vote").
    """
    if any(c.lower_ in VOTE_NOT_HELD for c in vote.children) or any(
            a.lower_ in VOTE_NOT_HELD for a in vote.ancestors if a.i < vote.i):
        return ()
    heads = [c for c in vote.children if c.dep_ in {"compound", "poss"} and c.i < vote.i]
    return tuple(m for m in actors_of(heads, ctx, groups=False)
                 if m.type == "Organization" and is_assembly(m))


def _voters(heads: list[Token], ctx: Context) -> tuple[Mention, ...]:
    """Voters named by subject heads; "the new members of the House" is the House itself,
    "Democratic members of the House" a group of it; "include" lists add voters."""
    out: list[Mention] = []
    for head in heads:
        for m in actors_of([head], ctx, acting=True):
            if m.type == "Group" and head.lemma_ == "member" and not _PARTISAN.search(m.text):
                body = [b for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children for b in actors_of([g], ctx, groups=False)
                        if b.type == "Organization"]
                if body:
                    m = body[0]
            if m not in out:
                out.append(m)
        if head.dep_ == "nsubj" and head.head.lemma_ in {"include", "be", "comprise"}:
            listed = objects(head.head) or [c for c in head.head.children if c.dep_ == "attr"]
            out += [m for m in actors_of(listed, ctx, acting=True) if m not in out]
    return tuple(out)


@dataclass(frozen=True)
class Reading:
    """What one vote word says: the voters, what the vote acted on, the motion's words,
    the positions taken, and whether the voters were carried over from the passage."""

    voters: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    motion: str | None
    positions: tuple[str, ...] = ("for",)
    carried_voters: bool = False


def read_vote(token: Token, ctx: Context, passage: Passage) -> Reading | None:
    """Who voted at ``token`` and on what, or ``None`` when it is no vote."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma == "vote":
        if token.dep_ == "ROOT" and token.tag_ in {"NNS", "VBZ"}:
            # "The Social Democratic Party votes to remove ...": a verb parsed as a noun
            agent, _ = linear_roles(token, ctx)
            if agent:
                targets, motion = _motion(token, ctx, agent)
                return Reading(agent, targets, motion)
        clauses = [token] + [c for c in token.children if c.dep_ in {"acl", "relcl"}
                             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        agents = [g for t in clauses for c in t.children if c.dep_ in {"prep", "agent"}
                  and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        voters = _voters(agents, ctx)
        if not voters and not (passage.sentence >= 0 and any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)):
            # "a Knesset vote"; "the Senate vote" after a vote was told is that vote again
            voters = _assembly_of(token, ctx)
        if not voters:
            return None
        targets, motion = _motion(token, ctx, voters)
        return Reading(voters, targets, motion)
    if token.pos_ == "NOUN" and lemma == "abstention":
        # "the abstentions of Russia and China": each abstained
        voters = _voters([g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"], ctx)
        return Reading(voters, passage.targets, None, ("abstain",)) if voters else None
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
        return None
    if lemma == "veto":  # "the United States vetoes a resolution": a vote against
        voters = _voters(subjects(token), ctx)
        targets = tuple(m for o in objects(token) for m in _targets_in(o, ctx, voters))
        return Reading(voters, targets, None, ("against",)) if voters else None
    if lemma in {"vote", "abstain"}:
        heads = subjects(token) or (passive_subjects(token) if lemma == "vote" else []) or [
            c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        # (the last: "the Federal Assembly votes" parsed with "Assembly" a compound of "votes")
        if is_passive(token):  # "being voted into the position by the Congress"
            voters = _voters(by_agents(token), ctx)
            objects_of_vote = passive_subjects(token) or (
                # "X resumed the office, being voted into it by Y": X was voted in
                subjects(token.head) if token.dep_ in {"advcl", "xcomp", "ccomp"} and not any(
                    c.dep_ in {"aux", "auxpass"} and c.tag_ not in {"VBG", "VBN"}
                    for c in token.children) else [])
            targets = actors_of(objects_of_vote, ctx, groups=False)
            return Reading(voters, targets, None) if voters else None
        voters = _voters(heads, ctx)
        targets, motion = _motion(token, ctx, voters)
        return Reading(voters, targets, motion, tuple(_positions(token)))
    if lemma in BODY_VOTE_VERBS:
        voters = _voters(by_agents(token) if is_passive(token) else subjects(token), ctx)
        heads = passive_subjects(token) if is_passive(token) else objects(token)
        # "the bill passed", "the bill was approved": the motion is the subject
        motion_heads = passive_subjects(token) if is_passive(token) else (
            [] if objects(token) else subjects(token))
        motion_passed = lemma in MOTION_VERBS and any(
            h.lemma_.lower() in MOTION_NOUNS for h in motion_heads)
        if motion_passed and not voters and (read_tally(token.sent.text).votes_for
                                             or passage.voters):
            return Reading(passage.voters, passage.targets, None, carried_voters=True)
        if lemma in PERSON_MOTIONS and is_passive(token) and not voters \
                and len(passage.voters) == 1 and passage.voters[0].type == "Organization":
            # "The Federal Assembly votes to elect a new member. X is elected ...":
            # the body of the vote just told elected the person
            persons = tuple(m for m in actors_of(heads, ctx, groups=False) if m.type == "Person")
            return Reading(passage.voters, persons, None, carried_voters=True) \
                if persons else None
        if not any(is_assembly(v) for v in voters):
            return None
        wanted = {"Person"} if lemma in PERSON_MOTIONS else {"Person", "Country",
                                                              "Organization"}
        targets = tuple(m for m in actors_of(heads, ctx, groups=False) if m.type in wanted)
        if targets:
            return Reading(voters, targets, None)
        if lemma in PERSON_MOTIONS:
            return Reading(voters, (), None) if voters and read_tally(
                token.sent.text).votes_for else None
        targets, motion = _motion(token, ctx, voters)
        if not targets and not motion and not read_tally(token.sent.text).votes_for:
            return None  # "the Senate acquitted both of them": no one to vote on
        return Reading(voters, targets, motion)
    if lemma in POSITION_VERBS and passage.sentence >= 0:
        objs = objects(token)
        if any(o.lemma_.lower() in MOTION_NOUNS for o in objs) or not objs:
            voters = _voters(subjects(token), ctx)
            if voters:
                return Reading(voters, passage.targets, None, (POSITION_VERBS[lemma],))
    if lemma in RECEIVE_VERBS and passage.voters and read_tally(token.sent.text).votes_for:
        targets = actors_of(subjects(token), ctx, groups=False)
        if targets and all(t.type == "Person" for t in targets):
            return Reading(passage.voters, targets, None, carried_voters=True)
    return None
