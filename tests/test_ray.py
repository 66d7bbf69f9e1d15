"""``kg extract --ray``: extraction on a Ray cluster gives the single-machine graph.

The cluster is started here, in-process with :class:`ray.cluster_utils.Cluster`:
a head node with 2 CPUs and a second node with 1, both on 127.0.0.1 (Ray is
told to stay on loopback), its files in a short temporary folder, usage
statistics off, and it is shut down after the module's tests even when they
fail. ``kg extract`` runs in a subprocess, as a user would run it, on real
articles of the shared development set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.records import Article
from tests.shared import shared_path

pytestmark = pytest.mark.model

#: Articles of the development set extracted on the cluster.
ARTICLES = 32
SHARD = 8


def articles() -> list[str]:
    folder = shared_path("eval", "dev", "articles")
    return [str(p) for p in sorted(folder.glob("*.json"))[:ARTICLES]]


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, check=False, timeout=600)


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def quads(store_dir: Path) -> set[str]:
    from pyoxigraph import BlankNode, Store

    store = Store.read_only(str(store_dir))
    found = list(store)
    assert not any(isinstance(term, BlankNode) for q in found for term in q), "blank nodes"
    return {str(q) for q in found}


@dataclass(frozen=True)
class RayCluster:
    gcs: str  # HOST:PORT of the head
    client: str  # ray://HOST:PORT
    env: dict[str, str]  # for the processes that connect to it


@pytest.fixture(scope="module")
def cluster() -> Iterator[RayCluster]:
    """A local two-node Ray cluster on loopback, stopped afterwards whatever happens."""
    folder = tempfile.mkdtemp(prefix="kgray-", dir="/tmp")  # Ray's socket paths must be short
    (Path(folder) / "ray").mkdir()
    settings = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_TMPDIR": folder,
                # single-machine mode: every Ray address is 127.0.0.1, nothing else is used
                "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}
    patch = pytest.MonkeyPatch()
    for name, value in settings.items():
        patch.setenv(name, value)
    import ray._private.ray_constants
    from ray.cluster_utils import Cluster

    patch.setattr(ray._private.ray_constants, "ENABLE_RAY_CLUSTER", False)
    client_port = closed_port()
    nodes = Cluster()
    try:
        nodes.add_node(num_cpus=2, node_ip_address="127.0.0.1", include_dashboard=False,
                       ray_client_server_port=client_port)
        nodes.add_node(num_cpus=1, node_ip_address="127.0.0.1")
        yield RayCluster(gcs=nodes.address, client=f"ray://127.0.0.1:{client_port}",
                         env={**os.environ, **settings})
    finally:
        nodes.shutdown()
        patch.undo()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The graph of the same articles extracted on this machine, as one N-Quads file."""
    out = tmp_path_factory.mktemp("single") / "graph.nq"
    result = CliRunner().invoke(main, ["extract", *articles(), "--output", str(out), "-q"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def load(*sources: Path, store: Path) -> set[str]:
    done = kg("load", *map(str, sources), "--store", str(store), "-q")
    assert done.returncode == 0, done.stderr
    return quads(store)


@pytest.mark.slow
def test_ray_extract_writes_the_single_machine_graph_as_shards(
        cluster: RayCluster, reference: Path, tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    done = kg("-v", "extract", *articles(), "--output", f"{shards}/", "--ray", cluster.gcs,
              "--shard-size", str(SHARD), env=cluster.env)
    assert done.returncode == 0, done.stderr
    assert "3 Ray workers on 2 nodes" in done.stderr  # one per CPU of the cluster, by default
    assert f"{ARTICLES} articles" in done.stderr.splitlines()[-1]
    parts = [f"part-{n:05d}.nq" for n in range(-(-ARTICLES // SHARD))]
    assert sorted(p.name for p in shards.iterdir()) == ["actors.nq", *parts]
    joined = b"".join((shards / name).read_bytes() for name in ["actors.nq", *parts])
    assert joined == reference.read_bytes()
    assert not Path(f"{shards}.kg-state").exists()

    from_shards = load(shards, store=tmp_path / "s1")
    assert from_shards == load(reference, store=tmp_path / "s2")
    assert load(*sorted(shards.glob("*.nq")), store=tmp_path / "s3") == from_shards


@pytest.mark.slow
def test_ray_client_run_resumes_from_a_single_machine_checkpoint(
        cluster: RayCluster, reference: Path, tmp_path: Path) -> None:
    state, out = tmp_path / "state", tmp_path / "graph.nq"
    first = CliRunner().invoke(main, ["extract", *articles()[:10], "--output", str(out),
                                      "--state", str(state), "-q"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    done = kg("extract", *articles(), "--output", str(out), "--state", str(state),
              "--ray", cluster.client, "--jobs", "2", env=cluster.env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"{ARTICLES} articles (10 from the checkpoint)")
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.slow
def test_a_worker_with_another_newskg_is_refused(cluster: RayCluster) -> None:
    from kg.run.cluster import ClusterError, connected, extract_on_ray
    from kg.run.stream import signature

    other = {**signature(None), "newskg": "0.0.0-other"}
    with connected(cluster.gcs), pytest.raises(ClusterError, match="the same newskg"):
        list(extract_on_ray([Article("a", "Poland expelled two diplomats.")],
                            expected=other, workers=2))


@pytest.mark.parametrize("address", ["127.0.0.1:{port}", "ray://127.0.0.1:{port}"])
def test_an_unreachable_cluster_is_one_line(address: str, tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    given = address.format(port=closed_port())
    done = kg("extract", articles()[0], "--output", str(out), "--ray", given)
    assert done.returncode == 1
    expected = (f"Error: cannot reach the Ray cluster at {given}: Connection refused (is "
                "'ray start --head' running there, and the port open?)")
    assert done.stderr.splitlines() == [expected]
    assert list(tmp_path.iterdir()) == []


def test_a_bad_address_is_one_line(tmp_path: Path) -> None:
    done = kg("extract", articles()[0], "--output", str(tmp_path / "g.nq"), "--ray", "head")
    assert done.returncode == 1
    assert done.stderr.startswith("Error: bad Ray address 'head': give ray://HOST:PORT")
    assert len(done.stderr.splitlines()) == 1


def test_without_ray_the_error_says_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["extract", articles()[0], "--output", str(out),
                                       "--ray", "local"])
    assert result.exit_code == 1
    assert 'install it with pip install "newskg[ray]"' in result.stderr
    assert list(tmp_path.iterdir()) == []
