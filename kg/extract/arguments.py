"""Event arguments: the actors an argument's head word names.

``argument_mentions`` turns the head word of an event's argument into the
actors it names, following coordination ("Human Rights Watch, Amnesty
International and ...") and "including" lists, and falls back on the noun
phrase itself ("three Russian diplomats") as a group, on an institution
the recogniser missed, or on a proper name.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.extract import names
from kg.extract.lexicon import (
    GROUP_NOUNS,
    INSTITUTION_HEADS,
    NOT_ACTORS,
    ORG_HEADS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from kg.extract.numbers import parse_count
from kg.extract.spans import trim
from kg.records import Mention

_LIST_PREPS = frozenset({"including", "include", "like", "such"})
_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nummod", "quantmod", "nmod", "poss",
                          "case", "advmod", "npadvmod", "predet", "nn"})

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
    span = trim(head.doc[min(keep):max(keep) + 1])
    if span is None or len(span) < 2 or not all(
            t.is_title or t.is_upper or t.lower_ in {"of", "the", "for", "and"} or t.like_num
            or t.text in {"-", "'s"} for t in span):
        return None
    text = span.text
    return Mention(span.start_char, span.end_char, text, names.org_name(text), "Organization")

def mention_at(token: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The longest mention covering ``token``, if any ("United Nations General Assembly",
    not the "United Nations" inside it)."""
    best: Mention | None = None
    for m in mentions:
        if m.start <= token.idx < m.end and (best is None or m.end - m.start > best.end - best.start):
            best = m
    return best


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
    span = trim(head.doc[tokens[0].i:tokens[-1].i + 1])
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
    if count is None:  # "a record 7 Republicans": the number hangs off a modifier
        numbers = [t for t in span if t.like_num and t.i < head.i]
        if numbers and (n := parse_count(numbers[0].text)) is not None:
            count = n
            span = span.doc[numbers[0].i:span.end]
    plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in GROUP_NOUNS
    if head.lemma_.lower() in ORG_HEADS and not plural or head.lower_ in {"authorities", "junta"}:
        kind = "Organization"
    elif plural or count is not None:
        kind = "Group"
    elif any(t.ent_type_ in {"NORP", "GPE"} for t in span) and head.pos_ == "NOUN":
        kind = "Person" if head.lemma_ in {"ambassador", "diplomat", "envoy", "student",
                                           "national", "citizen", "officer"} | ROLE_NOUNS \
            else "Group"
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
    span = trim(head.doc[min(keep):max(keep) + 1])
    if span is None or len(span) > 10:
        return None
    return Mention(span.start_char, span.end_char, span.text, names.clean(span.text), "Person")

def proper_name_mention(head: Token) -> Mention | None:
    """A name the recogniser missed: the proper-noun chain at ``head`` ("Goble said").

    Used only where the grammar says an actor stands (the subject of a speech
    verb); all-capital names are organisations, the rest people.
    """
    doc = head.doc
    acronym = head.is_upper and len(head) >= 2 and head.is_alpha  # "ADOR" tagged as a noun
    if (head.pos_ != "PROPN" and not acronym) or head.ent_type_ in {"GPE", "LOC", "DATE",
                                                                      "NORP"}:
        return None
    lo = hi = head.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].lower_ not in TITLE_WORDS \
            and doc[lo - 1].dep_ in {"compound", "flat"}:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].head.i == head.i \
            and doc[hi + 1].dep_ in {"flat", "compound"}:
        hi += 1
    of_name = False
    if hi + 2 < len(doc) and doc[hi + 1].lower_ == "of" and doc[hi + 1].head.i == head.i \
            and doc[hi + 2].pos_ == "PROPN" and doc[hi + 2].is_title:
        hi += 2  # "Dawn of Nemunas", "Union of Democrats"
        of_name = True
        while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].is_title \
                and doc[hi + 1].dep_ in {"flat", "compound", "pobj"}:
            hi += 1
    span = doc[lo:hi + 1]
    text = span.text
    if text.lower() in TITLE_WORDS or names.fold(text) in NOT_ACTORS or not names.fold(text):
        return None  # a title, boilerplate, or punctuation ("*Washington Post*")
    country = names.country_name(text)
    if country:
        return Mention(span.start_char, span.end_char, text, country, "Country")
    kind = "Organization" if text.replace(".", "").isupper() or of_name or \
        head.lower_ in INSTITUTION_HEADS else "Person"
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

def argument_mentions(head: Token, mentions: Sequence[Mention], *,
                      groups: bool = True) -> list[Mention]:
    """The actors an event argument headed by ``head`` names.

    Follows coordination and "including"/"such as" lists to the named
    actors inside a common noun phrase; keeps the phrase itself as a group
    when ``groups`` is true and it names no one.
    """
    out: list[Mention] = []
    queue = _with_conjuncts(head)
    for tok in queue:
        named = mention_at(tok, mentions)
        people = [m for c in tok.children if c.dep_ == "appos"
                  for t in _with_conjuncts(c) for m in [mention_at(t, mentions)]
                  if m is not None and m.type == "Person"]
        if named is not None and named.type in {"Group", "Organization"} and people:
            out.extend(p for p in people if p not in out)  # "Two lawmakers, A and B"
            continue
        if named is not None and named.type == "Organization" and named.start <= tok.idx \
                and any(c.dep_ == "nummod" for c in tok.children) \
                and (members := phrase_mention(tok)) is not None and members.count is not None:
            named = members  # "21 state Republicans": members of the party, not the party
        if named is not None:
            if named not in out:
                out.append(named)
            # "the Republic of the Congo and Pakistan": the conjunct hangs inside the name
            inside = tok.doc.char_span(named.start, named.end, alignment_mode="expand")
            queue.extend(c for t in (inside if inside is not None else []) for c in t.conjuncts
                         if not named.start <= c.idx < named.end and c not in queue)
            continue
        items = [p for t in tok.subtree if t.lower_ in _LIST_PREPS and t.head.i != t.i
                 for p in _listed_heads(t)]
        listed = [m for p in items for m in [mention_at(p, mentions)] if m is not None]
        if groups:  # "57 Senators, including a record 7 Republicans"
            listed += [g for p in items if mention_at(p, mentions) is None
                       and any(t.like_num for t in p.lefts for t in t.subtree)
                       and (g := phrase_mention(p)) is not None]
        appos = [m for c in tok.children if c.dep_ == "appos" or (
                 tok.pos_ != "PROPN" and (c.dep_ == "compound" or (
                     c.dep_ == "nmod" and c.ent_type_ == "PERSON")))
                 for t in _with_conjuncts(c) for m in [mention_at(t, mentions)]
                 if m is not None and m.type == "Person"]
        if not listed and not appos and tok.pos_ == "NOUN" and tok.tag_ != "NNS":
            # "the regional bloc Mercosur", "the group NewJeans": a descriptor and its name
            appos = [m for c in tok.children if c.dep_ in {"appos", "compound"}
                     and c.pos_ == "PROPN" and (m := mention_at(c, mentions)) is not None
                     and m.type in {"Organization", "Country"}
                     and not (m.start <= tok.idx < m.end)]
        if listed or appos:
            for m in listed + appos:
                if m not in out:
                    out.append(m)
            if groups and (phrase := phrase_mention(tok)) is not None and not appos:
                out.append(phrase)
            continue
        counted = tok.tag_ == "NNPS" or any(c.dep_ == "nummod" for c in tok.children)
        if tok.pos_ == "PROPN" and not counted and (
                proper := institution_mention(tok) or proper_name_mention(tok)):
            out.append(proper)
            continue
        proper = institution_mention(tok) or (
            proper_name_mention(tok) if tok.is_upper and len(tok) >= 2 else None)
        if proper is not None:
            out.append(proper)
        elif groups and (phrase := phrase_mention(tok)) is not None:
            out.append(phrase)
    return out
