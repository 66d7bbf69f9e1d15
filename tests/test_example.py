"""The example in ``examples/``: its outputs are what newskg makes of it now.

``python3 tasks.py example`` regenerates them; these tests fail when a change
of behaviour has not been carried into the committed example.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from pyshacl import validate
from rdflib import Graph

from kg.cli import main

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "russia-expels-rights-groups.txt"
TURTLE = EXAMPLE.with_suffix(".ttl")
SUMMARY = EXAMPLE.with_suffix(".md")
TITLE = "Russia shuts down foreign rights groups (example)"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "example.ttl"
    result = CliRunner().invoke(main, ["extract", str(EXAMPLE), "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_committed_graph_is_current(fresh: Path) -> None:
    assert fresh.read_bytes() == TURTLE.read_bytes(), "run `python3 tasks.py example`"


def test_committed_summary_is_current(fresh: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = CliRunner().invoke(main, ["summary", str(fresh), "--title", TITLE,
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == SUMMARY.read_text(encoding="utf-8")


def test_example_output_conforms_to_the_shapes() -> None:
    data = Graph().parse(TURTLE)
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_example_output_parses_in_oxigraph() -> None:
    quads = list(pyoxigraph.parse(path=str(TURTLE), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(Graph().parse(TURTLE))


def test_example_summary_names_the_events() -> None:
    text = SUMMARY.read_text(encoding="utf-8")
    for expected in ("Russian Ministry of Justice", "Human Rights Watch", "Agnès Callamard",
                     "Kenneth Roth", "93 countries", "United Nations Human Rights Council"):
        assert expected in text
