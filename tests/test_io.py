"""Tests of kg.io: reading articles from files, folders and standard input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.io import parse_dateline, read_articles, text_metadata
from kg.records import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

STORY = (
    "Mar 14, 2021 - Europe\n"
    "\n"
    "Harbour council suspends twin-town pact\n"
    "\n"
    "The harbour council of Vellmar voted on Sunday to suspend its pact with Ostrand.\n"
    "A spokesperson said the decision was \"regrettable but necessary\".\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(*inputs: str | Path, **options: object) -> list[Article]:
    return list(read_articles(list(inputs), **options))  # type: ignore[arg-type]


def error_of(*inputs: str | Path, **options: object) -> InputError:
    with pytest.raises(InputError) as info:
        read(*inputs, **options)
    return info.value


# --- plain text and Markdown -------------------------------------------------------------


def test_txt_keeps_whole_text_and_reads_dateline_and_title(tmp_path: Path) -> None:
    path = write(tmp_path / "vellmar.txt", STORY)
    [article] = read(path)
    assert article.id == "vellmar"
    assert article.text == STORY
    assert article.date == "2021-03-14"
    assert article.title == "Harbour council suspends twin-town pact"
    assert article.source == str(path)
    start = STORY.index("Ostrand")
    assert article.text[start:start + 7] == "Ostrand"


def test_crlf_normalised_and_bom_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode())
    [article] = read(path)
    assert article.text == STORY


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Apr 9, 2022 - World", "2022-04-09"),
        ("April 9, 2022", "2022-04-09"),
        ("2022-04-09", "2022-04-09"),
        ("9 April 2022 —  Politics", "2022-04-09"),
        ("Tuesday, 3 May 2016 | Asia", "2016-05-03"),
        ("tomorrow", None),
        ("April 2022", None),
        ("The envoy arrived on April 9, 2022 to begin the long negotiations - World", None),
        ("Harbour council suspends twin-town pact", None),
    ],
)
def test_parse_dateline(line: str, expected: str | None) -> None:
    assert parse_dateline(line) == expected


def test_title_without_dateline_and_sentence_is_not_a_title() -> None:
    assert text_metadata("Envoys leave Ostrand\n\nThey left.") == ("Envoys leave Ostrand", None)
    assert text_metadata("The envoys left Ostrand.\n\nThey went home.") == (None, None)
    assert text_metadata("Only one line here") == (None, None)
    assert text_metadata("x" * 201 + "\n\nbody") == (None, None)


def test_markdown_heading_title(tmp_path: Path) -> None:
    content = "# Ostrand recalls its envoy.\n\nThe envoy was recalled on Monday.\n"
    [article] = read(write(tmp_path / "recall.md", content))
    assert article.title == "Ostrand recalls its envoy."
    assert article.text == content
    assert article.date is None


def test_empty_text_file(tmp_path: Path) -> None:
    error = error_of(write(tmp_path / "blank.txt", " \n\t\n"))
    assert "blank.txt" in str(error) and "empty" in str(error)


# --- JSON and JSONL ----------------------------------------------------------------------


def test_json_object_defaults_id_to_stem(tmp_path: Path) -> None:
    record = {"title": "T", "date": "2020-01-02T10:00:00+02:00", "url": None, "text": "Body.",
              "license": "ignored"}
    [article] = read(write(tmp_path / "one.json", json.dumps(record)))
    assert article == Article(id="one", text="Body.", title="T", date="2020-01-02",
                              source=str(tmp_path / "one.json"))


def test_json_list(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "First."}, {"text": "Second."}]
    articles = read(write(tmp_path / "many.json", json.dumps(records)))
    assert [(a.id, a.text) for a in articles] == [("a", "First."), ("many-2", "Second.")]


def test_jsonl_records_and_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "x1", "text": "One.", "date": "2019-12-31", "extra": 1}), "",
             "  ", json.dumps({"id": "x2", "text": "Two.", "title": None})]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles = read(path)
    assert [(a.id, a.date, a.text) for a in articles] == [("x1", "2019-12-31", "One."),
                                                          ("x2", None, "Two.")]
    assert articles[1].source == f"{path}:4"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"id": "a", "text": "x" "y"}',
         "invalid JSON (Expecting ',' delimiter: column 25)"),
        ('["a list"]', "expected a JSON object, got a list"),
        ('{"text": "No id."}', 'missing "id"'),
        ('{"id": "b"}', 'missing "text"'),
        ('{"id": "b", "text": "   "}', '"text" is empty'),
        ('{"id": "b", "text": 5}', '"text" must be a string, got a number'),
        ('{"id": 7, "text": "t"}', '"id" must be a non-empty string, got a number'),
        ('{"id": "  ", "text": "t"}', '"id" is blank'),
        ('{"id": "b", "text": "t", "date": "9th of May"}', '"date" must be an ISO date'),
        ('{"id": "b", "text": "t", "title": ["x"]}', '"title" must be a string or null'),
        ('{"id": "b", "text": "t", "url": true}', '"url" must be a string or null, got a boolean'),
    ],
)
def test_jsonl_record_errors_name_file_and_line(tmp_path: Path, line: str, fragment: str) -> None:
    path = write(tmp_path / "bad.jsonl", '{"id": "ok", "text": "Fine."}\n' + line + "\n")
    error = error_of(path)
    assert error.source == str(path) and error.line == 2
    assert str(error).startswith(f"{path}:2: ")
    assert fragment in str(error)
    assert "line 2" not in str(error)  # said once, as file:line


def test_invalid_json_file(tmp_path: Path) -> None:
    error = error_of(write(tmp_path / "broken.json", '{\n  "text": "a",\n  "id" 3\n}'))
    assert error.line == 3 and "broken.json:3" in str(error) and "invalid JSON" in str(error)
    assert "empty" in str(error_of(write(tmp_path / "void.json", "\n")))
    assert "item 2" in str(error_of(write(tmp_path / "l.json", '[{"text": "a"}, 3]')))
    assert "empty" in str(error_of(write(tmp_path / "void.jsonl", "\n\n")))


# --- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Ostrand  recalls envoy</title>
<meta property="article:published_time" content="2021-06-01T07:30:00Z">
<link rel="canonical" href="https://example.org/recall">
<style>p { color: red }</style><script>var tracking = 1;</script></head>
<body><nav>Home | World</nav><article><h1>Ostrand recalls envoy</h1>
<p>The envoy   was <em>recalled</em> on Monday.</p><p>Talks are off.</p>
<footer>Copyright</footer></article><footer>Site footer</footer></body></html>"""


def test_html_page(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "recall.html", PAGE))
    assert article.title == "Ostrand recalls envoy"
    assert article.date == "2021-06-01"
    assert article.url == "https://example.org/recall"
    assert article.text == ("Ostrand recalls envoy\n\nThe envoy was recalled on Monday."
                            "\n\nTalks are off.")


def test_html_body_h1_and_time(tmp_path: Path) -> None:
    page = ("<html><body><h1>Border closes</h1><time datetime='2020-02-03'>3 Feb</time>"
            "<div>Guards closed it.</div></body></html>")
    [article] = read(write(tmp_path / "b.htm", page))
    assert (article.title, article.date) == ("Border closes", "2020-02-03")
    assert article.text == "Border closes\n\n3 Feb\n\nGuards closed it."
    assert "no text" in str(error_of(write(tmp_path / "e.html", "<html><body> </body></html>")))


# --- folders, standard input -------------------------------------------------------------


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "b.txt", "Second story.\n")
    write(folder / "a" / "z.md", "Nested story.\n")
    write(folder / "a" / "c.json", '{"text": "Json story."}')
    write(folder / ".hidden.txt", "hidden")
    write(folder / ".git" / "x.txt", "hidden")
    write(folder / "notes.csv", "not an article")
    articles = read(folder)
    assert [a.id for a in articles] == ["a/c", "a/z", "b"]
    assert articles[0].source == str(folder / "a" / "c.json")


def test_empty_folder(tmp_path: Path) -> None:
    write(tmp_path / "d" / "x.csv", "a,b")
    error = error_of(tmp_path / "d")
    assert str(tmp_path / "d") in str(error) and ".txt" in str(error)


def test_stdin_text_and_jsonl() -> None:
    [article] = read("-", stdin=io.StringIO(STORY))
    assert (article.id, article.text, article.date) == ("stdin", STORY, "2021-03-14")
    lines = '{"id": "s1", "text": "A."}\n\n{"id": "s2", "text": "B."}\n'
    assert [a.id for a in read("-", stdin=io.StringIO(lines))] == ["s1", "s2"]
    mixed = '{"id": "s1", "text": "A."}\nnot json\n'
    assert read("-", stdin=io.StringIO(mixed))[0].text == mixed
    error = error_of("-", stdin=io.StringIO("a\x00b"))
    assert "<stdin>" in str(error) and "binary" in str(error)


# --- errors ------------------------------------------------------------------------------


def test_missing_unsupported_binary(tmp_path: Path) -> None:
    error = error_of(tmp_path / "nope.txt")
    assert "nope.txt" in str(error) and "no such file" in str(error)
    error = error_of(write(tmp_path / "table.csv", "a,b"))
    assert "table.csv" in str(error) and ".jsonl" in str(error) and "unsupported" in str(error)
    error = error_of(write(tmp_path / "nul.txt", b"abc\x00def"))
    assert "nul.txt" in str(error) and "binary" in str(error)
    error = error_of(write(tmp_path / "latin.txt", "caf\xe9".encode("latin-1")))
    assert "latin.txt" in str(error) and "UTF-8" in str(error)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", "text")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = error_of(path)
    assert "locked.txt" in str(error) and "permission denied" in str(error)


def test_skip_errors_collects_and_continues(tmp_path: Path) -> None:
    write(tmp_path / "in" / "good.txt", "Good story.\n")
    write(tmp_path / "in" / "bad.txt", b"\x00")
    lines = '{"id": "j1", "text": "A."}\n{oops\n{"id": "j2", "text": "B."}\n'
    write(tmp_path / "in" / "mix.jsonl", lines)
    errors: list[InputError] = []
    articles = read(tmp_path / "in", tmp_path / "missing.txt", skip_errors=True,
                    on_error=errors.append)
    assert [a.id for a in articles] == ["good", "j1", "j2"]
    assert [(Path(e.source or "").name, e.line) for e in errors] == [
        ("bad.txt", None), ("mix.jsonl", 2), ("missing.txt", None)]


def test_skip_errors_logs_without_callback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert read(tmp_path / "missing.txt", skip_errors=True) == []
    assert "missing.txt" in caplog.text


def test_error_raised_before_iteration_ends(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Fine.\n")
    iterator = read_articles([good, tmp_path / "missing.txt"])
    assert next(iterator).id == "good"
    with pytest.raises(InputError):
        next(iterator)


# --- overrides and ids -------------------------------------------------------------------


def test_date_override(tmp_path: Path) -> None:
    path = write(tmp_path / "s.txt", STORY)
    assert read(path, date="2001-02-03")[0].date == "2001-02-03"
    with pytest.raises(InputError, match="--date"):
        read_articles([path], date="03/02/2001")


def test_id_override(tmp_path: Path) -> None:
    path = write(tmp_path / "s.txt", STORY)
    assert read(path, id="custom")[0].id == "custom"
    other = write(tmp_path / "t.txt", "Other.\n")
    with pytest.raises(InputError, match="--id needs exactly one article"):
        read(path, other, id="custom")


def test_duplicate_ids(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "same.txt", "One.\n")
    second = write(tmp_path / "two" / "same.md", "Two.\n")
    error = error_of(first, second)
    assert str(first) in str(error) and str(second) in str(error)
    errors: list[InputError] = []
    articles = read(first, second, skip_errors=True, on_error=errors.append)
    assert [a.text for a in articles] == ["One.\n"] and len(errors) == 1
    lines = '{"id": "d", "text": "A."}\n{"id": "d", "text": "B."}\n'
    error = error_of(write(tmp_path / "dup.jsonl", lines))
    assert error.line == 2 and "dup.jsonl:1" in str(error)


# --- robustness and the shared corpus ----------------------------------------------------


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_arbitrary_bytes_read_or_input_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "fuzz.txt", data)
    try:
        articles = read(path)
    except InputError:
        return
    [article] = articles
    assert article.text == data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def test_import_is_light() -> None:
    code = ("import sys, kg.io; "
            "print([m for m in sys.modules if m.split('.')[0] in ('lxml', 'dateparser')])")
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=root, env=env, check=True)
    assert done.stdout.strip() == "[]"


def test_shared_dev_articles_and_seed() -> None:
    folder = SHARED / "eval" / "dev" / "articles"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.glob("*.json"))
    articles = read(*files)
    assert len(articles) == len(files) > 0
    assert all(a.text.strip() and a.id for a in articles)
    assert len({a.id for a in articles}) == len(articles)
    seed = SHARED / "seed" / "russia-expels-rights-groups.txt"
    [article] = read(seed)
    assert article.date == "2022-04-09"
    assert article.title == "Russia expels international human rights groups"
    assert article.text == seed.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_jsonl_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    good = json.dumps({"id": "a", "text": "Poland expelled a diplomat."}).encode()
    later = json.dumps({"id": "c", "text": "Estonia expelled two."}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n\xff\xfe not text\n" + later + b"\n")
    articles = read_articles([path])
    assert next(articles).id == "a"  # read before the bad line is reached
    with pytest.raises(InputError, match=r"archive.jsonl:2: not valid UTF-8 .*column 1"):
        next(articles)
    skipped: list[InputError] = []
    found = list(read_articles([path], skip_errors=True, on_error=skipped.append))
    assert [a.id for a in found] == ["a", "c"] and [e.line for e in skipped] == [2]
