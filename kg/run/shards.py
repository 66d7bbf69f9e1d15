"""Sharded N-Quads: a run's graph as a folder of files, for corpora too big for one.

``kg extract ... --output DIR/`` writes ``DIR/actors.nq`` (the named actors,
in the default graph) and ``DIR/part-00000.nq``, ``part-00001.nq`` ... holding
:data:`SHARD_ARTICLES` articles each, in input order: each article's named
graph, after the actors only it describes (in the default graph).
The files concatenated, actors first, are byte for byte the single
``--output graph.nq`` of the same run, and ``kg load DIR --store S`` loads
them all.

The folder is replaced as a whole: the files are written to a temporary
folder beside it, which then takes its place, so a failed run leaves an
earlier folder as it was. A folder that holds anything else is refused.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import OutputError
from kg.io.output import current_umask
from kg.records import Extraction

if TYPE_CHECKING:
    from kg.rdf.lines import LineWriter
    from kg.resolve import ActorTable

__all__ = ["ACTORS_FILE", "SHARD_ARTICLES", "check_folder", "is_folder", "shard_name",
           "write_shards"]

#: Articles in each part file, unless the run says otherwise.
SHARD_ARTICLES = 1000
ACTORS_FILE = "actors.nq"
_PART = re.compile(r"part-\d{5,}\.nq")


def shard_name(number: int) -> str:
    """The name of part file ``number``.

    >>> shard_name(0), shard_name(123456)
    ('part-00000.nq', 'part-123456.nq')
    """
    return f"part-{number:05d}.nq"


def is_folder(output: str) -> bool:
    """Whether ``output`` names a folder (it ends with a slash, or is one): sharded output.

    >>> is_folder("graphs/"), is_folder("graph.nq"), is_folder("-")
    (True, False, False)
    """
    if output == "-":
        return False
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _ours(name: str) -> bool:
    return name == ACTORS_FILE or _PART.fullmatch(name) is not None


def check_folder(output: str, fmt: str | None = None) -> None:
    """Raise :class:`OutputError` unless the folder ``output`` can take the shards of a
    run in format ``fmt``: N-Quads, in a folder new, empty or holding only shards."""
    if fmt not in (None, "nquads"):
        raise OutputError(f"{output}: a folder output holds N-Quads shards, not {fmt}; "
                          "leave out --format or give a file name")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: not a folder")
    if folder.is_dir():
        others = sorted(p.name for p in folder.iterdir() if not _ours(p.name))
        if others:
            raise OutputError(f"{folder}: holds other files than shards ({others[0]}, ...); "
                              "choose a new or empty folder")


@contextlib.contextmanager
def _shard(path: Path) -> Iterator[LineWriter]:
    """A writer of N-Quads to the new file ``path``, synced to disk when the block ends."""
    from kg.rdf.lines import LineWriter

    with open(path, "wb") as stream:
        yield LineWriter(stream, "nquads")
        stream.flush()
        os.fsync(stream.fileno())


def _fill(folder: Path, table: ActorTable, extractions: Iterable[Extraction],
          size: int) -> tuple[int, int]:
    """Write the shards into ``folder``; the quads written and the actors the articles
    describe (each article's, in the default graph before its own graph)."""
    with _shard(folder / ACTORS_FILE) as writer:
        writer.write_actors(table.actors)
    lines = writer.triples
    described = 0
    stream = iter(extractions)
    number = 0
    while shard := list(islice(stream, size)):
        with _shard(folder / shard_name(number)) as writer:
            for extraction in shard:
                described += writer.write_article(extraction, table)
        lines += writer.triples
        number += 1
    return lines, described


def write_shards(output: str | os.PathLike[str], table: ActorTable,
                 extractions: Iterable[Extraction], *, size: int | None = None,
                 ) -> tuple[int, int]:
    """Write the actors of ``table`` and the graphs of ``extractions`` as shards in the
    folder ``output`` (``size`` articles a part file); the number of quads written and
    of the actors only one article describes."""
    folder = Path(output)
    check_folder(str(folder))
    size = size or SHARD_ARTICLES
    parent = folder.parent
    try:
        temporary = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.partial-"))
    except OSError as exc:
        raise OutputError(f"cannot write {folder}: {exc.strerror or exc}; check the folder "
                          f"{parent} exists and is writable") from exc
    try:
        lines, described = _fill(temporary, table, extractions, size)
        os.chmod(temporary, 0o777 & ~current_umask())
        if folder.is_dir():
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.old-"))
            os.replace(folder, old)
            os.replace(temporary, folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temporary, folder)
    except OSError as exc:
        raise OutputError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(temporary)
    return lines, described

