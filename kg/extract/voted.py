"""Votes: who voted, on what, with tallies and named voters' positions.

Read from the verb "vote" ("93 countries voted to suspend Russia", "X and Y
voted against"), from decisions a deliberative body takes by voting ("the
House impeached ...", "the Senate confirmed ..."), from motions that pass
with a tally ("The articles passed 230-197"), from votes a candidate
received, and from voters who oppose or support a motion. In assemblies of
states (the UN General Assembly, its councils) the voters of a tally are
counted groups of countries. What a vote was on is carried over to the
next sentences of the passage ("The 18 countries that voted against ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from kg.extract.arguments import mention_at
from kg.extract.context import Context
from kg.extract.dates import sentence_date
from kg.extract.events import actors_of, linear_roles, make_event
from kg.extract.lexicon import ASSEMBLY_WORDS, BODY_VOTE_VERBS, STATE_ASSEMBLIES
from kg.extract.syntax import by_agents, is_passive, objects, passive_subjects, subjects
from kg.extract.tally import Tally, read_tallies, read_tally
from kg.records import Event, Mention

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
#: How many sentences a vote's subject, target and date carry over to later vote sentences.
CARRY_SENTENCES = 8
_PARTISAN = re.compile(r"\b(?:democratic|republican|conservative|labour|liberal|opposition|"
                       r"ruling|socialist|green)\b", re.IGNORECASE)


@dataclass
class _Passage:
    """What earlier vote sentences established: the voting body and the motion's target."""

    voters: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    date: str | None = None
    sentence: int = -100
    seen: set[int] = field(default_factory=set)


def _is_assembly(actor: Mention) -> bool:
    return bool({w.lower() for w in re.findall(r"\w+", actor.name)} & ASSEMBLY_WORDS)


def _is_state_assembly(actors: tuple[Mention, ...]) -> bool:
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
                 if m.type == "Organization" and _is_assembly(m))


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
class _Reading:
    voters: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    motion: str | None
    positions: tuple[str, ...] = ("for",)
    carried_voters: bool = False


def _read(token: Token, ctx: Context, passage: _Passage) -> _Reading | None:
    """Who voted at ``token`` and on what, or ``None`` when it is no vote."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma == "vote":
        if token.dep_ == "ROOT" and token.tag_ in {"NNS", "VBZ"}:
            # "The Social Democratic Party votes to remove ...": a verb parsed as a noun
            agent, _ = linear_roles(token, ctx)
            if agent:
                targets, motion = _motion(token, ctx, agent)
                return _Reading(agent, targets, motion)
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
        return _Reading(voters, targets, motion)
    if token.pos_ == "NOUN" and lemma == "abstention":
        # "the abstentions of Russia and China": each abstained
        voters = _voters([g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"], ctx)
        return _Reading(voters, passage.targets, None, ("abstain",)) if voters else None
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
        return None
    if lemma == "veto":  # "the United States vetoes a resolution": a vote against
        voters = _voters(subjects(token), ctx)
        targets = tuple(m for o in objects(token) for m in _targets_in(o, ctx, voters))
        return _Reading(voters, targets, None, ("against",)) if voters else None
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
            return _Reading(voters, targets, None) if voters else None
        voters = _voters(heads, ctx)
        targets, motion = _motion(token, ctx, voters)
        return _Reading(voters, targets, motion, tuple(_positions(token)))
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
            return _Reading(passage.voters, passage.targets, None, carried_voters=True)
        if lemma in PERSON_MOTIONS and is_passive(token) and not voters \
                and len(passage.voters) == 1 and passage.voters[0].type == "Organization":
            # "The Federal Assembly votes to elect a new member. X is elected ...":
            # the body of the vote just told elected the person
            persons = tuple(m for m in actors_of(heads, ctx, groups=False) if m.type == "Person")
            return _Reading(passage.voters, persons, None, carried_voters=True) \
                if persons else None
        if not any(_is_assembly(v) for v in voters):
            return None
        wanted = {"Person"} if lemma in PERSON_MOTIONS else {"Person", "Country",
                                                              "Organization"}
        targets = tuple(m for m in actors_of(heads, ctx, groups=False) if m.type in wanted)
        if targets:
            return _Reading(voters, targets, None)
        if lemma in PERSON_MOTIONS:
            return _Reading(voters, (), None) if voters and read_tally(
                token.sent.text).votes_for else None
        targets, motion = _motion(token, ctx, voters)
        if not targets and not motion and not read_tally(token.sent.text).votes_for:
            return None  # "the Senate acquitted both of them": no one to vote on
        return _Reading(voters, targets, motion)
    if lemma in POSITION_VERBS and passage.sentence >= 0:
        objs = objects(token)
        if any(o.lemma_.lower() in MOTION_NOUNS for o in objs) or not objs:
            voters = _voters(subjects(token), ctx)
            if voters:
                return _Reading(voters, passage.targets, None, (POSITION_VERBS[lemma],))
    if lemma in RECEIVE_VERBS and passage.voters and read_tally(token.sent.text).votes_for:
        targets = actors_of(subjects(token), ctx, groups=False)
        if targets and all(t.type == "Person" for t in targets):
            return _Reading(passage.voters, targets, None, carried_voters=True)
    return None


def _group(number: int, sent: Span, noun: str) -> Mention:
    """A counted group standing for one side of a tally: "18 countries", "197 members".

    ``noun`` is plural; a group of one is named in the singular ("1 member").
    """
    if number == 1:
        noun = noun.removesuffix("ies") + "y" if noun.endswith("ies") else noun.removesuffix("s")
    text = str(number)
    found = re.search(r"(?<![\d,])" + re.escape(text) + r"(?![\d,])", sent.text)
    start = sent.start_char + (found.start() if found else 0)
    return Mention(start, start + len(text), text, f"{number} {noun}", "Group", number)


#: The tally's side for each position.
SIDES = {"for": "votes_for", "against": "votes_against", "abstain": "abstentions"}


#: Decisions that go against the motion: their tally's larger side voted against it.
REJECT_VERBS = frozenset({"reject", "defeat", "veto", "acquit"})


def _events(token: Token, ctx: Context, reading: _Reading, tally: Tally,
            date: str | None) -> Iterator[Event]:
    if token.lemma_.lower() in REJECT_VERBS and token.lemma_.lower() != "acquit":
        # "the Senate rejects the bill in a 31-19 vote": 31 against, 19 for
        if tally.votes_for is not None and tally.votes_against is not None \
                and tally.votes_for > tally.votes_against:
            tally = Tally(tally.votes_against, tally.votes_for, tally.abstentions)
        reading = _Reading(reading.voters, reading.targets, reading.motion, ("against",),
                           reading.carried_voters)
    base = {"patients": reading.targets, "motion": reading.motion, "votes_for": tally.votes_for,
            "votes_against": tally.votes_against, "abstentions": tally.abstentions,
            "date": date}
    confidence = 0.85 if reading.targets and not reading.carried_voters else 0.7
    if _is_state_assembly(reading.voters) and (tally.votes_for or tally.votes_against):
        for count, position in ((tally.votes_for, "for"), (tally.votes_against, "against"),
                                (tally.abstentions, "abstain")):
            if count:
                yield make_event("voted", token, ctx,
                                 agents=(_group(count, token.sent, "countries"),),
                                 position=position, confidence=0.8, **base)
        return
    for position in reading.positions:
        counted = [v.count for v in reading.voters if v.count is not None]
        # "Nine countries voted against, four in favor"
        if len(reading.voters) == 1 and counted and base[SIDES[position]] is None:
            base = {**base, SIDES[position]: counted[0]}
        yield make_event("voted", token, ctx, agents=reading.voters, position=position,
                         confidence=confidence, **base)
    if len(reading.voters) == 1 and _is_assembly(reading.voters[0]) \
            and reading.voters[0].type == "Organization" and len(reading.positions) == 1:
        # "the House impeached him 230-197": the body voted with its majority; the
        # members on the other sides of the tally are counted groups of their own
        for position, count in (("for", tally.votes_for), ("against", tally.votes_against),
                                ("abstain", tally.abstentions)):
            if count and position != reading.positions[0]:
                yield make_event("voted", token, ctx,
                                 agents=(_group(count, token.sent, "members"),),
                                 position=position, confidence=0.7, **base)


def find_votes(ctx: Context) -> list[Event]:
    """Every vote the article states, one event per voter group and position.

    Sentences that go on about the same vote (the same target, within a few
    sentences) form a story: they share its date and, where one of them
    states the tally, its tally.
    """
    stories: list[list[Event]] = []
    passage = _Passage()
    for number, sent in enumerate(ctx.doc.sents):
        if number - passage.sentence > CARRY_SENTENCES:
            passage = _Passage()
        for token in sent:
            if ctx.in_quote(token):
                continue
            reading = _read(token, ctx, passage)
            if reading is None:
                continue
            targets = reading.targets or (
                passage.targets if number - passage.sentence <= CARRY_SENTENCES else ())
            own_targets = reading.targets
            reading = _Reading(reading.voters, targets, reading.motion, reading.positions,
                               reading.carried_voters)
            own_date = sentence_date(sent, ctx.article_date)
            same_story = not own_targets or bool(
                {m.name for m in own_targets} & {m.name for m in passage.targets})
            continues = number - passage.sentence <= CARRY_SENTENCES and same_story \
                or reading.carried_voters
            date = own_date or (passage.date if continues and passage.date
                                else ctx.date_for(token))
            passage.date = date if not continues or not passage.date else passage.date
            passage.sentence = number
            passage.targets = targets or passage.targets
            if any(_is_assembly(v) for v in reading.voters) and not reading.carried_voters:
                passage.voters = reading.voters
            if not reading.voters:
                continue
            if not continues or not stories:
                stories.append([])
            elif reading.carried_voters and own_targets and _name_targets(
                    stories[-1], reading.voters, own_targets):
                continue  # "X votes to elect a new member. Y is elected": one vote, on Y
            for tally in read_tallies(sent.text):  # "votes of 230-197 and 229-198": two votes
                stories[-1].extend(_events(token, ctx, reading, tally, date))
    return [event for story in stories for event in _share_tally(story)]


def _name_targets(story: list[Event], voters: tuple[Mention, ...],
                  targets: tuple[Mention, ...]) -> bool:
    """Give the votes of ``voters`` in ``story`` that name no target ``targets``; whether any did."""
    named = False
    for i, event in enumerate(story):
        if event.agents == voters and not event.patients:
            story[i] = replace(event, patients=targets)
            named = True
    return named


def _share_tally(story: list[Event]) -> list[Event]:
    """Give the votes of a story that state no tally the first tally one of its sentences states.

    "The House impeached him. The articles passed 230-197 and 229-198": the
    impeachment, and its members' votes, carry the first article's tally.
    """
    first = next(((e.votes_for, e.votes_against, e.abstentions) for e in story
                  if e.votes_for is not None or e.votes_against is not None), None)
    if first is None:
        return story
    votes_for, against, abstentions = first
    return [e if e.votes_for is not None or e.votes_against is not None else
            replace(e, votes_for=votes_for, votes_against=against, abstentions=abstentions)
            for e in story]
