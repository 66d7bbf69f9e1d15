"""``kg serve`` holds 200 concurrent clients on loopback without an error.

A real ``kg serve`` process (the command, not an in-process server) answers
200 client threads released at once by a barrier; each sends the same four
real questions, by GET and by POST (a form and a direct
``application/sparql-query`` body), each on a new connection. Every
response must be a 200 with exactly the answer the same query gives in
process, and the whole run must end within :data:`BUDGET` seconds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.sparql import execute, named_query, open_sources
from tests.sparql_expected import EXAMPLE

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 200
#: Seconds for the whole run (it takes a few on two cores); a request waits at most TIMEOUT.
BUDGET = 120
TIMEOUT = 60

#: Two named questions, as any SPARQL client would send their text.
VOTES = named_query("votes").text
EXPELLED = named_query("who-expelled-whom").text
ASK = "ASK { ?x kg:expelled ?y }"
CONSTRUCT = "CONSTRUCT WHERE { ?x kg:expelled ?y }"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """``kg serve EXAMPLE --port 0`` in its own process; its URL."""
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(EXAMPLE), "--port", "0"],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
        assert match, line + process.stderr.read() if process.poll() is not None else line
        yield match.group(0)
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def requests(url: str) -> list[tuple[str, urllib.request.Request, Callable[[bytes], object]]]:
    """The four requests of a client: (name, request, what the body must decode to)."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}

    def rows(body: bytes) -> object:
        return json.loads(body)["results"]["bindings"]

    return [
        ("GET votes", urllib.request.Request(url + "?" + urllib.parse.urlencode(
            {"query": VOTES})), rows),
        ("POST form who-expelled-whom", urllib.request.Request(
            url, data=urllib.parse.urlencode({"query": EXPELLED}).encode(), headers=form), rows),
        ("POST form ASK", urllib.request.Request(
            url, data=urllib.parse.urlencode({"query": ASK}).encode(), headers=form),
         lambda body: json.loads(body)["boolean"]),
        ("POST CONSTRUCT", urllib.request.Request(
            url, data=CONSTRUCT.encode(), headers={"Content-Type": "application/sparql-query",
                                                   "Accept": "application/n-triples"}),
         lambda body: sorted(body.decode().splitlines())),
    ]


def expected_answers() -> dict[str, object]:
    """What each request must get, from the same query run in this process."""
    store = open_sources([EXAMPLE])

    def rows(text: str) -> object:
        return json.loads(execute(store, text).serialize("json"))["results"]["bindings"]

    construct = execute(store, CONSTRUCT).serialize("nt").decode()
    return {"GET votes": rows(VOTES), "POST form who-expelled-whom": rows(EXPELLED),
            "POST form ASK": True, "POST CONSTRUCT": sorted(construct.splitlines())}


def test_two_hundred_concurrent_clients(endpoint: str) -> None:
    expected = expected_answers()
    sizes = {name: len(answer) for name, answer in expected.items()
             if isinstance(answer, list)}
    assert sizes == {"GET votes": 3, "POST form who-expelled-whom": 4, "POST CONSTRUCT": 4}
    barrier = threading.Barrier(CLIENTS, timeout=TIMEOUT)
    errors: list[str] = []
    answered: list[int] = []

    def client(number: int) -> None:
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            errors.append(f"client {number}: the barrier broke")
            return
        for name, request, decode in requests(endpoint):
            try:
                status, body = fetch(request)
            except OSError as exc:  # a reset, a refused connection, a time-out
                errors.append(f"client {number} {name}: {exc!r}")
                continue
            if status != 200:
                errors.append(f"client {number} {name}: HTTP {status} {body[:200]!r}")
            elif decode(body) != expected[name]:
                errors.append(f"client {number} {name}: wrong answer {body[:200]!r}")
            else:
                answered.append(number)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, BUDGET - (time.monotonic() - started)))
    elapsed = time.monotonic() - started
    assert not any(thread.is_alive() for thread in threads), f"still running after {BUDGET} s"
    assert errors == [], f"{len(errors)} errors in {elapsed:.1f} s, e.g. {errors[:5]}"
    assert len(answered) == CLIENTS * len(expected), len(answered)
