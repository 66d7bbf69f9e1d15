"""Quotation spans in plain text (no model): pairing, paragraphs, lost marks, straight marks."""

from __future__ import annotations

import pytest

from kg.extract.quotes import Quote, find_quotes, is_title_like, word_count


def _texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def test_curly_pairs_and_offsets() -> None:
    text = "The envoy said “talks are over” and left, calling it “a sad day.”"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["talks are over", "a sad day."]
    assert all(text[q.start:q.end] == q.text for q in quotes)
    assert quotes[0].start == text.index("talks")


def test_trailing_comma_is_dropped() -> None:
    assert _texts("“We will stay,” she said.") == ["We will stay"]


def test_split_quotation_gives_two_quotes() -> None:
    assert _texts("“Peace,” she said, “is still possible.”") == ["Peace",
                                                               "is still possible."]


def test_quotation_continuing_into_the_next_paragraph() -> None:
    text = "“The first part ends here.\n\n“The second part follows,” he said."
    quotes = find_quotes(text)
    assert [(q.text, q.continues) for q in quotes] == [
        ("The first part ends here.", False), ("The second part follows", True)]


def test_open_quote_at_paragraph_end_without_continuation_is_closed() -> None:
    quotes = find_quotes("She said “no deal.\n\nTalks resume on Monday.")
    assert [(q.text, q.continues) for q in quotes] == [("no deal.", False)]


def test_lost_closing_mark_is_closed_at_the_last_sentence_end() -> None:
    text = "He called it a “shameful act. Later he praised the “courage” of the crew."
    assert _texts(text) == ["shameful act.", "courage"]


def test_straight_marks_open_and_close_by_position() -> None:
    text = 'He called it "a disgrace" and "a betrayal" of "the people".'
    assert _texts(text) == ["a disgrace", "a betrayal", "the people"]


def test_straight_marks_around_attribution() -> None:
    assert _texts('"We are ready," the minister said. "Are you?"') == ["We are ready",
                                                                       "Are you?"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert _texts("Kyiv's mayor said the city's defences held.") == []


def _q(text: str) -> Quote:
    return Quote(0, len(text), text)


@pytest.mark.parametrize(("text", "title"), [
    ("Voice of Freedom", True),
    ("Operation Iron Shield", True),
    ("We Will Win.", False),  # a sentence, not a title
    ("a farce", False),
    ("The Best Years of Our Long Lives Together", False),  # too long for a title
])
def test_is_title_like(text: str, title: bool) -> None:
    assert is_title_like(_q(text)) is title


def test_word_count() -> None:
    assert word_count(_q("farce")) == 1
    assert word_count(_q("we won't — ever — give up")) == 6
