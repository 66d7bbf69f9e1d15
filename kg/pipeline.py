"""The builder end to end: articles -> parsed Docs -> records -> actors -> RDF.

Library entry points behind ``kg extract``; they log, never print.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import ExtractionError
from kg.records import RELATIONS, Article, Event, Extraction, Mention, Resolution, Role

if TYPE_CHECKING:
    from rdflib import Dataset
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Articles parsed together by ``nlp.pipe``.
BATCH_SIZE = 16
#: Longer texts are parsed in pieces cut at paragraph breaks (spaCy's parser
#: needs memory in proportion to the text, and refuses past ``nlp.max_length``).
CHUNK_CHARS = 50_000
#: Longer texts are extracted in sections of about this many characters (whole
#: pieces), their offsets then shifted: some extractors cost the number of
#: sentences times the length of the text, which would make a text of a million
#: characters take hours. Context (dates carried over, speakers of the sentence
#: before) does not cross a section boundary; no news article is this long.
SECTION_CHARS = 100_000

_SURROGATE = re.compile("[\ud800-\udfff]")


def parseable(article: Article) -> Article:
    """``article`` with lone surrogates in its text (from JSON escapes such as
    ``"\\ud800"``) replaced by U+FFFD, one character for one, so every offset
    still holds; spaCy cannot tokenise text that is not encodable as UTF-8.
    """
    if not _SURROGATE.search(article.text):
        return article
    log.debug("article %r: lone surrogates replaced by U+FFFD", article.id)
    return dataclasses.replace(article, text=_SURROGATE.sub("\ufffd", article.text))


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    r"""Pieces of ``text`` of at most about ``limit`` characters, cut after a paragraph
    break (else a line break, else a space), that join back to ``text`` exactly.

    >>> split_text("aa\n\nbb\n\ncc", limit=5)
    ['aa\n\n', 'bb\n\n', 'cc']
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        end = start + (cut + 1 if cut > 0 else limit)
        while end < len(text) and text[end] in "\n ":
            end += 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def extract_articles(articles: Iterable[Article], *, model: str | None = None,
                     batch_size: int = BATCH_SIZE,
                     on_article: Callable[[Extraction], None] | None = None,
                     ) -> Iterator[Extraction]:
    """Parse and extract each article in turn (batched through ``nlp.pipe``)."""
    from spacy.tokens import Doc

    from kg.extract import extract
    from kg.nlp import load_pipeline

    nlp = load_pipeline(model)
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)

    def pieces() -> Iterator[tuple[str, tuple[Article, int]]]:
        for original in articles:
            article = parseable(original)
            chunks = split_text(article.text)
            for chunk in chunks:
                yield chunk, (article, len(chunks))

    parts: list[Doc] = []
    for doc, (article, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if len(parts) < total:
            continue
        sections, parts = _sections(parts), []
        try:
            found = []
            for offset, docs in sections:
                whole = docs[0] if len(docs) == 1 else Doc.from_docs(docs,
                                                                     ensure_whitespace=False)
                part = article if len(sections) == 1 else dataclasses.replace(
                    article, text=article.text[offset:offset + len(whole.text)])
                found.append(_shifted(extract(whole, part), offset))
            extraction = _merge(article, found)
        except Exception as exc:  # a bug must name the article it met, not end in a traceback
            log.debug("extraction failed on %s", article.id, exc_info=True)
            raise ExtractionError(
                f"article {article.id!r} ({article.source or 'input'}): extraction failed with "
                f"{type(exc).__name__}: {exc}. This is a bug in newskg; please report it with "
                "the article (run with -vv for the traceback).") from exc
        if on_article is not None:
            on_article(extraction)
        yield extraction


def _sections(parts: list[Doc]) -> list[tuple[int, list[Doc]]]:
    """Consecutive ``parts`` of one text grouped into sections of at most about
    :data:`SECTION_CHARS` characters, each with its offset in the text."""
    sections: list[tuple[int, list[Doc]]] = []
    offset = size = 0
    for doc in parts:
        if sections and size + len(doc.text) <= SECTION_CHARS:
            sections[-1][1].append(doc)
            size += len(doc.text)
        else:
            offset += size
            sections.append((offset, [doc]))
            size = len(doc.text)
    return sections


def _shift_mention(mention: Mention, offset: int) -> Mention:
    return dataclasses.replace(mention, start=mention.start + offset, end=mention.end + offset)


def _shift_event(event: Event, offset: int) -> Event:
    def at(value: int | None) -> int | None:
        return None if value is None else value + offset

    return dataclasses.replace(
        event, sent_start=event.sent_start + offset, sent_end=event.sent_end + offset,
        quote_start=at(event.quote_start), quote_end=at(event.quote_end),
        agents=tuple(_shift_mention(m, offset) for m in event.agents),
        patients=tuple(_shift_mention(m, offset) for m in event.patients),
        bodies=tuple(_shift_mention(m, offset) for m in event.bodies))


def _shift_role(role: Role, offset: int) -> Role:
    return dataclasses.replace(role, person=_shift_mention(role.person, offset),
                               of=None if role.of is None else _shift_mention(role.of, offset))


def _shifted(extraction: Extraction, offset: int) -> Extraction:
    """``extraction`` of a section starting at ``offset`` with offsets into the whole text."""
    if offset == 0:
        return extraction
    return Extraction(article=extraction.article,
                      mentions=tuple(_shift_mention(m, offset) for m in extraction.mentions),
                      events=tuple(_shift_event(e, offset) for e in extraction.events),
                      roles=tuple(_shift_role(r, offset) for r in extraction.roles))


def _merge(article: Article, extractions: list[Extraction]) -> Extraction:
    """The extractions of the sections of ``article`` as one."""
    if len(extractions) == 1:
        return extractions[0]
    return Extraction(article=article,
                      mentions=tuple(sorted({m for ex in extractions for m in ex.mentions})),
                      events=tuple(e for ex in extractions for e in ex.events),
                      roles=tuple(r for ex in extractions for r in ex.roles))


@dataclass(frozen=True)
class BuildResult:
    """What one build produced: the records, the merged actors and the RDF dataset."""

    extractions: tuple[Extraction, ...]
    resolution: Resolution
    dataset: Dataset

    def summary(self) -> dict[str, object]:
        """Counts of articles, actors and asserted events by relation."""
        events = Counter(e.kind for ex in self.extractions for e in ex.events
                         if e.modality == "asserted")
        return {"articles": len(self.extractions), "actors": len(self.resolution.actors),
                "events": {r: events.get(r, 0) for r in RELATIONS}}


def build(articles: Iterable[Article], *, model: str | None = None,
          on_article: Callable[[Extraction], None] | None = None) -> BuildResult:
    """Extract every article, merge actors across them and build the RDF dataset."""
    from kg.rdf.graph import build_graph
    from kg.resolve import resolve

    extractions = tuple(extract_articles(articles, model=model, on_article=on_article))
    resolution = resolve(extractions)
    dataset = build_graph(extractions, resolution)
    log.info("built %d articles, %d actors", len(extractions), len(resolution.actors))
    return BuildResult(extractions, resolution, dataset)
