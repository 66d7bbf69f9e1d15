"""The ``kg network`` and ``kg export`` commands."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from kg.cli import main
from kg.network.gexf import read_gexf
from tests.network_data import EXAMPLE, write_small


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_network_table() -> None:
    code, out, err = _run("network", str(EXAMPLE))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["#", "actor", "type"]
    assert len(lines) == 2 + 12
    assert "Russia" in out and "Kenneth Roth" in out
    assert err.strip() == "12 actors, 13 edges, 9 events"


def test_network_csv_and_json() -> None:
    code, out, _ = _run("network", str(EXAMPLE), "--format", "csv", "--top", "3")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    assert {rows[0]["actor"], rows[1]["actor"]} == {"Russia", "United Nations Human Rights Council"}
    assert float(rows[0]["pagerank"]) >= float(rows[2]["pagerank"])
    code, out, _ = _run("network", str(EXAMPLE), "-f", "json", "-r", "expelled")
    rows = json.loads(out)
    assert {r["actor"] for r in rows} == {
        "Russian Ministry of Justice", "Human Rights Watch", "Amnesty International",
        "Carnegie Endowment for International Peace", "15 offices"}
    assert isinstance(rows[0]["community"], int)


def test_network_around(tmp_path: Path) -> None:
    small = write_small(tmp_path)
    code, out, _ = _run("network", str(small), "--around", "Council of Europe", "--depth", "1",
                        "-f", "json")
    assert code == 0
    assert {r["actor"] for r in json.loads(out)} == {"Council of Europe", "Russia"}


def test_network_errors(tmp_path: Path) -> None:
    code, _, err = _run("network", str(EXAMPLE), "--around", "Atlantis")
    assert code == 1 and "no actor named 'Atlantis'" in err and "Traceback" not in err
    code, _, err = _run("network", str(EXAMPLE), "--since", "yesterday")
    assert code == 1 and "not a date" in err
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix broken", encoding="utf-8")
    code, _, err = _run("network", str(bad))
    assert code == 1 and "cannot read the graph" in err
    code, _, err = _run("network", str(EXAMPLE), "-r", "invaded")
    assert code == 2


def test_export_every_format(tmp_path: Path) -> None:
    for ext in ("gexf", "graphml", "json", "png", "svg"):
        target = tmp_path / f"network.{ext}"
        code, _, err = _run("export", str(EXAMPLE), "--output", str(target))
        assert code == 0, err
        assert err.strip().endswith(f"-> {target}")
        assert target.stat().st_size > 0
    back = read_gexf(tmp_path / "network.gexf")
    assert back.number_of_nodes() == 12 and back.graph["mode"] == "dynamic"
    data = json.loads((tmp_path / "network.json").read_text(encoding="utf-8"))
    assert len(nx.node_link_graph(data, edges="links")) == 12


def test_export_options(tmp_path: Path) -> None:
    target = tmp_path / "votes.xml"
    code, _, err = _run("export", str(EXAMPLE), "-r", "voted", "--format", "gexf", "--static",
                        "--output", str(target))
    assert code == 0, err
    back = read_gexf(target)
    assert back.graph["mode"] == "static"
    assert {d["relation"] for _, _, d in back.edges(data=True)} == {"voted"}
    code, out, _ = _run("export", str(EXAMPLE), "--output", "-", "--format", "json")
    assert code == 0 and json.loads(out)["multigraph"] is True


def test_export_errors(tmp_path: Path) -> None:
    code, _, err = _run("export", str(EXAMPLE), "--output", str(tmp_path / "network.txt"))
    assert code == 1 and "extension" in err
    code, _, err = _run("export", str(EXAMPLE), "--output",
                        str(tmp_path / "no" / "such" / "network.gexf"))
    assert code == 1 and "cannot write" in err
    code, _, _ = _run("export", str(EXAMPLE))
    assert code == 2  # --output is required


def test_help_imports_nothing_heavy() -> None:
    heavy = ("networkx", "pyoxigraph", "matplotlib", "scipy", "rdflib", "spacy")
    code = (f"import sys, kg.cli, kg.network.commands; "
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(heavy)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
    help_text = CliRunner().invoke(main, ["--help"]).stdout
    assert "network" in help_text and "export" in help_text
