"""Statements: direct quotations and the named speaker each is attributed to.

Each quotation is attributed through the speech verb that governs it
("..., Agnès Callamard said"), "according to", a colon introduction
("She added: ..."), or, for a quotation standing alone, the speaker of the
quotation just before it in the same passage. Pronouns ("she added") and
descriptions ("the ministry said") are resolved to the named actor they
refer back to by :mod:`kg.extract.speakers`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from kg.extract.context import Context
from kg.extract.events import make_event
from kg.extract.lexicon import SPEECH_NOUNS, SPEECH_VERBS
from kg.extract.names import fold
from kg.extract.quotes import Quote, is_title_like, word_count
from kg.extract.speakers import speaker_of
from kg.extract.syntax import objects, subjects
from kg.records import Event, Mention

#: How far back (in characters) a standalone quotation inherits the last speaker.
CONTINUATION_CHARS = 600


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token at character ``char``, or the first one after it."""
    starts = doc.user_data.get("newskg_token_starts")
    if starts is None:
        starts = doc.user_data["newskg_token_starts"] = [t.idx for t in doc]
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and char < doc[i].idx + max(len(doc[i].text), 1):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None


def _sentences(doc: Doc, quote: Quote) -> list[Span]:
    """The sentences a quotation overlaps."""
    first, last = _token_at(doc, quote.start), _token_at(doc, max(quote.end - 1, quote.start))
    if first is None:
        return []
    end = last.sent.end if last is not None else len(doc)
    sents: list[Span] = []
    i = first.sent.start
    while i < end:
        sent = doc[i].sent
        sents.append(sent)
        i = sent.end
    return [s for s in sents if s.start_char < quote.end and s.end_char > quote.start]


def _speech_verbs(sents: list[Span], ctx: Context) -> list[Token]:
    return [t for s in sents for t in s if t.lemma_.lower() in SPEECH_VERBS
            and t.pos_ in {"VERB", "AUX"} and not ctx.in_quote(t)]


def _reported_speaker(verb: Token, ctx: Context, history: list[Mention]) -> Mention | None:
    """"AFP reported her as saying", "quoted X as saying": the object of the reporting verb;
    "an email saying ... from X": the sender."""
    if verb.tag_ != "VBG" or verb.head.i == verb.i:
        return None
    reporter = verb.head.head if verb.head.lower_ == "as" else verb.head
    if reporter.pos_ == "VERB" and reporter.lemma_.lower() in {"report", "quote", "cite",
                                                               "hear", "see", "record"}:
        for obj in objects(reporter):
            speaker = speaker_of(obj, ctx, history)
            if speaker is not None:
                return speaker
    noun = _speech_noun_of(verb)
    if noun is not None:
        senders = [g for t in (noun, verb) for c in t.children
                   if c.dep_ == "prep" and c.lower_ in {"from", "by"}
                   for g in c.children if g.dep_ == "pobj"]
        senders += [g for t in verb.subtree if t.lower_ in {"from", "by"} and t.i > verb.i
                    for g in t.children if g.dep_ == "pobj"][:1]
        for sender in senders:
            speaker = speaker_of(sender, ctx, history)
            if speaker is not None:
                return speaker
        return None
    for obj in objects(verb.head):
        speaker = speaker_of(obj, ctx, history)
        if speaker is not None:
            return speaker
    return None


def _speech_noun_of(verb: Token) -> Token | None:
    """The message a participle says something of: "an email saying ...", also when the
    parser hangs "saying" on the clause's verb instead of on the noun just before it."""
    if verb.tag_ != "VBG":
        return None
    if verb.head.lemma_.lower() in SPEECH_NOUNS:
        return verb.head
    before = verb.nbor(-1) if verb.i > verb.sent.start else None
    return before if before is not None and before.lemma_.lower() in SPEECH_NOUNS \
        and before.pos_ == "NOUN" else None


def _rank(verbs: list[Token], quote: Quote, inside: list[Token]) -> list[Token]:
    """Speech verbs governing the quotation first (the main clause before embedded ones),
    then the others by distance, verbs of relative clauses last."""
    quoted = {t.i for t in inside}

    def introduces(v: Token, t: Token) -> bool:
        # the verb governs the words through a clause, not through a noun phrase of its own
        # ("maintained ties with X, including an email saying "..."" is no saying of "...")
        while t.head.i != v.i:
            if t.head.i == t.i:
                return False
            t = t.head
        return t.i in quoted or not (t.pos_ in {"NOUN", "PROPN"} and t.dep_ in {
            "dobj", "pobj", "nsubj", "nsubjpass", "attr", "npadvmod"})

    dominating = {v.i for v in verbs if any(introduces(v, t) for t in inside)}

    def embedded(v: Token) -> bool:
        return v.dep_ in {"relcl", "acl"} or any(a.dep_ == "relcl" for a in v.ancestors) or any(
            c.tag_ in {"WDT", "WP"} for c in v.children)

    return sorted(verbs, key=lambda v: (v.i not in dominating, embedded(v),
                                        len(list(v.ancestors)) if v.i in dominating else
                                        min(abs(v.idx - quote.start), abs(v.idx - quote.end))))


def _attribute(quote: Quote, sents: list[Span], ctx: Context,
               history: list[Mention]) -> tuple[Mention | None, Token | None]:
    """The speaker of a quotation from its own sentences, and the word that attributes it."""
    inside = [t for s in sents for t in s if quote.start <= t.idx < quote.end]
    for verb in _rank(_speech_verbs(sents, ctx), quote, inside):
        saying = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for g in c.children if g.tag_ == "VBG" and g.lemma_ in SPEECH_VERBS]
        for reported in ([verb] if verb.head.lower_ == "as" else []) + saying:
            speaker = _reported_speaker(reported, ctx, history)  # "reported her as saying"
            if speaker is not None:
                return speaker, reported
        if _speech_noun_of(verb) is not None:  # "an email saying ... from X": the sender
            speaker = _reported_speaker(verb, ctx, history)
            if speaker is not None:
                return speaker, verb
        speaker, _ = _subject_speaker([verb], ctx, history)
        if speaker is not None:
            return speaker, verb
        speaker = _reported_speaker(verb, ctx, history)
        if speaker is not None:
            return speaker, verb
    for s in sents:
        for t in s:
            if t.lower_ == "according" and not ctx.in_quote(t):
                objs = [g for c in t.children if c.lower_ == "to" for g in c.children
                        if g.dep_ == "pobj"]
                for head in objs:
                    speaker = speaker_of(head, ctx, history)
                    if speaker is not None:
                        return speaker, t
    return _colon_in_sentence(quote, ctx, history)


def _subject_speaker(verbs: Iterable[Token], ctx: Context, history: list[Mention], *,
                     accept: Callable[[Token, Token, Mention], bool] | None = None,
                     ) -> tuple[Mention | None, Token | None]:
    """The first named speaker among the subjects of ``verbs`` (that ``accept`` allows),
    with the verb that attributes the words."""
    for verb in verbs:
        for head in subjects(verb):
            speaker = speaker_of(head, ctx, history)
            if speaker is not None and (accept is None or accept(verb, head, speaker)):
                return speaker, verb
    return None, None


def _colon_in_sentence(quote: Quote, ctx: Context, history: list[Mention]) -> tuple[
        Mention | None, Token | None]:
    """"Bolsonaro opposed Macron's statement: "...": a colon introduces the subject's words."""
    before = ctx.text[:quote.start].rstrip(" \"“'")
    if not before.endswith(":"):
        return None, None
    colon = _token_at(ctx.doc, len(before) - 1)
    if colon is None:
        return None, None
    verb = colon.head if colon.head.pos_ in {"VERB", "AUX"} else colon.sent.root
    return _subject_speaker([verb], ctx, history)


def _next_sentence(quote: Quote, sents: list[Span], ctx: Context,
                   history: list[Mention]) -> tuple[Mention | None, Token | None]:
    """'"...!" Macron told the world.': attribution in the sentence right after the quote."""
    last = sents[-1]
    if last.end >= len(ctx.doc) or ctx.text[quote.end:last.end_char].strip(" \"”'.,!?\n"):
        return None, None
    if "\n" in ctx.text[quote.end:ctx.doc[last.end].idx]:
        return None, None  # the next paragraph is someone else's
    following = ctx.doc[last.end].sent
    if len(following) > 25:
        return None, None
    return _subject_speaker(_speech_verbs([following], ctx), ctx, history,
                            accept=lambda verb, head, _: head.i < verb.i + 3)


def _colon_intro(sent: Span, ctx: Context, history: list[Mention]) -> tuple[
        Mention | None, Token | None]:
    """"She added:" ending the sentence before a quotation."""
    doc = sent.doc
    if sent.start == 0:
        return None, None
    previous = doc[sent.start - 1].sent
    if not previous.text.rstrip().endswith(":"):
        return None, None
    return _subject_speaker(_speech_verbs([previous], ctx), ctx, history)


def _previous_speech(quote: Quote, sents: list[Span], ctx: Context,
                     history: list[Mention]) -> tuple[Mention | None, Token | None]:
    """A quotation standing alone right after a sentence in which someone spoke
    ("Brunson appealed to Trump for help. "I appeal to ..."")."""
    first = sents[0]
    opening = ctx.text[first.start_char:quote.start].strip(" \n•\"“'")
    if opening or first.start == 0:
        return None, None
    previous = ctx.doc[first.start - 1].sent
    if any(s <= previous.start_char < e or s < previous.end_char <= e for s, e in ctx.quotes):
        return None, None
    return _subject_speaker(
        (v for v in _speech_verbs([previous], ctx) if v.dep_ == "ROOT"), ctx, history,
        accept=lambda _verb, _head, speaker: speaker.type in {"Person", "Organization"})


#: How a one-word quotation stands in a reported clause: "talks have been "useful"".
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})


def _reported_word(quote: Quote, ctx: Context) -> bool:
    """Whether a one-word quotation is what a speaker said of something ("X says that the
    talks have been "useful"", "Y called the move "illegal""), not a scare quote
    ("expelled over "disruptive" behaviour")."""
    token = _token_at(ctx.doc, quote.start)
    if token is None or token.dep_ not in _PREDICATE_DEPS:
        return False
    return any(a.lemma_.lower() in SPEECH_VERBS and a.pos_ == "VERB" and not ctx.in_quote(a)
               for a in token.ancestors)


def find_statements(ctx: Context, quotes: list[Quote]) -> list[Event]:
    """One statement per attributed quotation, in text order."""
    events: list[Event] = []
    history: list[Mention] = []
    last: tuple[int, Mention] | None = None
    for quote in quotes:
        if is_title_like(quote) or word_count(quote) < 2 and not _reported_word(quote, ctx):
            continue
        sents = _sentences(ctx.doc, quote)
        if not sents:
            continue
        speaker, trigger = _attribute(quote, sents, ctx, history)
        if speaker is None:
            speaker, trigger = _colon_intro(sents[0], ctx, history)
        if speaker is None and last is not None and quote.start - last[0] <= CONTINUATION_CHARS:
            opening = ctx.text[sents[0].start_char:quote.start].strip(" \n•\"“'")
            if not opening or quote.continues:
                speaker = last[1]
        if speaker is None:
            speaker, trigger = _next_sentence(quote, sents, ctx, history)
        if speaker is None:
            speaker, trigger = _previous_speech(quote, sents, ctx, history)
        if speaker is None or not fold(speaker.name):
            continue
        history.append(speaker)
        last = (quote.end, speaker)
        anchor = trigger or _token_at(ctx.doc, quote.start) or sents[0][0]
        span = ctx.doc[sents[0].start:sents[-1].end]
        start, end, text = ctx.evidence(span)
        event = make_event("said", anchor, ctx, agents=(speaker,), quote=quote.text,
                           quote_start=quote.start, quote_end=quote.end,
                           modality="asserted", confidence=0.9 if trigger else 0.7)
        events.append(_with_evidence(event, start, end, text))
    return events


def _with_evidence(event: Event, start: int, end: int, text: str) -> Event:
    from dataclasses import replace

    return replace(event, sent_start=start, sent_end=end, sentence=text)
