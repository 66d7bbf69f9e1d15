"""The ``kg`` command line: help, formats, stdout/stderr, errors and determinism.

Tests marked ``model`` run the real spaCy pipeline on tiny articles written
here; the others never load it (bad inputs are rejected before the model is).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.cli import main
from kg.namespace import KG

# Invented news, written for these tests.
ARTICLE = (
    "Poland expels Russian diplomats\n\n"
    "Poland expelled two Russian diplomats on Friday, the Polish foreign ministry said.\n\n"
    '"We will not tolerate spying on our soil," said Radek Nowak, a spokesman for the '
    "Polish foreign ministry.\n"
)
OTHER_ARTICLE = "Estonia expelled a Russian diplomat on Monday.\n"

SUMMARY = re.compile(r"^1 article, \d+ actors?, \d+ events?", re.MULTILINE)
ALL_OPTIONS = ("--output", "--format", "--model", "--date", "--id", "--skip-errors")
SENTINEL = b"an earlier graph that must survive a failed run\n"

#: Output extension -> rdflib parser name, and whether it keeps named graphs.
EXTENSIONS = {
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".jsonld": ("json-ld", False),
    ".trig": ("trig", True),
    ".nq": ("nquads", True),
}


def run(*args: str, input: str | bytes | None = None) -> Result:
    """``kg ARGS`` in-process, stdout and stderr kept apart."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(path: Path, text: str = ARTICLE) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def parse(data: bytes | str, fmt: str = "turtle") -> Graph:
    graph = Dataset(default_union=True) if fmt in ("trig", "nquads") else Graph()
    graph.parse(data=data, format=fmt)
    return graph


def identifiers(graph: Graph) -> set[str]:
    """The ``dcterms:identifier`` of every kg:Article in ``graph``."""
    return {str(graph.value(article, DCTERMS.identifier))
            for article in graph.subjects(RDF.type, KG.Article)}


# ---------------------------------------------------------------- help and start-up


def test_main_help_lists_the_extract_command() -> None:
    result = run("--help")
    assert result.exit_code == 0, result.output
    assert "extract" in result.stdout
    assert "--verbose" in result.stdout


def test_extract_help_lists_every_option() -> None:
    result = run("extract", "--help")
    assert result.exit_code == 0, result.output
    for option in ALL_OPTIONS:
        assert option in result.stdout, option
    # The formats --format accepts are listed.
    for name in ("turtle", "nt", "json-ld", "trig", "nquads"):
        assert name in result.stdout, name


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert "newskg" in result.stdout


def test_importing_the_cli_loads_no_heavy_library() -> None:
    """``kg --help`` stays fast: spaCy, rdflib, dateparser and lxml load only when used."""
    heavy = ("spacy", "rdflib", "dateparser", "lxml")
    probe = ("import sys, kg.cli; "
             f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(heavy)!r}))")
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", probe],
                          capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[]", f"kg.cli imports {done.stdout.strip()}"
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert imported.isdisjoint(heavy), sorted(imported & set(heavy))


def test_help_runs_as_a_command() -> None:
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], check=False,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "extract" in done.stdout


# ---------------------------------------------------------------- a normal run


@pytest.mark.model
def test_extract_a_text_file(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    output = tmp_path / "graph.ttl"
    result = run("extract", str(source), "--output", str(output))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert SUMMARY.search(result.stderr), result.stderr
    assert str(output) in result.stderr
    graph = parse(output.read_bytes())
    assert identifiers(graph) == {"poland"}
    assert any(graph.subjects(RDF.type, KG.Expulsion))
    # No temporary file is left beside the output.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "poland.txt"]


@pytest.mark.model
def test_output_dash_writes_turtle_to_stdout(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    result = run("extract", str(source), "--output", "-")
    assert result.exit_code == 0, result.output
    assert SUMMARY.search(result.stderr), result.stderr
    assert "@prefix" in result.stdout
    assert identifiers(parse(result.stdout)) == {"poland"}
    # The summary is not mixed into the graph.
    assert "articles," not in result.stdout


@pytest.mark.model
def test_format_nt_to_stdout(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    result = run("extract", str(source), "--output", "-", "--format", "nt")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
    assert "@prefix" not in result.stdout
    assert identifiers(parse(result.stdout, "nt")) == {"poland"}


@pytest.mark.model
def test_quiet_prints_no_summary(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    result = run("extract", str(source), "--output", str(tmp_path / "g.ttl"), "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.model
@pytest.mark.parametrize("extension", sorted(EXTENSIONS))
def test_format_follows_the_extension(tmp_path: Path, extension: str) -> None:
    source = write(tmp_path / "poland.txt")
    output = tmp_path / f"graph{extension}"
    result = run("extract", str(source), "--output", str(output))
    assert result.exit_code == 0, result.output
    fmt, quads = EXTENSIONS[extension]
    data = output.read_bytes()
    if fmt == "json-ld":
        json.loads(data)
    if fmt == "nt":
        assert b"@prefix" not in data
    graph = parse(data, fmt)
    if quads:
        assert isinstance(graph, Dataset)
        named = {g.identifier for g in graph.graphs()} - {graph.default_graph.identifier}
        assert len(named) == 1, "one named graph per article"
    assert identifiers(graph) == {"poland"}


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    output = tmp_path / "graph.xyz"
    result = run("extract", str(source), "--output", str(output))
    assert result.exit_code != 0
    assert not output.exists()
    for accepted in (".ttl", ".nt", ".jsonld", ".trig", ".nq"):
        assert accepted in result.stderr, accepted
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poland.txt"]


def test_unknown_format_name_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    result = run("extract", str(source), "--output", "-", "--format", "rdfxml")
    assert result.exit_code != 0
    assert "turtle" in result.stderr


# ---------------------------------------------------------------- bad input


def _missing(tmp_path: Path) -> tuple[list[str], list[str]]:
    return [str(tmp_path / "missing.txt")], ["missing.txt"]


def _empty(tmp_path: Path) -> tuple[list[str], list[str]]:
    return [str(write(tmp_path / "empty.txt", ""))], ["empty.txt"]


def _binary(tmp_path: Path) -> tuple[list[str], list[str]]:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01")
    return [str(path)], ["binary.txt"]


def _bad_jsonl(tmp_path: Path) -> tuple[list[str], list[str]]:
    good = json.dumps({"id": "one", "text": OTHER_ARTICLE})
    path = write(tmp_path / "records.jsonl", good + "\n{not json\n")
    return [str(path)], ["records.jsonl:2"]


def _bad_date(tmp_path: Path) -> tuple[list[str], list[str]]:
    return [str(write(tmp_path / "poland.txt")), "--date", "notadate"], ["--date", "notadate"]


def _id_with_two_articles(tmp_path: Path) -> tuple[list[str], list[str]]:
    first = write(tmp_path / "poland.txt")
    second = write(tmp_path / "estonia.txt", OTHER_ARTICLE)
    return [str(first), str(second), "--id", "x"], ["--id", "2"]


BAD_INPUTS = {
    "missing file": _missing,
    "empty file": _empty,
    "binary file": _binary,
    "invalid JSON line": _bad_jsonl,
    "bad --date": _bad_date,
    "--id with two articles": _id_with_two_articles,
}


@pytest.mark.parametrize("existing", [False, True], ids=["new output", "existing output"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_writes_nothing(tmp_path: Path, case: str, existing: bool) -> None:
    args, expected = BAD_INPUTS[case](tmp_path)
    output = tmp_path / "out" / "graph.ttl"
    output.parent.mkdir()
    if existing:
        output.write_bytes(SENTINEL)
    result = run("extract", *args, "--output", str(output))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    message = result.stderr
    assert message.startswith("Error: "), message
    assert len(message.strip().splitlines()) == 1, message
    assert "Traceback" not in result.output
    for part in expected:
        assert part in message, (part, message)
    if existing:
        assert output.read_bytes() == SENTINEL
        assert [p.name for p in output.parent.iterdir()] == ["graph.ttl"]
    else:
        assert list(output.parent.iterdir()) == []


@pytest.mark.model
def test_skip_errors_goes_on_with_the_good_files(tmp_path: Path) -> None:
    good = write(tmp_path / "poland.txt")
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01")
    output = tmp_path / "graph.ttl"
    result = run("extract", str(good), str(bad), "--skip-errors", "--output", str(output))
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1, result.stderr
    assert "binary.txt" in skipped[0]
    assert SUMMARY.search(result.stderr), result.stderr
    assert identifiers(parse(output.read_bytes())) == {"poland"}


def test_skip_errors_with_nothing_readable_fails(tmp_path: Path) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01")
    output = tmp_path / "graph.ttl"
    result = run("extract", str(bad), "--skip-errors", "--output", str(output))
    assert result.exit_code == 1
    assert "binary.txt" in result.stderr
    assert not output.exists()


def test_missing_model_is_one_clear_line(tmp_path: Path) -> None:
    """An unknown --model names the model and how to install one; no traceback."""
    source = write(tmp_path / "poland.txt")
    output = tmp_path / "graph.ttl"
    output.write_bytes(SENTINEL)
    result = run("extract", str(source), "--model", "does_not_exist", "--output", str(output))
    assert result.exit_code == 1, result.output
    assert "does_not_exist" in result.stderr
    assert "install" in result.stderr.lower()
    assert "Traceback" not in result.output
    assert output.read_bytes() == SENTINEL


# ---------------------------------------------------------------- stdin, determinism, options


@pytest.mark.model
def test_standard_input(tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    result = run("extract", "-", "--output", str(output), input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert SUMMARY.search(result.stderr), result.stderr
    graph = parse(output.read_bytes())
    assert identifiers(graph) == {"stdin"}
    assert any(graph.subjects(RDF.type, KG.Expulsion))


@pytest.mark.model
def test_standard_input_with_id(tmp_path: Path) -> None:
    result = run("extract", "-", "--id", "poland-1", "--output", "-", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert identifiers(parse(result.stdout)) == {"poland-1"}


@pytest.mark.model
def test_identical_input_gives_identical_bytes(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    outputs = []
    for name in ("first.ttl", "second.ttl"):
        output = tmp_path / name
        result = run("extract", str(source), "--output", str(output))
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
    # And in a fresh process with another hash seed.
    third = tmp_path / "third.ttl"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "kg", "extract", str(source), "--output", str(third),
                    "--quiet"], check=True, env=env, timeout=120)
    outputs.append(third.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.model
def test_date_option_sets_the_article_date(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    result = run("extract", str(source), "--date", "2021-03-04", "--output", "-")
    assert result.exit_code == 0, result.output
    graph = parse(result.stdout)
    (article,) = graph.subjects(RDF.type, KG.Article)
    assert graph.value(article, DCTERMS.date) == Literal("2021-03-04", datatype=XSD.date)
    # "on Friday" is read against that date: Friday 2021-02-26, the Friday before.
    dates = {str(d) for d in graph.objects(None, KG.date)}
    assert dates <= {"2021-02-26", "2021-03-04"}, dates


@pytest.mark.model
def test_id_option_names_a_single_article(tmp_path: Path) -> None:
    source = write(tmp_path / "poland.txt")
    result = run("extract", str(source), "--id", "my-article", "--output", "-")
    assert result.exit_code == 0, result.output
    assert identifiers(parse(result.stdout)) == {"my-article"}


@pytest.mark.model
def test_progress_lines_go_to_a_log_that_is_not_a_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        (folder / f"a{i:02d}.txt").write_text(f"Story {i}\n\nPoland expels a diplomat.\n",
                                              encoding="utf-8")
    out = tmp_path / "many.ttl"
    monkeypatch.setattr("kg.cli.PROGRESS_EVERY", 0.0)
    result = CliRunner().invoke(main, ["extract", str(folder), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "extracting: 25 articles done" in result.stderr
    assert "25 articles, " in result.stderr
    quiet = CliRunner().invoke(main, ["extract", str(folder), "--output", str(out), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    monkeypatch.setattr("kg.cli.PROGRESS_EVERY", 3600.0)
    few = CliRunner().invoke(main, ["extract", str(folder), "--output", str(out)])
    assert "extracting:" not in few.stderr


@pytest.mark.model
def test_a_failing_extractor_names_the_article_without_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    def broken(doc: object, article: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(kg.extract, "extract", broken)
    source = tmp_path / "story.txt"
    source.write_text("Headline\n\nPoland expels a diplomat.\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(main, ["extract", str(source), "--output", str(out)])
    assert result.exit_code == 1
    assert "'story'" in result.stderr and "RuntimeError: boom" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not out.exists()
