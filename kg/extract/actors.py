"""Actor mentions: the named actors of a ``Doc`` as :class:`Mention` records.

``find_mentions`` reads people, organisations, countries and places from the
named-entity recogniser, corrects their types by the frame they stand in,
adds institutions the recogniser missed and names it found only once, and
drops photo credits, bylines and section headings. The actors an event's
arguments name are read by :mod:`kg.extract.arguments`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract import gazetteer, names
from kg.extract.arguments import institution_mention, mention_at
from kg.extract.lexicon import (
    EXECUTIVE_WORDS,
    INSTITUTION_HEADS,
    NATIONAL_INSTITUTIONS,
    NOT_ACTORS,
    ORG_HEADS,
    ORG_NAME_WORDS,
    PARENT_BODIES,
    PARTY_FAMILIES,
    PARTY_MEMBERS,
    TITLE_WORDS,
)
from kg.extract.spans import (
    close_name,
    extend_hyphen,
    extend_name,
    in_locative_frame,
    in_org_frame,
    in_place_frame,
    is_heading,
    place_by_name,
    titled,
    trim,
)
from kg.records import Mention

#: spaCy entity labels read as actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_CREDIT = re.compile(r"^\W*(?:photo|image|picture|credit|file photo|video)s?\b\s*[:/]|"
                     r"^\W*FILE\s*[-–—]|"
                     r"getty images|/handout/|\bvia (?:ap|reuters|afp)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^\W*by\s+[A-Z]", re.IGNORECASE)


def is_boilerplate(sent: Span) -> bool:
    """Whether a sentence is a photo credit, a byline or a dateline, not news."""
    text = sent.doc.text[sent.start_char:sent.end_char].strip()
    return bool(_CREDIT.search(text)) or (bool(_BYLINE.match(text)) and len(sent) <= 12)

def entity_mention(ent: Span) -> Mention | None:
    """The actor mention a named entity stands for, or ``None`` when it names none."""
    span = trim(ent)
    if span is not None:
        span = close_name(span, person=ent.label_ == "PERSON")
    if span is None or is_heading(span) or names.fold(span.text) in NOT_ACTORS \
            or not names.fold(span.text):
        return None  # a heading, boilerplate, or a "name" of punctuation only
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
        span = extend_hyphen(span)
        text = span.text
        country = names.country_name(text)
    label = relabel(span, label, country=country)
    counted = span.start > 0 and span.doc[span.start - 1].like_num
    if text in PARTY_MEMBERS and label in {"NORP", "ORG", "PERSON"} and not counted:
        return Mention(span.start_char, span.end_char, text, PARTY_MEMBERS[text], "Organization")
    if text in PARTY_FAMILIES and label in {"NORP", "ORG"} and not counted:
        return Mention(span.start_char, span.end_char, text, text, "Organization")
    if label == "NORP":
        entry = (gazetteer.country_by_name(text) or gazetteer.country_by_adjective(text))
        demonym = gazetteer.country_by_demonym(text)
        if demonym is not None and entry is None:  # "Palestinians": a people, not the state
            return Mention(span.start_char, span.end_char, text, names.clean(text), "Group")
        return (Mention(span.start_char, span.end_char, text, entry.name, "Country")
                if entry else None)
    if country and label in {"GPE", "ORG", "PERSON", "LOC"}:
        if gazetteer.country_by_capital(names.clean(text)) and label == "GPE":
            return Mention(span.start_char, span.end_char, text, names.clean(text), "Place")
        return Mention(span.start_char, span.end_char, text, country, "Country")
    if label == "PERSON":
        return Mention(span.start_char, span.end_char, text, names.person_name(text), "Person")
    if label == "ORG":
        return Mention(span.start_char, span.end_char, text, names.org_name(text),
                       "Organization")
    if label in {"GPE", "LOC"}:
        return Mention(span.start_char, span.end_char, text, names.clean(text), "Place")
    return None


def relabel(span: Span, label: str, *, country: str | None) -> str:
    """The entity label a span's own words and frame call for, over the recogniser's.

    A title makes a person ("president Faustin-Archange Touadéra"); a place
    word a place ("Strait of Hormuz"); an institution word an organisation
    ("Tuareg Azawad Liberation Front"), as do a known acronym and an
    organisation noun beside the name ("the political party Spartans"); a
    capital or the object of "in" that the recogniser took for a person is a
    place.
    """
    if country or label in {"NORP", "FAC"}:
        return label
    words = {t.lower_.strip(".") for t in span}
    text = names.clean(span.text)
    if label in {"ORG", "GPE"} and titled(span) and not words & (ORG_NAME_WORDS | {"of", "for"}) \
            and (len(span) >= 2 or not gazetteer.country_by_capital(text)):
        return "PERSON"  # "singer Danielle", "president Faustin-Archange Touadéra"
    if place_by_name(span) and label != "PERSON" or (label == "PERSON" and place_by_name(span)
                                                     and not titled(span)):
        return "GPE"
    if label in {"PERSON", "GPE"} and (words & ORG_NAME_WORDS or text in names.ORG_ALIASES
                                       or in_org_frame(span)):
        return "ORG"
    if label == "PERSON" and not titled(span) and (
            gazetteer.country_by_capital(text) or (in_locative_frame(span) and len(span) <= 2)):
        return "GPE"
    if label == "ORG" and in_place_frame(span):
        return "GPE"
    return label


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
    out: list[Mention] = []
    boilerplate: dict[int, bool] = {}  # by sentence start
    for whole in doc.ents:
        if whole.label_ not in ACTOR_LABELS or whole.label_ == "FAC":
            continue
        sent = whole.sent
        if sent.start not in boilerplate:
            boilerplate[sent.start] = is_boilerplate(sent)
        if boilerplate[sent.start]:
            continue
        for ent in split_country_prefix(whole):
            mention = entity_mention(ent)
            if mention is not None and not any(o.start <= mention.start < o.end
                                               or mention.start <= o.start < mention.end
                                               for o in out):
                out.append(mention)
    out = institutions(doc, out + national_institutions(doc, out) + leaders_executives(doc, out))
    out += nested_mentions(doc, out)
    return sorted(out + repeated_mentions(doc, out))


def nested_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Actors named inside another name: the country in "South Korean National
    Assembly", the United Nations in "United Nations General Assembly"."""
    extra: list[Mention] = []
    taken = {(m.start, m.end) for m in mentions}
    for m in mentions:
        if m.type != "Organization" or " " not in m.text:
            continue
        words = m.text.split()
        for n in (2, 1):
            prefix = " ".join(words[:n])
            if len(words) <= n:
                continue
            start = m.start
            end = start + len(prefix)
            if (start, end) in taken:
                break
            entry = gazetteer.country_by_adjective(prefix) or gazetteer.country_by_name(prefix)
            if entry is not None:
                extra.append(Mention(start, end, prefix, entry.name, "Country"))
                break
            if prefix in PARENT_BODIES:
                extra.append(Mention(start, end, prefix, PARENT_BODIES[prefix], "Organization"))
                break
    return extra


def national_institutions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the Peruvian government", "government of Peru", "Niger's junta", "the French
    military": a state's institution named by a common noun and its country."""
    found: list[Mention] = []
    for token in doc:
        if token.lemma_.lower() not in NATIONAL_INSTITUTIONS or token.pos_ != "NOUN" \
                or is_boilerplate(token.sent) or mention_at(token, mentions) is not None:
            continue
        mods = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}
                and (gazetteer.country_by_adjective(c.text) or names.country_name(c.text))]
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}
              and any(names.country_name(g.text) or g.ent_type_ == "GPE" for g in c.children)]
        if not mods and not of:
            continue
        lo = min([token.i] + [t.i for m in mods for t in m.subtree]
                 + [c.i for c in token.lefts if c.dep_ in {"amod", "compound"}])
        hi = max([token.i] + [t.i for c in of for g in c.children if g.dep_ == "pobj"
                               for t in g.subtree if t.dep_ not in {"appos", "punct"}
                               and not any(a.dep_ == "appos" for a in t.ancestors
                                           if a.i > g.i)])
        span = trim(doc[lo:hi + 1])
        if span is None or len(span) < 2:
            continue
        text = span.text
        found.append(Mention(span.start_char, span.end_char, text, names.clean(text),
                             "Organization"))
    return found

def leaders_executives(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the Javier Milei administration", "Netanyahu's government", "the Assad regime": a
    state's executive named after its leader, as "<leader> <office>" ("U.S. president
    Donald Trump's administration" is the "Donald Trump administration")."""
    found: list[Mention] = []
    for token in doc:
        if token.lemma_.lower() not in EXECUTIVE_WORDS or token.tag_ != "NN" \
                or is_boilerplate(token.sent) or mention_at(token, mentions) is not None:
            continue
        leader = next((m for c in token.children if c.dep_ in {"compound", "poss"}
                       and (m := mention_at(c, mentions)) is not None
                       and m.type in {"Person", "Organization"}), None)
        if leader is None:
            continue
        end = token.idx + len(token.text)
        found.append(Mention(leader.start, end, doc.text[leader.start:end],
                             f"{leader.name} {token.lower_}", "Organization"))
    return found


def _whole_words(text: str, whole: str) -> Iterator[tuple[int, int]]:
    r"""Where ``text`` occurs in ``whole`` as a whole word (as the regex ``(?<!\w)text(?!\w)``
    finds it, without compiling a pattern for every name)."""
    def word(char: str) -> bool:
        return char.isalnum() or char == "_"

    start = whole.find(text)
    while start != -1:
        end = start + len(text)
        if not (start and word(whole[start - 1])) and not (end < len(whole) and word(whole[end])):
            yield start, end
            start = whole.find(text, end)
        else:
            start = whole.find(text, start + 1)


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
    whole = doc.text
    for text, m in sorted(known.items()):
        for start, end in _whole_words(text, whole):
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end)
            if span is None or is_boilerplate(span.sent):
                continue
            extra.append(Mention(start, end, text, m.name, m.type, m.count))
            taken.append((start, end))
    return extra

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
