"""Reported speech: "the ministry said the groups had broken Russian law".

A speech verb whose clausal complement holds no quotation is a statement in
the article's words: a ``said`` event marked ``indirect``, with the clause in
``content`` (never in ``quote``, which holds only a speaker's own words).
The speaker is found as for direct quotations (:func:`kg.extract.said.speaker_of`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.events import make_event
from kg.extract.speakers import speaker_of
from kg.extract.syntax import subjects
from kg.records import Event, Mention

#: Verbs that report what someone said when they take a clause.
REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "state", "claim", "report", "warn", "confirm", "insist",
    "argue", "add", "note", "write", "deny", "allege", "assert", "explain", "acknowledge",
    "admit", "declare", "stress", "reiterate", "maintain", "contend", "tweet",
})
#: Shortest clause worth keeping as what was said, in words.
MIN_WORDS = 4


def _clause(verb: Token) -> Token | None:
    """The clausal complement of a reporting verb ("said [that] the groups had ...")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            return child
    return None


def find_indirect_statements(ctx: Context) -> list[Event]:
    """Every reported statement with a named speaker and no quotation in what was said."""
    events: list[Event] = []
    history: list[Mention] = []
    for verb in ctx.doc:
        if verb.lemma_.lower() not in REPORTING_VERBS or verb.pos_ not in {"VERB", "AUX"} \
                or ctx.in_quote(verb):
            continue
        clause = _clause(verb)
        if clause is None:
            continue
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(s < end and start < e for s, e in ctx.quotes) or \
                sum(t.is_alpha for t in tokens) < MIN_WORDS:
            continue
        heads = [h for h in subjects(verb) if h.lower_ not in {"they", "it", "we", "i", "you",
                                                                "what", "who", "which"}]
        speaker = next((m for h in heads if (m := speaker_of(h, ctx, history))), None)
        if speaker is None:
            continue
        history.append(speaker)
        content = ctx.text[start:end].strip(" .,;:—–-")
        events.append(make_event("said", verb, ctx, agents=(speaker,), indirect=True,
                                 content=content, confidence=0.7))
    return events
