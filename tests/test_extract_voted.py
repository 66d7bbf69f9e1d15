"""Votes: tallies read from text, voters and targets read from hand-built Docs."""

from __future__ import annotations

import pytest

from kg.extract.numbers import parse_count
from kg.extract.tally import read_tallies
from kg.extract.voted import Tally, find_votes, read_tally
from kg.records import Event
from tests.docs import build_doc, context


def _votes(annotation: str) -> list[Event]:
    return find_votes(context(build_doc(annotation), "2023-02-24"))


@pytest.mark.parametrize(("text", "tally"), [
    ("The resolution passed 93–18.", Tally(93, 18, None)),
    ("It was adopted 93 to 18.", Tally(93, 18, None)),
    ("93 in favour, 24 against and 58 abstentions", Tally(93, 24, 58)),
    ("The bill passed with three abstentions.", Tally(None, None, 3)),
    ("It won 120 votes for, 31 against, with 12 abstaining.", Tally(120, 31, 12)),
    ("Delegates backed it 1,204-87.", Tally(1204, 87, None)),
    ("No vote was held.", Tally(None, None, None)),
])
def test_read_tally(text: str, tally: Tally) -> None:
    assert read_tally(text) == tally


def test_read_tally_hyphenated_to() -> None:
    assert read_tally("The House passed the bill by 230-to-197.") == Tally(230, 197, None)


def test_read_tally_followed_by_for() -> None:
    assert read_tally("The Senate voted 52 to 48 for the bill.") == Tally(52, 48, None)


@pytest.mark.parametrize(("text", "tallies"), [
    ("The articles passed by votes of 230-to-197 and 229-to-198 respectively.",
     [Tally(230, 197), Tally(229, 198)]),
    ("The bills passed 60–40 and 55–45.", [Tally(60, 40), Tally(55, 45)]),
    ("It passed 60–40, and the amendment 60–40.", [Tally(60, 40)]),  # one tally, twice
    ("It passed 60–40, with 3 against the rule and 45–55 on the amendment.",
     [Tally(60, 40)]),  # a side's words: one tally, read as read_tally reads it
    ("The resolution passed 93–18.", [Tally(93, 18)]),
    ("No vote was held.", [Tally()]),
])
def test_read_tallies(text: str, tallies: list[Tally]) -> None:
    assert read_tallies(text) == tallies


@pytest.mark.parametrize(("text", "n"), [("93", 93), ("Forty", 40), ("1,000", 1000),
                                         ("more than 1 million", 1_000_000), ("several", None)])
def test_parse_count(text: str, n: int | None) -> None:
    assert parse_count(text) == n


SUSPEND_VOTE = """
93         NUM   CD  nummod 1 CARDINAL
countries  NOUN  NNS nsubj  2 -   lemma=country
voted      VERB  VBD ROOT   2 -   lemma=vote
to         PART  TO  aux    4 -
suspend    VERB  VB  xcomp  2 -
Russia     PROPN NNP dobj   4 GPE
from       ADP   IN  prep   4 -
the        DET   DT  det    10 -
Human      PROPN NNP compound 10 ORG
Rights     PROPN NNP compound 10 ORG
Council    PROPN NNP pobj   6 ORG
.          PUNCT .   punct  2 -
"""


def test_counted_countries_vote_to_suspend() -> None:
    [event] = _votes(SUSPEND_VOTE)
    [voters] = event.agents
    assert (voters.name, voters.type, voters.count) == ("93 countries", "Group", 93)
    assert [(m.name, m.type) for m in event.patients] == [("Russia", "Country")]
    assert event.motion == "to suspend Russia from the Human Rights Council"
    assert (event.position, event.votes_for) == ("for", 93)  # the group is its side


def test_named_voters_against_inherit_the_previous_target() -> None:
    events = _votes(SUSPEND_VOTE + """
    Belarus    PROPN NNP nsubj  15 GPE
    and        CCONJ CC  cc     12 -
    Syria      PROPN NNP conj   12 GPE
    voted      VERB  VBD ROOT   15 -   lemma=vote
    against    ADP   IN  prep   15 -
    .          PUNCT .   punct  15 -
    """)
    assert len(events) == 2
    against = events[1]
    assert [a.name for a in against.agents] == ["Belarus", "Syria"]
    assert against.position == "against"
    assert [m.name for m in against.patients] == ["Russia"]


def test_state_assembly_tally_gives_counted_groups_per_position() -> None:
    events = _votes("""
    The        DET   DT  det      3 -
    UN         PROPN NNP compound 3 ORG
    General    PROPN NNP compound 3 ORG
    Assembly   PROPN NNP nsubj    4 ORG
    voted      VERB  VBD ROOT     4 -   lemma=vote
    141        NUM   CD  npadvmod 4 CARDINAL space=no
    –          SYM   SYM punct    5 -        space=no
    5          NUM   CD  appos    5 CARDINAL
    to         PART  TO  aux      9 -
    condemn    VERB  VB  xcomp    4 -
    Russia     PROPN NNP dobj     9 GPE
    ,          PUNCT ,   punct    4 -
    with       ADP   IN  prep     4 -
    35         NUM   CD  nummod   14 CARDINAL
    abstentions NOUN NNS pobj     12 -   lemma=abstention
    .          PUNCT .   punct    4 -
    """)
    assert [(e.position, e.agents[0].name, e.agents[0].count) for e in events] == [
        ("for", "141 countries", 141), ("against", "5 countries", 5),
        ("abstain", "35 countries", 35)]
    assert all([m.name for m in e.patients] == ["Russia"] for e in events)
    assert all((e.votes_for, e.votes_against, e.abstentions) == (141, 5, 35) for e in events)


def test_chamber_tally_gives_the_other_sides_as_counted_members() -> None:
    events = _votes("""
    The        DET   DT  det      1 -
    Senate     PROPN NNP nsubj    2 ORG
    confirmed  VERB  VBD ROOT     2 -   lemma=confirm
    Jane       PROPN NNP compound 4 PERSON
    Doe        PROPN NNP dobj     2 PERSON
    51         NUM   CD  npadvmod 2 CARDINAL space=no
    –          SYM   SYM punct    5 -        space=no
    48         NUM   CD  appos    5 CARDINAL
    ,          PUNCT ,   punct    2 -
    with       ADP   IN  prep     2 -
    one        NUM   CD  nummod   11 CARDINAL
    abstention NOUN  NN  pobj     9 -   lemma=abstention
    .          PUNCT .   punct    2 -
    """)
    assert [(e.position, e.agents[0].name, e.agents[0].type, e.agents[0].count)
            for e in events] == [("for", "Senate", "Organization", None),
                                 ("against", "48 members", "Group", 48),
                                 ("abstain", "1 member", "Group", 1)]
    assert all([m.name for m in e.patients] == ["Jane Doe"] for e in events)
    assert all((e.votes_for, e.votes_against, e.abstentions) == (51, 48, 1) for e in events)


def test_voters_listed_after_include() -> None:
    [event] = _votes("""
    The        DET   DT  det    2 -
    24         NUM   CD  nummod 2 CARDINAL
    countries  NOUN  NNS nsubj  6 -   lemma=country
    that       PRON  WDT nsubj  4 -
    voted      VERB  VBD relcl  2 -   lemma=vote
    against    ADP   IN  prep   4 -
    included   VERB  VBD ROOT   6 -   lemma=include
    China      PROPN NNP dobj   6 GPE
    ,          PUNCT ,   punct  7 -
    Iran       PROPN NNP conj   7 GPE
    and        CCONJ CC  cc     9 -
    Cuba       PROPN NNP conj   9 GPE
    .          PUNCT .   punct  6 -
    """)
    assert [(a.name, a.count) for a in event.agents] == [
        ("24 countries", 24), ("China", None), ("Iran", None), ("Cuba", None)]
    assert event.position == "against"


def test_parliament_elects_a_person() -> None:
    [event] = _votes("""
    The        DET   DT  det      2 -
    Estonian   ADJ   JJ  amod     2 ORG
    Parliament PROPN NNP nsubj    3 ORG
    elected    VERB  VBD ROOT     3 -   lemma=elect
    Kaja       PROPN NNP compound 5 PERSON
    Tamm       PROPN NNP dobj     3 PERSON
    as         ADP   IN  prep     3 -
    speaker    NOUN  NN  pobj     6 -
    .          PUNCT .   punct    3 -
    """)
    assert event.trigger == "elected"
    assert [(a.name, a.type) for a in event.agents] == [("Estonian Parliament", "Organization")]
    assert [(p.name, p.type) for p in event.patients] == [("Kaja Tamm", "Person")]
    assert event.position == "for"


def test_a_company_approving_a_deal_is_no_vote() -> None:
    assert _votes("""
    Siemens    PROPN NNP nsubj 1 ORG
    approved   VERB  VBD ROOT  1 -   lemma=approve
    the        DET   DT  det   3 -
    deal       NOUN  NN  dobj  1 -
    .          PUNCT .   punct 1 -
    """) == []


def test_an_assembly_vote_named_by_a_noun() -> None:
    [event] = _votes("""
    Israel     PROPN NNP nsubj    1 GPE
    annexed    VERB  VBD ROOT     1 -   lemma=annex
    land       NOUN  NN  dobj     1 -
    after      ADP   IN  prep     1 -
    a          DET   DT  det      6 -
    Knesset    PROPN NNP compound 6 ORG
    vote       NOUN  NN  pobj     3 -   lemma=vote
    .          PUNCT .   punct    1 -
    """)
    assert [(a.name, a.type) for a in event.agents] == [("Knesset", "Organization")]


def test_an_assembly_vote_still_to_come_is_no_vote() -> None:
    assert _votes("""
    Israel     PROPN NNP nsubj    1 GPE
    annexed    VERB  VBD ROOT     1 -   lemma=annex
    land       NOUN  NN  dobj     1 -
    ahead      ADV   RB  advmod   1 -
    of         ADP   IN  prep     3 -
    a          DET   DT  det      8 -
    planned    ADJ   JJ  amod     8 -
    Knesset    PROPN NNP compound 8 ORG
    vote       NOUN  NN  pobj     4 -   lemma=vote
    .          PUNCT .   punct    1 -
    """) == []


def test_a_compound_parsed_subject_votes() -> None:
    # "the Federal Assembly votes to elect ...": "Assembly" parsed as a compound of "votes"
    [event] = _votes("""
    the       DET   DT  det      2 -
    Federal   PROPN NNP compound 2 ORG
    Assembly  PROPN NNP compound 3 ORG
    votes     VERB  VBZ ROOT     3 -   lemma=vote
    to        PART  TO  aux      5 -
    elect     VERB  VB  advcl    3 -
    a         DET   DT  det      7 -
    president NOUN  NN  dobj     5 -
    ,         PUNCT ,   punct    5 -
    with      ADP   IN  prep     5 -
    Ana       PROPN NNP compound 11 PERSON
    Ruiz      PROPN NNP pobj     9 PERSON
    leading   VERB  VBG acl      11 -
    .         PUNCT .   punct    3 -
    """)
    assert [a.name for a in event.agents] == ["Federal Assembly"]
    assert event.patients == ()  # "with Ana Ruiz leading" is an aside, not who was elected


ELECTED_SPEAKER = """
On         ADP   IN  prep     5 -
Thursday   PROPN NNP pobj     0 DATE
the        DET   DT  det      4 -
House      PROPN NNP compound 4 ORG
Assembly   PROPN NNP nsubj    5 ORG
voted      VERB  VBD ROOT     5 -   lemma=vote
for        ADP   IN  prep     5 -
Ana        PROPN NNP compound 8 PERSON
Ruiz       PROPN NNP pobj     6 PERSON
with       ADP   IN  prep     5 -
220        NUM   CD  nummod   11 CARDINAL
votes      NOUN  NNS pobj     9 -   lemma=vote
.          PUNCT .   punct    5 -
"""


def test_a_scene_setting_phrase_before_the_verb_is_not_the_motion() -> None:
    [event] = _votes(ELECTED_SPEAKER)
    assert event.motion == "for Ana Ruiz"
    assert [p.name for p in event.patients] == ["Ana Ruiz"]



def _then(first: str, second: str) -> str:
    """Two sentences as one annotation: ``second``'s heads shifted past ``first``'s tokens."""
    offset = sum(1 for line in first.strip().splitlines() if line.strip())
    shifted = []
    for line in second.strip().splitlines():
        cols = line.split()
        cols[4] = str(int(cols[4]) + offset)
        shifted.append(" ".join(cols))
    return first + "\n".join(shifted) + "\n"


DEFECTED = """
Altogether ADV   RB  advmod   4 -
,          PUNCT ,   punct    4 -
fifteen    NUM   CD  nummod   3 CARDINAL
Democrats  PROPN NNPS nsubj   4 NORP
defected   VERB  VBD ROOT     4 -   lemma=defect
.          PUNCT .   punct    4 -
"""


def test_a_counted_group_that_defected_voted_the_other_way() -> None:
    vote, defection = _votes(_then(ELECTED_SPEAKER, DEFECTED))
    assert vote.position == "for"
    [group] = defection.agents
    assert (group.name, group.type, group.count) == ("fifteen Democrats", "Group", 15)
    assert defection.position == "against"
    assert defection.votes_against == 15
    assert [p.name for p in defection.patients] == ["Ana Ruiz"]
    assert defection.date == vote.date
    assert defection.sentence.startswith("Altogether")


def test_defecting_with_no_vote_told_is_no_vote() -> None:
    assert _votes(DEFECTED) == []


def test_defecting_to_a_place_is_no_vote() -> None:
    to_seoul = DEFECTED.replace(".          PUNCT .   punct    4 -", """to         ADP   IN  prep     4 -
Seoul      PROPN NNP pobj     6 GPE
.          PUNCT .   punct    4 -""")
    assert [e.position for e in _votes(_then(ELECTED_SPEAKER, to_seoul))] == ["for"]


def test_groups_joining_others_in_voting_against_both_voted() -> None:
    events = _votes("""
    The        DET   DT  det      1 -
    Senate     PROPN NNP nsubj    2 ORG
    rejects    VERB  VBZ ROOT     2 -   lemma=reject
    the        DET   DT  det      4 -
    bill       NOUN  NN  dobj     2 -
    31         NUM   CD  npadvmod 2 CARDINAL space=no
    -          SYM   SYM punct    5 -        space=no
    19         NUM   CD  appos    5 CARDINAL
    ,          PUNCT ,   punct    2 -
    with       ADP   IN  prep     2 -
    21         NUM   CD  nummod   11 CARDINAL
    Republicans PROPN NNPS nsubj  12 NORP
    joining    VERB  VBG pcomp    9 -   lemma=join
    all        DET   DT  quantmod 14 -
    10         NUM   CD  nummod   15 CARDINAL
    Democrats  PROPN NNPS dobj    12 NORP
    in         ADP   IN  prep     12 -
    voting     VERB  VBG pobj     16 -  lemma=vote
    against    ADP   IN  prep     17 -
    it         PRON  PRP pobj     18 -
    .          PUNCT .   punct    2 -
    """)
    groups = [e for e in events if e.trigger == "voting"]
    assert [(a.name, a.type, a.count) for e in groups for a in e.agents] == [
        ("21 Republicans", "Group", 21), ("10 Democrats", "Group", 10)]
    assert [(e.position, e.votes_for, e.votes_against) for e in groups] == [("against", 19, 31)]


def test_a_motion_named_by_the_object_is_what_was_approved() -> None:
    [event] = _votes("""
    The        DET   DT  det      2 -
    National   PROPN NNP compound 2 ORG
    Assembly   PROPN NNP nsubj    3 ORG
    approves   VERB  VBZ ROOT     3 -   lemma=approve
    a          DET   DT  det      5 -
    bill       NOUN  NN  dobj     3 -
    banning    VERB  VBG acl      5 -   lemma=ban
    phones     NOUN  NNS dobj     6 -   lemma=phone
    .          PUNCT .   punct    3 -
    """)
    assert (event.motion, event.patients) == ("a bill banning phones", ())


def test_a_pronoun_object_keeps_the_targets_told_before() -> None:
    *_, second = _votes(_then("""
    Congress   PROPN NNP nsubj    1 ORG
    voted      VERB  VBD ROOT     1 -   lemma=vote
    to         PART  TO  aux      3 -
    impeach    VERB  VB  xcomp    1 -
    Ana        PROPN NNP compound 5 PERSON
    Ruiz       PROPN NNP dobj     3 PERSON
    .          PUNCT .   punct    1 -
    """, """
    The        DET   DT  det      1 -
    Committee  PROPN NNP nsubj    2 ORG
    voted      VERB  VBD ROOT     2 -   lemma=vote
    to         PART  TO  aux      4 -
    refer      VERB  VB  xcomp    2 -
    them       PRON  PRP dobj     4 -
    to         ADP   IN  prep     4 -
    the        DET   DT  det      8 -
    Senate     PROPN NNP pobj     6 ORG
    .          PUNCT .   punct    2 -
    """))
    assert [p.name for p in second.patients] == ["Ana Ruiz"]


def test_passing_a_bill_on_to_another_body_is_no_second_vote() -> None:
    [event] = _votes("""
    The        DET   DT  det      1 -
    Duma       PROPN NNP nsubj    2 ORG
    approves   VERB  VBZ ROOT     2 -   lemma=approve
    a          DET   DT  det      4 -
    bill       NOUN  NN  dobj     2 -
    ,          PUNCT ,   punct    2 -
    passing    VERB  VBG advcl    2 -   lemma=pass
    it         PRON  PRP dobj     6 -
    to         ADP   IN  prep     6 -
    the        DET   DT  det      11 -
    Federation PROPN NNP compound 11 ORG
    Council    PROPN NNP pobj     8 ORG
    for        ADP   IN  prep     6 -
    approval   NOUN  NN  pobj     12 -
    .          PUNCT .   punct    2 -
    """)
    assert (event.trigger, event.motion) == ("approves", "a bill")


def test_voting_to_approve_is_one_vote() -> None:
    [event] = _votes("""
    The        DET   DT  det      1 -
    Senate     PROPN NNP nsubj    2 ORG
    votes      VERB  VBZ ROOT     2 -   lemma=vote
    to         PART  TO  aux      4 -
    approve    VERB  VB  xcomp    2 -   lemma=approve
    the        DET   DT  det      6 -
    treaty     NOUN  NN  dobj     4 -
    .          PUNCT .   punct    2 -
    """)
    assert (event.trigger, event.motion) == ("votes", "to approve the treaty")


def test_a_parliament_whose_votes_the_parser_made_a_noun_approves() -> None:
    # "The United Kingdom parliament votes to approve the treaty", "approve" hung on the
    # noun "votes": one vote, by the parliament (not by the country named inside its name)
    [event] = _votes("""
    The        DET   DT  det      4 -
    United     PROPN NNP compound 2 GPE
    Kingdom    PROPN NNP compound 3 GPE
    parliament NOUN  NN  compound 4 -
    votes      NOUN  NNS ROOT     4 -   lemma=vote
    to         PART  TO  aux      6 -
    approve    VERB  VB  relcl    4 -   lemma=approve
    the        DET   DT  det      8 -
    treaty     NOUN  NN  dobj     6 -
    .          PUNCT .   punct    4 -
    """)
    assert [(a.name, a.type) for a in event.agents] == [("United Kingdom parliament",
                                                         "Organization")]
    assert (event.trigger, event.motion) == ("votes", "to approve the treaty")


def test_a_motion_is_on_whom_it_is_against_not_on_who_moved_it() -> None:
    # "a motion of the Greens against minister Ana Ruiz"
    [event] = _votes("""
    The        DET   DT  det      1 -
    Senate     PROPN NNP nsubj    2 ORG
    votes      VERB  VBZ ROOT     2 -   lemma=vote
    to         PART  TO  aux      4 -
    pass       VERB  VB  xcomp    2 -
    a          DET   DT  det      6 -
    motion     NOUN  NN  dobj     4 -
    of         ADP   IN  prep     6 -
    the        DET   DT  det      9 -
    Greens     PROPN NNPS pobj    7 ORG
    against    ADP   IN  prep     6 -
    minister   NOUN  NN  compound 13 -
    Ana        PROPN NNP compound 13 PERSON
    Ruiz       PROPN NNP pobj     10 PERSON
    .          PUNCT .   punct    2 -
    """)
    assert [p.name for p in event.patients] == ["Ana Ruiz"]


def test_a_war_against_a_country_inside_the_motion_is_not_what_it_is_against() -> None:
    # "voted to pass a resolution condemning Russia's war against Ukraine": on Russia
    [event] = _votes("""
    93         NUM   CD  nummod   1 CARDINAL
    countries  NOUN  NNS nsubj    2 -   lemma=country
    voted      VERB  VBD ROOT     2 -   lemma=vote
    to         PART  TO  aux      4 -
    pass       VERB  VB  xcomp    2 -
    a          DET   DT  det      6 -
    resolution NOUN  NN  dobj     4 -
    condemning VERB  VBG acl      6 -   lemma=condemn
    Russia     PROPN NNP poss     10 GPE
    's         PART  POS case     8 -
    war        NOUN  NN  dobj     7 -
    against    ADP   IN  prep     10 -
    Ukraine    PROPN NNP pobj     11 GPE
    .          PUNCT .   punct    2 -
    """)
    assert [p.name for p in event.patients] == ["Russia"]


TALLY_LATER = """
The        DET   DT  det      1 -
vote       NOUN  NN  nsubj    2 -   lemma=vote
ended      VERB  VBD ROOT     2 -   lemma=end
with       ADP   IN  prep     2 -
449        NUM   CD  pobj     3 CARDINAL
in         ADP   IN  prep     4 -
favour     NOUN  NN  pobj     5 -
,          PUNCT ,   punct    4 -
149        NUM   CD  conj     4 CARDINAL
against    ADP   IN  advmod   8 -
.          PUNCT .   punct    2 -
"""


def test_a_tally_told_after_the_vote_is_its_tally() -> None:
    vote, minority = _votes(_then("""
    The        DET   DT  det      1 -
    Senate     PROPN NNP nsubj    2 ORG
    voted      VERB  VBD ROOT     2 -   lemma=vote
    for        ADP   IN  prep     2 -
    Ana        PROPN NNP compound 5 PERSON
    Ruiz       PROPN NNP pobj     3 PERSON
    .          PUNCT .   punct    2 -
    """, TALLY_LATER))
    assert (vote.votes_for, vote.votes_against) == (449, 149)
    assert [(a.name, a.count) for a in minority.agents] == [("149 members", 149)]
    assert minority.position == "against"
    assert minority.sentence == "The vote ended with 449 in favour, 149 against."


def test_a_tally_with_no_vote_before_is_no_vote() -> None:
    assert _votes(TALLY_LATER) == []


SENATE_FOR_RUIZ = """
The        DET   DT  det      1 -
Senate     PROPN NNP nsubj    2 ORG
voted      VERB  VBD ROOT     2 -   lemma=vote
60-40      NUM   CD  npadvmod 2 CARDINAL
for        ADP   IN  prep     2 -
Ana        PROPN NNP compound 6 PERSON
Ruiz       PROPN NNP pobj     4 PERSON
.          PUNCT .   punct    2 -
"""


def test_a_committee_after_its_chamber_holds_a_vote_of_its_own() -> None:
    events = _votes(_then(SENATE_FOR_RUIZ, """
    The        DET   DT  det      2 -
    Ethics     PROPN NNP compound 2 ORG
    Committee  PROPN NNP nsubj    3 ORG
    voted      VERB  VBD ROOT     3 -   lemma=vote
    for        ADP   IN  prep     3 -
    Ana        PROPN NNP compound 6 PERSON
    Ruiz       PROPN NNP pobj     4 PERSON
    .          PUNCT .   punct    3 -
    """))
    committee = [e for e in events if e.agents[0].name == "Ethics Committee"]
    assert [(e.votes_for, e.votes_against) for e in committee] == [(None, None)]
    assert [(e.votes_for, e.votes_against) for e in events
            if e.agents[0].name == "Senate"] == [(60, 40)]


def test_a_vote_still_to_pass_takes_no_tally_from_its_sentence() -> None:
    # "... The vote would pass 36-14." (a count of seats, not of votes cast)
    events = _votes(_then(SENATE_FOR_RUIZ.replace("60-40", "in"), """
    The        DET   DT  det      1 -
    vote       NOUN  NN  nsubj    3 -   lemma=vote
    would      AUX   MD  aux      3 -
    pass       VERB  VB  ROOT     3 -
    36-14      NUM   CD  npadvmod 3 CARDINAL
    .          PUNCT .   punct    3 -
    """))
    assert [(e.votes_for, e.votes_against) for e in events] == [(None, None)]
