"""Extraction in ``--jobs`` worker processes, each loading the spaCy pipeline once.

Articles go to the workers in chunks and the extractions come back in input
order, so the output does not depend on the number of workers. At most a
few chunks per worker are in flight: memory stays flat however long the
input is.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kg.errors import ExtractionError
from kg.records import Article, Extraction

log = logging.getLogger(__name__)

#: Articles sent to a worker at once (their texts up to :data:`CHUNK_TEXT` characters).
CHUNK_ARTICLES = 16
CHUNK_TEXT = 40_000
#: Chunks in flight per worker.
IN_FLIGHT = 3

_MODEL: str | None = None


def chunks(articles: Iterable[Article], *, size: int = CHUNK_ARTICLES,
           text: int = CHUNK_TEXT) -> Iterator[list[Article]]:
    """``articles`` in lists of at most ``size`` articles and about ``text`` characters.

    >>> [len(c) for c in chunks([Article(str(i), "x" * 10) for i in range(5)], size=2)]
    [2, 2, 1]
    """
    chunk: list[Article] = []
    chars = 0
    for article in articles:
        chunk.append(article)
        chars += len(article.text)
        if len(chunk) >= size or chars >= text:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _start_worker(model: str | None) -> None:
    global _MODEL
    from kg.nlp import load_pipeline

    _MODEL = model
    load_pipeline(model)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    from kg.pipeline import extract_articles

    return list(extract_articles(articles, model=_MODEL))


def extract_parallel(articles: Iterable[Article], *, model: str | None = None,
                     jobs: int = 1) -> Iterator[Extraction]:
    """Extract ``articles`` in ``jobs`` processes; the extractions in input order.

    With ``jobs`` 1 everything runs in this process. Errors raised by a worker
    (:class:`~kg.errors.ExtractionError`, a missing pipeline) are raised here.
    """
    from kg.pipeline import extract_articles

    if jobs <= 1:
        yield from extract_articles(articles, model=model)
        return
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[Extraction]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=_start_worker, initargs=(model,)) as pool:
        try:
            for chunk in chunks(articles):
                pending.append(pool.submit(_extract_chunk, chunk))
                if len(pending) >= jobs * IN_FLIGHT:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise ExtractionError(
                "a worker process died (out of memory, or killed); run again with fewer "
                "--jobs, or with -vv to see why") from exc
        finally:
            for future in pending:
                future.cancel()
