"""Writing text results atomically: a temporary file renamed into place."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from kg.errors import OutputError


def write_text(path: str, text: str) -> None:
    """Write ``text`` to ``path`` ("-" for stdout) all at once, never leaving a partial file."""
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                   dir=target.parent if str(target.parent) else ".")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from exc
