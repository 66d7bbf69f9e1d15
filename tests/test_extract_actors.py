"""Actor mentions from hand-built Docs: named entities, groups, roles, argument lists."""

from __future__ import annotations

from kg.extract.actors import entity_mention, find_mentions
from kg.extract.arguments import argument_mentions, phrase_mention, role_mention
from kg.records import Mention
from tests.docs import build_doc


def _names(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in mentions]


def test_entities_become_typed_mentions_with_canonical_names() -> None:
    doc = build_doc("""
    The        DET   DT  det      1 -
    Kremlin    PROPN NNP nsubj    2 ORG
    accused    VERB  VBD ROOT     2 -   lemma=accuse
    President  PROPN NNP compound 5 -
    Lena       PROPN NNP compound 5 PERSON
    Varga      PROPN NNP dobj     2 PERSON
    of         ADP   IN  prep     2 -
    lying      VERB  VBG pcomp    6 -   lemma=lie
    to         ADP   IN  prep     7 -
    the        DET   DT  det      10 -
    U.N.       PROPN NNP pobj     8 ORG
    in         ADP   IN  prep     7 -
    Geneva     PROPN NNP pobj     11 GPE
    .          PUNCT .   punct    2 -
    """)
    mentions = find_mentions(doc)
    assert _names(mentions) == [("Russia", "Country"), ("Lena Varga", "Person"),
                                ("United Nations", "Organization"), ("Geneva", "Place")]
    kremlin = mentions[0]
    assert (kremlin.text, doc.text[kremlin.start:kremlin.end]) == ("Kremlin", "Kremlin")


def test_title_inside_person_entity_is_dropped_from_the_name() -> None:
    doc = build_doc("""
    President  PROPN NNP compound 2 PERSON
    Lena       PROPN NNP compound 2 PERSON
    Varga      PROPN NNP nsubj    3 PERSON
    resigned   VERB  VBD ROOT     3 -   lemma=resign
    .          PUNCT .   punct    3 -
    """)
    [m] = find_mentions(doc)
    assert (m.text, m.name, m.type) == ("President Lena Varga", "Lena Varga", "Person")


def test_nationality_adjectives_map_to_their_country() -> None:
    doc = build_doc("""
    Hungarian  ADJ   JJ  amod  1 NORP
    officials  NOUN  NNS nsubj 2 -   lemma=official
    met        VERB  VBD ROOT  2 -   lemma=meet
    .          PUNCT .   punct 2 -
    """)
    assert entity_mention(doc.ents[0]) == Mention(0, 9, "Hungarian", "Hungary", "Country")
    assert phrase_mention(doc[1]) == Mention(0, 19, "Hungarian officials", "Hungarian officials",
                                             "Group")


def test_photo_credits_and_headings_are_not_actors() -> None:
    doc = build_doc("""
    Photo      NOUN  NN  ROOT  0 -
    :          PUNCT :   punct 0 -
    Anna       PROPN NNP compound 3 PERSON
    Reyes      PROPN NNP appos 0 PERSON
    /          SYM   SYM punct 0 -    space=no
    AFP        PROPN NNP appos 0 ORG
    Background PROPN NNP ROOT  6 ORG
    :          PUNCT :   punct 6 -
    Talks      NOUN  NNS nsubj 9 -   lemma=talk
    stalled    VERB  VBD ROOT  9 -   lemma=stall
    .          PUNCT .   punct 9 -
    """)
    assert find_mentions(doc) == []


def test_counted_group_phrase() -> None:
    doc = build_doc("""
    Estonia    PROPN NNP nsubj  1 GPE
    expelled   VERB  VBD ROOT   1 -   lemma=expel
    three      NUM   CD  nummod 4 CARDINAL
    Russian    ADJ   JJ  amod   4 NORP
    diplomats  NOUN  NNS dobj   1 -   lemma=diplomat
    .          PUNCT .   punct  1 -
    """)
    m = phrase_mention(doc[4])
    assert m == Mention(17, 40, "three Russian diplomats", "three Russian diplomats", "Group", 3)


def test_nationality_with_person_noun_is_a_person_and_ministry_an_organisation() -> None:
    doc = build_doc("""
    The        DET   DT  det      3 -
    Moldovan   ADJ   JJ  amod     3 NORP
    foreign    ADJ   JJ  amod     3 -
    ministry   NOUN  NN  nsubj    4 -
    summoned   VERB  VBD ROOT     4 -   lemma=summon
    a          DET   DT  det      7 -
    Russian    ADJ   JJ  amod     7 NORP
    diplomat   NOUN  NN  dobj     4 -
    .          PUNCT .   punct    4 -
    """)
    ministry, diplomat = phrase_mention(doc[3]), phrase_mention(doc[7])
    assert ministry is not None and diplomat is not None
    assert (ministry.name, ministry.type, ministry.count) == (
        "Moldovan foreign ministry", "Organization", None)
    assert (diplomat.name, diplomat.type) == ("Russian diplomat", "Person")


def test_pronouns_and_bare_abstract_nouns_name_no_actor() -> None:
    doc = build_doc("""
    They       PRON  PRP nsubj 1 -
    discussed  VERB  VBD ROOT  1 -   lemma=discuss
    security   NOUN  NN  dobj  1 -
    .          PUNCT .   punct 1 -
    """)
    assert phrase_mention(doc[0]) is None
    assert phrase_mention(doc[2]) is None


def test_role_mention_keeps_the_role_phrase() -> None:
    doc = build_doc("""
    The        DET   DT  det   1 -
    head       NOUN  NN  nsubj 5 -
    of         ADP   IN  prep  1 -
    the        DET   DT  det   4 -
    police     NOUN  NN  pobj  2 -
    spoke      VERB  VBD ROOT  5 -   lemma=speak
    .          PUNCT .   punct 5 -
    """)
    m = role_mention(doc[1])
    assert m is not None
    assert (m.text, m.name, m.type) == ("head of the police", "head of the police", "Person")
    assert role_mention(doc[4]) is None  # "police" is not a role noun


def test_argument_mentions_follow_coordination() -> None:
    doc = build_doc("""
    Poland     PROPN NNP nsubj    1 GPE
    expelled   VERB  VBD ROOT     1 -   lemma=expel
    Ivan       PROPN NNP compound 3 PERSON
    Petrov     PROPN NNP dobj     1 PERSON
    and        CCONJ CC  cc       3 -
    Oleg       PROPN NNP compound 6 PERSON
    Smirnov    PROPN NNP conj     3 PERSON
    .          PUNCT .   punct    1 -
    """)
    mentions = find_mentions(doc)
    assert _names(argument_mentions(doc[3], mentions)) == [
        ("Ivan Petrov", "Person"), ("Oleg Smirnov", "Person")]


def test_argument_mentions_read_including_lists_and_keep_the_group() -> None:
    doc = build_doc("""
    Nicaragua  PROPN NNP nsubj  1 GPE
    shut       VERB  VBD ROOT   1 -   lemma=shut
    15         NUM   CD  nummod 3 CARDINAL
    charities  NOUN  NNS dobj   1 -   lemma=charity
    ,          PUNCT ,   punct  3 -
    including  VERB  VBG prep   3 -   lemma=include
    Oxfam      PROPN NNP pobj   5 ORG
    and        CCONJ CC  cc     6 -
    Caritas    PROPN NNP conj   6 ORG
    .          PUNCT .   punct  1 -
    """)
    mentions = find_mentions(doc)
    found = argument_mentions(doc[3], mentions)
    assert _names(found) == [("Oxfam", "Organization"), ("Caritas", "Organization"),
                             ("15 charities", "Group")]
    assert found[-1].count == 15
    assert _names(argument_mentions(doc[3], mentions, groups=False)) == [
        ("Oxfam", "Organization"), ("Caritas", "Organization")]


def test_a_name_cut_at_a_connecting_word_is_finished() -> None:
    # the recogniser ended the names on "of": "the Strait of" + "Hormuz", and "Office
    # of the President of" + "Ukraine", a name of its own taken whole, then a person
    doc = build_doc("""
    Ships      NOUN  NNS nsubj    1 -
    crossed    VERB  VBD ROOT     1 -   lemma=cross
    the        DET   DT  det      4 -
    Strait     PROPN NNP compound 4 LOC
    of         ADP   IN  dobj     1 LOC
    Hormuz     PROPN NNP pobj     4 -
    ,          PUNCT ,   punct    1 -
    the        DET   DT  det      8 -
    Office     PROPN NNP nsubj    16 ORG
    of         ADP   IN  prep     8 ORG
    the        DET   DT  det      11 ORG
    President  PROPN NNP pobj     9 ORG
    of         ADP   IN  prep     11 ORG
    Ukraine    PROPN NNP pobj     12 GPE
    Andriy     PROPN NNP compound 15 PERSON
    Yermak     PROPN NNP appos    8 PERSON
    said       VERB  VBD conj     1 -   lemma=say
    .          PUNCT .   punct    1 -
    """)
    assert [m.text for m in find_mentions(doc)] == [
        "Strait of Hormuz", "Office of the President of Ukraine", "Andriy Yermak"]


def test_a_dangling_connector_is_dropped() -> None:
    # "Patrice Talon of" (a person), "Holy Trinity Cathedral in" (no name goes on
    # after "in"), "Investment Fund and" (another name follows "and")
    doc = build_doc("""
    Patrice    PROPN NNP compound 1 PERSON
    Talon      PROPN NNP nsubj    3 PERSON
    of         ADP   IN  prep     1 PERSON
    visited    VERB  VBD ROOT     3 -   lemma=visit
    Holy       PROPN NNP compound 6 ORG
    Trinity    PROPN NNP compound 6 ORG
    Cathedral  PROPN NNP dobj     3 ORG
    in         ADP   IN  prep     6 ORG
    Kyiv       PROPN NNP pobj     7 GPE
    with       ADP   IN  prep     3 -
    Investment PROPN NNP compound 11 ORG
    Fund       PROPN NNP pobj     9 ORG
    and        CCONJ CC  cc       11 ORG
    Affinity   PROPN NNP compound 14 B-ORG
    Partners   PROPN NNP conj     11 ORG
    .          PUNCT .   punct    3 -
    """)
    assert [m.text for m in find_mentions(doc)] == [
        "Patrice Talon", "Holy Trinity Cathedral", "Kyiv", "Investment Fund",
        "Affinity Partners"]


def test_a_counted_party_name_is_a_group_of_its_members() -> None:
    doc = build_doc("""
    21          NUM   CD   nummod 1 CARDINAL
    Republicans PROPN NNPS nsubj  2 NORP
    voted       VERB  VBD  ROOT   2 -   lemma=vote
    .           PUNCT .    punct  2 -
    """)
    party = Mention(3, 14, "Republicans", "Republican Party", "Organization")
    [group] = argument_mentions(doc[1], [party])
    assert (group.name, group.type, group.count) == ("21 Republicans", "Group", 21)
    uncounted = build_doc("""
    Republicans PROPN NNPS nsubj  1 NORP
    voted       VERB  VBD  ROOT   1 -   lemma=vote
    .           PUNCT .    punct  1 -
    """)
    assert argument_mentions(uncounted[0], [Mention(0, 11, "Republicans", "Republican Party",
                                                    "Organization")]) == [
        Mention(0, 11, "Republicans", "Republican Party", "Organization")]


def test_a_party_family_named_by_its_members_is_a_party() -> None:
    doc = build_doc("""
    The        DET   DT  det      1 -
    Greens     PROPN NNP  nsubj   2 NORP
    voted      VERB  VBD  ROOT    2 -   lemma=vote
    against    ADP   IN   prep    2 -
    .          PUNCT .    punct   2 -
    """)
    assert entity_mention(doc.ents[0]) == Mention(4, 10, "Greens", "Greens", "Organization")


def test_an_administration_named_after_its_leader_is_an_organisation() -> None:
    doc = build_doc("""
    Strikes        NOUN  NNS nsubj    1 -   lemma=strike
    hit            VERB  VBD ROOT     1 -
    the            DET   DT  det      5 -
    Ana            PROPN NNP compound 4 PERSON
    Ruiz           PROPN NNP compound 5 PERSON
    administration NOUN  NN  dobj     1 -
    .              PUNCT .   punct    1 -
    """)
    assert _names(find_mentions(doc)) == [("Ana Ruiz", "Person"),
                                          ("Ana Ruiz administration", "Organization")]


def test_an_executive_named_after_its_leader_is_named_without_titles() -> None:
    doc = build_doc("""
    President  PROPN NNP compound 2 -
    Ana        PROPN NNP compound 2 PERSON
    Ruiz       PROPN NNP poss     4 PERSON
    's         PART  POS case     2 -
    government NOUN  NN  nsubj    5 -
    fell       VERB  VBD ROOT     5 -   lemma=fall
    .          PUNCT .   punct    5 -
    """)
    executive = [m for m in find_mentions(doc) if m.type == "Organization"]
    assert [(m.text, m.name) for m in executive] == [("Ana Ruiz's government",
                                                      "Ana Ruiz government")]
