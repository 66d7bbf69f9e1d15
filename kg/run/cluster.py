"""Extraction on a Ray cluster (``kg extract --ray ADDRESS``).

A pool of Ray actors, :class:`ArticleExtractor`, each loading the spaCy
pipeline once for the whole run, extracts batches of articles; the records
come back to this process (the driver) as JSON-ready dicts
(:mod:`kg.run.codec`), in input order. The driver does the rest as in a
single-machine run (:func:`kg.run.stream.run`: checkpoint, actors resolved
across the corpus, the graph written), so the graph is the same whichever
machines extracted it.

The input is read lazily: at most :data:`IN_FLIGHT` batches per worker are
on the cluster at once, each sent to the worker with the least work queued.
Ray core actors, not Ray Data: Ray Data needs its whole input at hand when a
dataset is made (so a corpus would go in windows, each starting the workers
and loading the pipeline anew) and its executor does not run over Ray Client
(``ray://``); actors work the same over every kind of address.

Ray is optional (``pip install "newskg[ray]"``) and imported only here, only
when a run asks for a cluster.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from kg.errors import NewsKGError
from kg.records import Article, Extraction
from kg.run.codec import decode, encode

if TYPE_CHECKING:
    from kg.run.stream import Extractor

log = logging.getLogger(__name__)

#: Articles a worker extracts per call (and at most this much text).
BATCH_ARTICLES = 8
BATCH_TEXT = 400_000
#: Batches queued per worker: enough to keep it busy, few enough to keep memory flat.
IN_FLIGHT = 3
#: Times a worker is restarted (elsewhere, if its node is lost) and its batch retried.
RESTARTS = 3
#: Seconds to wait for the cluster's address to answer before giving up.
CONNECT_TIMEOUT = 10.0
#: Tries at starting a Ray Client session the server failed to set up.
CONNECT_ATTEMPTS = 3
INSTALL_HINT = 'pip install "newskg[ray]"'
#: Addresses that name no host: Ray finds the cluster itself, or starts one here.
LOCAL_ADDRESSES = ("auto", "local")


class ClusterError(NewsKGError):
    """The Ray cluster cannot be reached or used, or Ray is not installed."""


def endpoint(address: str) -> tuple[str, int] | None:
    """The host and port that ``address`` connects to; ``None`` for ``auto`` and ``local``.

    >>> endpoint("ray://head.example:10001"), endpoint("10.0.0.5:6379"), endpoint("auto")
    (('head.example', 10001), ('10.0.0.5', 6379), None)
    >>> endpoint("[::1]:6379")
    ('::1', 6379)
    """
    if address in LOCAL_ADDRESSES:
        return None
    rest = address.removeprefix("ray://")
    host, sep, port = rest.rpartition(":")
    if not sep or not host or not port.isdigit() or "/" in rest:
        raise ClusterError(f"bad Ray address {address!r}: give ray://HOST:PORT (Ray Client, "
                           "port 10001 by default), HOST:PORT (the head's GCS port, 6379 by "
                           "default), auto (the cluster this machine is in) or local")
    return host.strip("[]"), int(port)


def probe(address: str, *, timeout: float = CONNECT_TIMEOUT) -> None:
    """Raise :class:`ClusterError` unless something answers at ``address``'s host and port.

    Ray itself retries an unreachable address for minutes; this fails in seconds.
    """
    target = endpoint(address)
    if target is None:
        return
    try:
        with socket.create_connection(target, timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        if isinstance(exc, TimeoutError):
            reason = f"no answer within {timeout:g} s"
        raise ClusterError(f"cannot reach the Ray cluster at {address}: {reason} (is "
                           "'ray start --head' running there, and the port open?)") from exc


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ClusterError(f"--ray needs Ray, which is not installed ({exc}); install it with "
                           f"{INSTALL_HINT}") from exc
    return ray


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextlib.contextmanager
def connected(address: str, *, cpus: int | None = None) -> Iterator[int]:
    """Connected to the Ray cluster at ``address`` for the block; yields its CPU count.

    ``local`` starts a cluster in this process (with ``cpus`` CPUs, default
    all), and ``auto`` joins the one this machine is part of. Ray's own
    messages reach stderr only when logging is at INFO or below (``kg -v``).
    """
    probe(address)
    ray = _ray()
    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO
    options: dict[str, Any] = {"logging_level": logging.INFO if verbose else logging.ERROR,
                               "log_to_driver": verbose}
    if address == "local":
        options.update(num_cpus=cpus, include_dashboard=False)
    for attempt in range(1, CONNECT_ATTEMPTS + 1):
        try:
            ray.init(address=address, **options)
            break
        except Exception as exc:  # ConnectionError, RuntimeError, ValueError: all one line
            # A busy head may fail to start the server of a Ray Client session in time
            # ("Initialization failure from server"); that is worth another try.
            if attempt == CONNECT_ATTEMPTS or "Initialization failure" not in str(exc):
                raise ClusterError(f"cannot connect to the Ray cluster at {address}: "
                                   f"{_first_line(exc)}") from exc
            log.warning("Ray cluster at %s: %s; trying again (%d of %d)", address,
                        _first_line(exc), attempt + 1, CONNECT_ATTEMPTS)
            with contextlib.suppress(Exception):
                ray.shutdown()
            time.sleep(2.0 * attempt)
    try:
        yield int(ray.cluster_resources().get("CPU", 0))
    finally:
        ray.shutdown()


def _describe(signature: dict[str, str]) -> str:
    """
    >>> _describe({"newskg": "0.1.0", "model": "en_core_web_sm", "model_version": "3.8.0"})
    'newskg 0.1.0 with en_core_web_sm 3.8.0'
    """
    return (f"newskg {signature.get('newskg')} with {signature.get('model')} "
            f"{signature.get('model_version')}")


class ArticleExtractor:
    """A Ray actor: loads the pipeline once, then extracts batches of articles.

    ``expected`` is the driver's :func:`~kg.run.stream.signature`: a node with
    another newskg or pipeline version would make another graph, so it refuses.
    An error here is kept and raised by every call, where the driver sees it.
    """

    def __init__(self, expected: dict[str, str]) -> None:
        self.model = expected["model"]
        self.error: NewsKGError | None = None
        try:
            from kg.nlp import load_pipeline
            from kg.run.stream import signature

            mine = signature(self.model)
            if mine != expected:
                raise ClusterError(f"the Ray node {socket.gethostname()} has {_describe(mine)}, "
                                   f"the driver {_describe(expected)}: install the same newskg "
                                   "and pipeline on every node")
            load_pipeline(self.model)
        except NewsKGError as exc:
            self.error = exc

    def node(self) -> str:
        """The Ray node this worker runs on (once its pipeline is loaded)."""
        import ray

        if self.error is not None:
            raise self.error
        return str(ray.get_runtime_context().get_node_id())

    def extract(self, articles: list[Article]) -> list[dict[str, Any]]:
        """The extractions of ``articles``, as :func:`kg.run.codec.encode` gives them."""
        from kg.pipeline import extract_articles

        if self.error is not None:
            raise self.error
        return [encode(e) for e in extract_articles(articles, model=self.model)]


def _cause(exc: BaseException) -> NewsKGError | None:
    """The newskg error a worker raised, inside Ray's wrappers, if that is what failed."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        inner = getattr(current, "cause", None)
        if isinstance(inner, BaseException):
            current = inner
        elif isinstance(current, NewsKGError):
            return current
        else:
            current = current.__cause__ or current.__context__
    return None


def _least_busy(ray: Any, queued: deque[tuple[Any, int]], workers: int) -> int:
    """The worker with the fewest unfinished batches."""
    refs = [ref for ref, _ in queued]
    finished = set(ray.wait(refs, num_returns=len(refs), timeout=0)[0]) if refs else set()
    load = [0] * workers
    for ref, worker in queued:
        load[worker] += ref not in finished
    return min(range(workers), key=load.__getitem__)


def _pool(ray: Any, expected: dict[str, str], workers: int) -> list[Any]:
    remote = ray.remote(num_cpus=1, max_restarts=RESTARTS,
                        max_task_retries=RESTARTS)(ArticleExtractor)
    actors = [remote.options(scheduling_strategy="SPREAD").remote(expected)
              for _ in range(workers)]
    nodes = ray.get([actor.node.remote() for actor in actors])
    log.info("%d Ray workers on %d nodes", workers, len(set(nodes)))
    return actors


def extract_on_ray(articles: Iterable[Article], *, expected: dict[str, str], workers: int
                   ) -> Iterator[Extraction]:
    """Extract ``articles`` on the connected Ray cluster with ``workers`` actors; the
    extractions in input order. ``expected`` is the driver's
    :func:`~kg.run.stream.signature`. A newskg error raised on a worker is raised here;
    any other failure of the cluster is a :class:`ClusterError`."""
    from kg.run.workers import chunks

    ray = _ray()
    actors: list[Any] = []
    try:
        actors = _pool(ray, expected, workers)
        queued: deque[tuple[Any, int]] = deque()
        for batch in chunks(articles, size=BATCH_ARTICLES, text=BATCH_TEXT):
            if len(queued) >= workers * IN_FLIGHT:
                yield from map(decode, ray.get(queued.popleft()[0]))
            worker = _least_busy(ray, queued, workers)
            queued.append((actors[worker].extract.remote(batch), worker))
        while queued:
            yield from map(decode, ray.get(queued.popleft()[0]))
    except NewsKGError as exc:
        raise _cause(exc) or exc from None
    except Exception as exc:
        cause = _cause(exc)
        if cause is not None:
            raise cause from None
        raise ClusterError(f"extraction on the Ray cluster failed: {_first_line(exc)} (newskg "
                           "and its pipeline must be installed on every node; run with -v for "
                           "the workers' logs)") from exc
    finally:
        for actor in actors:
            with contextlib.suppress(Exception):
                ray.kill(actor)


@contextlib.contextmanager
def ray_extractor(address: str, *, model: str | None = None,
                  jobs: int | None = None) -> Iterator[Extractor]:
    """An extractor for :func:`kg.run.stream.run` that extracts on the Ray cluster at
    ``address`` with ``jobs`` workers (default: one per CPU of the cluster), connected
    for the block."""
    from kg.run.stream import signature

    expected = signature(model)
    with connected(address, cpus=jobs) as cpus:
        log.info("connected to the Ray cluster at %s: %d CPUs", address, cpus)
        workers = jobs or max(cpus, 1)
        if cpus and workers > cpus:
            log.warning("%d Ray workers asked for, but the cluster has %d CPUs: using %d",
                        workers, cpus, cpus)
            workers = cpus
        yield partial(extract_on_ray, expected=expected, workers=workers)
