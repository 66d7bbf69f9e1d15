"""People's roles: "Agnès Callamard, secretary general of Amnesty International",
"Russia's President Vladimir Putin", "Human Rights Watch's executive director".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract import gazetteer
from kg.extract.arguments import mention_at
from kg.extract.lexicon import TITLE_WORDS
from kg.records import Mention, Role

_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "det", "punct"})


def _is_title(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS or token.lemma_.lower() in TITLE_WORDS


def _org_of(head: Token, mentions: list[Mention]) -> Mention | None:
    """The organisation or country a title belongs to: "of X", "X's", or a nationality."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "for", "to"}:
            for obj in child.children:
                m = mention_at(obj, mentions)
                if m is not None and m.type in {"Organization", "Country", "Place"}:
                    return m
        if child.dep_ == "poss":
            m = mention_at(child, mentions)
            if m is not None and m.type in {"Organization", "Country"}:
                return m
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "nmod"}:
            m = mention_at(child, mentions)
            if m is not None and m.type in {"Organization", "Country"}:
                return m
            entry = gazetteer.country_by_adjective(child.text)
            if entry is not None:
                return Mention(child.idx, child.idx + len(child.text), child.text, entry.name,
                               "Country")
    return None


def _title_text(head: Token, org: Mention | None) -> str:
    """The words of a title: the head and its modifiers, without the organisation."""
    idx = sorted({head.i} | {t.i for t in head.lefts if t.dep_ in _TITLE_DEPS
                             for t in t.subtree})
    words = [head.doc[i] for i in idx if head.doc[i].dep_ not in {"det", "punct", "case"}
             and not (org and org.start <= head.doc[i].idx < org.end)
             and head.doc[i].tag_ != "POS" and head.doc[i].ent_type_ not in {"GPE", "NORP",
                                                                               "ORG"}]
    return re.sub(r"\s+", " ", " ".join(w.text for w in words)).strip(" ,")


def find_roles(doc: Doc, *, mentions: list[Mention]) -> list[Role]:
    """Every "person, title of organisation" and "Organisation's Title Person" in ``doc``."""
    roles: list[Role] = []
    seen: set[tuple[int, str]] = set()
    for person in (m for m in mentions if m.type == "Person"):
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        candidates = [c for c in root.children if c.dep_ == "appos" and _is_title(c)]
        # "Russia's President Vladimir Putin": title words inside the name's compound chain
        if root.dep_ == "appos" and _is_title(root.head):
            candidates.append(root.head)
        pre = [t for t in root.lefts if t.dep_ in {"compound", "nmod", "amod"} and _is_title(t)
               and not (person.start <= t.idx < person.end)]
        candidates += pre[-1:]
        for head in candidates:
            org = _org_of(head, mentions) or (_org_of(root, mentions) if head in pre else None)
            title = _title_text(head, org)
            if not title or (person.start, title) in seen:
                continue
            seen.add((person.start, title))
            roles.append(Role(person=person, title=title, of=org))
    return roles
