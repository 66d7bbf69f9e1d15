"""Exports of the actor network: GEXF (validated, read back by networkx and by
graphology-gexf), GraphML, node-link JSON, PNG and SVG.

GEXF files are never compared as text: they are written, then read back and
compared as graphs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import OutputError
from kg.network.export import export, format_for, render
from kg.network.gexf import read_gexf, relation_counts, validate
from kg.network.project import find_actor, project
from tests.network_data import EXAMPLE, write_small
from tests.shared import shared_path

EXAMPLES = EXAMPLE.parent


@pytest.fixture(scope="module")
def schema() -> Path:
    return shared_path("gexf", "1.3", "gexf.rng")


@pytest.fixture(scope="module")
def example() -> nx.MultiDiGraph:
    return project(EXAMPLE)


@pytest.fixture()
def small(tmp_path: Path) -> nx.MultiDiGraph:
    return project(write_small(tmp_path))


def _written(graph: nx.MultiDiGraph, folder: Path, fmt: str, **options) -> Path:
    path = folder / f"network.{fmt}"
    export(graph, str(path), **options)
    return path


# --------------------------------------------------------------------------- GEXF

def test_gexf_validates_against_the_schema(example, small, schema, tmp_path) -> None:
    for graph in (example, small):
        assert validate(_written(graph, tmp_path, "gexf"), schema) == []
        assert validate(_written(graph, tmp_path, "gexf", dynamic=False), schema) == []
    empty = render(nx.MultiDiGraph(), "gexf")
    assert validate(empty, schema) == []


def test_the_example_files_are_current_and_valid(example, schema, tmp_path) -> None:
    shipped = EXAMPLES / "russia-expels-rights-groups.gexf"
    assert validate(shipped, schema) == []
    fresh = _written(example, tmp_path, "gexf")
    a, b = read_gexf(shipped), read_gexf(fresh)
    assert dict(a.nodes(data="label")) == dict(b.nodes(data="label"))
    assert sorted(a.edges(data="relation")) == sorted(b.edges(data="relation"))
    png = (EXAMPLES / "russia-expels-rights-groups.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_gexf_reads_back_with_networkx(small, tmp_path) -> None:
    back = read_gexf(_written(small, tmp_path, "gexf"))
    assert set(back) == set(small)
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {
        n: " ".join(d["label"].replace("\x01", "").split()) for n, d in small.nodes(data=True)}
    # one GEXF edge per (source, target, relation): days and quote/role merged
    assert relation_counts(small) == {"expelled": 3, "said": 4, "suspended_from": 1,
                                      "voted": 1}
    assert back.number_of_edges() == sum(relation_counts(small).values())
    poland, russia = find_actor(small, "Poland"), find_actor(small, "Russia")
    by_relation = {d["relation"]: d for d in back.get_edge_data(russia, poland).values()}
    assert set(by_relation) == {"expelled", "said"}  # parallel edges kept apart
    [expelled] = [d for d in back.get_edge_data(poland, russia).values()]
    assert expelled["weight"] == 2.0 and expelled["events"] == 2
    assert expelled["dates"] == "2022-03-01; 2022-03-02" and expelled["start"] == "2022-03-01"
    assert expelled["articles"] == "one"
    node = back.nodes[poland]
    assert node["actor_type"] == "Country" and node["same_as"] == (
        "http://www.wikidata.org/entity/Q36")
    assert node["first_date"] == "2022-03-01"
    assert "start" not in node  # an undated edge ("Odd Name Group" said) is always there
    assert back.nodes[find_actor(small, "Council of Europe")]["start"] == "2022-03-16"
    assert 0 < node["pagerank"] < 1 and isinstance(node["community"], int)
    assert node["viz"]["color"]["r"] == 213 and node["viz"]["size"] > 0
    assert {"x", "y"} <= set(node["viz"]["position"])
    # undated edges (and their actors) are there from the start: no start
    odd = back.nodes[find_actor(small, "Odd\x01 Name Group")]
    assert "start" not in odd
    voted = next(d for _, _, d in back.edges(data=True) if d["relation"] == "voted")
    assert voted["positions"] == "in favour" and voted["label"] == "voted (in favour)"
    said = next(d for u, v, d in back.edges(data=True)
                if d["relation"] == "said" and back.nodes[v]["label"] == "Russian Foreign Ministry")
    assert said["via"] == "quote; role" and said["weight"] == 1.0


def test_gexf_static_mode_has_no_timeline(small, tmp_path) -> None:
    back = read_gexf(_written(small, tmp_path, "gexf", dynamic=False))
    assert back.graph["mode"] == "static"
    assert not any("start" in d for _, d in back.nodes(data=True))
    assert not any("start" in d for _, _, d in back.edges(data=True))
    dynamic = read_gexf(_written(small, tmp_path, "gexf"))
    assert dynamic.graph["mode"] == "dynamic"


def test_gexf_is_deterministic(small) -> None:
    assert render(small, "gexf") == render(small.copy(), "gexf")


# --------------------------------------------------------------------------- graphology

@pytest.fixture(scope="session")
def graphology(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with graphology and graphology-gexf installed by npm, and parse.js."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        pytest.fail("Node.js and npm are needed to check the GEXF with graphology-gexf",
                    pytrace=False)
    folder = tmp_path_factory.mktemp("graphology")
    (folder / "package.json").write_text('{"name": "gexf-check", "private": true}\n')
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "graphology",
                           "graphology-gexf"], cwd=folder, capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0:
        pytest.fail(f"npm install graphology graphology-gexf failed:\n{done.stderr[-2000:]}",
                    pytrace=False)
    (folder / "parse.js").write_text("""
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
const nodes = {};
graph.forEachNode((key, a) => { nodes[key] = a; });
const edges = graph.mapEdges((key, a, source, target) => ({source, target, ...a}));
console.log(JSON.stringify({order: graph.order, size: graph.size, multi: graph.multi,
                            type: graph.type, nodes, edges}));
""")
    return folder


def _graphology_parse(folder: Path, path: Path) -> dict:
    done = subprocess.run(["node", str(folder / "parse.js"), str(path)], cwd=folder,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_gexf_parses_in_graphology(graphology, example, small, tmp_path) -> None:
    parsed = _graphology_parse(graphology, _written(example, tmp_path, "gexf"))
    assert parsed["order"] == example.number_of_nodes() == 12
    assert parsed["size"] == sum(relation_counts(example).values()) == 13
    assert parsed["type"] == "directed"
    russia = parsed["nodes"]["https://w3id.org/newskg/id/actor/Russia"]
    assert russia["label"] == "Russia" and russia["actor_type"] == "Country"
    assert russia["color"] == "rgb(213,94,0)" and russia["size"] > 0
    assert isinstance(russia["x"], float | int) and isinstance(russia["pagerank"], float)
    assert "type" not in russia  # sigma.js would read it as a node program

    parsed = _graphology_parse(graphology, _written(small, tmp_path, "gexf"))
    assert parsed["order"] == small.number_of_nodes()
    assert parsed["size"] == sum(relation_counts(small).values())
    assert parsed["multi"] is True  # Russia -> Poland: expelled and said, kept apart
    kinds = sorted(e["kind"] for e in parsed["edges"]
                   if e["source"].endswith("/Russia") and e["target"].endswith("/Poland"))
    assert kinds == ["expelled", "said"]


def test_shipped_example_parses_in_graphology(graphology) -> None:
    parsed = _graphology_parse(graphology, EXAMPLES / "russia-expels-rights-groups.gexf")
    assert parsed["order"] == 12 and parsed["size"] == 13


# --------------------------------------------------------------------------- other formats

def test_graphml_round_trip(small, tmp_path) -> None:
    back = nx.read_graphml(_written(small, tmp_path, "graphml"), force_multigraph=True)
    assert set(back) == set(small)
    assert back.number_of_edges() == small.number_of_edges()  # every day's edge kept
    poland = find_actor(small, "Poland")
    assert back.nodes[poland]["label"] == "Poland"
    assert back.nodes[poland]["alt_labels"] == "Warsaw"
    assert "pagerank" in back.nodes[poland] and "x" in back.nodes[poland]
    relations = sorted(d["relation"] for _, _, d in back.edges(data=True))
    assert relations == sorted(d["relation"] for _, _, d in small.edges(data=True))


def test_node_link_json_round_trip(small, tmp_path) -> None:
    data = json.loads(_written(small, tmp_path, "json").read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="links")
    assert back.is_multigraph() and back.is_directed()
    assert set(back) == set(small)
    assert sorted(back.edges(keys=True)) == sorted(small.edges(keys=True))
    poland = find_actor(small, "Poland")
    assert back.nodes[poland]["same_as"] == ["http://www.wikidata.org/entity/Q36"]
    assert back.nodes[poland]["color"].startswith("#")


def test_pictures_show_the_actors(example, tmp_path) -> None:
    png = _written(example, tmp_path, "png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    from PIL import Image

    with Image.open(tmp_path / "network.png") as image:
        width, height = image.size
        assert width > 800 and height > 600
        assert len(image.convert("RGB").getcolors(1_000_000) or []) > 50  # not blank
    svg = _written(example, tmp_path, "svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for label in ("Russia", "Human Rights Watch", "Kenneth Roth", "93 countries"):
        assert label in svg
    assert render(example, "svg") == render(example.copy(), "svg")  # seeded, reproducible


def test_formats_and_errors(example, tmp_path) -> None:
    assert format_for("x.gexf") == "gexf" and format_for("x.svg") == "svg"
    with pytest.raises(OutputError, match="extension"):
        format_for("network.txt")
    with pytest.raises(OutputError, match="unknown export format"):
        render(example, "pdf")
    with pytest.raises(OutputError):
        export(example, str(tmp_path / "missing" / "network.gexf"))
    # exporting does not change the caller's graph
    assert "pagerank" not in next(iter(example.nodes.values()))
