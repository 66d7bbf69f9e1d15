"""One vote sentence read: who voted, on what, in which position.

:func:`read_vote` reads the word a vote hangs on: the verb "vote" ("93
countries voted to suspend Russia", "X and Y voted against"), a noun ("a
Knesset vote", "a vote by the Senate"), a decision a deliberative body takes
by voting ("the House impeached ...", "the Senate confirmed ..."), a motion
that passes ("The articles passed 230-197"), votes a candidate received, and
voters who oppose or support a motion; :func:`read_defection` reads the
counted groups that left their side ("fifteen Democrats defected"). What the
vote was on is read by :mod:`kg.extract.motions`. The :class:`Passage` carries what
earlier vote sentences established (the voting body, the target) to the
sentences that go on about the same vote; :mod:`kg.extract.voted` turns the
readings into events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.arguments import phrase_mention
from kg.extract.context import Context
from kg.extract.events import actors_of, linear_roles
from kg.extract.lexicon import ASSEMBLY_WORDS, BODY_VOTE_VERBS, STATE_ASSEMBLIES
from kg.extract.motions import MOTION_NOUNS, PERSON_MOTIONS, read_motion, targets_in
from kg.extract.syntax import (
    by_agents,
    is_infinitive,
    is_passive,
    objects,
    passive_subjects,
    subjects,
)
from kg.extract.tally import read_tally
from kg.records import Mention

#: Verbs by which a motion is decided ("the bill passed 218-214").
MOTION_VERBS = frozenset({"pass", "adopt", "approve", "fail", "carry", "clear"})
#: Verbs by which a voter takes a position on a motion.
POSITION_VERBS = {"oppose": "against", "reject": "against", "support": "for", "back": "for",
                  "endorse": "for"}
#: Verbs by which members leave their side in a vote ("fifteen Democrats defected").
DEFECT_VERBS = frozenset({"defect", "rebel"})
#: Verbs and the objects that make them idioms of the same ("broke ranks", "crossed party lines").
DEFECT_IDIOMS = {"break": frozenset({"rank", "ranks"}),
                 "cross": frozenset({"line", "lines", "aisle", "floor"})}
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


def _joined(verb: Token) -> list[Token]:
    """"X joining Y in voting against ...": X and Y voted."""
    prep = verb.head
    if verb.dep_ in {"pobj", "pcomp"} and prep.lower_ == "in" and prep.head.lemma_ == "join":
        return subjects(prep.head) + objects(prep.head)
    return []


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
    # "the United Kingdom parliament votes": the parliament, not the country it belongs to
    bodies = [body for h in heads if h.pos_ == "NOUN"
              and (body := phrase_mention(h)) is not None and is_assembly(body)]
    return tuple(m for m in bodies or actors_of(heads, ctx, groups=False)
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


def read_defection(token: Token, ctx: Context) -> tuple[Mention, ...]:
    """The counted groups that left their side of a vote at ``token``, or nothing.

    "Altogether, fifteen Democrats defected", "Two Republicans broke ranks":
    only counted groups, and only where the verb leads nowhere else ("defected
    to the South", "rebelled against the junta" are no votes).
    """
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or not (lemma in DEFECT_VERBS or any(
            o.lemma_.lower() in DEFECT_IDIOMS.get(lemma, ()) for o in objects(token))):
        return ()
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "from", "against", "into"} and not any(
                g.lemma_.lower() in MOTION_NOUNS | {"vote", "leadership", "whip", "party"}
                for g in child.children):
            return ()
    return tuple(m for m in _voters(subjects(token), ctx)
                 if m.type == "Group" and m.count is not None)


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
                targets, motion = read_motion(token, ctx, agent)
                return Reading(agent, targets, motion)
        clauses = [token] + [c for c in token.children if c.dep_ in {"acl", "relcl"}
                             and is_infinitive(c)]
        agents = [g for t in clauses for c in t.children if c.dep_ in {"prep", "agent"}
                  and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        voters = _voters(agents, ctx)
        if not voters and not (passage.sentence >= 0 and any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)):
            # "a Knesset vote"; "the Senate vote" after a vote was told is that vote again
            voters = _assembly_of(token, ctx)
        if not voters:
            return None
        targets, motion = read_motion(token, ctx, voters)
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
        targets = tuple(m for o in objects(token) for m in targets_in(o, ctx, voters))
        return Reading(voters, targets, None, ("against",)) if voters else None
    if lemma in {"vote", "abstain"}:
        heads = subjects(token) or (passive_subjects(token) if lemma == "vote" else []) or [
            c for c in token.children if c.dep_ == "compound" and c.i < token.i] or _joined(token)
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
        targets, motion = read_motion(token, ctx, voters)
        return Reading(voters, targets, motion, tuple(_positions(token)))
    if lemma in BODY_VOTE_VERBS:
        if token.dep_ in {"xcomp", "advcl", "relcl", "acl"} and token.head.lemma_.lower() == "vote" \
                and is_infinitive(token):
            return None  # "votes 80-42 to approve ...": the vote is read at "votes"
        if lemma == "pass" and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
            return None  # "passing it to the Federation Council": sent on, not voted
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
        targets, motion = read_motion(token, ctx, voters)
        if not motion:  # "the National Assembly approves a bill banning ...": the bill
            motion = next((ctx.doc[h.left_edge.i:h.right_edge.i + 1].text for h in heads
                           if any(t.lemma_.lower() in MOTION_NOUNS for t in h.subtree)), None)
        if not targets and not motion and not read_tally(token.sent.text).votes_for:
            return None  # "the Senate acquitted both of them": no one to vote on
        return Reading(voters, targets, motion)
    if lemma in POSITION_VERBS and passage.sentence >= 0 and token.dep_ != "acl":
        # ("a resolution supporting X": the resolution takes no position, it is voted on)
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
