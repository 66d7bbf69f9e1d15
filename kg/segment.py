"""Sentence boundaries the parser cannot see: paragraph breaks and bullets.

News text puts headlines, datelines, photo credits and bulleted items on
lines of their own. The ``newskg_paragraphs`` component runs before the
parser and marks a sentence start after every blank line and at every
bullet that opens a line, so that no sentence runs across a paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: Characters that open a bulleted item when they start a line.
BULLETS = frozenset("•·▪‣◦●*")


def _at_line_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the first non-space token of its line."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j < 0 or "\n" in doc[j].whitespace_


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that begin a paragraph or a bulleted item.

    >>> import spacy
    >>> paragraph_starts(spacy.blank("en")("One line.\\n\\nAnother line.\\n• A bullet"))
    [0, 4, 8]
    """
    starts: list[int] = []
    blank_line = True
    for token in doc:
        if token.is_space:
            blank_line = blank_line or token.text.count("\n") >= 2
            continue
        if blank_line or (token.text in BULLETS and _at_line_start(doc, token.i)):
            starts.append(token.i)
        blank_line = token.whitespace_.count("\n") >= 2
    return starts


@Language.component("newskg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Mark paragraph and bullet starts as sentence starts (the parser keeps them).

    The token after a bullet is marked as not starting a sentence, so the
    bullet stays with its item.
    """
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
        if doc[i].text in BULLETS and i + 1 < len(doc):
            doc[i + 1].is_sent_start = False
    return doc
