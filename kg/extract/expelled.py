"""Expulsions: who ordered whom out (diplomats, NGOs, journalists, members).

Read from verbs ("expels", "was deported"), nouns ("the expulsion of"),
declarations of persona non grata, orders to leave, and the closing of an
organisation by revoking its registration.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.events import actors_of, as_state, linear_roles, make_event
from kg.extract.lexicon import (
    CLOSE_OBJECTS,
    CLOSE_VERBS,
    EXPEL_NOUNS,
    EXPEL_VERBS,
    NON_ACTOR_OBJECTS,
    PERSONA_NON_GRATA,
    RECIPROCALS,
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

#: Verbs of reporting whose government subject is taken as the agent of an
#: agentless passive expulsion ("the Bureau confirms X was deported").
_REPORTING = frozenset({"confirm", "announce", "say", "report", "state", "declare"})


def _is_actor_head(token: Token) -> bool:
    return token.lemma_.lower() not in NON_ACTOR_OBJECTS and token.pos_ in {"NOUN", "PROPN",
                                                                               "PRON", "NUM"}


#: Nouns of a tally that the parser may hang the voted clause on ("eight abstentions to expel").
TALLY_NOUNS = frozenset({"abstention", "vote"})


def _roles(trigger: Token) -> tuple[list[Token], list[Token]] | None:
    """Agent and patient heads of an expulsion at ``trigger``, or ``None``."""
    lemma = trigger.lemma_.lower()
    if lemma in EXPEL_VERBS and trigger.tag_ in {"VBZ", "VBD", "VBP"} and trigger.dep_ in {
            "compound", "amod", "nmod", "dep"}:
        return [], []  # a misparsed verb: read by word order instead
    if trigger.pos_ in {"VERB", "AUX"} and lemma in EXPEL_VERBS and trigger.dep_ != "amod":
        if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in TALLY_NOUNS:
            # "votes 265–14 with eight abstentions to expel X": "to expel" is what was voted
            verb = next((a for a in trigger.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is not None:
                return subjects(verb), objects(trigger)
        if is_passive(trigger):
            return by_agents(trigger), passive_subjects(trigger)
        return subjects(trigger), objects(trigger)
    if trigger.pos_ == "NOUN" and lemma in EXPEL_NOUNS:
        agent = possessor(trigger)
        return ([agent] if agent is not None else prep_objects(trigger, "by"),
                prep_objects(trigger, "of"))
    if lemma == "declare" and any(p in trigger.sent.text.lower() for p in PERSONA_NON_GRATA):
        return subjects(trigger), [o for o in objects(trigger)
                                   if o.lower_ not in {"persona", "personae"}]
    if lemma in {"order", "force", "tell", "give"} and any(
            c.dep_ in {"xcomp", "ccomp"} and c.lemma_ == "leave" for c in trigger.children):
        return subjects(trigger), objects(trigger)
    if lemma in CLOSE_VERBS and trigger.pos_ == "VERB":
        for obj in objects(trigger):
            if obj.lemma_.lower() in CLOSE_OBJECTS:
                return subjects(trigger), prep_objects(obj, "of")
    return None


#: Verbs saying where someone was held before an expulsion ("detained in Thailand").
_HELD = frozenset({"detain", "hold", "arrest", "imprison", "jail", "live", "reside", "base",
                   "station", "work"})


def _implied_agent(trigger: Token, ctx: Context,
                   patient_heads: list[Token]) -> tuple[Mention, ...]:
    """For an agentless passive: the state it was deported from, the state the
    expelled were held or based in, or the announcing body."""
    for place in prep_objects(trigger, "from"):
        found = actors_of([place], ctx, groups=False, acting=True)
        if found and found[0].type == "Country":
            return found[:1]
    for head in patient_heads:
        holders = [head] + [c for c in head.children if c.dep_ in {"acl", "relcl"}
                            and c.lemma_.lower() in _HELD]
        if head.head.lemma_.lower() in _HELD:
            holders.append(head.head)
        for holder in holders:
            for place in prep_objects(holder, "in"):
                found = actors_of([place], ctx, groups=False, acting=True)
                if found and found[0].type == "Country":
                    return found[:1]
    head = trigger
    for _ in range(3):
        if head.dep_ not in {"ccomp", "conj", "xcomp"} or head.head.i == head.i:
            break
        head = head.head
        if head.lemma_.lower() in _REPORTING:
            found = actors_of(subjects(head), ctx, groups=False, acting=True)
            if found and found[0].type in {"Country", "Organization"}:
                return found[:1]
    return ()


def _generic(trigger: Token) -> bool:
    """"criminals who are expelled": a present-tense passive in a relative clause about a
    bare plural states a rule, not an event."""
    head = trigger.head
    return trigger.dep_ == "relcl" and trigger.tag_ == "VBN" and any(
        c.lower_ in {"are", "is"} for c in trigger.children) and head.tag_ == "NNS" and not any(
        c.dep_ in {"det", "nummod", "poss"} for c in head.children)


def find_expulsions(ctx: Context) -> list[Event]:
    """Every expulsion the article states, one event per trigger (examples on
    hand-built Docs in ``tests/test_extract_expelled.py``)."""
    events = []
    for token in ctx.doc:
        roles = _roles(token)
        if roles is None or ctx.in_quote(token):
            continue
        agent_heads, patient_heads = roles
        patient_heads = [p for p in patient_heads if _is_actor_head(p)]
        patients = actors_of(patient_heads, ctx)
        if not patients and not agent_heads and token.lemma_.lower() in EXPEL_VERBS:
            line_agents, patients = linear_roles(token, ctx)
            agent_heads = []
            if line_agents and patients:
                events.append(make_event("expelled", token, ctx, agents=line_agents,
                                         patients=patients, confidence=0.6))
                continue
        if any(r in token.sent.text.lower() for r in RECIPROCALS):
            patients = tuple(p for p in patients if "other" not in p.name.lower().split()
                             and "another" not in p.name.lower()) or patients
        if not patients:
            continue
        agents = tuple(as_state(a) for a in actors_of(agent_heads, ctx, acting=True))
        if not agents and is_passive(token):
            if _generic(token):
                continue
            agents = _implied_agent(token, ctx, patient_heads)
        patients = tuple(p for p in patients if p not in agents)
        if not patients:
            continue
        if len(agents) == 2 and any(r in token.sent.text.lower() for r in RECIPROCALS):
            events.extend(_reciprocal(token, ctx, agents, patient_heads))
            continue
        events.append(make_event("expelled", token, ctx, agents=agents, patients=patients,
                                 confidence=0.9 if agents else 0.7))
    return events


def _reciprocal(token: Token, ctx: Context, agents: tuple[Mention, ...],
                patient_heads: list[Token]) -> list[Event]:
    """"A and B expel each other's ambassadors": A expels B's, and B expels A's."""
    events = []
    words = " ".join(t.text for h in patient_heads for t in h.subtree
                     if t.dep_ not in {"poss", "case", "det"} and t.lower_ not in {"each", "other",
                                                                                    "'s", "’s"}
                     and not (t.lower_ == "one" and t.head.lower_ == "another"))
    for agent, other in ((agents[0], agents[1]), (agents[1], agents[0])):
        head = patient_heads[0]
        name = f"{other.name}'s {words}".strip()
        patient = Mention(head.idx, head.idx + len(head.text), head.text, name, "Group"
                          if head.tag_ == "NNS" else "Person")
        events.append(make_event("expelled", token, ctx, agents=(agent,), patients=(patient,),
                                 confidence=0.8))
    return events
