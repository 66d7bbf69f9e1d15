"""Quotation spans in an article's text: curly or straight marks, split or spanning paragraphs.

Pure text functions: no model needed. A quotation opened and not closed
before a paragraph break continues when the next paragraph opens with a
quotation mark (the newspaper convention); otherwise it is dropped as
unbalanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = frozenset('"')
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, order=True)
class Quote:
    """A quotation: the character offsets of its words (marks excluded) and its text."""

    start: int
    end: int
    text: str
    continues: bool = False  # continues the previous quotation across a paragraph break


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order.

    >>> [q.text for q in find_quotes('He said: "We will go," and added “soon”.')]
    ['We will go', 'soon']
    >>> [q.text for q in find_quotes('“One.\\n\\n“Two,” she said.')]
    ['One.', 'Two']
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    continuing = False
    ends = iter(_paragraph_ends(text))
    para_end = next(ends)
    for i, ch in enumerate(text):
        while i >= para_end:
            if open_at is not None:
                # unclosed at a paragraph break: continues only if the next paragraph reopens
                rest = text[para_end:].lstrip()
                if rest[:1] in OPENING | STRAIGHT:
                    quotes.append(Quote(open_at, para_end, text[open_at:para_end].rstrip(),
                                        continuing))
                    continuing = True
                else:
                    continuing = False
                open_at = None
            para_end = next(ends, len(text) + 1)
        if ch in OPENING or (ch in STRAIGHT and open_at is None):
            if open_at is None:
                open_at = i + 1
            else:  # a second opening mark: the earlier one was stray
                open_at = i + 1
                continuing = False
        elif (ch in CLOSING or ch in STRAIGHT) and open_at is not None:
            if text[open_at:i].strip():
                quotes.append(Quote(open_at, i, text[open_at:i], continuing))
            open_at = None
            continuing = False
    return [_strip(q) for q in quotes if q.text.strip()]


def _strip(quote: Quote) -> Quote:
    """The quotation without surrounding space and a trailing comma."""
    text = quote.text
    left = len(text) - len(text.lstrip())
    body = text.strip().rstrip(",")
    return Quote(quote.start + left, quote.start + left + len(body), body, quote.continues)


def word_count(quote: Quote) -> int:
    """How many words a quotation has."""
    return len(re.findall(r"\w+", quote.text))


def is_title_like(quote: Quote) -> bool:
    """A short quotation of capitalised words names a work or a nickname ("Voice of Freedom")."""
    words = re.findall(r"[\w'’-]+", quote.text)
    minor = {"of", "the", "and", "for", "a", "an", "in", "on", "to", "de"}
    return 0 < len(words) <= 5 and all(w[0].isupper() or w.lower() in minor for w in words) \
        and not quote.text.rstrip().endswith((".", "!", "?"))
