"""A readable Markdown summary of a newskg graph: articles, actors, events, roles.

Reads any graph newskg writes (it relies only on the ontology's terms), so
it summarises one article's output as well as a whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.namespace import SPARQL_PREFIXES as _PREFIXES

if TYPE_CHECKING:
    from pyoxigraph import Store


ARTICLES = _PREFIXES + """
SELECT ?id ?title ?date (COUNT(DISTINCT ?actor) AS ?actors) WHERE {
  ?a a kg:Article ; dcterms:identifier ?id .
  OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a schema:mentions ?actor }
} GROUP BY ?id ?title ?date ORDER BY ?id"""

ACTORS = _PREFIXES + """
SELECT ?label ?type (GROUP_CONCAT(DISTINCT ?alt; separator="; ") AS ?alts)
       (COUNT(DISTINCT ?a) AS ?articles) WHERE {
  ?actor rdfs:label ?label ; a ?cls .
  VALUES (?cls ?type) { (kg:Person "Person") (kg:Organization "Organization")
                        (kg:Country "Country") (kg:Place "Place") (kg:Group "Group") }
  OPTIONAL { ?actor skos:altLabel ?alt }
  OPTIONAL { ?a schema:mentions ?actor }
} GROUP BY ?label ?type ORDER BY DESC(?articles) ?label"""

EVENTS = _PREFIXES + """
SELECT ?cls ?date ?modality ?quote ?for ?against ?abst ?evidence ?doc ?position
       (GROUP_CONCAT(DISTINCT ?agentLabel; separator=", ") AS ?agents)
       (GROUP_CONCAT(DISTINCT ?patientLabel; separator=", ") AS ?patients)
       (GROUP_CONCAT(DISTINCT ?bodyLabel; separator=", ") AS ?bodies) WHERE {
  ?e a ?cls ; kg:evidence ?evidence ; prov:wasDerivedFrom/dcterms:identifier ?doc .
  VALUES ?cls { kg:Expulsion kg:Suspension kg:Vote kg:Statement }
  OPTIONAL { ?e kg:date ?date } OPTIONAL { ?e kg:modality ?m . BIND(STRAFTER(STR(?m), "#") AS ?modality) }
  OPTIONAL { ?e kg:quote ?quote }
  OPTIONAL { ?e kg:votesFor ?for } OPTIONAL { ?e kg:votesAgainst ?against }
  OPTIONAL { ?e kg:abstentions ?abst }
  OPTIONAL { ?e kg:position ?p . BIND(STRAFTER(STR(?p), "#") AS ?position) }
  OPTIONAL { ?e kg:agent/rdfs:label ?agentLabel }
  OPTIONAL { ?e kg:patient/rdfs:label ?patientLabel }
  OPTIONAL { ?e kg:from/rdfs:label ?bodyLabel }
} GROUP BY ?e ?cls ?date ?modality ?quote ?for ?against ?abst ?evidence ?doc ?position
ORDER BY ?cls ?doc ?date ?evidence ?agents ?quote"""

ROLES = _PREFIXES + """
SELECT DISTINCT ?person ?title ?org WHERE {
  ?p kg:holdsRole ?r ; rdfs:label ?person . ?r kg:title ?title .
  OPTIONAL { ?r kg:roleIn/rdfs:label ?org }
} ORDER BY ?person ?title"""

_HEADINGS = {"Expulsion": "Expulsions", "Suspension": "Suspensions", "Vote": "Votes",
             "Statement": "Statements"}


def _cell(value: object) -> str:
    text = "" if value is None else str(getattr(value, "value", value))
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _rows(store: Store, query: str, names: Iterable[str]) -> list[tuple[object, ...]]:
    """Rows of a SELECT as tuples of plain values (``None`` where unbound)."""
    cols = list(names)
    return [tuple(_value(sol[c]) for c in cols) for sol in store.query(query)]  # type: ignore[union-attr]


def _value(term: object) -> object:
    return None if term is None else getattr(term, "value", term)


def load_store(paths: Iterable[str]) -> Store:
    """An in-memory store of the graphs in ``paths`` (format from each extension).

    Only the syntaxes newskg writes are read; RDF/XML is refused
    (:func:`kg.rdf.read.rdf_format`). Raises :class:`~kg.errors.InputError`
    naming the file that is refused or cannot be read.
    """
    from pyoxigraph import Store

    from kg.errors import InputError
    from kg.rdf.read import oxigraph_format, rdf_format

    store = Store()
    for path in paths:
        fmt = rdf_format(path)
        try:
            store.bulk_load(path=str(path), format=oxigraph_format(fmt))
        except (SyntaxError, OSError) as exc:
            raise InputError(f"cannot read the graph as {fmt}: {exc}", source=str(path)) from exc
    return store


def summarize(store: Store, *, title: str = "newskg summary") -> str:
    """A Markdown report of the graph in ``store``: articles, actors, events, roles."""
    out = [f"# {title}", ""]
    articles = _rows(store, ARTICLES, ("id", "title", "date", "actors"))
    out += ["## Articles", ""] + _table(("id", "title", "date", "actors"), articles) + [""]
    actors = _rows(store, ACTORS, ("label", "type", "alts", "articles"))
    out += [f"## Actors ({len(actors)})", ""]
    out += _table(("actor", "type", "also named", "articles"), actors) + [""]
    cols = ("cls", "date", "modality", "quote", "for", "against", "abst", "evidence", "doc",
            "position", "agents", "patients", "bodies")
    events = [dict(zip(cols, row, strict=True)) for row in _rows(store, EVENTS, cols)]
    for cls, heading in _HEADINGS.items():
        rows = [r for r in events if str(r["cls"]).endswith("#" + cls)]
        out += [f"## {heading} ({len(rows)})", ""]
        if not rows:
            out += ["None found.", ""]
            continue
        if cls == "Statement":
            out += _table(("speaker", "quotation", "date", "article"),
                          [(r["agents"], f"“{r['quote']}”", r["date"], r["doc"]) for r in rows])
        elif cls == "Vote":
            out += _table(("voters", "position", "on", "for", "against", "abstentions", "date",
                           "modality"),
                          [(r["agents"], r["position"], r["patients"], r["for"], r["against"],
                            r["abst"], r["date"], r["modality"]) for r in rows])
        elif cls == "Suspension":
            out += _table(("by", "who", "from", "date", "modality", "evidence"),
                          [(r["agents"], r["patients"], r["bodies"], r["date"], r["modality"],
                            r["evidence"]) for r in rows])
        else:
            out += _table(("by", "who", "date", "modality", "evidence"),
                          [(r["agents"], r["patients"], r["date"], r["modality"], r["evidence"])
                           for r in rows])
        out.append("")
    roles = _rows(store, ROLES, ("person", "title", "org"))
    out += [f"## Roles ({len(roles)})", ""] + (_table(("person", "title", "of"), roles)
                                              if roles else ["None found."]) + [""]
    return "\n".join(out)
