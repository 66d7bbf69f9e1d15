"""Which RDF files newskg reads: the syntaxes it writes, and never XML.

Every command that reads a graph given by the user (``kg query``, ``kg load``,
``kg serve``, ``kg summary``, ``kg network``, ``kg export``, ``kg evaluate
--graph``) asks :func:`rdf_format` first. It accepts exactly the syntaxes
newskg writes, Turtle (``.ttl``), N-Triples (``.nt``), JSON-LD (``.jsonld``,
``.json``), TriG (``.trig``) and N-Quads (``.nq``), by extension.

RDF/XML is refused, and so is every other XML-based syntax (OWL/XML, TriX,
RDFa in HTML or SVG): newskg never writes them, and refusing them means no
XML parser ever sees a user's file, so no entity is expanded ("billion
laughs") and no external entity (``file:///etc/passwd``, ``http://...``) is
read. A file whose content starts like XML is refused the same way whatever
its extension. JSON-LD is parsed by pyoxigraph, which loads no remote
context: a ``@context`` given by URL is a syntax error, not a fetch.

>>> rdf_format("graph.TTL")
'turtle'
>>> rdf_format("graph.rdf")
Traceback (most recent call last):
...
kg.errors.InputError: graph.rdf: RDF/XML is not read: newskg reads only the RDF syntaxes it writes, Turtle (.ttl), N-Triples (.nt), JSON-LD (.jsonld, .json), TriG (.trig) or N-Quads (.nq); XML is refused so that no XML entity is ever expanded or fetched
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from pyoxigraph import RdfFormat

__all__ = ["ACCEPTED", "READ_FORMATS", "looks_like_xml", "oxigraph_format", "rdf_format"]

#: File extension -> the syntax read (a :data:`kg.rdf.write.FORMATS` name).
READ_FORMATS: dict[str, str] = {
    ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
    ".trig": "trig", ".nq": "nquads",
}

#: The accepted syntaxes, as error messages name them.
ACCEPTED = ("Turtle (.ttl), N-Triples (.nt), JSON-LD (.jsonld, .json), TriG (.trig) "
            "or N-Quads (.nq)")

#: Extensions of syntaxes that are refused by name: XML-based, or not RDF newskg writes.
REFUSED: dict[str, str] = {
    ".rdf": "RDF/XML", ".xml": "RDF/XML", ".owl": "RDF/XML (OWL)", ".rdfs": "RDF/XML",
    ".owx": "OWL/XML", ".trix": "TriX (XML)", ".html": "RDFa (HTML)", ".htm": "RDFa (HTML)",
    ".xhtml": "RDFa (XHTML)", ".svg": "RDFa (SVG)", ".n3": "N3",
}

#: pyoxigraph's name of each syntax read.
_OXIGRAPH = {"turtle": "TURTLE", "nt": "N_TRIPLES", "json-ld": "JSON_LD", "trig": "TRIG",
             "nquads": "N_QUADS"}

#: The start of an XML document: a declaration, a DOCTYPE or comment, or a root
#: element declaring a namespace (``<rdf:RDF xmlns:rdf=...``). None of the accepted
#: syntaxes can start so.
_XML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:\?xml|!|[\w.-]+(?::[\w.-]+)?\s+xmlns)",
                        re.IGNORECASE)

#: Bytes read from the start of a file to recognise XML.
_HEAD = 1024


def looks_like_xml(head: bytes) -> bool:
    """Whether ``head``, the start of a file, is the start of an XML document.

    >>> looks_like_xml(b'<?xml version="1.0"?>')
    True
    >>> looks_like_xml(b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')
    True
    >>> looks_like_xml(b"<https://w3id.org/newskg/id/actor/Russia> a <urn:x> .")
    False
    """
    return _XML_START.match(head) is not None


def _refusal(what: str) -> str:
    return (f"{what} is not read: newskg reads only the RDF syntaxes it writes, {ACCEPTED}; "
            "XML is refused so that no XML entity is ever expanded or fetched")


def rdf_format(path: str | os.PathLike[str]) -> str:
    """The syntax of the RDF file ``path``, from its extension.

    Raises :class:`~kg.errors.InputError` naming the accepted syntaxes for
    RDF/XML and other refused syntaxes, for an unknown extension, and for a
    file that starts like XML whatever its extension (a file that cannot be
    opened is left to the parser to report).
    """
    where = os.fspath(path)
    suffix = Path(where).suffix.lower()
    if suffix in REFUSED:
        raise InputError(_refusal(REFUSED[suffix]), source=where)
    name = READ_FORMATS.get(suffix)
    if name is None:
        raise InputError(f"cannot tell the RDF syntax from the extension {suffix or '(none)'}; "
                         f"newskg reads {ACCEPTED}", source=where)
    try:
        with open(where, "rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return name
    if looks_like_xml(head):
        raise InputError(_refusal(f"XML (in a {suffix} file)"), source=where)
    return name


def oxigraph_format(name: str) -> RdfFormat:
    """pyoxigraph's ``RdfFormat`` for a syntax :func:`rdf_format` returned."""
    from pyoxigraph import RdfFormat

    fmt: RdfFormat = getattr(RdfFormat, _OXIGRAPH[name])
    return fmt
