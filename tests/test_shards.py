"""Sharded N-Quads: ``kg extract --output DIR/`` and ``kg load DIR``, on this machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from tests.shared import shared_path


def articles(count: int = 5) -> list[str]:
    folder = shared_path("eval", "dev", "articles")
    return [str(p) for p in sorted(folder.glob("*.json"))[:count]]


def kg(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def article_graphs(path: Path) -> set[str]:
    import pyoxigraph as ox

    return {q.graph_name.value for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
            if isinstance(q.graph_name, ox.NamedNode)}


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.model
def test_shards_are_the_single_file_cut_at_article_boundaries(tmp_path: Path) -> None:
    single, shards = tmp_path / "graph.nq", tmp_path / "shards"
    assert kg("extract", *articles(), "--output", str(single), "-q").exit_code == 0
    done = kg("extract", *articles(), "--output", f"{shards}/", "--shard-size", "2")
    assert done.exit_code == 0, done.output
    assert done.stderr.rstrip().endswith(f"-> {shards}/")
    assert names(shards) == ["actors.nq", "part-00000.nq", "part-00001.nq", "part-00002.nq"]
    joined = b"".join((shards / name).read_bytes() for name in names(shards))
    assert joined == single.read_bytes()
    graphs = [article_graphs(shards / name) for name in names(shards)]
    assert [len(g) for g in graphs] == [0, 2, 2, 1]  # whole articles, in input order

    # a folder already there (without a trailing slash) is replaced as a whole
    assert kg("extract", *articles(), "--output", str(shards), "-q").exit_code == 0
    assert names(shards) == ["actors.nq", "part-00000.nq"]
    assert b"".join((shards / n).read_bytes() for n in names(shards)) == single.read_bytes()
    assert names(tmp_path) == ["graph.nq", "shards"]  # no temporary folder, no checkpoint left

    loaded = kg("load", str(shards), "--store", str(tmp_path / "store"))
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stderr.startswith("2 files, 5 article graphs")


@pytest.mark.model
def test_a_folder_holding_other_files_is_refused_before_extracting(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me\n")
    done = kg("extract", *articles(1), "--output", f"{folder}/")
    assert done.exit_code == 1
    assert "holds other files than shards (notes.txt" in done.stderr
    assert names(folder) == ["notes.txt"]
    assert names(tmp_path) == ["mine"]


def test_a_folder_output_is_n_quads_only(tmp_path: Path) -> None:
    done = kg("extract", *articles(1), "--output", f"{tmp_path}/out/", "--format", "turtle")
    assert done.exit_code == 1
    assert "a folder output holds N-Quads shards, not turtle" in done.stderr
    assert names(tmp_path) == []


def test_loading_a_folder_without_rdf_files_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = kg("load", str(tmp_path / "empty"), "--store", str(tmp_path / "store"))
    assert done.exit_code == 1
    assert "a folder with no RDF file" in done.stderr
