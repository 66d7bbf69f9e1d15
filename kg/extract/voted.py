"""Votes: who voted, on what, with tallies and named voters' positions.

Each vote sentence is read by :func:`kg.extract.voters.read_vote`; here the
readings become events. In assemblies of states (the UN General Assembly, its
councils) the voters of a tally are counted groups of countries; in other
assemblies the body voted with its majority, and the members on the other
sides of its tally are counted groups ("197 members" against). A sentence
that states several tallies ("by votes of 230-to-197 and 229-to-198
respectively") gives one vote per tally. Sentences that go on about the same
vote form a story, which shares its date and tally; what a vote was on is
carried over to the next sentences of the passage ("The 18 countries that
voted against ..."). A counted group that defected, anywhere later in the
article, voted the other way from the assembly in the last vote told
("Altogether, fifteen Democrats defected").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.context import Context
from kg.extract.dates import sentence_date
from kg.extract.events import make_event
from kg.extract.modality import modality_of
from kg.extract.tally import Tally, read_tallies, read_tally
from kg.extract.voters import (
    Passage,
    Reading,
    is_assembly,
    is_state_assembly,
    read_defection,
    read_vote,
)
from kg.records import Event, Mention

__all__ = ["CARRY_SENTENCES", "Tally", "find_votes", "read_tally"]

#: How many sentences a vote's subject, target and date carry over to later vote sentences.
CARRY_SENTENCES = 8


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


def _sides(tally: Tally) -> tuple[tuple[str, int | None], ...]:
    """Each position with its count in ``tally``."""
    return (("for", tally.votes_for), ("against", tally.votes_against),
            ("abstain", tally.abstentions))


def _other_sides(trigger: Token, ctx: Context, sent: Span, tally: Tally, won: str, *,
                 confidence: float, **fields: object) -> Iterator[Event]:
    """"the House impeached him 230-197": the members on the sides of ``tally`` other
    than the side ``won`` are counted groups of their own ("197 members" against)."""
    for position, count in _sides(tally):
        if count and position != won:
            yield make_event("voted", trigger, ctx, agents=(_group(count, sent, "members"),),
                             position=position, confidence=confidence, votes_for=tally.votes_for,
                             votes_against=tally.votes_against, abstentions=tally.abstentions,
                             **fields)


#: Decisions that go against the motion: their tally's larger side voted against it.
REJECT_VERBS = frozenset({"reject", "defeat", "veto", "acquit"})


def _events(token: Token, ctx: Context, reading: Reading, tally: Tally,
            date: str | None) -> Iterator[Event]:
    if token.lemma_.lower() in REJECT_VERBS and token.lemma_.lower() != "acquit":
        # "the Senate rejects the bill in a 31-19 vote": 31 against, 19 for
        if tally.votes_for is not None and tally.votes_against is not None \
                and tally.votes_for > tally.votes_against:
            tally = Tally(tally.votes_against, tally.votes_for, tally.abstentions)
        reading = Reading(reading.voters, reading.targets, reading.motion, ("against",),
                           reading.carried_voters)
    base = {"patients": reading.targets, "motion": reading.motion, "votes_for": tally.votes_for,
            "votes_against": tally.votes_against, "abstentions": tally.abstentions,
            "date": date}
    confidence = 0.85 if reading.targets and not reading.carried_voters else 0.7
    if is_state_assembly(reading.voters) and (tally.votes_for or tally.votes_against):
        for position, count in _sides(tally):
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
    if len(reading.voters) == 1 and is_assembly(reading.voters[0]) \
            and reading.voters[0].type == "Organization" and len(reading.positions) == 1:
        # the body voted with its majority; the members on the other sides are groups
        yield from _other_sides(token, ctx, token.sent, tally, reading.positions[0],
                                confidence=0.7, patients=reading.targets,
                                motion=reading.motion, date=date)


def find_votes(ctx: Context) -> list[Event]:
    """Every vote the article states, one event per voter group and position.

    Sentences that go on about the same vote (the same target, within a few
    sentences) form a story: they share its date and, where one of them
    states the tally, its tally.
    """
    stories: list[list[Event]] = []
    passage = Passage()
    for number, sent in enumerate(ctx.doc.sents):
        if number - passage.sentence > CARRY_SENTENCES:
            passage = Passage()
        for token in sent:
            if ctx.in_quote(token):
                continue
            if stories and (defectors := read_defection(token, ctx)):
                stories[-1].extend(_defections(token, ctx, defectors, stories[-1]))
                continue
            reading = read_vote(token, ctx, passage)
            if reading is None:
                continue
            targets = reading.targets or (
                passage.targets if number - passage.sentence <= CARRY_SENTENCES else ())
            own_targets = reading.targets
            reading = Reading(reading.voters, targets, reading.motion, reading.positions,
                               reading.carried_voters)
            own_date = sentence_date(sent, ctx.article_date)
            same_story = (not own_targets or bool(
                {m.name for m in own_targets} & {m.name for m in passage.targets})) \
                and _same_bodies(reading.voters, passage.voters)
            continues = number - passage.sentence <= CARRY_SENTENCES and same_story \
                or reading.carried_voters
            date = own_date or (passage.date if continues and passage.date
                                else ctx.date_for(token))
            passage.date = date if not continues or not passage.date else passage.date
            passage.sentence = number
            passage.targets = targets or passage.targets
            if any(is_assembly(v) for v in reading.voters) and not reading.carried_voters:
                passage.voters = reading.voters
            if not reading.voters:
                continue
            if not continues or not stories:
                stories.append([])
            elif reading.carried_voters and own_targets and _name_targets(
                    stories[-1], reading.voters, own_targets):
                continue  # "X votes to elect a new member. Y is elected": one vote, on Y
            for tally in read_tallies(sent.text):  # "votes of 230-197 and 229-198": two votes
                tally = _as_told(tally, stories[-1], ctx.evidence(sent)[0])
                stories[-1].extend(_events(token, ctx, reading, tally, date))
        if stories and 0 <= passage.sentence < number:
            # no vote read here: "The vote ended with 449 in favour, 149 against ..."
            stories[-1].extend(_tally_told_after(sent, ctx, stories[-1]))
    return [event for story in stories for event in _share_tally(story)]


#: Nouns by which a sentence refers back to a vote told before ("The vote ended 60-40").
VOTE_NOUNS = frozenset({"vote", "tally", "ballot", "count"})


def _tally_told_after(sent: Span, ctx: Context, story: list[Event]) -> Iterator[Event]:
    """The tally of a vote told in an earlier sentence: "The vote ended with 449 in
    favour, 149 against and 82 abstentions".

    The story's votes that have no tally get it (in place); where an assembly
    voted with its majority, the members on its other sides are counted groups,
    read from this sentence. Nothing unless the sentence refers to the vote with
    a definite noun and states both sides.
    """
    if any(e.votes_for is not None or e.votes_against is not None for e in story):
        return
    tally = read_tally(sent.text)
    if tally.votes_for is None or tally.votes_against is None:
        return
    nouns = [t for t in sent if t.lemma_.lower() in VOTE_NOUNS and t.pos_ == "NOUN"
             and not ctx.in_quote(t) and any(c.dep_ == "det" and c.lower_ in {"the", "this"}
                                             for c in t.children)
             and modality_of(t.head) == "asserted"]  # not "the vote would pass, as ... 36-14"
    if not nouns:
        return
    story[:] = [replace(e, votes_for=tally.votes_for, votes_against=tally.votes_against,
                        abstentions=tally.abstentions) for e in story]
    body = next((e for e in story if len(e.agents) == 1 and e.agents[0].type == "Organization"
                 and is_assembly(e.agents[0]) and not is_state_assembly(e.agents)), None)
    if body is not None and body.position in SIDES:
        yield from _other_sides(nouns[0], ctx, sent, tally, body.position, confidence=0.6,
                                patients=body.patients, motion=body.motion, date=body.date)


#: The side a group that leaves the winning side of a vote takes.
OTHER_SIDE = {"for": "against", "against": "for"}


def _defections(token: Token, ctx: Context, defectors: tuple[Mention, ...],
                story: list[Event]) -> Iterator[Event]:
    """"Altogether, fifteen Democrats defected": each group voted the other way from the
    assembly in the vote the article last told (its first vote on an actor), on its day."""
    told = next((e for e in story if e.patients and e.position in OTHER_SIDE
                 and any(is_assembly(a) for a in e.agents)), None)
    if told is None or told.position is None:
        return
    position = OTHER_SIDE[told.position]
    for group in defectors:
        yield make_event("voted", token, ctx, agents=(group,), patients=told.patients,
                         motion=told.motion, position=position, date=told.date,
                         confidence=0.6, **{SIDES[position]: group.count})


#: Words naming a body that votes apart from its chamber.
COMMITTEE_WORDS = frozenset({"committee", "subcommittee", "commission", "caucus"})


def _same_bodies(voters: tuple[Mention, ...], before: tuple[Mention, ...]) -> bool:
    """Whether ``voters`` may be the assembly that voted before: a committee votes apart
    from its chamber ("the Oversight Committee" after "the United States House of
    Representatives" is another vote; "the House" after "the 116th Congress" the same)."""
    bodies = [v for v in voters if v.type == "Organization" and is_assembly(v)]
    if not bodies or not before:
        return True

    def committee(m: Mention) -> bool:
        return bool(set(re.findall(r"\w+", m.name.lower())) & COMMITTEE_WORDS)

    return any(committee(b) == committee(o) for b in bodies for o in before)


def _as_told(tally: Tally, story: list[Event], sent_start: int) -> Tally:
    """``tally`` the way round an earlier vote of its sentence reads it.

    "The Senate rejects a proposal in a 31-19 vote, with 21 Republicans joining
    all 10 Democrats in voting against": the rejection read 31 against, so the
    groups' vote against has 31 against too.
    """
    for event in story:
        if event.sent_start == sent_start and event.votes_for is not None and \
                {event.votes_for, event.votes_against} == {tally.votes_for, tally.votes_against}:
            return Tally(event.votes_for, event.votes_against, tally.abstentions)
    return tally


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
