"""The builder end to end: articles -> parsed Docs -> records -> actors -> RDF.

Library entry points behind ``kg extract``; they log, never print.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import ExtractionError
from kg.records import RELATIONS, Article, Extraction, Resolution

if TYPE_CHECKING:
    from rdflib import Dataset

log = logging.getLogger(__name__)

#: Articles parsed together by ``nlp.pipe``.
BATCH_SIZE = 16
#: Longer texts are parsed in pieces cut at paragraph breaks (spaCy's parser
#: needs memory in proportion to the text, and refuses past ``nlp.max_length``).
CHUNK_CHARS = 50_000


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
        for article in articles:
            chunks = split_text(article.text)
            for chunk in chunks:
                yield chunk, (article, len(chunks))

    parts: list[Doc] = []
    for doc, (article, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if len(parts) < total:
            continue
        whole = parts[0] if total == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        try:
            extraction = extract(whole, article)
        except Exception as exc:  # a bug must name the article it met, not end in a traceback
            log.debug("extraction failed on %s", article.id, exc_info=True)
            raise ExtractionError(
                f"article {article.id!r} ({article.source or 'input'}): extraction failed with "
                f"{type(exc).__name__}: {exc}. This is a bug in newskg; please report it with "
                "the article (run with -vv for the traceback).") from exc
        if on_article is not None:
            on_article(extraction)
        yield extraction


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
