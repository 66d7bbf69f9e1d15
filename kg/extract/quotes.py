"""Quotation spans in an article's text: curly or straight marks, split or spanning paragraphs.

Pure text functions: no model needed. Real news loses closing marks (cut
sentences, "[...]"), so a quotation still open when a new one opens is closed
at the last sentence end before the new mark, and one still open at a
paragraph break is closed there (it continues when the next paragraph opens
with a quotation mark, the newspaper convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = frozenset('"')
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


@dataclass(frozen=True, order=True)
class Quote:
    """A quotation: the character offsets of its words (marks excluded) and its text."""

    start: int
    end: int
    text: str
    continues: bool = False  # continues the previous quotation across a paragraph break


def _straight_opens(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space or opening punctuation and a word follows."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _cut_before(text: str, start: int, end: int) -> int:
    """Where to close a quotation left open at ``end``: the last sentence end before it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    return ends[-1] if ends else end


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order.

    >>> [q.text for q in find_quotes('He said: "We will go," and added “soon”.')]
    ['We will go', 'soon']
    >>> [q.text for q in find_quotes('“One.\\n\\n“Two,” she said.')]
    ['One.', 'Two']
    >>> [q.text for q in find_quotes('a “hideous lie. Still, he praised the “bravery” of it.')]
    ['hideous lie.', 'bravery']
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    continuing = False
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    next_break = 0

    def close(end: int, *, continues_next: bool = False) -> None:
        nonlocal open_at, continuing
        assert open_at is not None
        if text[open_at:end].strip():
            quotes.append(Quote(open_at, end, text[open_at:end], continuing))
        open_at = None
        continuing = continues_next

    for i, ch in enumerate(text):
        while i >= breaks[next_break]:
            if open_at is not None:
                rest = text[breaks[next_break]:].lstrip()
                close(breaks[next_break], continues_next=rest[:1] in OPENING | STRAIGHT)
            else:
                continuing = False
            next_break = min(next_break + 1, len(breaks) - 1)
            if breaks[next_break] <= i and next_break == len(breaks) - 1:
                break
        opens = ch in OPENING or (ch in STRAIGHT and (open_at is None or (
            _straight_opens(text, i) and not _straight_closes(text, i))))
        if opens:
            if open_at is not None:  # the earlier quotation lost its closing mark
                close(_cut_before(text, open_at, i))
            open_at = i + 1
        elif (ch in CLOSING or ch in STRAIGHT) and open_at is not None:
            close(i)
            continuing = False
    if open_at is not None:
        close(len(text))
    return [q for q in (_strip(q) for q in quotes) if q.text]


def _straight_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-")


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
