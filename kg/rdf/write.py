"""Serialise a newskg dataset deterministically and write it atomically.

Formats (:data:`FORMATS`): ``turtle`` (.ttl), ``nt`` (.nt), ``json-ld``
(.jsonld, .json), ``trig`` (.trig) and ``nquads`` (.nq). TriG and N-Quads
keep one named graph per article; the others get the union of all graphs.

:func:`serialize` is byte-identical for identical input, whatever the
process or ``PYTHONHASHSEED``: the graph holds no blank nodes, N-Triples and
N-Quads lines are sorted, TriG graphs are written in IRI order and JSON-LD
nodes in ``@id`` order. :func:`write_graph` serialises first and then
replaces the destination in one ``os.replace``, so a failure never leaves a
partial file nor clobbers an earlier one.
"""

from __future__ import annotations

import io
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.errors import OutputError
from kg.io.output import write_bytes
from kg.rdf.graph import PREFIXES, bind_prefixes, union_graph

__all__ = ["FORMATS", "JSONLD_CONTEXT", "Format", "format_for", "serialize", "write_graph"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Format:
    """An output syntax: its name, rdflib plugin, file extensions and named-graph support."""

    name: str
    rdflib_name: str
    extensions: tuple[str, ...]
    quads: bool = False


#: Output formats by name.
FORMATS: dict[str, Format] = {
    "turtle": Format("turtle", "turtle", (".ttl",)),
    "nt": Format("nt", "nt", (".nt",)),
    "json-ld": Format("json-ld", "json-ld", (".jsonld", ".json")),
    "trig": Format("trig", "trig", (".trig",), quads=True),
    "nquads": Format("nquads", "nquads", (".nq",), quads=True),
}

#: Other spellings accepted for an explicit format.
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "jsonld": "json-ld",
            "n-quads": "nquads", "nq": "nquads"}

#: The JSON-LD ``@context``: the prefixes of the graph.
JSONLD_CONTEXT: dict[str, str] = dict(PREFIXES)


def _accepted() -> str:
    return ", ".join(f"{f.name} ({', '.join(f.extensions)})" for f in FORMATS.values())


def format_for(path: str | os.PathLike[str], explicit: str | None = None) -> str:
    """The format name to write ``path`` in: ``explicit`` if given, else by extension.

    Standard output (``-``) defaults to Turtle. Raises :class:`OutputError`
    naming the accepted formats for an unknown name or extension.
    """
    if explicit is not None:
        name = _ALIASES.get(explicit.lower(), explicit.lower())
        if name not in FORMATS:
            raise OutputError(f"unknown output format {explicit!r}; accepted: {_accepted()}")
        return name
    text = os.fspath(path)
    if text == "-":
        return "turtle"
    suffix = Path(text).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt.name
    raise OutputError(f"cannot tell the output format of {text!r} from its extension "
                      f"{suffix or '(none)'}; use one of: {_accepted()} or name the format")


def serialize(data: Dataset | Graph, fmt: str) -> bytes:
    """``data`` in format ``fmt`` (a :data:`FORMATS` name) as UTF-8 bytes, deterministically."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {fmt!r}; accepted: {_accepted()}")
    spec = FORMATS[fmt]
    if spec.quads:
        dataset = _as_dataset(data)
        if fmt == "nquads":
            return _sorted_lines(dataset.serialize(format="nquads", encoding="utf-8"))
        return _trig(dataset)
    graph = _sorted_union(data)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8"))
    if fmt == "json-ld":
        text = graph.serialize(format="json-ld", context=JSONLD_CONTEXT, encoding="utf-8")
        return _sorted_jsonld(text)
    return graph.serialize(format=spec.rdflib_name, encoding="utf-8")


def write_graph(data: Dataset | Graph, path: str | os.PathLike[str],
                fmt: str | None = None) -> None:
    """Write ``data`` to ``path`` (``-`` for standard output) atomically.

    ``fmt`` defaults to the format of the extension (:func:`format_for`).
    Raises :class:`OutputError` when the format is unknown or the file cannot
    be written; any earlier file at ``path`` is then left untouched.
    """
    name = format_for(path, fmt)
    payload = serialize(data, name)
    write_bytes(path, payload)
    log.info("wrote %d bytes of %s to %s", len(payload), name, os.fspath(path))


# ---------------------------------------------------------------- helpers


def _as_dataset(data: Dataset | Graph) -> Dataset:
    if isinstance(data, Dataset):
        return data
    dataset = Dataset()
    bind_prefixes(dataset)
    for triple in data:
        dataset.add(triple)
    return dataset


def _sorted_union(data: Dataset | Graph) -> Graph:
    """The union of ``data``'s graphs, its triples inserted in sorted order."""
    union = union_graph(data) if isinstance(data, Dataset) else data
    ordered = Graph()
    bind_prefixes(ordered)
    for triple in sorted(union, key=lambda t: tuple(term.n3() for term in t)):
        ordered.add(triple)
    return ordered


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.splitlines() if line.strip()})
    return b"".join(line + b"\n" for line in lines)


def _trig(dataset: Dataset) -> bytes:
    from rdflib.plugins.serializers.trig import TrigSerializer

    class _SortedTrigSerializer(TrigSerializer):
        """rdflib's TriG serialiser, with the graphs in IRI order."""

        def __init__(self, store: Graph) -> None:
            super().__init__(store)
            self.contexts.sort(key=lambda context: context.identifier.n3())

    stream = io.BytesIO()
    _SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _sorted_jsonld(text: bytes) -> bytes:
    """rdflib's JSON-LD with nodes in ``@id`` order and multi-values sorted."""
    document = json.loads(text)
    canonical = _sort_json(document)
    return (json.dumps(canonical, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _sort_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: (item if key == "@context" else _sort_json(item))
                for key, item in value.items()}
    if isinstance(value, list):
        items = [_sort_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value
