"""Votes: who voted, on what, with tallies and named voters' positions.

"93 countries voted to suspend Russia", "The Senate votes 18–5 to return the
articles of impeachment of ...", "X and Y voted against", tallies such as
"93 in favour, 24 against, 58 abstentions". In assemblies of states (the UN
General Assembly, its councils) the voters are counted groups of countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.actors import mention_at
from kg.extract.context import Context
from kg.extract.events import actors_of, make_event
from kg.extract.lexicon import ASSEMBLY_WORDS, BODY_VOTE_VERBS, STATE_ASSEMBLIES
from kg.extract.numbers import parse_count
from kg.extract.syntax import by_agents, is_passive, objects, passive_subjects, subjects
from kg.records import Event, Mention

_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
          "seventy|eighty|ninety|hundred")
_NUM = r"(\d[\d,]*|(?:" + _WORDS + r")(?:-(?:" + _WORDS + r"))?)"
_TALLY = re.compile(r"\b(\d[\d,]*)\s*(?:[–—-]|to)\s*(\d[\d,]*)\b")
_FOR = re.compile(r"\b" + _NUM + r"\s+(?:votes?\s+)?(?:in\s+favou?r|for|yes|yeas|ayes)\b", re.I)
_AGAINST = re.compile(r"\b" + _NUM + r"\s+(?:votes?\s+)?(?:against|no|nays|noes|opposed)\b", re.I)
_ABSTAIN = re.compile(r"\b" + _NUM + r"\s+(?:\w+\s+)?abstention|\b" + _NUM +
                      r"\s+(?:\w+\s+)?abstain|\babstentions?\s+(?:of|from|by)\s+" + _NUM, re.I)
#: Verbs whose object, in a motion, must be a person ("to elect", "to appoint").
_PERSON_MOTIONS = frozenset({"elect", "appoint", "confirm", "nominate", "choose", "select"})


@dataclass(frozen=True)
class Tally:
    """Votes for, against and abstaining, as far as the sentence gives them."""

    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None


def _first(pattern: re.Pattern[str], text: str) -> int | None:
    for match in pattern.finditer(text):
        for group in match.groups():
            if group and (n := parse_count(group)) is not None:
                return n
    return None


def read_tally(text: str) -> Tally:
    """The vote tally a sentence states.

    >>> read_tally("The assembly votes 93–18, with 65 abstentions, to pass it.")
    Tally(votes_for=93, votes_against=18, abstentions=65)
    >>> read_tally("93 in favour, 24 against and 58 abstentions")
    Tally(votes_for=93, votes_against=24, abstentions=58)
    """
    votes_for, against = _first(_FOR, text), _first(_AGAINST, text)
    if votes_for is None and against is None:
        m = _TALLY.search(text)
        if m:
            votes_for, against = parse_count(m.group(1)), parse_count(m.group(2))
    return Tally(votes_for, against, _first(_ABSTAIN, text))


def _position(verb: Token) -> str:
    for child in verb.children:
        word = child.lower_
        if word == "against":
            return "against"
        if word in {"abstain", "abstained"} or verb.lemma_ == "abstain":
            return "abstain"
    return "for"


def _is_assembly(actor: Mention) -> bool:
    words = {w.lower() for w in re.findall(r"\w+", actor.name)}
    return bool(words & ASSEMBLY_WORDS)


def _is_state_assembly(actors: tuple[Mention, ...]) -> bool:
    return any(a.type == "Organization" and any(s in (a.name.lower() + " ") for s in
                                                STATE_ASSEMBLIES) for a in actors)


def _motion_clauses(verb: Token) -> list[Token]:
    """Clauses and phrases saying what a vote was on: "to suspend X", "on X", "against X".

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


def _motion_target(verb: Token, ctx: Context, voters: tuple[Mention, ...]) -> tuple[
        tuple[Mention, ...], str | None]:
    """The actor the motion acts on, and the motion's words."""
    for child in _motion_clauses(verb):
        motion = ctx.doc[child.left_edge.i:child.right_edge.i + 1]
        heads = objects(child) if child.pos_ == "VERB" else [
            g for g in child.children if g.dep_ == "pobj"]
        wanted = {"Person"} if child.lemma_ in _PERSON_MOTIONS else {
            "Person", "Country", "Organization", "Group"}
        direct = [m for m in actors_of(heads, ctx, groups=False) if m.type in wanted]
        if not direct:
            direct = [m for t in motion if (m := mention_at(t, list(ctx.mentions)))
                      is not None and m.type in wanted and m not in voters][:1]
        return tuple(m for m in direct if m not in voters), motion.text
    return (), None


def _voter_lists(verb: Token, ctx: Context) -> tuple[Mention, ...]:
    """The voters of ``verb``, and those a following "include" lists ("The 18 that voted
    against include A, B and C")."""
    heads = by_agents(verb) if is_passive(verb) and verb.lemma_ != "vote" else subjects(verb)
    voters = actors_of(heads, ctx, acting=True)
    for head in heads:
        if head.dep_ in {"nsubj"} and head.head.lemma_ in {"include", "be", "comprise"}:
            voters += actors_of(objects(head.head) or [c for c in head.head.children
                                                       if c.dep_ == "attr"], ctx, acting=True)
    return voters


def _group(number: int, sent: Span) -> Mention:
    """A counted group of countries standing for a tally in an assembly of states."""
    text = str(number)
    at = sent.text.find(text)
    start = sent.start_char + max(at, 0)
    return Mention(start, start + len(text), text, f"{number} countries", "Group", number)


def find_votes(ctx: Context) -> list[Event]:
    """Every vote the article states, one event per voter group and position."""
    events: list[Event] = []
    last_target: tuple[int, tuple[Mention, ...]] | None = None
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if ctx.in_quote(token) or token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
            continue
        if lemma not in {"vote", "abstain"} | BODY_VOTE_VERBS:
            continue
        voters = _voter_lists(token, ctx)
        if lemma in BODY_VOTE_VERBS and not any(_is_assembly(v) for v in voters):
            continue
        if lemma in BODY_VOTE_VERBS:
            heads = passive_subjects(token) if is_passive(token) else objects(token)
            targets = tuple(m for m in actors_of(heads, ctx, groups=False)
                            if m.type in {"Person", "Country", "Organization"})
            motion = None
            if not targets:
                targets, motion = _motion_target(token, ctx, voters)
        else:
            targets, motion = _motion_target(token, ctx, voters)
        sent_index = token.sent.start
        if targets:
            last_target = (sent_index, targets)
        elif last_target and sent_index - last_target[0] < 80:
            targets = last_target[1]
        if not voters:
            continue
        tally = read_tally(token.sent.text)
        position = _position(token)
        base = {"patients": targets, "motion": motion, "votes_for": tally.votes_for,
                "votes_against": tally.votes_against, "abstentions": tally.abstentions}
        if _is_state_assembly(voters) and (tally.votes_for or tally.votes_against):
            for count, pos in ((tally.votes_for, "for"), (tally.votes_against, "against"),
                               (tally.abstentions, "abstain")):
                if count:
                    events.append(make_event("voted", token, ctx, agents=(_group(count, token.sent),),
                                             position=pos, confidence=0.8, **base))
            continue
        events.append(make_event("voted", token, ctx, agents=voters, position=position,
                                 confidence=0.85 if targets else 0.7, **base))
    return events
