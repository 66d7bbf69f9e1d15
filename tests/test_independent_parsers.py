"""Every graph ``kg extract`` writes parses in independent parsers, strictly.

Raptor's ``rapper`` and Serd's ``serdi`` (``tests/independent_parsers.py``)
read each Turtle, N-Triples, TriG and N-Quads file without an error or a
warning and read the same quads as pyoxigraph; rdflib and pyoxigraph read
every format (JSON-LD too, which neither Raptor nor Serd reads); every IRI
passes pyoxigraph's check. The inputs:

* generated articles (``tests/fuzz_articles.py``) with hostile text, ids,
  titles and URLs, as JSONL through ``kg extract`` in every format
  (``NEWSKG_FUZZ_EXAMPLES`` sets the budget, as in ``test_robustness.py``,
  whose in-process properties run the same checks on every example);
* a sample of real articles from every sub-corpus of ``../shared/corpus``.

The whole corpus is checked by hand (README, "Robustness").
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from tests.fuzz_articles import (
    PARSERS,
    article_text,
    jsonl_line,
    metadata_text,
    parse_back,
)
from tests.independent_parsers import check_independently, independent_quads
from tests.shared import shared_path

EXAMPLES = int(os.environ.get("NEWSKG_FUZZ_EXAMPLES", "25"))
#: Each example runs kg extract five times: a fifth of the examples of the other properties.
CLI_FUZZ = settings(max_examples=max(5, EXAMPLES // 5), deadline=None,
                    derandomize=EXAMPLES <= 25,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld", "trig": ".trig",
              "nquads": ".nq"}
#: Records taken from each file of the shared corpus, spread over the file.
SAMPLE = {"wikinews.jsonl": 12, "voa.jsonl": 5, "usgov.jsonl": 5, "current-events.jsonl": 14}


def extract_everywhere(source: Path, folder: Path) -> dict[str, Path]:
    """``kg extract SOURCE`` once per format; the files written, by format."""
    outputs = {}
    for fmt, suffix in EXTENSIONS.items():
        output = folder / f"graph{suffix}"
        result = CliRunner().invoke(main, ["extract", str(source), "--output", str(output),
                                           "--quiet"])
        assert result.exit_code == 0, (fmt, result.output, result.exception)
        outputs[fmt] = output
    return outputs


def check_all_parsers(outputs: dict[str, Path]) -> int:
    """Every file in every parser; all formats hold the same triples. The quad count."""
    quads = {fmt: set(pyoxigraph.parse(path=str(path), format=PARSERS[fmt][1]))
             for fmt, path in outputs.items()}
    for fmt, path in outputs.items():
        from_rdflib, from_oxigraph = parse_back(path.read_bytes(), fmt)  # checks every IRI
        assert from_rdflib == from_oxigraph == len(quads[fmt]), (fmt, from_rdflib,
                                                                 from_oxigraph)
        counts = check_independently(path, fmt)
        assert set(counts.values()) <= {len(quads[fmt])}, (fmt, counts)
    assert quads["nquads"] == quads["trig"]
    union = {quad.triple for quad in quads["nquads"]}
    for fmt in ("turtle", "nt", "json-ld"):
        assert {quad.triple for quad in quads[fmt]} == union, fmt
    return len(quads["nquads"])


# ---------------------------------------------------------------- the strict check itself


def test_the_strict_check_fails_on_errors_and_on_disagreement(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_bytes(b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <http://a b> .\n")
    turtle = tmp_path / "turtle.nt"  # Turtle in a file read as N-Triples
    turtle.write_bytes(b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n")
    for name in ("rapper", "serdi"):
        for path in (bad, turtle):
            with pytest.raises(AssertionError, match=f"{name} rejected .* exit [1-9]"):
                independent_quads(name, path, "nt")
    assert check_independently(turtle.read_bytes(), "turtle") == {"rapper": 1, "serdi": 1}
    assert check_independently(b'{"@id": "urn:a"}', "json-ld") == {}
    import tests.independent_parsers as parsers

    monkeypatch.setattr(parsers, "independent_quads", lambda *args: set())
    with pytest.raises(AssertionError, match="read .* differently: 0 vs 1 quads"):
        check_independently(turtle.read_bytes(), "turtle")


def test_a_missing_tool_fails_with_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="apt-get install .*raptor2-utils serdi"):
        check_independently(b"<urn:a> <urn:b> <urn:c> .\n", "nt")


def test_text_raptor_would_cut_is_written_so_that_every_parser_reads_it_whole() -> None:
    """Raptor (2.0.15, Debian 12) silently cuts a literal at NUL, U+FFFE or U+FFFF (found
    by fuzzing): newskg writes U+FFFD in their place, one for one, as for lone surrogates."""
    from rdflib import Graph, URIRef

    from kg.rdf.terms import text_literal
    from kg.rdf.write import serialize

    text = "Poland\x00 expelled \ufffe two\uffff diplomats \U0010fffe\ufdd0."
    graph = Graph()
    graph.add((URIRef("urn:a"), URIRef("urn:b"), text_literal(text)))
    for fmt in ("turtle", "nt", "trig", "nquads"):
        assert check_independently(serialize(graph, fmt), fmt) == {"rapper": 1, "serdi": 1}
    assert str(text_literal(text)) == text.translate(dict.fromkeys(
        map(ord, "\x00\ufffe\uffff\U0010fffe\ufdd0"), "\ufffd"))


# ---------------------------------------------------------------- generated articles


def _records() -> st.SearchStrategy[list[dict[str, str | None]]]:
    """Valid records (a blank id is refused by the reader, one clean error line: the
    CLI properties of ``test_robustness.py`` cover invalid records)."""
    record = st.fixed_dictionaries(
        {"id": metadata_text().filter(str.strip), "text": article_text(long_tokens=False)},
        optional={"title": st.none() | metadata_text(), "url": st.none() | metadata_text(),
                  "date": st.none() | st.dates().map(str)})
    return st.lists(record, min_size=1, max_size=3, unique_by=lambda r: r["id"])


@pytest.mark.model
@CLI_FUZZ
@given(records=_records())
def test_kg_extract_of_generated_articles_parses_everywhere(
        tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, str | None]]) -> None:
    folder = tmp_path_factory.mktemp("fuzz-parsers")
    source = folder / "articles.jsonl"
    source.write_text("\n".join(map(jsonl_line, records)) + "\n", encoding="utf-8")
    assert check_all_parsers(extract_everywhere(source, folder)) > 0


# ---------------------------------------------------------------- real news


def corpus_sample(folder: Path) -> int:
    """Write :data:`SAMPLE` records of every sub-corpus to ``folder``; how many in all."""
    written = 0
    for name, count in SAMPLE.items():
        lines = shared_path("corpus", name).read_text(encoding="utf-8").splitlines()
        step = max(1, len(lines) // count)
        chosen = lines[::step][:count]
        (folder / name).write_text("\n".join(chosen) + "\n", encoding="utf-8")
        written += len(chosen)
    return written


@pytest.mark.model
@pytest.mark.slow
def test_kg_extract_of_real_news_parses_everywhere(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    assert corpus_sample(news) == sum(SAMPLE.values())
    outputs = extract_everywhere(news, tmp_path)
    quads = check_all_parsers(outputs)
    articles = {q.graph_name for q in pyoxigraph.parse(path=str(outputs["nquads"]),
                                                       format=pyoxigraph.RdfFormat.N_QUADS)
                if isinstance(q.graph_name, pyoxigraph.NamedNode)}
    assert len(articles) == sum(SAMPLE.values())  # one graph per article, none skipped
    assert quads > 20 * len(articles), quads
