"""What every relation extractor needs to know about one parsed article."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.dates import event_date, has_vague_date, sentence_date
from kg.extract.syntax import sentence_bounds
from kg.records import Mention

#: How many sentences a stated date carries over to undated past-tense events.
DATE_CARRY = 3


@dataclass(frozen=True)
class Context:
    """A parsed article: the ``Doc``, its actor mentions, quotation spans and date."""

    doc: Doc
    mentions: tuple[Mention, ...]
    quotes: tuple[tuple[int, int], ...] = ()
    article_date: str | None = None
    carried: dict[int, str] = field(default_factory=dict)
    #: ``doc.text``, joined once: spaCy joins every token's text at each access.
    text: str = ""

    @classmethod
    def build(cls, doc: Doc, *, mentions: list[Mention], quotes: list[tuple[int, int]],
              article_date: str | None) -> Context:
        """Make a context, working out which sentences inherit an earlier stated date."""
        carried: dict[int, str] = {}
        last: str | None = None
        age = 0
        for sent in doc.sents:
            own = sentence_date(sent, article_date)
            if own:
                last, age = own, 0
            elif has_vague_date(sent, article_date):
                last = None
            else:
                age += 1
                if last and age <= DATE_CARRY:
                    carried[sent.start] = last
        return cls(doc, tuple(mentions), tuple(quotes), article_date, carried, doc.text)

    def in_quote(self, token: Token) -> bool:
        """Whether ``token`` lies inside a quotation."""
        return any(s <= token.idx < e for s, e in self.quotes)

    def date_for(self, trigger: Token) -> str | None:
        """The event date for ``trigger``: stated, carried over (past tense) or the article's."""
        carried = self.carried.get(trigger.sent.start) if trigger.tag_ in {"VBD", "VBN"} \
            or trigger.pos_ == "NOUN" else None
        return event_date(trigger, article_date=self.article_date, carried=carried)

    def evidence(self, sent: Span) -> tuple[int, int, str]:
        """Offsets and text of the sentence an event is read from."""
        return sentence_bounds(sent)
