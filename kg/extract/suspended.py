"""Suspensions: which member was suspended from which body.

"FIFA suspends Nepal's football association", "Russia was suspended from
the Human Rights Council", "the suspension of Venezuela from Mercosur".
Suspending flights, talks or programmes is not a suspension of a member:
the suspended must be an actor and the body must be known.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.events import actors_of, linear_roles, make_event
from kg.extract.lexicon import (
    GOVERNING_BODY_WORDS,
    NON_ACTOR_OBJECTS,
    NOT_BODIES,
    SUSPEND_NOUNS,
    SUSPEND_VERBS,
)
from kg.extract.syntax import (
    by_agents,
    is_passive,
    objects,
    passive_subjects,
    possessor,
    prep_objects,
    subjects,
)
from kg.records import Event, Mention

#: Objects that are a member's place in a body ("suspends X's membership").
MEMBERSHIP_NOUNS = frozenset({"membership", "participation", "seat", "accreditation",
                              "status", "rights", "voting"})
_BODY_ACRONYMS = frozenset({"FIFA", "UEFA", "IOC", "NFL", "NBA", "MLB", "NHL", "FIS", "WADA",
                            "ICC", "AU", "ECOWAS", "OAS", "EU", "UN", "NATO", "ASEAN",
                            "Mercosur", "IAAF", "CAS"})


def is_governing_body(actor: Mention) -> bool:
    """Whether an organisation governs members it can suspend (a league, a federation ...)."""
    if actor.type != "Organization":
        return False
    words = {w.lower() for w in actor.name.replace("-", " ").split()}
    return bool(words & GOVERNING_BODY_WORDS) or actor.name in _BODY_ACRONYMS or (
        actor.name.isupper() and 2 <= len(actor.name) <= 6)


def _roles(trigger: Token) -> tuple[list[Token], list[Token], list[Token]] | None:
    """Agent, member and body heads of a suspension at ``trigger``."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in {"VERB", "AUX"} and lemma in SUSPEND_VERBS and trigger.dep_ != "amod":
        body = prep_objects(trigger, "from")
        if is_passive(trigger):
            return by_agents(trigger), passive_subjects(trigger), body
        members = []
        for obj in objects(trigger):
            if obj.lemma_.lower() in MEMBERSHIP_NOUNS:  # "suspends Madagascar's membership"
                owner = possessor(obj)
                members += [owner] if owner is not None else prep_objects(obj, "of")
                body += prep_objects(obj, "in", "of")[1:] + prep_objects(obj, "in")
            else:
                members.append(obj)
        return subjects(trigger), members, body
    if trigger.pos_ == "NOUN" and lemma in SUSPEND_NOUNS:
        owner = possessor(trigger)  # "Venezuela's suspension from Mercosur"
        members = prep_objects(trigger, "of") or ([owner] if owner is not None else [])
        bodies = prep_objects(trigger, "from") or [
            b for m in members for b in prep_objects(m, "from")]
        return prep_objects(trigger, "by"), members, bodies
    return None


def find_suspensions(ctx: Context) -> list[Event]:
    """Every suspension of a member from a body that the article states."""
    events = []
    for token in ctx.doc:
        roles = _roles(token)
        if roles is None or ctx.in_quote(token):
            continue
        agent_heads, member_heads, body_heads = roles
        member_heads = [m for m in member_heads
                        if m.lemma_.lower() not in NON_ACTOR_OBJECTS]
        members = actors_of(member_heads, ctx)
        if not members and not body_heads and token.pos_ in {"VERB", "AUX"}:
            line_agents, line_members = linear_roles(token, ctx)
            if line_agents and any(m.type == "Person" for m in line_members):
                agent_heads, members = [], tuple(m for m in line_members if m.type == "Person")
                agents_line = line_agents
            else:
                agents_line = ()
        else:
            agents_line = ()
        bodies = actors_of(body_heads, ctx, groups=False)
        agents = actors_of(agent_heads, ctx, acting=True) or agents_line
        if not bodies and any(b.lemma_.lower() in NOT_BODIES for b in body_heads):
            continue  # "suspended from duty": from an office, not from a body
        if not bodies:
            # "the league suspends a player": the body is the suspending organisation
            bodies = tuple(a for a in agents if is_governing_body(a))
            members = tuple(m for m in members if m.type in {"Person", "Group", "Organization",
                                                               "Country"})
            if not bodies or not any(m.type == "Person" or m.count is None for m in members):
                continue
        bodies = tuple(b for b in bodies if b.type in {"Organization", "Group"})
        members = tuple(m for m in members if m not in bodies)
        if not members or not bodies:
            continue
        events.append(make_event("suspended_from", token, ctx, agents=agents, patients=members,
                                 bodies=bodies, confidence=0.85))
    return events
