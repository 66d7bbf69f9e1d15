"""Robustness: fuzzing the builder and ``kg extract``, atomic output, determinism.

* Property-based tests (hypothesis) run the real pipeline in-process on
  generated articles (``tests/fuzz_articles.py``): no exception escapes,
  every format parses back in rdflib and pyoxigraph (and, but JSON-LD, in
  Raptor's rapper and Serd's serdi, strictly), every IRI passes
  pyoxigraph's check, evidence and quote offsets slice the article's text
  to the literal written.
* ``kg extract`` on random bytes, invalid UTF-8, NUL, empty files, malformed
  JSONL and huge single lines: exit 0 with a valid graph, or exit 1 with one
  line and no traceback, and no output file.
* An article longer than spaCy's ``max_length`` is split, not refused.
* A run killed with SIGKILL leaves the earlier output intact.
* Two processes with different ``PYTHONHASHSEED`` write identical bytes.

The number of generated examples per property comes from
``NEWSKG_FUZZ_EXAMPLES`` (default 25, for CI). A long run:

    NEWSKG_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_robustness.py
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from kg.cli import main
from kg.records import Article
from tests.fuzz_articles import (
    ANY_CHAR,
    COUNTRIES,
    article_text,
    check_offsets,
    check_outputs,
    jsonl_line,
    metadata_text,
    news_sentence,
    parse_back,
    quotation,
)
from tests.independent_parsers import check_independently

#: Examples per property: small in CI, thousands for a long fuzz run.
EXAMPLES = int(os.environ.get("NEWSKG_FUZZ_EXAMPLES", "25"))

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])
#: Properties that start a CLI run per example get fewer of them.
CLI_FUZZ = settings(FUZZ, max_examples=max(10, EXAMPLES // 2))

ROOT = Path(__file__).resolve().parent.parent
SENTINEL = b"an earlier graph that must survive\n"
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld", "trig": ".trig",
              "nquads": ".nq"}


@pytest.fixture(scope="module")
def nlp() -> object:
    """Load the spaCy pipeline once for the module (``load_pipeline`` caches it)."""
    from kg.nlp import load_pipeline

    return load_pipeline()


def build_and_check(articles: list[Article]) -> int:
    """Run the real builder on ``articles`` and check everything it writes."""
    from kg.pipeline import build

    result = build(articles)
    assert len(result.extractions) == len(articles)
    check_outputs(result.dataset)
    return check_offsets(result.dataset, result.extractions)


# ---------------------------------------------------------------- in-process properties


@pytest.mark.model
@FUZZ
@given(text=article_text())
def test_any_article_text_gives_a_valid_graph(nlp: object, text: str) -> None:
    build_and_check([Article(id="fuzz", text=text, date="2022-04-09")])


@pytest.mark.model
@FUZZ
@given(texts=st.lists(article_text(long_tokens=False), min_size=1, max_size=3),
       ids=st.lists(metadata_text(), min_size=3, max_size=3, unique=True),
       titles=st.lists(st.none() | metadata_text(), min_size=3, max_size=3),
       urls=st.lists(st.none() | metadata_text(), min_size=3, max_size=3),
       dates=st.lists(st.none() | st.dates().map(str), min_size=3, max_size=3))
def test_any_metadata_gives_valid_iris(nlp: object, texts: list[str], ids: list[str],
                                       titles: list[str | None], urls: list[str | None],
                                       dates: list[str | None]) -> None:
    """Ids, titles and URLs of any Unicode make valid IRIs and literals; several articles."""
    articles = [Article(id=ids[i], text=text, title=titles[i], url=urls[i], date=dates[i])
                for i, text in enumerate(texts)]
    build_and_check(articles)


@pytest.mark.model
@FUZZ
@given(sentences=st.lists(news_sentence(), min_size=1, max_size=8),
       quotes=st.lists(quotation(), min_size=1, max_size=4),
       surrogates=st.lists(st.characters(categories=("Cs",)), min_size=1, max_size=3))
def test_lone_surrogates_from_json_escapes_are_tolerated(
        nlp: object, sentences: list[str], quotes: list[str], surrogates: list[str]) -> None:
    """``{"text": "\\ud800 ..."}`` is valid JSON; its lone surrogates reach the pipeline."""
    text = " ".join(sentences[:1] + surrogates + sentences[1:] + quotes)
    build_and_check([Article(id="surrogates" + surrogates[0], text=text)])


@pytest.mark.model
def test_hand_picked_hostile_articles(nlp: object) -> None:
    """The inputs most likely to break a text pipeline, each at least once."""
    texts = [
        ("\u201cWe will \u2018never\u2019 leave,\u201d Anna Kowalska said. \u00ab Nested "
         "\u201cquotes \u2018three \u00ab deep \u00bb\u2019\u201d \u00bb, Poland said."),
        ("\u201cUnclosed quotation runs on. Poland expelled two diplomats.\n\n"
         "\u201cAnother one, said Li Wei."),
        ("Closing only\u201d said Russia.\u201d\u201d\u201d \u00bb\u00bb \u2019 Estonia expelled "
         "the ambassador."),
        "x" * 10_000 + " Poland expelled two Russian diplomats.",
        ("\u202eRussia expelled \u05e9\u05dc\u05d5\u05dd diplomats\u202c \u0645\u0631\u062d\u0628"
         "\u0627 \U0001f1f7\U0001f1fa\U0001f600 said \u201c\u0645\u0631\u062d\u0628\u0627\u201d."),
        "P\u0301o\u0308land\u0336 expelled th\u20dde diplomats\u0489.\x01\x02\x1b[31m\x7f\x9f",
        "\n" * 500 + "- \n* \n\u2022 \n" + "\n\n\n".join("- Poland expelled a diplomat."
                                                      for _ in range(30)),
        "\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85 France said \u201cno\u201d.\r\rGermany voted.",
        '"' * 2001 + " Poland " + "\u201c" * 999 + "expelled" + "\u00bb" * 1001,
        "\ufeffRussia\u200b expelled\u00ad two\u2060 diplomats\ufffe\uffff\U0010ffff.",
    ]
    articles = [Article(id=f"hostile-{i}", text=text) for i, text in enumerate(texts)]
    assert build_and_check(articles) > 0


# ---------------------------------------------------------------- the command line


def _run_extract(paths: list[Path], output: Path, *extra: str) -> None:
    """``kg extract PATHS -o OUTPUT``: a graph or one clean line, never a partial file."""
    result = CliRunner().invoke(main, ["extract", *map(str, paths), "--output", str(output),
                                       "--quiet", *extra])
    everything = result.output + (result.stderr or "")
    assert "Traceback" not in everything, everything
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"kg extract raised {result.exception!r}") from result.exception
    if currently_in_test_context():
        event(f"exit {result.exit_code}")  # the outcomes, in --hypothesis-show-statistics
    if result.exit_code == 0:
        data = output.read_bytes()
        parse_back(data, "turtle")
        check_independently(data, "turtle")  # rapper and serdi too
        return
    assert result.exit_code == 1, (result.exit_code, everything)
    # One error line (after the "skipped: ..." lines of --skip-errors).
    *skipped, message = result.stderr.strip().splitlines()
    assert message.startswith("Error: "), result.stderr
    assert all(line.startswith("skipped: ") for line in skipped), result.stderr
    assert not output.exists()
    assert not [p for p in output.parent.iterdir() if p.name.startswith(f".{output.name}")]


def _bytes_files() -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=2_000),
        st.binary(max_size=200).map(lambda b: b"Poland expelled a diplomat. " + b),
        st.text(ANY_CHAR, max_size=500).map(lambda t: t.encode("utf-8")),
        st.just(b""), st.just(b"\n\n \t\n"), st.just(b"\xef\xbb\xbf"),
        st.just(b"\xff\xfeP\x00o\x00"),  # UTF-16
        st.just(b"Russia \xc3\x28 expelled"),  # truncated sequence
        st.just(b"\xed\xa0\x80 surrogate in UTF-8"),
        st.just(b"\x00" * 10),
    )


@pytest.mark.model
@CLI_FUZZ
@given(data=_bytes_files(), suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_extract_any_file_is_a_graph_or_one_clean_line(
        tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / f"input{suffix}"
    source.write_bytes(data)
    out = folder / "out"
    out.mkdir()
    _run_extract([source], out / "graph.ttl")


def _jsonl_lines() -> st.SearchStrategy[str]:
    record = st.fixed_dictionaries(
        {"id": metadata_text(), "text": st.one_of(article_text(long_tokens=False),
                                                  st.just(""), st.just("   "))},
        optional={"title": st.none() | metadata_text() | st.integers(),
                  "date": st.none() | st.sampled_from(("2022-04-09", "9 April 2022", "x",
                                                       "2022-02-30", "")),
                  "url": st.none() | metadata_text()})
    return st.one_of(
        record.map(jsonl_line),
        st.text(ANY_CHAR, max_size=80),  # not JSON
        st.sampled_from(('{"id": "a"', "[1, 2]", "null", '"text"', "{}", '{"text": 3}',
                         '{"id": 1, "text": "x"}', "[" * 5000 + "]" * 5000, "{" * 100_000,
                         '{"id": "e", "text": "\\ud800\\udc00\\udfff\\u0000 Poland"}',
                         '{"id": "dup", "text": "a"}')),
    )


@pytest.mark.model
@CLI_FUZZ
@given(lines=st.lists(_jsonl_lines(), min_size=0, max_size=6),
       skip=st.booleans())
def test_extract_malformed_jsonl(tmp_path_factory: pytest.TempPathFactory, lines: list[str],
                                 skip: bool) -> None:
    folder = tmp_path_factory.mktemp("jsonl")
    source = folder / "records.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    out = folder / "out"
    out.mkdir()
    _run_extract([source], out / "graph.ttl", *(["--skip-errors"] if skip else []))


@pytest.mark.model
def test_extract_a_huge_single_line_file(tmp_path: Path) -> None:
    """120,000 characters on one line: sentences but no line break (split at a space)."""
    filler = "Officials discussed trade and weather at length. "
    event = "Poland expelled two Russian diplomats on Friday, the ministry said. "
    line = (event + filler * 60) * (120_000 // (len(event) + 60 * len(filler)) + 1)
    source = tmp_path / "one-line.txt"
    source.write_text(line, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    _run_extract([source], out / "graph.ttl")
    assert (out / "graph.ttl").exists()


# ---------------------------------------------------------------- longer than max_length


def long_article(size: int = 1_200_000, *, seed: int = 1) -> str:
    """Generated paragraphs of news and filler, ``size`` characters or a little more.

    Events are sparse (one paragraph in 60): extraction costs grow with
    events times the length of the text.
    """
    import random

    rng = random.Random(seed)
    people = ["Anna Kowalska", "Kenji Sato", "Olena Shevchenko", "Li Wei"]
    fillers = ["Officials discussed trade and weather at length.",
               "The talks — long, “frank” and inconclusive — went on.",
               "مرحبا 😀 café näive résumé.",
               "- a bullet point without an actor", "Prices rose by 3% in March."]
    paragraphs: list[str] = []
    length = 0
    while length < size:
        if len(paragraphs) % 60 == 0:
            country, other = rng.sample(COUNTRIES, 2)
            paragraph = (f"{country} expelled two diplomats from {other} on Friday. "
                         f"“We will not tolerate spying,” {rng.choice(people)} said.")
        else:
            paragraph = " ".join(rng.choice(fillers) for _ in range(rng.randint(3, 30)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    # One stretch of 60,000 characters without a paragraph break or a space.
    paragraphs.insert(len(paragraphs) // 2, "y" * 60_000)
    return "\n\n".join(paragraphs)


@pytest.mark.model
def test_sections_give_the_events_of_the_whole_text(
        nlp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long text is extracted section by section; events and offsets stay the same."""
    import kg.pipeline
    from kg.pipeline import build

    paragraph = ("Poland expelled two Russian diplomats on Friday. \u201cWe will not "
                 "tolerate it,\u201d Anna Kowalska said.\n\n"
                 + "Officials discussed trade at length. " * 30 + "\n\n")
    text = paragraph * 12
    whole = build([Article(id="a", text=text, date="2022-04-09")])
    monkeypatch.setattr(kg.pipeline, "CHUNK_CHARS", 3_000)
    monkeypatch.setattr(kg.pipeline, "SECTION_CHARS", 5_000)
    split = build([Article(id="a", text=text, date="2022-04-09")])
    assert split.extractions[0].events == whole.extractions[0].events
    assert split.extractions[0].mentions == whole.extractions[0].mentions
    assert check_offsets(split.dataset, split.extractions) == 24


@pytest.mark.model
@pytest.mark.slow
def test_an_article_longer_than_max_length_is_split(nlp: object) -> None:
    """About 1.2 million characters (spaCy refuses more than 1,000,000 at once)."""
    from kg.pipeline import build

    text = long_article()
    assert len(text) > nlp.max_length  # type: ignore[attr-defined]
    result = build([Article(id="long", text=text, date="2022-04-09")])
    (extraction,) = result.extractions
    assert extraction.article.text == text
    events = check_offsets(result.dataset, result.extractions)
    assert events > 20, events
    last = max(event.sent_end for event in extraction.events)
    assert last > 1_000_000, last  # events come from the end of the text too


# ---------------------------------------------------------------- atomic output


def _kg(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=ROOT,
                            env={**os.environ, **(env or {})}, **kwargs)  # type: ignore[call-overload]


@pytest.mark.model
@pytest.mark.slow
def test_a_killed_run_leaves_the_earlier_output_intact(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(60):
        country, other = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i + 5) % len(COUNTRIES)]
        body = (f"Story {i}\n\n" + f"{country} expelled two diplomats from {other} on Friday. "
                f"\u201cWe will not tolerate it,\u201d Anna Kowalska said.\n\n" * 40)
        (folder / f"story-{i:03d}.txt").write_text(body, encoding="utf-8")
    output = tmp_path / "out" / "graph.trig"
    output.parent.mkdir()
    output.write_bytes(SENTINEL)
    stderr = tmp_path / "stderr.txt"
    with stderr.open("wb") as err:
        process = _kg("-v", "extract", str(folder), "--output", str(output), stderr=err)
        try:
            records = output.parent / "graph.trig.kg-state" / "records.jsonl"
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline and process.poll() is None:
                if records.exists() and records.stat().st_size:
                    break  # the first articles are done: well before the end
                time.sleep(0.05)
            assert process.poll() is None, "the run ended before it could be killed"
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    log = stderr.read_bytes()
    assert b"loaded spaCy pipeline" in log and b"resolved" not in log, log
    assert output.read_bytes() == SENTINEL
    # At most a temporary file of the unfinished write and the checkpoint, never another name.
    others = [p.name for p in output.parent.iterdir() if p.name != "graph.trig"]
    assert all(name.startswith(".graph.trig.") or name == "graph.trig.kg-state"
               for name in others), others
    # Run again: the articles finished before the kill are not parsed again.
    process = _kg("extract", str(folder), "--output", str(output), stderr=subprocess.PIPE)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()
    reused = re.search(rb"60 articles \((\d+) from the checkpoint\)", err)
    assert reused is not None and 0 < int(reused.group(1)) < 60, err.decode()
    parse_back(output.read_bytes(), "trig")
    assert not (output.parent / "graph.trig.kg-state").exists()


# ---------------------------------------------------------------- determinism


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_two_processes_with_other_hash_seeds_write_identical_bytes(
        tmp_path_factory: pytest.TempPathFactory, fmt: str, determinism_input: Path) -> None:
    outputs = []
    for seed in ("1", "4242"):
        output = tmp_path_factory.mktemp(f"seed{seed}") / f"graph{EXTENSIONS[fmt]}"
        process = _kg("extract", str(determinism_input), "--output", str(output), "--quiet",
                      env={"PYTHONHASHSEED": seed}, stderr=subprocess.PIPE)
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]
    parse_back(outputs[0], fmt)


@pytest.fixture(scope="module")
def determinism_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of several formats, with quotations, votes, Unicode names and offsets."""
    folder = tmp_path_factory.mktemp("determinism")
    (folder / "poland.txt").write_text(
        "Apr 9, 2022 - World\n\nPoland expels diplomats\n\n"
        "Poland expelled two Russian diplomats on Friday, the Polish foreign ministry said.\n\n"
        "\u201cWe will not tolerate spying on our soil,\u201d said Anna Kowalska, a spokeswoman "
        "for the ministry. She added that \u00abmore could follow\u00bb.\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "vote.md").write_text(
        "# Assembly suspends Russia\n\nThe UN General Assembly voted to suspend Russia from the "
        "Human Rights Council by 93 votes to 24, with 58 abstentions. Agn\u00e8s Dubois of "
        "Amnesty International said: \u201cIt is only the latest step.\u201d\n", encoding="utf-8")
    records = [
        {"id": "c\u00f4te-d\u2019ivoire", "date": "2022-03-01", "title": "\u00c9tat",
         "text": "C\u00f4te d'Ivoire expelled the French ambassador. \u201cEnough,\u201d said "
                 "Nguy\u1ec5n V\u0103n An. \u202eRussia\u202c \U0001f600 said nothing."},
        {"id": "estonia", "text": "Estonia expelled three Russian diplomats on Monday, "
                                  "and Latvia expelled two."},
    ]
    (folder / "more.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                                 for r in records) + "\n", encoding="utf-8")
    return folder
