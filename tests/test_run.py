"""Corpus-scale runs: the record codec, the checkpoint, streamed line output,
worker processes and resumption (``kg.run``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef

from kg.cli import main
from kg.rdf.graph import actor_triples, article_triples
from kg.rdf.lines import LineWriter
from kg.records import Actor, Article, Event, Extraction, Mention, Resolution, Role
from kg.resolve import resolve
from kg.run.checkpoint import RECORDS_FILE, Checkpoint, content_hash
from kg.run.codec import decode, encode
from tests.shared import shared_path

SIGNATURE = {"newskg": "test", "model": "none", "model_version": "0"}


def _extraction(article_id: str = "a1", text: str | None = None) -> Extraction:
    text = text or ("Poland expelled three Russian diplomats, the ministry said. "
                    "\u201cEnough,\u201d said Anna Kowalska, spokeswoman of the ministry.")
    poland = Mention(0, 6, "Poland", "Poland", "Country")
    group = Mention(16, 39, "three Russian diplomats", "three Russian diplomats", "Group", 3)
    anna = Mention(80, 93, "Anna Kowalska", "Anna Kowalska", "Person")
    ministry = Mention(113, 121, "ministry", "the ministry", "Organization")
    return Extraction(
        article=Article(article_id, text, title="T\u00eftle", date="2022-04-08",
                        url="https://example.org/a", source="x.txt"),
        mentions=(poland, group, anna, ministry),
        events=(Event("expelled", text[:58], 0, 58, "expelled", agents=(poland,),
                      patients=(group,), date="2022-04-08", confidence=0.9),
                Event("said", text[59:], 59, len(text), "said", agents=(anna,),
                      quote="Enough,", quote_start=60, quote_end=67, modality="asserted")),
        roles=(Role(anna, "spokeswoman", ministry), Role(poland, "member")))


# ---------------------------------------------------------------- codec


def test_records_survive_the_codec_through_json() -> None:
    ex = _extraction()
    assert decode(json.loads(json.dumps(encode(ex)))) == ex


def test_the_codec_keeps_lone_surrogates_and_odd_text() -> None:
    ex = _extraction(text="\ud800 \u202eRussia\u202c \U0001f600 " + "x" * 200)
    assert decode(json.loads(json.dumps(encode(ex)))) == ex


# ---------------------------------------------------------------- checkpoint


def test_checkpoint_records_and_gives_back(tmp_path: Path) -> None:
    first, second = _extraction("a1"), _extraction("a2")
    with Checkpoint(tmp_path / "state", signature=SIGNATURE) as checkpoint:
        at_first, at_second = checkpoint.add([first, second])
        assert len(checkpoint) == 2
        assert checkpoint.get(at_second) == second and checkpoint.get(at_first) == first
    with Checkpoint(tmp_path / "state", signature=SIGNATURE) as reopened:
        assert len(reopened) == 2
        assert reopened.find(first.article) == at_first and reopened.get(at_first) == first
        assert reopened.find(second.article) == at_second


def test_an_edited_article_is_not_done(tmp_path: Path) -> None:
    ex = _extraction()
    with Checkpoint(tmp_path, signature=SIGNATURE) as checkpoint:
        checkpoint.add([ex])
    with Checkpoint(tmp_path, signature=SIGNATURE) as checkpoint:
        assert checkpoint.done(ex.article)
        edited = Article(ex.article.id, ex.article.text + " More.", ex.article.title)
        assert not checkpoint.done(edited)
        assert not checkpoint.done(Article("other", ex.article.text))
        assert content_hash(edited) != content_hash(ex.article)


def test_a_torn_last_record_is_cut_off(tmp_path: Path) -> None:
    with Checkpoint(tmp_path, signature=SIGNATURE) as checkpoint:
        checkpoint.add([_extraction("a1")])
    records = tmp_path / RECORDS_FILE
    whole = records.read_bytes()
    with records.open("ab") as stream:
        stream.write(b'{"id": "a2", "hash": "00", "extraction": {"art')  # killed mid-write
    with Checkpoint(tmp_path, signature=SIGNATURE) as checkpoint:
        assert len(checkpoint) == 1
        [offset] = checkpoint.add([_extraction("a3")])
        assert checkpoint.get(offset) == _extraction("a3")
    assert records.read_bytes().startswith(whole)
    assert len(records.read_bytes().splitlines()) == 2


def test_records_of_another_version_are_not_reused(tmp_path: Path) -> None:
    with Checkpoint(tmp_path, signature=SIGNATURE) as checkpoint:
        checkpoint.add([_extraction()])
    with Checkpoint(tmp_path, signature={**SIGNATURE, "newskg": "other"}) as checkpoint:
        assert len(checkpoint) == 0 and not checkpoint.done(_extraction().article)


def test_an_unusable_checkpoint_folder_is_a_clear_error(tmp_path: Path) -> None:
    from kg.errors import OutputError

    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="checkpoint folder .* --state"):
        Checkpoint(tmp_path / "file" / "state", signature=SIGNATURE)


# ---------------------------------------------------------------- line output


def _written(extractions: list[Extraction], fmt: str) -> bytes:
    from kg.resolve import ActorIndex

    index = ActorIndex()
    for ex in extractions:
        index.add(ex)
    table = index.finish()
    stream = io.BytesIO()
    writer = LineWriter(stream, fmt)
    writer.write(t for actor in table.actors for t in actor_triples(actor))
    for ex in extractions:
        resolution = table.resolution(ex)
        writer.write(t for actor in resolution.actors for t in actor_triples(actor))
        writer.write(article_triples(ex, resolution), article=ex.article.id)
    return stream.getvalue()


def test_nquads_keep_a_graph_per_article_and_match_the_dataset() -> None:
    from kg.rdf.graph import build_graph

    exs = [_extraction("a1"), _extraction("a2")]
    data = _written(exs, "nquads")
    streamed = Dataset()
    streamed.parse(data=data, format="nquads")
    built = build_graph(exs, resolve(exs))
    assert set(streamed.quads()) == set(built.quads())
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(store) == len(data.splitlines())


def test_ntriples_write_a_triple_two_articles_share_once() -> None:
    exs = [_extraction("a1"), _extraction("a2")]
    data = _written(exs, "nt")
    lines = data.splitlines()
    assert len(lines) == len(set(lines))
    graph = Graph().parse(data=data, format="nt")
    holds = URIRef("https://w3id.org/newskg/ontology#holdsRole")
    # "member" (both articles) once; "spokeswoman of the ministry" per article (described)
    assert len(list(graph.triples((None, holds, None)))) == 3
    assert len(set(graph.subjects(URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))) == 4
    assert len(lines) == len(graph)


def test_line_writer_refuses_other_formats() -> None:
    with pytest.raises(ValueError, match="nt or nquads"):
        LineWriter(io.BytesIO(), "turtle")


def test_resolution_of_one_article_is_enough_for_its_triples() -> None:
    from kg.resolve import ActorIndex

    exs = [_extraction("a1"), _extraction("a2")]
    index = ActorIndex()
    for ex in exs:
        index.add(ex)
    table = index.finish()
    whole = resolve(exs)
    described = [a for ex in exs for a in table.resolution(ex).actors]
    assert sorted(a.key for a in described) == [
        "a1/the ministry", "a1/three Russian diplomats", "a2/the ministry",
        "a2/three Russian diplomats"]
    assert sorted((*table.actors, *described), key=lambda a: a.key) == list(whole.actors)
    for ex in exs:
        assert set(article_triples(ex, table.resolution(ex))) == set(article_triples(ex, whole))
    assert isinstance(table.resolution(exs[0]), Resolution)
    assert all(isinstance(a, Actor) for a in table.actors)


# ---------------------------------------------------------------- whole runs (model)


def _dev_articles(tmp_path: Path, n: int) -> Path:
    """A folder with the first ``n`` development articles (read at test time)."""
    folder = tmp_path / "news"
    folder.mkdir()
    for path in sorted(shared_path("eval", "dev", "articles").iterdir())[:n]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _extract(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    return result.exit_code, result.output


@pytest.mark.model
@pytest.mark.slow
def test_two_jobs_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    folder = _dev_articles(tmp_path, 24)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.nq"
        code, text = _extract(str(folder), "--output", str(out), "--jobs", jobs)
        assert code == 0, text
        outputs[jobs] = out.read_bytes()
    assert outputs["1"] == outputs["2"]
    assert not (tmp_path / "jobs1.nq.kg-state").exists()


@pytest.mark.model
def test_a_rerun_extracts_only_new_or_changed_articles(tmp_path: Path) -> None:
    folder = _dev_articles(tmp_path, 6)
    out, state = tmp_path / "graph.nq", tmp_path / "state"
    code, text = _extract(str(folder), "--output", str(out), "--state", str(state))
    assert code == 0 and "6 articles," in text, text
    assert state.is_dir()  # a named checkpoint is kept
    edited = min(folder.iterdir())
    record = json.loads(edited.read_text(encoding="utf-8"))
    record["text"] += "\n\nPoland expelled two Russian diplomats on Friday.\n"
    edited.write_text(json.dumps(record), encoding="utf-8")
    code, text = _extract(str(folder), "--output", str(out), "--state", str(state))
    assert code == 0 and "6 articles (5 from the checkpoint)" in text, text
    fresh = tmp_path / "fresh.nq"
    code, text = _extract(str(folder), "--output", str(fresh))
    assert code == 0, text
    assert out.read_bytes() == fresh.read_bytes()
    assert "Poland" in out.read_text(encoding="utf-8")


@pytest.mark.model
def test_a_bad_record_midway_writes_nothing_and_keeps_what_was_done(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": "Poland expelled two Russian diplomats."})
             for i in range(40)]
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(lines[:35] + ["{not json"] + lines[35:]) + "\n",
                      encoding="utf-8")
    out = tmp_path / "graph.nq"
    code, text = _extract(str(source), "--output", str(out))
    assert code == 1 and "news.jsonl:36" in text and "run again to resume" in text, text
    assert not out.exists()
    # with --skip-errors the same run goes on from where it stopped
    code, text = _extract(str(source), "--output", str(out), "--skip-errors")
    assert code == 0 and "40 articles (" in text and "from the checkpoint" in text, text
    assert not (tmp_path / "graph.nq.kg-state").exists()


def test_jobs_must_be_positive() -> None:
    code, text = _extract("x.txt", "--output", "-", "--jobs", "0")
    assert code == 2 and "--jobs" in text


@pytest.mark.model
def test_stdout_runs_leave_no_checkpoint_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                ) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Poland expelled two Russian diplomats.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "a.txt", "--output", "-", "--format", "nt",
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    Graph().parse(data=result.stdout, format="nt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
