"""Reading names off spans: trimming, mending names the recogniser cut short, and
the frames that tell a place or a person from an organisation."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.lexicon import (
    INSTITUTION_HEADS,
    ORG_FRAME_NOUNS,
    PLACE_NAME_WORDS,
    PLACE_NOUNS,
    TITLE_WORDS,
)


def trim(span: Span) -> Span | None:
    """The span without a leading determiner or a trailing possessive or punctuation."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].dep_ == "det" or span.doc[start].lower_ == "the"
                           or span.doc[start].is_punct or (  # "all 10 Democrats"
                               span.doc[start].lower_ in {"all", "both"} and start + 1 < end
                               and span.doc[start + 1].like_num)):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct
                           or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end] if end > start else None

#: Words a name goes on after ("Strait of Hormuz", "Agency for International
#: Development") that the recogniser sometimes ends a name on, cutting it short.
NAME_CONNECTORS = frozenset({"of", "for", "the", "&"})
#: Words a name the recogniser ends on is no part of: "Holy Trinity Cathedral in",
#: "Public Investment Fund of Saudi Arabia and" (the next name is another actor).
NAME_ENDS = frozenset({"in", "on", "at", "and"})


def close_name(span: Span, *, person: bool = False) -> Span | None:
    """A name the recogniser ended on a connecting word, finished: "Strait of" ->
    "Strait of Hormuz", "United States Agency for" -> "... for International
    Development"; dangling words that no name follows, or that end a person's
    name ("Patrice Talon of"), or that join two names ("... and"), are dropped."""
    doc, start, end = span.doc, span.start, span.end
    if doc[end - 1].lower_ not in NAME_CONNECTORS | NAME_ENDS:
        return span
    if not person and doc[end - 1].lower_ in NAME_CONNECTORS:
        stop = end
        while stop < len(doc) and stop - start < 12 and not doc[stop].is_sent_start:
            tok = doc[stop]
            if stop > end and tok.ent_iob_ != "I" and doc[stop - 1].ent_iob_ in {"B", "I"}:
                break  # a name taken in whole ends it: "Office of the President of Ukraine"
            word = tok.is_alpha and (tok.is_title or tok.is_upper) and tok.pos_ in {
                "PROPN", "NOUN", "ADJ"}
            joins = tok.lower_ in NAME_CONNECTORS and stop + 1 < len(doc) and (
                doc[stop + 1].is_title or doc[stop + 1].lower_ == "the")
            if not (word or joins):
                break
            stop += 1
        while stop > end and doc[stop - 1].lower_ in NAME_CONNECTORS:
            stop -= 1
        if stop > end:
            return doc[start:stop]
    while end > start and doc[end - 1].lower_ in NAME_CONNECTORS | NAME_ENDS:
        end -= 1
    return doc[start:end] if end > start else None


def is_heading(span: Span) -> bool:
    """"Background:", "Driving the news:" — an Axios-style section heading."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (after is not None and after.text == ":" and span.start == span.sent.start
            and len(span) <= 3)

def extend_hyphen(span: Span) -> Span:
    """A name cut at a hyphen: "Timor" -> "Timor-Leste", "Guinea" -> "Guinea-Bissau"."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_title:
        end += 2
    return doc[span.start:end] if end > span.end else span

def extend_name(span: Span) -> Span:
    """A person's name the recogniser cut short: "Kim Min" -> "Kim Min-seok",
    "Denis Sassou" -> "Denis Sassou Nguesso"."""
    doc = span.doc
    end = span.end
    while end < len(doc):
        tok = doc[end]
        prev = doc[end - 1]
        if tok.text in {"-", "‑"} and not prev.whitespace_ and end + 1 < len(doc) \
                and not tok.whitespace_ and doc[end + 1].is_alpha:
            end += 2
            continue
        if prev.whitespace_ and tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha \
                and tok.ent_type_ in {"", "PERSON"} and tok.lower_ not in TITLE_WORDS \
                and tok.lower_ not in INSTITUTION_HEADS and end - span.start < 5:
            end += 1
            continue
        if tok.lower_ in {"jr", "jr.", "sr", "sr.", "ii", "iii"} and end - span.end < 3:
            end += 1
            continue
        break
    return doc[span.start:end] if end > span.end else span

def in_place_frame(span: Span) -> bool:
    """"the Kyiv suburb of Bucha", "the town of X", "X province": a place by its frame."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() \
            in PLACE_NOUNS:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in PLACE_NOUNS:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lemma_.lower() in PLACE_NOUNS and after.i == root.head.i \
        and root.dep_ == "compound" and len(span) == 1

def titled(span: Span) -> bool:
    """Whether a name stands beside a person's title: "Prime Minister ..., Mute Egede",
    "President Joe Biden", "Kim, the party's leader"."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in TITLE_WORDS:
        return True
    if any(c.dep_ == "appos" and c.lower_ in TITLE_WORDS for c in root.children):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in TITLE_WORDS


def place_by_name(span: Span) -> bool:
    """A name that says it is a place: "Strait of Hormuz", "Causeway Bay", "Gaza Strip"."""
    words = [t.lower_ for t in span if t.is_alpha]
    if not words:
        return False
    return words[-1] in PLACE_NAME_WORDS or (
        len(words) >= 3 and words[0] in PLACE_NAME_WORDS and words[1] == "of")


def in_org_frame(span: Span) -> bool:
    """"the political party Spartans", "the bloc Mercosur", "Ansar al-Sunna insurgents",
    "Lamuka opposition coalition": an organisation by the noun beside it."""
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_FRAME_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in ORG_FRAME_NOUNS for c in root.children):
        return True
    if root.dep_ in {"compound", "nmod"} and root.head.lemma_.lower() in ORG_FRAME_NOUNS:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lemma_.lower() in ORG_FRAME_NOUNS and \
        before.pos_ == "NOUN"


def in_locative_frame(span: Span) -> bool:
    """"in Izmir", "near Tin Hau": the object of a locative preposition."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "near", "at", "outside",
                                                        "inside", "across"}
