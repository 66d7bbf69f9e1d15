"""The records of finished articles, kept on disk so an interrupted run resumes.

A checkpoint is a folder holding ``run.json`` (the newskg version and spaCy
pipeline that made the records) and ``records.jsonl``, one line per finished
article: its id, a hash of its content and its extraction (:mod:`kg.run.codec`).
Lines are appended and flushed batch by batch (synced to disk every few
seconds); a run killed halfway leaves at worst one torn last line, which the
next run cuts off. An article counts as
done when a record with its id *and* content hash is there, so an edited
article is extracted again; records made by another newskg version or another
pipeline are not reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Self

from kg.errors import OutputError
from kg.records import Article, Extraction
from kg.run.codec import decode, encode

log = logging.getLogger(__name__)

RUN_FILE = "run.json"
RECORDS_FILE = "records.jsonl"
#: Bumped when the record layout changes; older checkpoints are then ignored.
LAYOUT = 1
#: Records reach the operating system at every :meth:`Checkpoint.add`, and the
#: disk (``fsync``) at most this often and on closing.
SYNC_SECONDS = 10.0


def content_hash(article: Article) -> str:
    """A hash of everything extraction reads from ``article`` (its id aside).

    >>> content_hash(Article("a", "Text.")) == content_hash(Article("b", "Text."))
    True
    >>> content_hash(Article("a", "Text.")) == content_hash(Article("a", "Text!"))
    False
    """
    payload = json.dumps([article.text, article.title, article.date, article.url],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Checkpoint:
    """The records of a run's finished articles, in folder ``path``.

    ``signature`` says what made the records (newskg version, pipeline);
    records made under another signature are dropped on opening.
    """

    def __init__(self, path: str | os.PathLike[str], *, signature: dict[str, Any]) -> None:
        self.path = Path(path)
        self.signature = {"layout": LAYOUT, **signature}
        # id -> (hash, byte offset) of the records earlier runs left; the records of
        # this run are known by the offsets :meth:`add` returns, so memory does not
        # grow with the articles of a run
        self._previous: dict[str, tuple[str, int]] = {}
        self._added = 0
        self._writer: IO[bytes] | None = None
        self._reader: IO[bytes] | None = None
        self._synced = time.monotonic()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._open()
        except OSError as exc:
            raise OutputError(f"cannot use the checkpoint folder {str(self.path)!r}: "
                              f"{exc.strerror or exc}; choose another with --state") from exc

    def _open(self) -> None:
        run_file, records = self.path / RUN_FILE, self.path / RECORDS_FILE
        previous = None
        if run_file.exists():
            try:
                previous = json.loads(run_file.read_text(encoding="utf-8"))
            except ValueError:
                previous = None
        if previous != self.signature:
            if records.exists() and records.stat().st_size:
                log.warning("checkpoint %s was made by %s; starting afresh", self.path,
                            previous or "an unknown run")
            records.write_bytes(b"")
            run_file.write_text(json.dumps(self.signature, sort_keys=True) + "\n",
                                encoding="utf-8")
        good = self._index(records) if records.exists() else 0
        self._writer = open(records, "ab")  # noqa: SIM115  (closed in close())
        if self._writer.tell() != good:
            log.warning("checkpoint %s: cut off a torn last record", self.path)
            self._writer.truncate(good)
            self._writer.seek(good)

    def _index(self, records: Path) -> int:
        """Index the records of ``records``; the offset after the last whole one."""
        offset = 0
        with open(records, "rb") as stream:
            for line in stream:
                if not line.endswith(b"\n"):
                    break
                try:
                    head = json.loads(line)
                    self._previous[head["id"]] = (head["hash"], offset)
                except (ValueError, KeyError, TypeError):
                    break
                offset += len(line)
        if self._previous:
            log.info("checkpoint %s: %d finished articles", self.path, len(self._previous))
        return offset

    def __len__(self) -> int:
        """The number of records: those earlier runs left and those added since."""
        return len(self._previous) + self._added

    def find(self, article: Article) -> int | None:
        """Where the record of ``article`` is, if an earlier run finished it as it is now."""
        entry = self._previous.get(article.id)
        return entry[1] if entry is not None and entry[0] == content_hash(article) else None

    def done(self, article: Article) -> bool:
        """Whether ``article``, as it is now, was finished by an earlier run."""
        return self.find(article) is not None

    def add(self, extractions: Iterable[Extraction]) -> list[int]:
        """Record finished articles, flushed to disk before returning; where their records are."""
        assert self._writer is not None, "checkpoint is closed"
        lines, offsets = [], []
        offset = self._writer.tell()
        for extraction in extractions:
            article = extraction.article
            line = (json.dumps({"id": article.id, "hash": content_hash(article),
                                "extraction": encode(extraction)}, ensure_ascii=False,
                               separators=(",", ":")) + "\n").encode("utf-8", "surrogatepass")
            offsets.append(offset)
            offset += len(line)
            lines.append(line)
        try:
            self._writer.write(b"".join(lines))
            self._writer.flush()  # from here a killed process loses nothing
            if time.monotonic() - self._synced >= SYNC_SECONDS:
                os.fsync(self._writer.fileno())  # and a crashed machine little
                self._synced = time.monotonic()
        except OSError as exc:
            raise OutputError(f"cannot write the checkpoint {str(self.path)!r}: "
                              f"{exc.strerror or exc}") from exc
        self._added += len(offsets)
        return offsets

    def get(self, offset: int) -> Extraction:
        """The extraction recorded at ``offset`` (from :meth:`add` or :meth:`find`)."""
        if self._reader is None:
            assert self._writer is not None
            self._writer.flush()
            self._reader = open(self.path / RECORDS_FILE, "rb")  # noqa: SIM115
        self._reader.seek(offset)
        return decode(json.loads(self._reader.readline())["extraction"])

    def close(self) -> None:
        if self._writer is not None:
            with contextlib.suppress(OSError):
                self._writer.flush()
                os.fsync(self._writer.fileno())
        for stream in (self._writer, self._reader):
            if stream is not None:
                stream.close()
        self._writer = self._reader = None

    def remove(self) -> None:
        """Close and delete the checkpoint folder (after a successful run)."""
        self.close()
        for name in (RECORDS_FILE, RUN_FILE):
            (self.path / name).unlink(missing_ok=True)
        try:
            self.path.rmdir()
        except OSError:
            log.info("checkpoint folder %s kept: it holds other files", self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
