"""Event dates: expressions resolved against the article's date, and dates carried over."""

from __future__ import annotations

import pytest

from kg.extract.dates import event_date, has_vague_date, resolve_date, sentence_date
from tests.docs import build_doc, context


@pytest.mark.parametrize(("expression", "article", "day"), [
    ("on Friday", "2022-04-09", "2022-04-08"),
    ("Tuesday", "2022-04-09", "2022-04-05"),
    ("yesterday", "2025-05-29", "2025-05-28"),
    ("today", "2023-03-10", "2023-03-10"),
    ("March 3", "2023-03-10", "2023-03-03"),
    ("3 March", "2023-03-10", "2023-03-03"),
    ("on Dec. 30", "2023-01-04", "2022-12-30"),  # across the new year
    ("March 3, 2021", None, "2021-03-03"),  # a full date needs no article date
])
def test_resolve_date(expression: str, article: str | None, day: str) -> None:
    assert resolve_date(expression, article) == day


@pytest.mark.parametrize(("expression", "article"), [
    ("earlier this week", "2022-04-09"),
    ("last month", "2022-04-09"),
    ("in recent years", "2022-04-09"),
    ("2023-03-20", "2023-03-10"),  # after the article: a future date
    ("tomorrow", "2023-03-10"),
    ("March 3", None),  # no year and no article date
    ("the summit", "2023-03-10"),
])
def test_unresolvable_dates(expression: str, article: str | None) -> None:
    assert resolve_date(expression, article) is None


def test_weekday_of_the_article_day_is_that_day() -> None:
    assert resolve_date("on Friday", "2022-04-08") == "2022-04-08"


def test_month_day_after_the_article_date_is_future() -> None:
    assert resolve_date("March 20", "2023-03-10") is None


def test_this_morning_is_the_article_day() -> None:
    assert resolve_date("this morning", "2023-01-04") == "2023-01-04"


ARTICLE = "2024-03-13"  # a Wednesday

STORY = """
Estonia    PROPN NNP nsubj  1 GPE
expelled   VERB  VBD ROOT   1 -   lemma=expel
a          DET   DT  det    4 -
Russian    ADJ   JJ  amod   4 NORP
diplomat   NOUN  NN  dobj   1 -
on         ADP   IN  prep   1 -
Monday     PROPN NNP pobj   5 DATE
.          PUNCT .   punct  1 -
Latvia     PROPN NNP nsubj  9 GPE
expelled   VERB  VBD ROOT   9 -   lemma=expel
two        NUM   CD  nummod 11 CARDINAL
diplomats  NOUN  NNS dobj   9 -   lemma=diplomat
.          PUNCT .   punct  9 -
Lithuania  PROPN NNP nsubj  14 GPE
expels     VERB  VBZ ROOT   14 -  lemma=expel
three      NUM   CD  nummod 16 CARDINAL
diplomats  NOUN  NNS dobj   14 -  lemma=diplomat
.          PUNCT .   punct  14 -
Earlier    ADV   RBR advmod 23 DATE
this       DET   DT  det    21 DATE
week       NOUN  NN  npadvmod 18 DATE
,          PUNCT ,   punct  23 -
Poland     PROPN NNP nsubj  23 GPE
expelled   VERB  VBD ROOT   23 -  lemma=expel
one        NUM   CD  dobj   23 CARDINAL
.          PUNCT .   punct  23 -
Finland    PROPN NNP nsubj  27 GPE
expelled   VERB  VBD ROOT   27 -  lemma=expel
four       NUM   CD  nummod 29 CARDINAL
diplomats  NOUN  NNS dobj   27 -  lemma=diplomat
.          PUNCT .   punct  27 -
"""


def test_sentence_dates_and_vagueness() -> None:
    sents = list(build_doc(STORY).sents)
    assert [sentence_date(s, ARTICLE) for s in sents] == [
        "2024-03-11", None, None, None, None]
    assert [has_vague_date(s) for s in sents] == [False, False, False, True, False]


def test_event_dates_are_stated_carried_or_the_articles() -> None:
    doc = build_doc(STORY)
    ctx = context(doc, ARTICLE)
    triggers = [t for t in doc if t.lemma_ == "expel"]
    assert [ctx.date_for(t) for t in triggers] == [
        "2024-03-11",  # stated: on Monday
        "2024-03-11",  # past tense, carried from the sentence before
        ARTICLE,  # present tense: the article's day
        None,  # vaguely dated: no day
        ARTICLE,  # the vague date stops the carry-over
    ]


def test_carry_over_lasts_three_sentences() -> None:
    sentence = """
    Malta      PROPN NNP nsubj  {0} GPE
    expelled   VERB  VBD ROOT   {0} -  lemma=expel
    spies      NOUN  NNS dobj   {0} -  lemma=spy
    .          PUNCT .   punct  {0} -
    """
    doc = build_doc(STORY.split("Lithuania")[0] + "".join(
        sentence.format(14 + 4 * k) for k in range(4)))
    ctx = context(doc, ARTICLE)
    triggers = [t for t in doc if t.lemma_ == "expel"]
    assert [ctx.date_for(t) for t in triggers] == [
        "2024-03-11", "2024-03-11", "2024-03-11", "2024-03-11", ARTICLE, ARTICLE]


def test_event_date_without_article_date() -> None:
    doc = build_doc(STORY)
    assert event_date(doc[9], article_date=None, carried=None) is None
    assert event_date(doc[9], article_date=None, carried="2024-01-02") == "2024-01-02"
