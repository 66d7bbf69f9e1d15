"""Building :class:`Event` records from a trigger and its argument tokens."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract import gazetteer
from kg.extract.actors import argument_mentions
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


def actors_of(heads: Iterable[Token], ctx: Context, *, groups: bool = True,
              acting: bool = False) -> tuple[Mention, ...]:
    """The actor mentions named by argument head tokens, without duplicates."""
    out: list[Mention] = []
    for head in heads:
        for m in argument_mentions(head, list(ctx.mentions), groups=groups):
            m = as_state(m) if acting else m
            if m not in out:
                out.append(m)
    return tuple(out)


def make_event(kind: str, trigger: Token, ctx: Context, **fields: object) -> Event:
    """An event read at ``trigger``, with its sentence, date and modality filled in."""
    start, end, text = ctx.evidence(trigger.sent)
    fields.setdefault("date", ctx.date_for(trigger))
    fields.setdefault("modality", modality_of(trigger))
    return Event(kind=kind, sentence=text, sent_start=start, sent_end=end,
                 trigger=trigger.text, **fields)  # type: ignore[arg-type]
