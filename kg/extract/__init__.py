"""Extraction: one pure function per relation, from a parsed ``Doc`` to records.

:func:`extract` runs them all over one article and returns an
:class:`~kg.records.Extraction`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Article, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract(doc: Doc, article: Article) -> Extraction:
    """Actors, events and roles of one article whose text ``doc`` parsed."""
    from kg.extract.actors import find_mentions
    from kg.extract.context import Context
    from kg.extract.expelled import find_expulsions
    from kg.extract.quotes import find_quotes
    from kg.extract.reported import find_indirect_statements
    from kg.extract.roles import find_roles
    from kg.extract.said import find_statements
    from kg.extract.suspended import find_suspensions
    from kg.extract.voted import find_votes

    mentions = find_mentions(doc)
    quotes = find_quotes(doc.text)
    ctx = Context.build(doc, mentions=mentions, quotes=[(q.start, q.end) for q in quotes],
                        article_date=article.date)
    events = [*find_expulsions(ctx), *find_suspensions(ctx), *find_votes(ctx),
              *find_statements(ctx, quotes), *find_indirect_statements(ctx)]
    roles = find_roles(doc, mentions=mentions)
    # every actor an event names is an actor of the article, named entity or group
    found = {(m.start, m.end, m.name): m for m in mentions}
    for event in events:
        for m in (*event.agents, *event.patients, *event.bodies):
            found.setdefault((m.start, m.end, m.name), m)
    for role in roles:
        if role.of is not None:
            found.setdefault((role.of.start, role.of.end, role.of.name), role.of)
    events.sort(key=lambda e: (e.sent_start, e.kind, e.quote_start or 0, e.trigger))
    return Extraction(article=article, mentions=tuple(sorted(found.values())),
                      events=tuple(events), roles=tuple(roles))
