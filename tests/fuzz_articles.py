"""Hypothesis strategies for hostile news articles, and checks of what newskg writes.

The articles mix news-like sentences built from the word lists below (all
invented here; no real news is copied) with the things that break text
pipelines: random Unicode, control characters, right-to-left scripts and
bidi controls, emoji and combining marks, quotation marks balanced,
unbalanced and nested, tokens of thousands of characters without a space,
runs of blank lines and bullets.

Used by ``tests/test_robustness.py`` and ``tests/test_independent_parsers.py``;
the checks (:func:`check_outputs`) serialise a dataset in every format, parse
it back with rdflib and pyoxigraph and (but JSON-LD) with Raptor's ``rapper``
and Serd's ``serdi`` (``tests/independent_parsers.py``), check every IRI and
every offset.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable

import pyoxigraph
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef

from kg.namespace import KG
from kg.rdf.write import FORMATS, serialize
from kg.records import Extraction
from tests.independent_parsers import check_independently

# ---------------------------------------------------------------- word lists

PEOPLE = ("Anna Kowalska", "Jean-Luc Moreau", "Olena Shevchenko", "Kenji Sato",
          "María José Fernández", "Agnès Dubois", "Nguyễn Văn An", "Søren Kierkegaard-Holm",
          "Ahmed Al-Rashid", "Li Wei", "O'Brien", "Mr. Smith")
COUNTRIES = ("Poland", "Russia", "France", "Ukraine", "the United States", "China",
             "Estonia", "Côte d'Ivoire", "São Tomé and Príncipe", "Germany", "Iran", "Brazil")
BODIES = ("the United Nations Human Rights Council", "the UN General Assembly",
          "the Council of Europe", "the African Union", "NATO", "the World Health Organization",
          "the European Parliament", "FIFA")
GROUPS = ("two Russian diplomats", "three diplomats", "the ambassador", "15 journalists",
          "Human Rights Watch", "Amnesty International", "93 countries", "its envoys")
VERBS = ("expelled", "expels", "will expel", "suspended", "suspends", "was suspended from",
         "voted against", "voted for", "abstained on", "said", "says", "told", "added",
         "called for", "threatened to expel", "denied expelling", "declared persona non grata")
TIMES = ("on Friday", "yesterday", "on March 9", "last week", "on 2022-04-09", "today", "",
         "earlier this week", "in 1999")
TALLIES = ("by 93 votes to 24, with 58 abstentions", "230-to-197", "93 in favour, 24 against",
           "unanimously", "")
WORDS = ("sanctions", "spying", "the law", "our soil", "democracy", "peace", "war",
         "tolerate", "never", "we", "will", "not", "the resolution", "breach")
#: Quotation marks: (opening, closing).
QUOTES = (("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"),
          ("\u201e", "\u201c"), ("'", "'"), ("\u2039", "\u203a"), ("\u300c", "\u300d"))
BULLETS = ("- ", "* ", "\u2022 ", "1. ", "\u25aa ", "> ", "# ", "+ ", "\u2013 ")
BREAKS = (" ", "\n", "\n\n", "\n\n\n\n", "\r\n", "\n \n", "\t", "\u2028", "\u2029",
          "\x0b", "\x0c", "\x1c", "\x85", "\r")

# ---------------------------------------------------------------- hostile characters

#: Control characters except NUL (a NUL makes a text file binary).
CONTROLS = "".join(chr(c) for c in (*range(1, 32), *range(127, 160)))
RTL = ("\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",  # Arabic
       "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew
       "\u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629",
       "\u202eRussia\u202c", "\u200fPoland\u200e", "\u2067Iran\u2069", "\u202bNATO\u202c")
EMOJI = ("\U0001f600", "\U0001f1f7\U0001f1fa", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
         "\U0001f44d\U0001f3fd", "\u2764\ufe0f", "\U0001f5f3\ufe0f", "\U0001faf6")
COMBINING = "\u0301\u0308\u0327\u0336\u20dd\u0489\u1ab0\u302a"
ODD = ("\u200b", "\u200c", "\u200d", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\u00ad",
       "\U0010ffff", "\U000e0001", "\u0000\u0001"[1:], "\u2060", "\u180e", "\u3000", "\xa0")

#: Characters every generated text may hold: any code point but NUL and surrogates.
ANY_CHAR = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))


def _interleave(parts: list[str], seps: list[str]) -> str:
    out = []
    for i, part in enumerate(parts):
        out.append(part)
        if i < len(parts) - 1:
            out.append(seps[i % len(seps)] if seps else " ")
    return "".join(out)


@st.composite
def quotation(draw: st.DrawFn, depth: int = 0) -> str:
    """Quoted words: balanced, unbalanced (no closing or no opening mark) or nested."""
    opening, closing = draw(st.sampled_from(QUOTES))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=8))
    inner = " ".join(words)
    if depth < 3 and draw(st.booleans()):
        nested = draw(quotation(depth + 1))
        position = draw(st.integers(0, len(inner)))
        inner = inner[:position] + " " + nested + " " + inner[position:]
    arrangement = draw(st.sampled_from(("balanced", "balanced", "no-close", "no-open",
                                        "reversed", "doubled")))
    if arrangement == "no-close":
        return opening + inner
    if arrangement == "no-open":
        return inner + closing
    if arrangement == "reversed":
        return closing + inner + opening
    if arrangement == "doubled":
        return opening + opening + inner + closing
    return opening + inner + closing


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """A sentence in the shape of international-affairs news, from the word lists."""
    actor = st.sampled_from(PEOPLE + COUNTRIES + BODIES + GROUPS)
    kind = draw(st.integers(0, 4))
    if kind == 0:  # "Poland expelled two Russian diplomats on Friday."
        parts = [draw(actor), draw(st.sampled_from(VERBS)), draw(actor),
                 draw(st.sampled_from(TIMES))]
    elif kind == 1:  # a quotation with its speaker before or after
        quote = draw(quotation())
        speaker = draw(actor)
        verb = draw(st.sampled_from(("said", "added", "told reporters", "says", "wrote")))
        parts = ([quote + ",", verb, speaker] if draw(st.booleans())
                 else [speaker, verb + ":", quote])
    elif kind == 2:  # a vote
        parts = [draw(actor), "voted", draw(st.sampled_from(("to suspend", "to expel", "on"))),
                 draw(actor), "from" if draw(st.booleans()) else "",
                 draw(st.sampled_from(BODIES)), draw(st.sampled_from(TALLIES))]
    elif kind == 3:  # reported speech with a role
        person = draw(st.sampled_from(PEOPLE))
        parts = [person + ",", "a spokesman for", draw(st.sampled_from(BODIES)) + ",",
                 "said", draw(actor), "had", draw(st.sampled_from(VERBS)), draw(actor)]
    else:  # a list with "including"
        parts = [draw(actor), draw(st.sampled_from(VERBS)),
                 ", ".join(draw(st.lists(actor, min_size=1, max_size=5))),
                 "including", draw(actor), "and", draw(actor)]
    end = draw(st.sampled_from((".", ".", "!", "?", "", "...", ".\u201d", ";")))
    return " ".join(part for part in parts if part) + end


@st.composite
def long_token(draw: st.DrawFn) -> str:
    """A token of 1,000 to 12,000 characters without a space (URLs, base64, repeated marks)."""
    size = draw(st.integers(1_000, 12_000))
    kind = draw(st.sampled_from(("letters", "url", "marks", "random", "emoji")))
    rng = random.Random(draw(st.integers(0, 2**32)))
    if kind == "letters":
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ") for _ in range(size))
    if kind == "url":
        return "https://example.org/" + "a/" * (size // 2)
    if kind == "marks":
        return "".join(rng.choice("\u201c\u201d\"'\u00ab\u00bb.,;:-!?()[]") for _ in range(size))
    if kind == "emoji":
        return "".join(rng.choice(EMOJI + tuple(COMBINING)) for _ in range(size // 2))
    pool = [chr(rng.randrange(0x21, 0x3000)) for _ in range(64)]
    return "".join(rng.choice(pool) for _ in range(size)).replace(" ", "x")


def noise() -> st.SearchStrategy[str]:
    """Short runs of hostile characters."""
    return st.one_of(
        st.text(ANY_CHAR, min_size=1, max_size=40),
        st.text(st.sampled_from(CONTROLS), min_size=1, max_size=10),
        st.sampled_from(RTL),
        st.sampled_from(EMOJI),
        st.text(st.sampled_from(COMBINING), min_size=1, max_size=12),
        st.sampled_from(ODD),
        st.builds(lambda word, marks: word + marks, st.sampled_from(COUNTRIES + PEOPLE),
                  st.text(st.sampled_from(COMBINING), max_size=3)),
    )


def layout() -> st.SearchStrategy[str]:
    """Blank lines and bullets."""
    return st.one_of(
        st.builds(lambda n: "\n" * n, st.integers(2, 40)),
        st.builds(lambda b, s: "\n" + b + s, st.sampled_from(BULLETS), news_sentence()),
        st.builds(lambda b: "\n" + b.strip() + "\n", st.sampled_from(BULLETS)),
        st.sampled_from(("\n \n\t\n", "\n\n---\n\n", "\n\n***\n\n", "\u00a0\n\u00a0\n")),
    )


@st.composite
def article_text(draw: st.DrawFn, *, long_tokens: bool = True) -> str:
    """An article: news sentences mixed with noise, layout and (sometimes) long tokens."""
    piece = st.one_of(news_sentence(), news_sentence(), news_sentence(), noise(), layout(),
                      *( [long_token()] if long_tokens else []))
    parts = draw(st.lists(piece, min_size=1, max_size=14))
    seps = draw(st.lists(st.sampled_from(BREAKS), min_size=1, max_size=4))
    text = _interleave(parts, seps)
    if not text.strip():
        text += "Poland expelled a diplomat."
    return text


def metadata_text() -> st.SearchStrategy[str]:
    """Ids, titles and URLs: anything, including what makes a poor IRI."""
    return st.one_of(
        st.text(ANY_CHAR, min_size=1, max_size=30),
        st.sampled_from(("a b", "../x", ".", "..", "~", "_", "%", "%zz", "a/b/c", "?q=1#f",
                         "<>\"{}|\\^`", "\u202eevil", "x" * 300, "https://example.org/a b",
                         "http://[::1", "urn:x", "mailto:a@b", "https://example.org/ok",
                         "javascript:alert(1)", "file:///etc/passwd", "http://例え.テスト/パス")),
    )


# ---------------------------------------------------------------- checks of the output

#: Format name -> (rdflib parser, pyoxigraph format).
PARSERS = {
    "turtle": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    "nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    "json-ld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD),
    "trig": ("trig", pyoxigraph.RdfFormat.TRIG),
    "nquads": ("nquads", pyoxigraph.RdfFormat.N_QUADS),
}


def check_iri(value: str) -> None:
    """``value`` is an IRI pyoxigraph accepts (its check is RFC 3987)."""
    try:
        pyoxigraph.NamedNode(value)
    except ValueError as exc:  # pragma: no cover - a failure
        raise AssertionError(f"invalid IRI {value!r}: {exc}") from exc


def parse_back(data: bytes, fmt: str) -> tuple[int, int]:
    """Parse ``data`` with rdflib and pyoxigraph; the number of distinct quads each read."""
    rdflib_name, oxigraph_format = PARSERS[fmt]
    graph: Graph = Dataset() if FORMATS[fmt].quads else Graph()
    graph.parse(data=data, format=rdflib_name)
    if isinstance(graph, Dataset):
        from_rdflib = sum(1 for _ in graph.quads((None, None, None, None)))
    else:
        from_rdflib = len(graph)
    quads = set(pyoxigraph.parse(data, format=oxigraph_format))
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode):
                check_iri(term.value)
    return from_rdflib, len(quads)


def check_outputs(dataset: Dataset) -> dict[str, bytes]:
    """Serialise ``dataset`` in every format and check each parses back with every parser.

    Every IRI of the dataset passes pyoxigraph's check; rdflib and pyoxigraph
    read as many quads as the dataset holds (the union for the triple
    formats); ``rapper`` and ``serdi`` read every format but JSON-LD without
    a complaint, and the same quads as pyoxigraph.
    """
    for quad in dataset.quads((None, None, None, None)):
        for term in quad:
            if isinstance(term, URIRef):
                check_iri(str(term))
    triples = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    quads = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}
    written = {}
    for fmt in FORMATS:
        data = serialize(dataset, fmt)
        data.decode("utf-8")  # valid UTF-8, or this raises
        expected = len(quads) if FORMATS[fmt].quads else len(triples)
        from_rdflib, from_oxigraph = parse_back(data, fmt)
        assert from_oxigraph == expected, (fmt, from_oxigraph, expected)
        assert from_rdflib == expected, (fmt, from_rdflib, expected)
        check_independently(data, fmt)
        written[fmt] = data
    return written


def check_offsets(dataset: Dataset, extractions: Iterable[Extraction]) -> int:
    """Every event's evidence and quote offsets slice its article's text to the literal.

    Literals are compared after :func:`kg.rdf.terms.clean_text`, as written.
    Returns the number of events checked.
    """
    from rdflib.namespace import PROV

    from kg.rdf.graph import union_graph
    from kg.rdf.iri import article_iri
    from kg.rdf.terms import clean_text

    graph = union_graph(dataset)
    texts = {article_iri(ex.article.id): ex.article.text for ex in extractions}
    checked = 0
    for event, article in set(graph.subject_objects(PROV.wasDerivedFrom)):
        text = texts[article]
        for start_p, end_p, value_p in ((KG.evidenceStart, KG.evidenceEnd, KG.evidence),
                                        (KG.quoteStart, KG.quoteEnd, KG.quote)):
            start, end, value = (graph.value(event, p) for p in (start_p, end_p, value_p))
            if start_p == KG.quoteStart and value is None:
                continue
            assert isinstance(start, Literal) and isinstance(end, Literal), (event, start_p)
            assert isinstance(value, Literal)
            s, e = int(start), int(end)
            assert 0 <= s <= e <= len(text), (event, s, e, len(text))
            assert clean_text(text[s:e]) == str(value), (event, text[s:e], str(value))
        checked += 1
    return checked


def jsonl_line(record: object) -> str:
    """One JSONL line, non-ASCII kept as is."""
    return json.dumps(record, ensure_ascii=False)
