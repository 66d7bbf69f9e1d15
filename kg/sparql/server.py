"""A SPARQL 1.1 Protocol endpoint over a store, on the standard library's HTTP server.

``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=`` or
``update=``) or a ``application/sparql-query`` / ``application/sparql-update``
body. ``default-graph-uri`` and ``named-graph-uri`` choose graphs of the
store (nothing is ever fetched). The result format follows the ``Accept``
header. Every query passes the same checks and time limit as ``kg query``;
updates are refused unless the policy allows them.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from kg.sparql.errors import QueryError, QueryTimeoutError, UnsafeQueryError
from kg.sparql.query import DEFAULT_TIMEOUT, execute
from kg.sparql.safety import Policy

if TYPE_CHECKING:
    from pyoxigraph import Store

__all__ = ["MAX_BODY", "make_server", "negotiate"]

log = logging.getLogger(__name__)

#: Largest request body accepted, in bytes.
MAX_BODY = 1 << 20

#: Media type -> output format, best first, for SELECT/ASK and for graphs.
RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv"}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt",
               "application/ld+json": "json-ld", "application/trig": "trig",
               "application/n-quads": "nquads"}
_CONTENT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
            "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
            "nt": "application/n-triples", "json-ld": "application/ld+json",
            "trig": "application/trig", "nquads": "application/n-quads"}


def negotiate(accept: str | None, graph: bool) -> str | None:
    """The output format for an ``Accept`` header, or ``None`` if nothing offered fits.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False)
    'xml'
    >>> negotiate(None, graph=True)
    'turtle'
    >>> negotiate("image/png", graph=False) is None
    True
    """
    offered = GRAPH_TYPES if graph else RESULT_TYPES
    default = "turtle" if graph else "json"
    if not accept:
        return default
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, media.lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return offered[media]
        if media in ("*/*", "application/*", "text/*"):
            if media == "*/*":
                return default
            prefix = media[:-1]
            for name, fmt in offered.items():
                if name.startswith(prefix):
                    return fmt
    return None


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8"
              ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode())

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/"):
            self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
            return
        fields = parse_qs(url.query, keep_blank_values=True)
        if "query" not in fields:
            if url.path == "/":
                self._send(HTTPStatus.OK, b"newskg SPARQL endpoint: GET or POST /sparql?query=\n")
                return
            self._error(HTTPStatus.BAD_REQUEST, "missing the 'query' parameter")
            return
        self._answer(fields, fields["query"][0], update=False)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/"):
            self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                        f"the request body must be at most {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        fields = parse_qs(url.query, keep_blank_values=True)
        if kind == "application/x-www-form-urlencoded":
            fields.update(parse_qs(body, keep_blank_values=True))
            if "query" in fields:
                self._answer(fields, fields["query"][0], update=False)
            elif "update" in fields:
                self._answer(fields, fields["update"][0], update=True)
            else:
                self._error(HTTPStatus.BAD_REQUEST, "missing the 'query' or 'update' field")
        elif kind == "application/sparql-query":
            self._answer(fields, body, update=False)
        elif kind == "application/sparql-update":
            self._answer(fields, body, update=True)
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send application/sparql-query, application/sparql-update or a form")

    def _answer(self, fields: dict[str, list[str]], text: str, *, update: bool) -> None:
        server = self.server
        try:
            from kg.sparql.safety import check

            form = check(text, server.policy).form
            if (form == "UPDATE") != update:
                raise QueryError("send queries as 'query' and updates as 'update'")
            result = execute(server.store, text, timeout=server.timeout, policy=server.policy,
                             default_graph=fields.get("default-graph-uri", []),
                             named_graphs=fields.get("named-graph-uri", []))
        except UnsafeQueryError as exc:
            self._error(HTTPStatus.FORBIDDEN, str(exc))
            return
        except QueryTimeoutError as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        if result.form == "UPDATE":
            self._send(HTTPStatus.NO_CONTENT, b"")
            return
        fmt = negotiate(self.headers.get("Accept"), result.is_graph)
        if fmt is None:
            offered = ", ".join(GRAPH_TYPES if result.is_graph else RESULT_TYPES)
            self._error(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in the accepted types; "
                        f"offered: {offered}")
            return
        self._send(HTTPStatus.OK, result.serialize(fmt), _CONTENT[fmt] + "; charset=utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    #: The listen backlog: connections the kernel queues before the server accepts them.
    #: socketserver's default of 5 makes a burst of clients see resets and stalls; the
    #: kernel caps it at ``net.core.somaxconn`` (4096 on current Linux).
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], store: Store, policy: Policy,
                 timeout: float | None) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.policy = policy
        self.timeout = timeout


def make_server(store: Store, *, host: str = "127.0.0.1", port: int = 7878,
                policy: Policy | None = None,
                timeout: float | None = DEFAULT_TIMEOUT) -> ThreadingHTTPServer:
    """A threaded HTTP server answering SPARQL on ``/sparql`` (call ``serve_forever``).

    It listens on loopback unless ``host`` says otherwise; ``port`` 0 picks a
    free port (see ``server_address``).
    """
    return _Server((host, port), store, policy or Policy(), timeout)
