"""Record values to RDF terms: literals, vocabularies of kinds, modalities and positions.

Every helper returns ``None`` for a value that cannot be written faithfully
(an invalid date, a relative URL, a negative count), so the graph builder
skips it instead of writing an ill-typed literal.
"""

from __future__ import annotations

import logging
import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.namespace import KG

__all__ = [
    "ACTOR_CLASSES", "EVENT_CLASSES", "MODALITIES", "POSITIONS", "clean_text", "confidence_literal",
    "count_literal", "date_literal", "iri_or_none", "text_literal",
]

log = logging.getLogger(__name__)

#: Actor type of the records → ontology class.
ACTOR_CLASSES: dict[str, URIRef] = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Place": KG.Place,
    "Group": KG.Group,
}

#: Event kind of the records → ontology class.
EVENT_CLASSES: dict[str, URIRef] = {
    "expelled": KG.Expulsion,
    "suspended_from": KG.Suspension,
    "voted": KG.Vote,
    "said": KG.Statement,
}

#: Modality of the records → kg:Modality individual.
MODALITIES: dict[str, URIRef] = {
    "asserted": KG.Asserted,
    "call": KG.Called,
    "demand": KG.Demanded,
    "proposal": KG.Proposed,
    "threat": KG.Threatened,
    "plan": KG.Planned,
    "denial": KG.Denied,
    "hypothetical": KG.Hypothetical,
    "attempt": KG.Attempted,
    "report": KG.Reported,
}

#: Vote position of the records → kg:VotePosition individual.
POSITIONS: dict[str, URIRef] = {
    "for": KG.InFavour,
    "against": KG.Against,
    "abstain": KG.Abstention,
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_CENT = Decimal("0.01")


#: NUL and the Unicode noncharacters (U+FDD0-U+FDEF and the last two code points of
#: every plane, "not for interchange"): valid in RDF, but not every parser carries them
#: (Raptor silently cuts a literal at NUL, U+FFFE or U+FFFF).
_NOT_FOR_INTERCHANGE = re.compile(
    "[\x00\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF)
                                    for plane in range(17)) + "]")


def clean_text(text: str) -> str:
    """``text`` with lone surrogates (from malformed JSON escapes), NUL and Unicode
    noncharacters replaced by U+FFFD, each by one (offsets into the text still hold).

    >>> clean_text("a\\x00b\\ufffec\\uffff") == "a\\ufffdb\\ufffdc\\ufffd"
    True
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _NOT_FOR_INTERCHANGE.sub("\ufffd", text)


def text_literal(text: str) -> Literal:
    """A plain ``xsd:string`` literal of ``text``, always encodable as UTF-8."""
    return Literal(clean_text(text))


def date_literal(value: str | None) -> Literal | None:
    """An ``xsd:date`` literal of an ISO ``YYYY-MM-DD`` date, ``None`` if not one."""
    if not value or not _ISO_DATE.fullmatch(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return Literal(value, datatype=XSD.date)


def count_literal(value: int | None) -> Literal | None:
    """An ``xsd:nonNegativeInteger`` literal, ``None`` for a missing or negative count."""
    if value is None or isinstance(value, bool) or value < 0:
        return None
    return Literal(str(int(value)), datatype=XSD.nonNegativeInteger)


def confidence_literal(value: float | None) -> Literal | None:
    """An ``xsd:decimal`` literal of ``value`` clamped to [0, 1] and rounded to 2 places."""
    if value is None or not math.isfinite(value):
        return None
    clamped = min(1.0, max(0.0, float(value)))
    if clamped != value:
        log.debug("confidence %r clamped to %r", value, clamped)
    rounded = Decimal(repr(clamped)).quantize(_CENT, rounding=ROUND_HALF_UP)
    return Literal(str(rounded), datatype=XSD.decimal)


def iri_or_none(value: str | None) -> URIRef | None:
    """``value`` as an IRI if it is a valid absolute IRI, else ``None``."""
    if not value or not _SCHEME.match(value):
        return None
    import pyoxigraph  # the strict RFC 3987 check rdflib does not make

    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return None
    return URIRef(value)
