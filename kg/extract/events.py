"""Building :class:`Event` records from a trigger and its argument tokens."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract import gazetteer
from kg.extract.arguments import argument_mentions, mention_at
from kg.extract.context import Context
from kg.extract.modality import modality_of
from kg.records import Event, Mention


def as_state(mention: Mention) -> Mention:
    """A capital or seat of government acting as its state ("Moscow expelled ...")."""
    if mention.type == "Place":
        entry = gazetteer.country_by_capital(mention.name)
        if entry is not None:
            return Mention(mention.start, mention.end, mention.text, entry.name, "Country")
    return mention


def person_pronoun(token: Token, ctx: Context, *, possessive: bool = False) -> Mention | None:
    """The person "him", "her", "he" or "she" (with ``possessive``, "his" or "her" before a
    noun) refers back to: the last person named before it in its sentence, else in the
    sentence before."""
    if possessive:
        if token.lower_ not in {"his", "her"} or token.tag_ != "PRP$":
            return None
    elif token.lower_ not in {"he", "him", "she", "her"} or token.tag_ == "PRP$":
        return None
    sent = token.sent
    start = ctx.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    people = [m for m in ctx.mentions if start <= m.start and m.end <= token.idx
              and m.type == "Person" and not any(a <= m.start < b for a, b in ctx.quotes)]
    return people[-1] if people else None


def actors_of(heads: Iterable[Token], ctx: Context, *, groups: bool = True,
              acting: bool = False) -> tuple[Mention, ...]:
    """The actor mentions named by argument head tokens, without duplicates; "him" and
    "her" stand for the person named just before."""
    out: list[Mention] = []
    for head in heads:
        if head.pos_ == "PRON":
            person = person_pronoun(head, ctx)
            if person is not None and person not in out:
                out.append(person)
            for conj in head.conjuncts:  # "him and all his diplomatic staff"
                out += [m for m in argument_mentions(conj, ctx.mentions, groups=groups)
                        if m not in out]
            continue
        for m in argument_mentions(head, ctx.mentions, groups=groups):
            m = as_state(m) if acting else m
            if m not in out:
                out.append(m)
    return tuple(out)


_STOP = frozenset({",", ".", ";", ":", "(", ")", "—", "–", "who", "which", "that", "both",
                   "after", "for", "over", "because", "following", "amid", "as", "to", "from",
                   "in", "on", "at", "with", "while", "since", "until", "despite"})


def linear_roles(trigger: Token, ctx: Context) -> tuple[tuple[Mention, ...],
                                                       tuple[Mention, ...]]:
    """Agent and patients read off the word order when the parse failed
    ("Israel deports activists A and B" parsed with "deports" as a noun).

    The agent is the actor named right before the trigger (only
    determiners and adverbs between); the patients are the actors named after
    it up to the first clause boundary or preposition.
    """
    mentions = ctx.mentions
    sent = trigger.sent
    before = [m for m in mentions if sent.start_char <= m.start and m.end <= trigger.idx]
    agent: tuple[Mention, ...] = ()
    if before:
        last = before[-1]
        gap = ctx.text[last.end:trigger.idx].split()
        if len(gap) <= 2 and all(w.lower() in {"the", "also", "now", "then", "on", "has",
                                               "have", "had", "reportedly"} for w in gap):
            agent = (as_state(last),)
    patients: list[Mention] = []
    # past the parser's sentence end too: a misparse may cut a sentence without a full stop
    for token in ctx.doc[trigger.i + 1:]:
        if (token.lower_ in _STOP and token.i > trigger.i + 1) or "\n" in token.text:
            break
        m = mention_at(token, mentions)
        if m is not None and m not in patients and m.type in {"Person", "Organization",
                                                              "Group", "Country"}:
            patients.append(m)
    return agent, tuple(patients)


def make_event(kind: str, trigger: Token, ctx: Context, **fields: object) -> Event:
    """An event read at ``trigger``, with its sentence, date and modality filled in."""
    start, end, text = ctx.evidence(trigger.sent)
    fields.setdefault("date", ctx.date_for(trigger))
    fields.setdefault("modality", modality_of(trigger))
    return Event(kind=kind, sentence=text, sent_start=start, sent_end=end,
                 trigger=trigger.text, **fields)  # type: ignore[arg-type]
