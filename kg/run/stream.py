"""A corpus-scale ``kg extract``: extract, resolve actors across articles, write.

Three passes, none holding more than a batch of articles:

1. **extract** the articles not already in the checkpoint, in ``jobs``
   processes, recording each batch in the checkpoint as it finishes and
   counting its mentions in the :class:`~kg.resolve.ActorIndex`;
2. **resolve**: the index gives every actor and which actor each mention
   names (memory grows with distinct actors, not with articles);
3. **write** the actors, then each article's graph read back from the
   checkpoint, in input order. N-Triples and N-Quads are streamed to disk
   line by line; Turtle, TriG and JSON-LD need the whole graph in memory to
   be pretty-printed, so they are built in memory and written at the end.

The output is written atomically; the checkpoint folder is removed after a
successful run unless it was named (``state``) or ``keep_state`` is set, so
re-running after an interruption skips what was done.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kg.records import RELATIONS, Article, Extraction
from kg.run.checkpoint import Checkpoint

if TYPE_CHECKING:
    from kg.resolve import ActorTable

log = logging.getLogger(__name__)

#: Extractions recorded in the checkpoint at once (one flush and fsync each) ...
RECORD_BATCH = 32
#: ... or after this many seconds, whichever comes first.
RECORD_SECONDS = 2.0

#: What extracts for a run: articles -> their extractions, in input order.
Extractor = Callable[[Iterable[Article]], Iterable[Extraction]]


#: Articles between two returns of freed memory to the system (:func:`release_memory`).
RELEASE_EVERY = 1000


def release_memory() -> None:
    """Give the memory the C allocator holds free back to the system (glibc only).

    Parsing leaves freed blocks scattered through the heap; without this the
    resident size of a long run creeps up although nothing is kept.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is not None:
        trim(0)


@dataclass
class RunReport:
    """What a run did: articles read, reused from the checkpoint, actors, events."""

    articles: int = 0
    reused: int = 0
    actors: int = 0
    triples: int | None = None
    events: Counter[str] = field(default_factory=Counter)

    def summary(self) -> dict[str, object]:
        """Counts of articles, actors and asserted events by relation."""
        return {"articles": self.articles, "reused": self.reused, "actors": self.actors,
                "events": {r: self.events.get(r, 0) for r in RELATIONS}}


def default_state(output: str) -> Path | None:
    """The checkpoint folder of a run writing ``output``: ``OUTPUT.kg-state`` beside it."""
    return None if output == "-" else Path(f"{Path(output)}.kg-state")


def signature(model: str | None) -> dict[str, str]:
    """What makes a record reusable: the newskg version and the pipeline (with its version)."""
    from importlib import metadata

    from kg import __version__
    from kg.nlp import check_model

    name = check_model(model)
    try:
        version = metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        version = "unknown"
    return {"newskg": __version__, "model": name, "model_version": version}


def run(articles: Iterable[Article], output: str, *, fmt: str, model: str | None = None,
        jobs: int = 1, state: str | os.PathLike[str] | None = None, keep_state: bool = False,
        on_article: Callable[[], None] | None = None, extractor: Extractor | None = None,
        shard_size: int | None = None) -> RunReport:
    """Extract ``articles`` and write their graph to ``output`` in format ``fmt``.

    ``state`` is the checkpoint folder (default :func:`default_state`; a
    temporary one for standard output). Raises :class:`~kg.errors.NoArticleError`
    when no article was read, before anything is written. ``extractor`` extracts
    (default: :func:`~kg.run.workers.extract_parallel` in ``jobs`` processes; on a Ray
    cluster: :func:`kg.run.cluster.ray_extractor`). An ``output`` folder gets sharded
    N-Quads, ``shard_size`` articles a file (:mod:`kg.run.shards`).
    """
    from kg.errors import NoArticleError
    from kg.resolve import ActorIndex

    keep = keep_state or state is not None
    folder = Path(state) if state is not None else default_state(output)
    temporary = None
    if folder is None:
        temporary = tempfile.TemporaryDirectory(prefix="newskg-")
        folder, keep = Path(temporary.name), True
    report = RunReport()
    index = ActorIndex()
    checkpoint = Checkpoint(folder, signature=signature(model))
    try:
        with checkpoint:
            # where each article's record is, in input order (-1: not extracted); 8 bytes
            # an article. The articles on their way through the extractor wait in
            # ``pending``, which the extractor keeps short.
            order = array("q")
            pending: deque[tuple[int, str]] = deque()

            def todo() -> Iterator[Article]:
                for article in articles:
                    offset = checkpoint.find(article)
                    if offset is not None:
                        order.append(offset)
                        index.add(checkpoint.get(offset))
                        report.reused += 1
                        if on_article is not None:
                            on_article()
                    else:
                        pending.append((len(order), article.id))
                        order.append(-1)
                        yield article

            def record(extractions: list[Extraction]) -> None:
                for extraction, offset in zip(extractions, checkpoint.add(extractions),
                                              strict=True):
                    while pending:  # an article the extractor skipped keeps -1
                        position, article_id = pending.popleft()
                        if article_id == extraction.article.id:
                            order[position] = offset
                            break

            if extractor is None:
                from kg.run.workers import extract_parallel

                extractor = partial(extract_parallel, model=model, jobs=jobs)
            batch: list[Extraction] = []
            flushed = time.monotonic()
            try:
                for extraction in extractor(todo()):
                    index.add(extraction)
                    batch.append(extraction)
                    if len(batch) >= RECORD_BATCH or time.monotonic() - flushed > RECORD_SECONDS:
                        record(batch)
                        batch, flushed = [], time.monotonic()
                    if on_article is not None:
                        on_article()
                    if len(index) % RELEASE_EVERY == 0:
                        release_memory()
            finally:  # interrupted or not, what was extracted is kept
                record(batch)
            report.articles = len(order)
            if not order:
                raise NoArticleError
            table = index.finish()
            log.info("resolved %d named actors over %d articles (%d reused)",
                     len(table.actors), report.articles, report.reused)
            extractions = (checkpoint.get(offset) for offset in order if offset >= 0)
            _write(output, fmt, table, _counted(extractions, report.events), report,
                   shard_size=shard_size)
        if not keep:
            checkpoint.remove()
    except BaseException:
        if not keep and not len(checkpoint):
            checkpoint.remove()  # nothing to resume from: leave no empty folder behind
        raise
    finally:
        if temporary is not None:
            temporary.cleanup()
    return report


def _counted(extractions: Iterable[Extraction], events: Counter[str]) -> Iterator[Extraction]:
    for extraction in extractions:
        events.update(e.kind for e in extraction.events if e.modality == "asserted")
        yield extraction


def _write(output: str, fmt: str, table: ActorTable, extractions: Iterable[Extraction],
           report: RunReport, *, shard_size: int | None = None) -> None:
    """Write the named actors, then per article the actors it describes and its graph."""
    from kg.rdf.lines import LINE_FORMATS, LineWriter
    from kg.run.shards import is_folder, write_shards

    report.actors = len(table.actors)
    if is_folder(output):
        report.triples, described = write_shards(output, table, extractions, size=shard_size)
        report.actors += described
        return
    if fmt in LINE_FORMATS:
        from kg.io.output import atomic_stream

        with atomic_stream(output) as stream:
            writer = LineWriter(stream, fmt)
            writer.write_actors(table.actors)
            for extraction in extractions:
                report.actors += writer.write_article(extraction, table)
        report.triples = writer.triples
        return
    from rdflib import Dataset

    from kg.rdf.graph import add_actors, add_article, bind_prefixes
    from kg.rdf.write import write_graph

    dataset = Dataset()
    bind_prefixes(dataset)
    add_actors(dataset, table.actors)
    for extraction in extractions:
        resolution = table.resolution(extraction)
        report.actors += len(resolution.actors)
        add_actors(dataset, resolution.actors)
        add_article(dataset, extraction, resolution)
    write_graph(dataset, output, fmt)
