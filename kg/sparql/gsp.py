"""A client of the SPARQL 1.1 Graph Store HTTP Protocol, on the standard library.

`The protocol <https://www.w3.org/TR/sparql11-http-rdf-update/>`_ names a
graph by a query parameter of the graph store's URL (indirect
identification): ``?graph=<IRI>`` for a named graph, ``?default`` for the
default graph. ``PUT`` replaces the graph with the body, ``POST`` merges the
body into it. :class:`GraphStore` sends those requests over one keep-alive
connection (reopened once if the server dropped it while idle), with an
optional HTTP Basic user, a time limit per request, and turns every failure
into a one-line :class:`~kg.sparql.errors.PushError` that says what the
server answered and what to check.
"""

from __future__ import annotations

import base64
import http.client
import logging
import re
import socket
import ssl
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self
from urllib.parse import quote, urlsplit

from kg import __version__
from kg.sparql.errors import PushError

__all__ = ["CONTENT_TYPES", "DEFAULT_TIMEOUT", "Credentials", "Endpoint", "GraphStore",
           "http_error_message", "parse_endpoint"]

log = logging.getLogger(__name__)

#: Seconds to wait for the connection and for each answer.
DEFAULT_TIMEOUT = 60.0

#: Media types a body can be labelled with (an N-Triples document is also Turtle).
CONTENT_TYPES = ("application/n-triples", "text/turtle")

#: Where the graph store of common servers is, for error messages.
EXAMPLES = ("http://HOST:7878/store (Oxigraph), http://HOST:3030/DATASET/data (Fuseki), "
            "http://HOST:7200/repositories/REPO/rdf-graphs/service (GraphDB)")

_LOOPBACK = ("127.0.0.1", "::1", "localhost")
#: A dropped keep-alive connection: send the (idempotent) request again on a new one.
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


@dataclass(frozen=True)
class Endpoint:
    """The URL of a graph store, split for :mod:`http.client`."""

    scheme: str
    host: str
    port: int | None
    path: str
    query: str = ""

    @property
    def url(self) -> str:
        """The URL as given (without any graph parameter)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if self.port is None else f":{self.port}"
        query = f"?{self.query}" if self.query else ""
        return f"{self.scheme}://{host}{port}{self.path}{query}"

    def target(self, graph: str | None) -> str:
        """The request target naming ``graph`` (``None``: the default graph).

        >>> Endpoint("http", "h", 7878, "/store").target("https://w3id.org/newskg/id/article/a")
        '/store?graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Fid%2Farticle%2Fa'
        >>> Endpoint("http", "h", None, "/rdf-graphs/service", "x=1").target(None)
        '/rdf-graphs/service?x=1&default'
        """
        param = "default" if graph is None else "graph=" + quote(graph, safe="")
        return f"{self.path}?{self.query + '&' if self.query else ''}{param}"


def parse_endpoint(url: str) -> Endpoint:
    """``url`` as an :class:`Endpoint`; :class:`PushError` unless it is an http(s) URL
    with a host and no credentials (those are given apart, never in a URL)."""
    parts = urlsplit(url.strip())
    example = f"give the graph store's URL, e.g. {EXAMPLES}"
    if parts.scheme.lower() not in ("http", "https"):
        raise PushError(f"{url!r} is not an http:// or https:// URL; {example}")
    if not parts.hostname:
        raise PushError(f"{url!r} has no host; {example}")
    if parts.username is not None or parts.password is not None:
        raise PushError(f"{parts.scheme}://{parts.hostname}...: keep the user and password out "
                        "of the URL; give the user with --user and the password in the "
                        "environment")
    try:
        port = parts.port
    except ValueError as exc:
        raise PushError(f"{url!r}: bad port ({exc})") from exc
    return Endpoint(parts.scheme.lower(), parts.hostname, port, parts.path or "/", parts.query)


@dataclass(frozen=True)
class Credentials:
    """An HTTP Basic user; the password is never shown in a ``repr``."""

    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        """The ``Authorization`` header's value."""
        if ":" in self.user:
            raise PushError(f"the user name {self.user!r} holds ':', which HTTP Basic "
                            "authentication cannot send")
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def _server_text(body: bytes, content_type: str, limit: int = 200) -> str:
    """The server's message on one line: tags of an HTML page dropped, cut at ``limit``."""
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        text = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", text)
        text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def http_error_message(method: str, graph: str | None, url: str, status: int, reason: str,
                       body: bytes = b"", *, content_type: str = "", location: str = "",
                       sent_type: str = CONTENT_TYPES[0], authenticated: bool = False) -> str:
    """One line on a refused request: what was sent, the server's answer, what to check.

    >>> http_error_message("PUT", "urn:a", "http://h/x", 404, "Not Found", b"no such path",
    ...                    content_type="text/plain")[:62]
    'PUT graph <urn:a> to http://h/x: HTTP 404 Not Found: no such p'
    """
    where = "the default graph" if graph is None else f"graph <{graph}>"
    message = f"{method} {where} to {url}: HTTP {status} {reason}".rstrip()
    text = _server_text(body, content_type)
    if text:
        message += f": {text}"
    if 300 <= status < 400:
        hint = (f"the server redirects to {location}; give that URL as --endpoint" if location
                else "the server redirects; give the final URL as --endpoint")
    elif status == 401:
        hint = ("the user name or password was refused" if authenticated else
                "the server wants a user: give --user, with the password in the environment")
    elif status == 403:
        hint = "the server refuses this write (a read-only store, or a user who may not write)"
    elif status in (404, 405):
        hint = f"is --endpoint the graph store URL? e.g. {EXAMPLES}"
    elif status == 413:
        hint = "the graph is larger than the server accepts in one request"
    elif status == 415:
        other = [t for t in CONTENT_TYPES if t != sent_type]
        hint = (f"the server does not take {sent_type} here: is --endpoint the graph store "
                "URL, not the query or update endpoint?"
                + (f" If it is, try --content-type {other[0]}" if other else ""))
    else:
        hint = ""
    return f"{message} ({hint})" if hint else message


def _network_message(url: str, host: str, exc: BaseException, timeout: float) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return f"cannot connect to {url}: connection refused (is the server running there?)"
    if isinstance(exc, TimeoutError):
        return (f"no answer from {url} within {timeout:g} s (a slow or busy server, or a "
                "firewall; raise --timeout?)")
    if isinstance(exc, ssl.SSLError):
        return f"TLS error with {url}: {exc.reason or exc}"
    if isinstance(exc, socket.gaierror):
        return f"cannot connect to {url}: cannot resolve the host {host} ({exc.strerror})"
    if isinstance(exc, http.client.HTTPException | ConnectionError):
        return f"{url} does not answer as an HTTP server ({type(exc).__name__}: {exc})"
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"cannot reach {url}: {detail}"


class GraphStore:
    """PUT and POST graphs to one graph store over one keep-alive connection.

    Use as a context manager (or call :meth:`close`). Every method raises
    :class:`PushError` on a network failure or an answer other than 2xx.
    """

    def __init__(self, endpoint: Endpoint, *, credentials: Credentials | None = None,
                 timeout: float = DEFAULT_TIMEOUT,
                 content_type: str = CONTENT_TYPES[0]) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.content_type = content_type
        self._headers = {"Content-Type": f"{content_type}; charset=utf-8",
                         "User-Agent": f"newskg/{__version__}", "Accept": "*/*"}
        if credentials is not None:
            self._headers["Authorization"] = credentials.header()
            if endpoint.scheme == "http" and endpoint.host not in _LOOPBACK:
                log.warning("the password goes unencrypted over http:// to %s; use https://",
                            endpoint.host)
        self._connection: http.client.HTTPConnection | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the next request opens a new one)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def put(self, graph: str | None, body: bytes) -> int:
        """Replace ``graph`` (``None``: the default graph) with ``body``; the HTTP status."""
        return self.send("PUT", graph, body)

    def post(self, graph: str | None, body: bytes) -> int:
        """Merge ``body`` into ``graph`` (``None``: the default graph); the HTTP status."""
        return self.send("POST", graph, body)

    def _open(self) -> http.client.HTTPConnection:
        if self._connection is None:
            end = self.endpoint
            if end.scheme == "https":
                self._connection = http.client.HTTPSConnection(
                    end.host, end.port, timeout=self.timeout,
                    context=ssl.create_default_context())
            else:
                self._connection = http.client.HTTPConnection(end.host, end.port,
                                                              timeout=self.timeout)
        return self._connection

    def send(self, method: str, graph: str | None, body: bytes) -> int:
        """Send one request about ``graph``; the HTTP status of a 2xx answer."""
        target = self.endpoint.target(graph)
        for attempt in (1, 2):
            connection = self._open()
            try:
                connection.request(method, target, body=body, headers=self._headers)
                response = connection.getresponse()
                answer = response.read()
            except _STALE as exc:
                self.close()
                if attempt == 1:
                    log.debug("connection dropped (%s); sending again", exc)
                    continue
                raise PushError(_network_message(self.endpoint.url, self.endpoint.host, exc,
                                                 self.timeout)) from exc
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                raise PushError(_network_message(self.endpoint.url, self.endpoint.host, exc,
                                                 self.timeout)) from exc
            log.debug("%s %s: %d", method, target, response.status)
            if not 200 <= response.status < 300:
                raise PushError(http_error_message(
                    method, graph, self.endpoint.url, response.status, response.reason, answer,
                    content_type=response.getheader("Content-Type", ""),
                    location=response.getheader("Location", ""), sent_type=self.content_type,
                    authenticated="Authorization" in self._headers))
            return response.status
        raise AssertionError("unreachable")  # pragma: no cover
