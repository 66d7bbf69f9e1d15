"""The hand-annotation Doc builder used by the extractor unit tests (tests/docs.py)."""

from __future__ import annotations

import pytest

from tests.docs import build_doc, offsets

SENTENCE = """
Russia      PROPN NNP nsubj  1 GPE
expels      VERB  VBZ ROOT   1 -      lemma=expel
three       NUM   CD  nummod 4 CARDINAL
Russian     ADJ   JJ  amod   4 NORP
diplomats   NOUN  NNS dobj   1 -      lemma=diplomat
.           PUNCT .   punct  1 -
"""


def test_tokens_tags_parse_and_lemmas() -> None:
    doc = build_doc(SENTENCE)
    assert doc.text == "Russia expels three Russian diplomats."
    assert [t.pos_ for t in doc] == ["PROPN", "VERB", "NUM", "ADJ", "NOUN", "PUNCT"]
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "nummod", "amod", "dobj", "punct"]
    assert [t.head.i for t in doc] == [1, 1, 4, 4, 1, 1]
    assert [t.lemma_ for t in doc] == ["russia", "expel", "three", "russian", "diplomat", "."]
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Russia", "GPE"), ("three", "CARDINAL"), ("Russian", "NORP")]


def test_entities_merge_runs_and_split_on_b_prefix() -> None:
    doc = build_doc("""
    Ivan     PROPN NNP compound 1 PERSON
    Petrov   PROPN NNP nsubj    4 PERSON
    Oleg     PROPN NNP compound 3 B-PERSON
    Smirnov  PROPN NNP appos    1 PERSON
    left     VERB  VBD ROOT     4 -
    """)
    assert [e.text for e in doc.ents] == ["Ivan Petrov", "Oleg Smirnov"]


def test_sentences_follow_the_parse_and_whitespace_defaults() -> None:
    doc = build_doc("""
    “        PUNCT ``  punct 5 -
    Go       VERB  VB  ccomp 5 -
    ,        PUNCT ,   punct 5 -
    ”        PUNCT ''  punct 5 -
    # a comment line
    he       PRON  PRP nsubj 5 -     space=yes
    said     VERB  VBD ROOT  5 -     lemma=say
    .        PUNCT .   punct 5 -
    \\n\\n   SPACE _SP dep   6 -
    It       PRON  PRP nsubj 9 -
    ended    VERB  VBD ROOT  9 -     lemma=end
    .        PUNCT .   punct 9 -     space=no
    """)
    assert doc.text == "“Go,” he said.\n\nIt ended."
    assert [s.text for s in doc.sents] == ["“Go,” he said.\n\n", "It ended."]
    assert doc[4].lemma_ == "he" and doc[5].lemma_ == "say"


def test_offsets_helper() -> None:
    doc = build_doc(SENTENCE)
    assert offsets(doc, "Russia") == (0, 6)
    assert offsets(doc, "Russia", 1) == (20, 26)


@pytest.mark.parametrize("bad", ["", "Russia PROPN NNP nsubj 1", "x X X ROOT 5 -",
                                 "x X X ROOT 0 - colour=red"])
def test_malformed_annotations_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        build_doc(bad)
