"""What a query may do: refuse SERVICE, LOAD, updates and file IRIs unless allowed.

The query text is scanned with a small SPARQL tokenizer that skips comments,
string literals and IRIs, so a keyword inside ``"..."``, ``<...>``, a
comment, a variable (``?service``) or a prefixed name (``ex:load``) is not
taken for the keyword itself. The check runs before the query reaches any
engine: a refused query touches neither the network nor the disk.

>>> check("SELECT * WHERE { ?s ?p 'SERVICE <http://x>' }").form
'SELECT'
>>> check("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.sparql.errors.UnsafeQueryError: the query calls a remote endpoint (SERVICE <http://example.org/sparql>); remote calls are refused unless you opt in with --allow-service (allow_service=True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.sparql.errors import QueryError, UnsafeQueryError

__all__ = ["Checked", "Policy", "check"]

#: Keywords that start a SPARQL 1.1 Update operation.
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD",
                             "MOVE", "COPY", "WITH"})
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
#: An absolute IRI starts with a scheme.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<name>[A-Za-z\u00c0-\ufffd][\w.\-\u00b7\u00c0-\ufffd]*)?:(?P<local>[\w\-.:%\\\u00b7\u00c0-\ufffd]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Policy:
    """What a query is allowed to do beyond reading the loaded graph (all off by default)."""

    #: ``SERVICE``: call remote SPARQL endpoints (network access).
    allow_service: bool = False
    #: Updates (``INSERT``, ``DELETE``, ``CLEAR``, ``DROP`` ...): change the queried data.
    allow_update: bool = False
    #: ``LOAD``: fetch a document from the web into the data (network access; implies an update).
    allow_load: bool = False


@dataclass(frozen=True)
class Checked:
    """What the scan found: the form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``,
    ``UPDATE``) and the names of the query's variables (without ``?``)."""

    form: str
    variables: frozenset[str]


def spans(text: str) -> Iterator[tuple[str, str, int]]:
    """The tokens of ``text`` (kind, text, offset after it); strings, IRIs and comments
    are skipped whole, and a prefixed name's local part counts as a ``pname``."""
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        match = _TOKEN.match(text, pos)
        if match is None:  # pragma: no cover - the 'other' branch matches any non-space
            return
        kind = match.lastgroup or "other"
        pos = match.end()
        yield ("pname" if kind == "local" else kind), match.group(0), pos


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(kind, token) for kind, token, _ in spans(text)]


def _declared_iris(tokens: list[tuple[str, str]]) -> Callable[[str], str]:
    """A function giving the full IRI an IRI or prefixed name of the query stands for,
    after the query's ``PREFIX`` and ``BASE`` declarations (``BASE <file:///etc/>``
    makes ``<passwd>`` a file IRI; ``PREFIX f: <file:///etc/>`` makes ``f:passwd`` one)."""
    prefixes: dict[str, str] = {}
    base = ""

    def full(text: str) -> str:
        if text.startswith("<") and text.endswith(">"):
            iri = text[1:-1]
        elif ":" in text and not text.startswith(("?", "$")):
            prefix, _, local = text.partition(":")
            iri = prefixes.get(prefix, prefix + ":") + local
        else:
            return text
        return iri if _SCHEME.match(iri) else base + iri

    for index, (kind, value) in enumerate(tokens):
        following = tokens[index + 1:index + 3]
        if kind != "word" or not following:
            continue
        if value.upper() == "BASE" and following[0][0] == "iri":
            base = full(following[0][1])
        elif (value.upper() == "PREFIX" and len(following) == 2 and following[0][0] == "pname"
              and following[1][0] == "iri"):
            prefixes[following[0][1].partition(":")[0]] = full(following[1][1])
    return full


def check(query: str, policy: Policy | None = None) -> Checked:
    """Scan ``query`` and raise :class:`UnsafeQueryError` for what ``policy`` does not allow.

    Refused without the opt-in: ``SERVICE`` (``allow_service``), ``LOAD``
    (``allow_load``) and every other update (``allow_update``). ``FROM`` and
    ``FROM NAMED`` only select graphs of the store by name and never fetch
    anything, but a ``file:`` IRI there (or in ``SERVICE`` or ``LOAD``), written
    out or through a ``PREFIX`` or ``BASE``, is always refused: newskg never
    reads files named inside a query.
    """
    policy = policy or Policy()
    tokens = _tokens(query)
    words = [(i, value.upper()) for i, (kind, value) in enumerate(tokens) if kind == "word"]
    variables = frozenset(value[1:] for kind, value in tokens if kind == "var")

    iris = _declared_iris(tokens)

    def iri_after(index: int) -> str:
        for kind, value in tokens[index + 1:index + 4]:
            if kind in ("iri", "pname", "var"):
                return value
        return "?"

    for index, word in words:
        if word in ("SERVICE", "LOAD", "FROM"):
            target = iri_after(index)
            if iris(target).lower().startswith("file:"):
                raise UnsafeQueryError(
                    f"the query names a local file ({word} {target}); newskg never reads files "
                    "named inside a query: give the file as a SOURCE (or load it into a store "
                    "with kg load) instead")
        if word == "SERVICE" and not policy.allow_service:
            raise UnsafeQueryError(
                f"the query calls a remote endpoint (SERVICE {iri_after(index)}); remote calls "
                "are refused unless you opt in with --allow-service (allow_service=True)")
        if word == "LOAD" and not policy.allow_load:
            raise UnsafeQueryError(
                f"the query loads a document (LOAD {iri_after(index)}); LOAD is refused unless "
                "you opt in with --allow-load (allow_load=True)")
    forms = [word for _, word in words if word in QUERY_FORMS]
    updates = [word for _, word in words if word in UPDATE_KEYWORDS]
    if updates:
        if not (policy.allow_update or (set(updates) == {"LOAD"} and policy.allow_load)):
            raise UnsafeQueryError(
                f"the request is a SPARQL update ({updates[0]}); the data is read-only unless "
                "you opt in with --allow-update (allow_update=True)")
        return Checked("UPDATE", variables)
    if not forms:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return Checked(forms[0], variables)
