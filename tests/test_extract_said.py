"""Statements: quotations attributed to named speakers, from hand-built Docs."""

from __future__ import annotations

from kg.extract.quotes import find_quotes
from kg.extract.said import find_statements
from kg.records import Event
from tests.docs import build_doc, context


def _said(annotation: str) -> list[Event]:
    doc = build_doc(annotation)
    return find_statements(context(doc, "2024-01-10"), find_quotes(doc.text))


def _pairs(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.agents[0].name, e.quote or "") for e in events]


def test_quote_then_name_said() -> None:
    events = _said("""
    “          PUNCT ``  punct    10 -
    We         PRON  PRP nsubj    4 -
    will       AUX   MD  aux      4 -
    not        PART  RB  neg      4 -
    back       VERB  VB  ccomp    10 -
    down       ADP   RP  prt      4 -
    ,          PUNCT ,   punct    10 -
    ”          PUNCT ''  punct    10 -
    Olena      PROPN NNP compound 9 PERSON
    Kovalenko  PROPN NNP nsubj    10 PERSON
    said       VERB  VBD ROOT     10 -   lemma=say
    .          PUNCT .   punct    10 -
    """)
    assert _pairs(events) == [("Olena Kovalenko", "We will not back down")]
    [event] = events
    assert (event.kind, event.trigger, event.modality) == ("said", "said", "asserted")
    assert event.sentence == "“We will not back down,” Olena Kovalenko said."
    assert (event.quote_start, event.quote_end) == (1, 22)


def test_inverted_said_name_with_straight_quotes() -> None:
    events = _said("""
    "          PUNCT ``  punct    5 -   space=no
    Talks      NOUN  NNS nsubj    2 -   lemma=talk
    failed     VERB  VBD ccomp    5 -   lemma=fail   space=no
    ,          PUNCT ,   punct    5 -   space=no
    "          PUNCT ''  punct    5 -
    said       VERB  VBD ROOT     5 -   lemma=say
    Jan        PROPN NNP compound 7 PERSON
    Novak      PROPN NNP nsubj    5 PERSON
    .          PUNCT .   punct    5 -
    """)
    assert _pairs(events) == [("Jan Novak", "Talks failed")]


def test_split_quotation_around_the_attribution() -> None:
    events = _said("""
    “          PUNCT ``  punct    8 -
    This       PRON  DT  nsubj    2 -
    is         AUX   VBZ ccomp    8 -   lemma=be
    a          DET   DT  det      5 -
    dark       ADJ   JJ  amod     5 -
    day        NOUN  NN  attr     2 -
    ,          PUNCT ,   punct    8 -
    ”          PUNCT ''  punct    8 -
    said       VERB  VBD ROOT     8 -   lemma=say
    Jan        PROPN NNP compound 10 PERSON
    Novak      PROPN NNP nsubj    8 PERSON
    ,          PUNCT ,   punct    8 -
    “          PUNCT ``  punct    8 -
    but        CCONJ CC  cc       8 -
    we         PRON  PRP nsubj    16 -
    will       AUX   MD  aux      16 -
    rebuild    VERB  VB  conj     8 -
    .          PUNCT .   punct    8 -
    ”          PUNCT ''  punct    8 -
    """)
    assert _pairs(events) == [("Jan Novak", "This is a dark day"),
                              ("Jan Novak", "but we will rebuild.")]


COLON = """
Amira      PROPN NNP compound 1 PERSON
Haddad     PROPN NNP nsubj    2 PERSON
spoke      VERB  VBD ROOT     2 -   lemma=speak
in         ADP   IN  prep     2 -
Geneva     PROPN NNP pobj     3 GPE
.          PUNCT .   punct    2 -
She        PRON  PRP nsubj    7 -
added      VERB  VBD ROOT     7 -   lemma=add
:          PUNCT :   punct    7 -
“          PUNCT ``  punct    11 -
Nobody     PRON  NN  nsubj    11 -
is         AUX   VBZ ROOT     11 -  lemma=be
above      ADP   IN  prep     11 -
the        DET   DT  det      14 -
law        NOUN  NN  pobj     12 -
.          PUNCT .   punct    11 -
”          PUNCT ''  punct    11 -
"""


def test_colon_introduction_with_pronoun_speaker() -> None:
    events = _said(COLON)
    assert _pairs(events) == [("Amira Haddad", "Nobody is above the law.")]
    assert events[0].trigger == "added"


def _pronoun_doc(middle: str) -> str:
    """A quote by Amira Haddad, a sentence ``middle`` (tokens 11-14), then '... she said.'"""
    return """
    “          PUNCT ``  punct    8 -
    We         PRON  PRP nsubj    2 -
    need       VERB  VBP ccomp    8 -
    a          DET   DT  det      4 -
    ceasefire  NOUN  NN  dobj     2 -
    ,          PUNCT ,   punct    8 -
    ”          PUNCT ''  punct    8 -
    Amira      PROPN NNP compound 8 PERSON
    Haddad     PROPN NNP nsubj    9 PERSON
    said       VERB  VBD ROOT     9 -   lemma=say
    .          PUNCT .   punct    9 -
    """ + middle + """
    “          PUNCT ``  punct    23 -
    The        DET   DT  det      17 -
    shelling   NOUN  NN  nsubj    19 -
    must       AUX   MD  aux      19 -
    stop       VERB  VB  ccomp    23 -
    ,          PUNCT ,   punct    23 -
    ”          PUNCT ''  punct    23 -
    she        PRON  PRP nsubj    23 -
    said       VERB  VBD ROOT     23 -  lemma=say
    .          PUNCT .   punct    23 -
    """


def test_pronoun_refers_to_the_previous_speaker() -> None:
    events = _said(_pronoun_doc("""
    The        DET   DT  det      12 -
    talks      NOUN  NNS nsubj    13 -  lemma=talk
    resumed    VERB  VBD ROOT     13 -  lemma=resume
    .          PUNCT .   punct    13 -
    """))
    assert _pairs(events) == [("Amira Haddad", "We need a ceasefire"),
                              ("Amira Haddad", "The shelling must stop")]


def test_pronoun_refers_to_the_named_subject_of_the_sentence_before() -> None:
    events = _said(_pronoun_doc("""
    Maria      PROPN NNP compound 12 PERSON
    Weiss      PROPN NNP nsubj    13 PERSON
    nodded     VERB  VBD ROOT     13 -  lemma=nod
    .          PUNCT .   punct    13 -
    """))
    assert _pairs(events) == [("Amira Haddad", "We need a ceasefire"),
                              ("Maria Weiss", "The shelling must stop")]


def test_the_ministry_said_is_the_ministry_named_before() -> None:
    events = _said("""
    The        DET   DT  det      3 -
    Latvian    PROPN NNP compound 3 ORG
    Foreign    PROPN NNP compound 3 ORG
    Ministry   PROPN NNP nsubj    4 ORG
    summoned   VERB  VBD ROOT     4 -   lemma=summon
    the        DET   DT  det      7 -
    Russian    ADJ   JJ  amod     7 NORP
    envoy      NOUN  NN  dobj     4 -
    .          PUNCT .   punct    4 -
    “          PUNCT ``  punct    17 -
    This       DET   DT  det      11 -
    provocation NOUN NN  nsubj    12 -
    matters    VERB  VBZ ccomp    17 -  lemma=matter
    ,          PUNCT ,   punct    17 -
    ”          PUNCT ''  punct    17 -
    the        DET   DT  det      16 -
    ministry   NOUN  NN  nsubj    17 -
    said       VERB  VBD ROOT     17 -  lemma=say
    .          PUNCT .   punct    17 -
    """)
    assert [(e.agents[0].name, e.agents[0].type) for e in events] == [
        ("Latvian Foreign Ministry", "Organization")]


def test_according_to() -> None:
    events = _said("""
    Civilians  NOUN  NNS nsubj    1 -   lemma=civilian
    are        AUX   VBP aux      3 -   lemma=be
    “          PUNCT ``  punct    3 -
    paying     VERB  VBG ROOT     3 -   lemma=pay
    the        DET   DT  det      6 -
    highest    ADJ   JJS amod     6 -
    price      NOUN  NN  dobj     3 -
    ,          PUNCT ,   punct    3 -
    ”          PUNCT ''  punct    3 -
    according  VERB  VBG prep     3 -   lemma=accord
    to         ADP   IN  prep     9 -
    the        DET   DT  det      13 -
    Red        PROPN NNP compound 13 ORG
    Cross      PROPN NNP pobj     10 ORG
    .          PUNCT .   punct    3 -
    """)
    assert _pairs(events) == [("Red Cross", "paying the highest price")]
    assert events[0].trigger == "according"


def test_standalone_quote_continues_the_previous_speaker() -> None:
    events = _said("""
    “          PUNCT ``  punct    8 -
    We         PRON  PRP nsubj    2 -
    are        AUX   VBP ccomp    8 -   lemma=be
    ready      ADJ   JJ  acomp    2 -
    ,          PUNCT ,   punct    8 -
    ”          PUNCT ''  punct    8 -
    Amira      PROPN NNP compound 7 PERSON
    Haddad     PROPN NNP nsubj    8 PERSON
    said       VERB  VBD ROOT     8 -   lemma=say
    .          PUNCT .   punct    8 -
    \\n\\n     SPACE _SP dep      9 -
    “          PUNCT ``  punct    13 -
    But        CCONJ CC  cc       13 -
    not        PART  RB  neg      13 -
    now        ADV   RB  ROOT     13 -
    .          PUNCT .   punct    13 -
    ”          PUNCT ''  punct    13 -
    """)
    assert _pairs(events) == [("Amira Haddad", "We are ready"), ("Amira Haddad", "But not now.")]
    assert events[1].confidence < events[0].confidence


def test_title_like_and_single_word_scare_quotes_are_not_statements() -> None:
    assert _said("""
    Jan        PROPN NNP compound 1 PERSON
    Novak      PROPN NNP nsubj    2 PERSON
    left       VERB  VBD ROOT     2 -   lemma=leave
    over       ADP   IN  prep     2 -
    “          PUNCT ``  punct    6 -
    unfair     ADJ   JJ  amod     7 -
    ”          PUNCT ''  punct    6 -
    rules      NOUN  NNS pobj     3 -   lemma=rule
    and        CCONJ CC  cc       2 -
    praised    VERB  VBD conj     2 -   lemma=praise
    “          PUNCT ``  punct    13 -
    Free       PROPN NNP compound 13 -
    Voice      PROPN NNP dobj     9 -
    ”          PUNCT ''  punct    9 -
    .          PUNCT .   punct    2 -
    """) == []


def test_a_one_word_quotation_a_speaker_says_of_something_is_a_statement() -> None:
    events = _said("""
    Jan        PROPN NNP compound 1 PERSON
    Novak      PROPN NNP nsubj    2 PERSON
    called     VERB  VBD ROOT     2 -   lemma=call
    the        DET   DT  det      4 -
    vote       NOUN  NN  dobj     2 -
    a          DET   DT  det      7 -
    “          PUNCT ``  punct    7 -
    farce      NOUN  NN  oprd     2 -
    ”          PUNCT ''  punct    2 -
    .          PUNCT .   punct    2 -
    """)
    assert _pairs(events) == [("Jan Novak", "farce")]


def test_quote_with_no_speaker_gives_nothing() -> None:
    assert _said("""
    The        DET   DT  det      1 -
    sign       NOUN  NN  nsubj    2 -
    read       VERB  VBD ROOT     2 -
    “          PUNCT ``  punct    2 -
    no         DET   DT  det      5 -
    entry      NOUN  NN  dobj     2 -
    here       ADV   RB  advmod   5 -
    ”          PUNCT ''  punct    2 -
    .          PUNCT .   punct    2 -
    """) == []


def test_according_to_his_spokesperson_names_whose_spokesperson() -> None:
    # "Ana Ruiz was held on "vague charges", according to his spokesperson."
    events = _said("""
    Ana          PROPN NNP compound 1 PERSON
    Ruiz         PROPN NNP nsubjpass 3 PERSON
    was          AUX   VBD auxpass  3 -
    held         VERB  VBN ROOT     3 -   lemma=hold
    on           ADP   IN  prep     3 -
    “            PUNCT ``  punct    7 -
    vague        ADJ   JJ  amod     7 -
    charges      NOUN  NNS pobj     4 -   lemma=charge
    ”            PUNCT ''  punct    3 -
    ,            PUNCT ,   punct    3 -
    according    VERB  VBG prep     3 -   lemma=accord
    to           ADP   IN  prep     10 -
    his          PRON  PRP$ poss    13 -
    spokesperson NOUN  NN  pobj     11 -
    .            PUNCT .   punct    3 -
    """)
    assert _pairs(events) == [("Ana Ruiz's spokesperson", "vague charges")]
    assert events[0].agents[0].type == "Person"


def test_the_government_is_the_administration_named_before() -> None:
    # "Strikes hit the Ana Ruiz administration. According to the government, it is "a plot"."
    events = _said("""
    Strikes        NOUN  NNS nsubj    1 -   lemma=strike
    hit            VERB  VBD ROOT     1 -
    the            DET   DT  det      5 -
    Ana            PROPN NNP compound 4 PERSON
    Ruiz           PROPN NNP compound 5 PERSON
    administration NOUN  NN  dobj     1 -
    .              PUNCT .   punct    1 -
    According      VERB  VBG prep     13 -  lemma=accord
    to             ADP   IN  prep     7 -
    the            DET   DT  det      10 -
    government     NOUN  NN  pobj     8 -
    ,              PUNCT ,   punct    13 -
    it             PRON  PRP nsubj    13 -
    is             AUX   VBZ ROOT     13 -  lemma=be
    “              PUNCT ``  punct    16 -
    a              DET   DT  det      16 -
    plot           NOUN  NN  attr     13 -
    ”              PUNCT ''  punct    13 -
    .              PUNCT .   punct    13 -
    """)
    assert _pairs(events) == [("Ana Ruiz administration", "a plot")]


def test_the_spokesperson_added_is_whose_spokesperson_was_named_before() -> None:
    # "A Nordbank spokesperson said "we are ready". The spokesperson added "not now"."
    events = _said("""
    A            DET   DT  det      2 -
    Nordbank     PROPN NNP compound 2 ORG
    spokesperson NOUN  NN  nsubj    3 -
    said         VERB  VBD ROOT     3 -   lemma=say
    “            PUNCT ``  punct    3 -
    we           PRON  PRP nsubj    7 -
    are          AUX   VBP ccomp    3 -   lemma=be
    ready        ADJ   JJ  acomp    6 -
    ”            PUNCT ''  punct    3 -
    .            PUNCT .   punct    3 -
    The          DET   DT  det      11 -
    spokesperson NOUN  NN  nsubj    12 -
    added        VERB  VBD ROOT     12 -  lemma=add
    “            PUNCT ``  punct    12 -
    not          PART  RB  neg      15 -
    now          ADV   RB  ccomp    12 -
    ”            PUNCT ''  punct    12 -
    .            PUNCT .   punct    12 -
    """)
    assert _pairs(events) == [("Nordbank", "we are ready"), ("Nordbank", "not now")]
