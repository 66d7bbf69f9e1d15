"""Actor mentions: named entities and counted groups, as :class:`Mention` records.

``find_mentions`` reads the named actors of a ``Doc`` (people,
organisations, countries, places) and drops photo credits, bylines and
section headings. ``argument_mentions`` turns the head word of an event's
argument into the actors it names, following coordination ("Human Rights
Watch, Amnesty International and ...") and "including" lists, and falls
back on the noun phrase itself ("three Russian diplomats") as a group.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract import gazetteer, names
from kg.extract.lexicon import (
    GROUP_NOUNS,
    INSTITUTION_HEADS,
    NOT_ACTORS,
    ORG_HEADS,
    PLACE_NOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from kg.extract.numbers import parse_count
from kg.records import Mention

#: spaCy entity labels read as actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_CREDIT = re.compile(r"^\W*(?:photo|image|picture|credit|file photo|video)s?\b\s*[:/]|"
                     r"^\W*FILE\s*[-–—]|"
                     r"getty images|/handout/|\bvia (?:ap|reuters|afp)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^\W*by\s+[A-Z]", re.IGNORECASE)
_LIST_PREPS = frozenset({"including", "include", "like", "such"})
_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nummod", "quantmod", "nmod", "poss",
                          "case", "advmod", "npadvmod", "predet", "nn"})


def is_boilerplate(sent: Span) -> bool:
    """Whether a sentence is a photo credit, a byline or a dateline, not news."""
    text = sent.text.strip()
    return bool(_CREDIT.search(text)) or (bool(_BYLINE.match(text)) and len(sent) <= 12)


def _trim(span: Span) -> Span | None:
    """The span without a leading determiner or a trailing possessive or punctuation."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].dep_ == "det" or span.doc[start].lower_ == "the"
                           or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct
                           or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end] if end > start else None


def _is_heading(span: Span) -> bool:
    """"Background:", "Driving the news:" — an Axios-style section heading."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (after is not None and after.text == ":" and span.start == span.sent.start
            and len(span) <= 3)


def _extend_hyphen(span: Span) -> Span:
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
    return before is not None and before.lower_ in TITLE_WORDS and before.is_title


def entity_mention(ent: Span) -> Mention | None:
    """The actor mention a named entity stands for, or ``None`` when it names none."""
    span = _trim(ent)
    if span is None or _is_heading(span) or names.fold(span.text) in NOT_ACTORS:
        return None
    text = span.text
    if not any(c.isupper() for c in text) or len(text) < 2:
        return None
    if len(span) == 1 and gazetteer.country_by_adjective(text) and ent.label_ not in {
            "GPE", "NORP"}:
        ent = Span(ent.doc, span.start, span.end, label="NORP")  # "Moldovan" is a nationality
    country = names.country_name(text)
    label = ent.label_
    if label == "PERSON":
        span = extend_name(span)
        text = span.text
    elif label in {"GPE", "ORG"}:
        span = _extend_hyphen(span)
        text = span.text
        country = names.country_name(text)
    if label == "ORG" and not country and len(span) >= 2 and titled(span) and not any(
            t.lower_ in ORG_HEADS or t.lower_ in {"of", "for"} for t in span):
        label = "PERSON"
    if label == "NORP":
        entry = (gazetteer.country_by_name(text) or gazetteer.country_by_adjective(text)
                 or gazetteer.country_by_demonym(text))
        return (Mention(span.start_char, span.end_char, text, entry.name, "Country")
                if entry else None)
    if country and label in {"GPE", "ORG", "PERSON", "LOC"}:
        if gazetteer.country_by_capital(names.clean(text)) and label == "GPE":
            return Mention(span.start_char, span.end_char, text, names.clean(text), "Place")
        return Mention(span.start_char, span.end_char, text, country, "Country")
    if label == "PERSON":
        if gazetteer.country_by_capital(names.clean(text)):
            return Mention(span.start_char, span.end_char, text, names.clean(text), "Place")
        return Mention(span.start_char, span.end_char, text, names.person_name(text), "Person")
    if label == "ORG" and in_place_frame(span):
        return Mention(span.start_char, span.end_char, text, names.clean(text), "Place")
    if label == "ORG":
        return Mention(span.start_char, span.end_char, text, names.org_name(text),
                       "Organization")
    if label in {"GPE", "LOC"}:
        return Mention(span.start_char, span.end_char, text, names.clean(text), "Place")
    return None


def split_country_prefix(ent: Span) -> list[Span]:
    """A name the recogniser ran together with a country before it
    ("Ukraine Volodymyr Zelenskyy" -> "Ukraine", "Volodymyr Zelenskyy")."""
    if len(ent) < 3 or ent.label_ not in {"ORG", "PERSON"}:
        return [ent]
    for cut in (1, 2):
        head, rest = ent[:cut], ent[cut:]
        if (names.country_name(head.text) and len(rest) >= 2 and all(
                t.pos_ == "PROPN" and t.is_title for t in rest)
                and not any(t.lower_ in ORG_HEADS for t in rest)):
            return [Span(ent.doc, head.start, head.end, label="GPE"),
                    Span(ent.doc, rest.start, rest.end, label="PERSON")]
    return [ent]


def find_mentions(doc: Doc) -> list[Mention]:
    """Every named actor of ``doc`` outside credits and headings, in text order."""
    out = []
    for whole in doc.ents:
        if whole.label_ not in ACTOR_LABELS or whole.label_ == "FAC":
            continue
        if is_boilerplate(whole.sent):
            continue
        for ent in split_country_prefix(whole):
            mention = entity_mention(ent)
            if mention is not None and not any(o.start <= mention.start < o.end
                                               or mention.start <= o.start < mention.end
                                               for o in out):
                out.append(mention)
    out = institutions(doc, out)
    return sorted(out + repeated_mentions(doc, out))


def repeated_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Other occurrences of names already recognised once in ``doc`` that the
    recogniser missed (one name, one reading per document)."""
    taken = [(m.start, m.end) for m in mentions]
    known: dict[str, Mention] = {}
    for m in mentions:
        if len(m.text) >= 4 and (" " in m.text or m.text.isupper()) and m.type != "Place":
            known.setdefault(m.text, m)
    for m in mentions:  # "Pelosi" after "Nancy Pelosi"
        last = m.name.split()[-1] if m.type == "Person" and " " in m.name else ""
        if len(last) >= 3 and last[0].isupper() and last.lower() not in TITLE_WORDS:
            known.setdefault(last, Mention(m.start, m.end, last, m.name, "Person"))
    extra: list[Mention] = []
    for text, m in sorted(known.items()):
        for found in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", doc.text):
            start, end = found.span()
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end)
            if span is None or is_boilerplate(span.sent):
                continue
            extra.append(Mention(start, end, text, m.name, m.type, m.count))
            taken.append((start, end))
    return extra


def _proper_tokens(token: Token) -> set[int]:
    """A capitalised token with its capitalised left modifiers, recursively."""
    keep = {token.i}
    for child in token.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "det", "nummod"} and (
                child.is_title or child.is_upper or child.dep_ == "det" or child.like_num):
            keep |= _proper_tokens(child)
    return keep


def institution_mention(head: Token) -> Mention | None:
    """An institution the recogniser missed: "the United States House of Representatives",
    "the Federal Assembly", "Parliament of Greece"."""
    if not (head.is_title or head.is_upper) or head.lower_ not in INSTITUTION_HEADS \
            or head.pos_ not in {"PROPN", "NOUN"}:
        return None
    keep = _proper_tokens(head)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [g for g in child.children if g.dep_ == "pobj" and (g.is_title or g.is_upper)]
            if objs:
                keep |= {child.i} | _proper_tokens(objs[0])
    span = _trim(head.doc[min(keep):max(keep) + 1])
    if span is None or len(span) < 2 or not all(
            t.is_title or t.is_upper or t.lower_ in {"of", "the", "for", "and"} or t.like_num
            or t.text in {"-", "'s"} for t in span):
        return None
    text = span.text
    return Mention(span.start_char, span.end_char, text, names.org_name(text), "Organization")


def institutions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Institutions named in ``doc`` that the recogniser missed or cut, replacing the
    mentions they contain ("United States" inside "United States House of Representatives")."""
    found: list[Mention] = []
    for token in doc:
        if token.lower_ in INSTITUTION_HEADS and token.dep_ not in {"compound"} \
                and not is_boilerplate(token.sent):
            m = institution_mention(token)
            if m is not None and not any(o.start <= m.start and m.end <= o.end
                                         for o in mentions + found):
                found.append(m)
    kept = [m for m in mentions if m.type == "Country" or not any(f.start <= m.start and m.end <= f.end
                                           and (f.start, f.end) != (m.start, m.end)
                                           for f in found)]
    return sorted(kept + found)


def mention_at(token: Token, mentions: list[Mention]) -> Mention | None:
    """The mention covering ``token``, if any."""
    for m in mentions:
        if m.start <= token.idx < m.end:
            return m
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The head noun and its left modifiers ("three Russian diplomats"), plus an "of" phrase."""
    keep = {head.i}
    stack = [c for c in head.lefts if c.dep_ in _PHRASE_DEPS]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        stack.extend(c for c in t.children if c.i < head.i and c.dep_ != "punct")
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and head.lower_ in GROUP_NOUNS | {
                "member", "members", "government", "citizens"}:
            keep.update(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep)
    return [head.doc[i] for i in range(lo, hi + 1)]


def phrase_mention(head: Token) -> Mention | None:
    """A group or organisation named by a common noun phrase, or ``None``.

    "three Russian diplomats" is a group of 3; "the Moldovan foreign affairs
    ministry" an organisation. Pronouns and bare abstract nouns name no actor.
    """
    if head.pos_ not in {"NOUN", "PROPN"} or head.is_stop:
        return None
    tokens = _phrase_tokens(head)
    span = _trim(head.doc[tokens[0].i:tokens[-1].i + 1])
    while span is not None and len(span) > 1 and span[0].tag_ == "PRP$":
        span = span[1:]  # "its TV crew" -> "TV crew"
    if span is None:
        return None
    if len(span) == 1 and head.tag_ in {"NNS", "NN"}:
        return None  # "the groups", "the ministry": a reference back, not a name
    count = None
    for t in span:
        if t.dep_ == "nummod" and t.head.i == head.i or (t.like_num and t.head.i == head.i):
            count = parse_count(span.doc[t.left_edge.i:t.i + 1].text) or parse_count(t.text)
    plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in GROUP_NOUNS
    if head.lemma_.lower() in ORG_HEADS and not plural or head.lower_ in {"authorities", "junta"}:
        kind = "Organization"
    elif plural or count is not None:
        kind = "Group"
    elif any(t.ent_type_ in {"NORP", "GPE"} for t in span) and head.pos_ == "NOUN":
        kind = "Person" if head.lemma_ in {"ambassador", "diplomat", "envoy", "student",
                                           "national", "citizen", "officer"} else "Group"
    else:
        return None
    text = span.text
    return Mention(span.start_char, span.end_char, text, names.clean(text), kind, count)


def role_mention(head: Token) -> Mention | None:
    """A person described by role only: "the head of the police's internal investigators"."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in ROLE_NOUNS:
        return None
    keep = [t.i for t in head.subtree if not (t.dep_ in {"relcl", "acl", "punct", "appos"}
                                              and t.head.i == head.i)]
    span = _trim(head.doc[min(keep):max(keep) + 1])
    if span is None or len(span) > 10:
        return None
    return Mention(span.start_char, span.end_char, span.text, names.clean(span.text), "Person")


def proper_name_mention(head: Token) -> Mention | None:
    """A name the recogniser missed: the proper-noun chain at ``head`` ("Goble said").

    Used only where the grammar says an actor stands (the subject of a speech
    verb); all-capital names are organisations, the rest people.
    """
    doc = head.doc
    if head.pos_ != "PROPN" or head.ent_type_ in {"GPE", "LOC", "DATE", "NORP"}:
        return None
    lo = hi = head.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].lower_ not in TITLE_WORDS \
            and doc[lo - 1].dep_ in {"compound", "flat"}:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].head.i == head.i \
            and doc[hi + 1].dep_ in {"flat", "compound"}:
        hi += 1
    span = doc[lo:hi + 1]
    text = span.text
    if text.lower() in TITLE_WORDS or names.fold(text) in NOT_ACTORS:
        return None
    country = names.country_name(text)
    if country:
        return Mention(span.start_char, span.end_char, text, country, "Country")
    kind = "Organization" if text.replace(".", "").isupper() else "Person"
    name = names.org_name(text) if kind == "Organization" else names.person_name(text)
    return Mention(span.start_char, span.end_char, text, name, kind)


def _listed_heads(word: Token) -> list[Token]:
    """The items of an "including"/"such as" list: its objects, their conjuncts and
    their name chains, not everything said about them."""
    heads = [g for g in word.children if g.dep_ in {"pobj", "dobj", "appos"}] or (
        [g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"])
    out: list[Token] = []
    for h in heads:
        for item in _with_conjuncts(h):
            out.append(item)
            stack = [c for c in item.children if c.dep_ in {"compound", "flat"}]
            while stack:
                t = stack.pop()
                out.append(t)
                stack.extend(c for c in t.children if c.dep_ in {"compound", "flat"})
    return out


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def argument_mentions(head: Token, mentions: list[Mention], *,
                      groups: bool = True) -> list[Mention]:
    """The actors an event argument headed by ``head`` names.

    Follows coordination and "including"/"such as" lists to the named
    actors inside a common noun phrase; keeps the phrase itself as a group
    when ``groups`` is true and it names no one.
    """
    out: list[Mention] = []
    for tok in _with_conjuncts(head):
        named = mention_at(tok, mentions)
        people = [m for c in tok.children if c.dep_ == "appos"
                  for t in _with_conjuncts(c) for m in [mention_at(t, mentions)]
                  if m is not None and m.type == "Person"]
        if named is not None and named.type in {"Group", "Organization"} and people:
            out.extend(p for p in people if p not in out)  # "Two lawmakers, A and B"
            continue
        if named is not None:
            out.append(named)
            continue
        listed = [m for t in tok.subtree if t.lower_ in _LIST_PREPS and t.head.i != t.i
                  for p in _listed_heads(t) for m in [mention_at(p, mentions)] if m is not None]
        appos = [m for c in tok.children if c.dep_ == "appos" or (
                 tok.pos_ != "PROPN" and (c.dep_ == "compound" or (
                     c.dep_ == "nmod" and c.ent_type_ == "PERSON")))
                 for t in _with_conjuncts(c) for m in [mention_at(t, mentions)]
                 if m is not None and m.type == "Person"]
        if not listed and not appos and tok.pos_ == "NOUN":
            # "the regional bloc Mercosur", "the group NewJeans": a descriptor and its name
            appos = [m for c in tok.children if c.dep_ in {"appos", "compound"}
                     and (m := mention_at(c, mentions)) is not None
                     and m.type in {"Organization", "Country"}]
        if listed or appos:
            for m in listed + appos:
                if m not in out:
                    out.append(m)
            if groups and (phrase := phrase_mention(tok)) is not None and not appos:
                out.append(phrase)
            continue
        counted = tok.tag_ == "NNPS" or any(c.dep_ == "nummod" for c in tok.children)
        if tok.pos_ == "PROPN" and not counted and (proper := proper_name_mention(tok)):
            out.append(proper)
            continue
        proper = institution_mention(tok) or (
            proper_name_mention(tok) if tok.is_upper and len(tok) >= 2 else None)
        if proper is not None:
            out.append(proper)
        elif groups and (phrase := phrase_mention(tok)) is not None:
            out.append(phrase)
    return out
