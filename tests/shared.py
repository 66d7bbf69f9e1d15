"""Where the shared data lives: real news, the development set and the scorer.

The data is read at test time and never copied into this repository. It is
looked up in ``../shared`` beside the checkout, or wherever ``NEWSKG_SHARED``
points. When it is missing the tests that need it fail with a clear message
(continuous integration has it), they are not skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["SHARED", "shared_path"]

#: The shared folder: ``$NEWSKG_SHARED`` or ``<checkout>/../shared``.
SHARED = Path(os.environ.get("NEWSKG_SHARED")
              or Path(__file__).resolve().parents[1].parent / "shared")


def shared_path(*parts: str) -> Path:
    """The path ``parts`` under :data:`SHARED`; fails the calling test if it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"shared test data not found: {path} does not exist. Put the shared folder "
            f"beside the checkout ({Path(__file__).resolve().parents[1].parent / 'shared'}) "
            "or point NEWSKG_SHARED at it.",
            pytrace=False,
        )
    return path
