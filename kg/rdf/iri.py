"""Stable, valid IRIs for the resources newskg mints.

Every IRI is ``BASE + <kind> + "/" + <segments>`` where each segment is a
reversible percent-encoding of an arbitrary string (:func:`slug`):

* one space becomes ``_`` (so names stay readable: ``Agn%C3%A8s_Callamard``),
* ASCII letters, digits and ``-.!$&'()*+,;=:@`` are kept,
* everything else, ``_`` and ``~`` included, is percent-encoded as UTF-8,
* the empty string is ``~``; ``.`` and ``..`` are encoded so no dot segment
  is ever written.

The encoding is injective, so distinct keys give distinct IRIs, and its
output only holds characters every IRI parser accepts. Event IRIs hash the
event's content (SHA-256, never :func:`hash`), so they do not depend on the
process, the order of extraction or ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from urllib.parse import quote

from rdflib import URIRef

from kg.namespace import BASE
from kg.records import Event

__all__ = ["actor_iri", "article_iri", "event_digest", "event_iri", "event_prefix", "role_iri",
           "slug"]

#: Characters kept as they are besides ASCII letters and digits: unreserved
#: and sub-delims of RFC 3986, minus ``_`` (stands for a space) and ``~`` (empty).
_SAFE = "-.!$&'()*+,;=:@"

#: Hex digits of the SHA-256 kept in event IRIs (64 bits).
_DIGEST_CHARS = 16


def slug(text: str) -> str:
    """A readable, reversible IRI path segment for ``text`` (any Unicode string)."""
    if text == "":
        return "~"
    if text in (".", ".."):
        return "%2E" * len(text)
    encoded = quote(text, safe=_SAFE + " ", encoding="utf-8", errors="surrogatepass")
    # quote() always keeps "_" and "~": encode them so "_" can stand for a space.
    encoded = encoded.replace("_", "%5F").replace("~", "%7E")
    return encoded.replace(" ", "_")


def actor_iri(key: str) -> URIRef:
    """The IRI of the actor whose :attr:`kg.records.Actor.key` is ``key``."""
    return URIRef(f"{BASE}actor/{slug(key)}")


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article (also the name of its graph in TriG and N-Quads)."""
    return URIRef(f"{BASE}article/{slug(article_id)}")


def event_digest(event: Event, part: int | None = None) -> str:
    """A short hex digest of everything an event records (and of ``part``)."""
    content = {"event": dataclasses.asdict(event), "part": part}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=True, default=str)
    data = canonical.encode("utf-8", errors="surrogatepass")
    return hashlib.sha256(data).hexdigest()[:_DIGEST_CHARS]


def event_iri(article_id: str, event: Event, part: int | None = None) -> URIRef:
    """The IRI of ``event`` read from article ``article_id``.

    ``part`` tells apart the events one record is split into (one
    statement per speaker). Identical input gives the identical IRI.
    """
    return URIRef(f"{event_prefix(article_id)}{_kind(event.kind)}-{event_digest(event, part)}")


def event_prefix(article_id: str) -> str:
    """What the IRI of every event read from article ``article_id`` starts with."""
    return f"{BASE}event/{slug(article_id)}/"


def _kind(kind: str) -> str:
    """The event kind as a readable IRI segment prefix (the digest keeps IRIs distinct)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", kind).strip("-") or "event"


def role_iri(person_key: str, title: str, of_key: str | None = None) -> URIRef:
    """The IRI of the role ``title`` (in ``of_key``) held by actor ``person_key``."""
    segments = [slug(person_key), slug(title)]
    if of_key is not None:
        segments.append(slug(of_key))
    return URIRef(f"{BASE}role/" + "/".join(segments))
