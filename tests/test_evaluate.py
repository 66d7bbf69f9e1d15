"""``kg evaluate``: gold files, reading predictions from RDF, scoring, reports, the command.

Every gold file, article and graph here is invented for these tests and
built by hand with rdflib, so nothing but the last test loads a model. That
one checks that ``kg evaluate`` and the shared scorer agree on the
development set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import (
    SUMMARY_KEYS,
    Counts,
    Report,
    evaluate,
    fold_name,
    load_gold,
    parse_gold,
    quote_coverage,
    read_predictions,
    report_json,
    report_table,
)
from kg.namespace import KG, SCHEMA
from tests.shared import shared_path

ID = "https://example.org/test/"
DOC = "borduria-1"


# ---------------------------------------------------------------- building graphs by hand


class Builder:
    """A small graph in the scorer's contract, one article at a time."""

    def __init__(self) -> None:
        self.graph = Graph()
        self._n = 0

    def article(self, doc: str = DOC) -> URIRef:
        node = URIRef(ID + "article/" + doc)
        self.graph.add((node, RDF.type, KG.Article))
        self.graph.add((node, DCTERMS.identifier, Literal(doc)))
        return node

    def actor(self, label: str, kind: URIRef = KG.Country, *, alts: tuple[str, ...] = (),
              members: int | None = None, mentioned_in: URIRef | None = None) -> URIRef:
        node = URIRef(ID + "actor/" + label.replace(" ", "_"))
        self.graph.add((node, RDF.type, kind))
        self.graph.add((node, RDFS.label, Literal(label)))
        for alt in alts:
            self.graph.add((node, SKOS.altLabel, Literal(alt)))
        if members is not None:
            self.graph.add((node, KG.memberCount, Literal(members)))
        if mentioned_in is not None:
            self.graph.add((mentioned_in, SCHEMA.mentions, node))
        return node

    def event(self, kind: URIRef, article: URIRef | None, *, agent: URIRef | None = None,
              patient: URIRef | None = None, body: URIRef | None = None,
              quote: str | None = None, date: str | None = None,
              modality: URIRef | None = None, evidence: bool = True,
              **numbers: int) -> URIRef:
        self._n += 1
        node = URIRef(f"{ID}event/{self._n:03d}")
        g = self.graph
        g.add((node, RDF.type, kind))
        if article is not None:
            g.add((node, PROV.wasDerivedFrom, article))
        for predicate, value in ((KG.agent, agent), (KG.patient, patient),
                                 (KG["from"], body)):
            if value is not None:
                g.add((node, predicate, value))
        if quote is not None:
            g.add((node, KG.quote, Literal(quote)))
        if date is not None:
            g.add((node, KG.date, Literal(date, datatype=XSD.date)))
        if modality is not None:
            g.add((node, KG.modality, modality))
        if evidence:
            g.add((node, KG.evidence, Literal("The sentence it came from.")))
        for name, value in numbers.items():
            g.add((node, KG[name], Literal(value)))
        return node


def gold_of(*relations: dict[str, object], entities: tuple[dict[str, object], ...] = (),
            doc: str = DOC) -> dict[str, object]:
    return {"id": doc, "relations": list(relations), "entities": list(entities)}


def score(builder: Builder, *golds: dict[str, object]) -> Report:
    parsed = {g["id"]: parse_gold(g) for g in golds}
    return evaluate(read_predictions(builder.graph), parsed, article_ids=list(parsed))


def write_gold(folder: Path, *golds: dict[str, object]) -> Path:
    folder.mkdir(exist_ok=True)
    for g in golds:
        (folder / f"{g['id']}.json").write_text(json.dumps(g), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- names and quotations


@pytest.mark.parametrize(("a", "b"), [
    ("Zoë Kovács", "zoe kovacs"),                      # accents and case
    ("The Syldavian Assembly", "Syldavian Assembly"),  # a leading article
    ("Borduria's", "Borduria"),                        # a possessive
    ("Borduria\u2019s ministry", "borduria ministry"),  # a curly apostrophe
    ("U.N.", "U N"),                                   # punctuation
    ("  Klow   Council ", "klow council"),             # spaces
])
def test_fold_name_makes_equal(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Theodor", "odor"),      # "the" only as a word
    ("Syldavia", "Borduria"),
])
def test_fold_name_keeps_apart(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b)


def test_quote_coverage_counts_gold_words() -> None:
    gold = "one two three four five six seven eight nine ten"
    assert quote_coverage(gold, "one two three four five six") == pytest.approx(0.6)
    assert quote_coverage(gold, "One, two; three four five!") == pytest.approx(0.5)


@pytest.mark.parametrize(("spoken", "found"), [
    ("one two three four five six", 1),  # 6 of 10 words: exactly the threshold
    ("one two three four five", 0),      # 5 of 10: too little
])
def test_quote_coverage_threshold(spoken: str, found: int) -> None:
    b = Builder()
    art = b.article()
    speaker = b.actor("Ana Petrova", KG.Person, mentioned_in=art)
    b.event(KG.Statement, art, agent=speaker, quote=spoken)
    report = score(b, gold_of({"rel": "said", "s": ["Ana Petrova"],
                               "quote": "one two three four five six seven eight nine ten"}))
    assert report.relations["said"].found == found
    assert report.relations["said"].right == found
    assert report.relations["said"].pred == 1


# ---------------------------------------------------------------- relations


def test_names_match_through_alternative_labels_and_folding() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", alts=("Szohôd",), mentioned_in=art)
    envoy = b.actor("Syldavian envoy", KG.Person, mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=envoy)
    report = score(b, gold_of({"rel": "expelled", "s": ["Bordurian government", "szohod"],
                               "o": ["the Syldavian envoy's"]}))
    assert report.relations["expelled"] == Counts(gold=1, found=1, pred=1, right=1)
    assert [f for f in report.findings if f.relation != "entity"] == []


def test_optional_items_are_neither_required_nor_false() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=syl)
    report = score(b, gold_of(
        {"rel": "expelled", "s": ["Borduria"], "o": ["Syldavia"], "optional": True},
        {"rel": "suspended_from", "s": ["Syldavia"], "o": ["Klow Council"], "optional": True},
        entities=({"names": ["Borduria"], "type": "Country", "optional": True},
                  {"names": ["Syldavia"], "type": "Country"},
                  {"names": ["Klow"], "type": "Place", "optional": True})))
    expelled = report.relations["expelled"]
    assert (expelled.gold, expelled.found, expelled.pred, expelled.right) == (0, 0, 1, 1)
    assert report.relations["suspended_from"].gold == 0
    assert (report.entities.gold, report.entities.found) == (1, 1)
    assert (report.entities.pred, report.entities.right) == (2, 2)
    assert report.findings == ()


def test_gold_without_subject_matches_any_agent_or_none() -> None:
    b = Builder()
    art = b.article()
    member = b.actor("Ivan Horvat", KG.Person, mentioned_in=art)
    party = b.actor("Green League", KG.Organization, mentioned_in=art)
    someone = b.actor("Party board", KG.Organization, mentioned_in=art)
    b.event(KG.Expulsion, art, agent=someone, patient=member)
    b.event(KG.Suspension, art, patient=member, body=party)
    report = score(b, gold_of({"rel": "expelled", "s": None, "o": ["Ivan Horvat"]},
                              {"rel": "suspended_from", "s": ["Horvat"], "o": ["Green League"]},
                              {"rel": "suspended_from", "s": ["Ivan Horvat", "Horvat"],
                               "o": ["Green League"]}))
    assert report.relations["expelled"].found == 1
    suspended = report.relations["suspended_from"]  # "Horvat" alone is another name
    assert (suspended.gold, suspended.found, suspended.pred, suspended.right) == (2, 1, 1, 1)


def test_gold_without_object_matches_votes_on_anything() -> None:
    b = Builder()
    art = b.article()
    voters = b.actor("61 countries", KG.Group, members=61, mentioned_in=art)
    others = b.actor("20 countries", KG.Group, members=20, mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Vote, art, agent=voters)                 # no patient at all
    b.event(KG.Vote, art, agent=others, patient=syl)
    report = score(b, gold_of({"rel": "voted", "s": ["61 countries"], "o": None},
                              {"rel": "voted", "s": ["20 countries"], "o": None}))
    voted = report.relations["voted"]
    assert (voted.gold, voted.found, voted.pred, voted.right) == (2, 2, 2, 2)


def test_a_vote_on_a_motion_takes_the_motions_patient() -> None:
    b = Builder()
    art = b.article()
    voters = b.actor("Klow Council", KG.Organization, mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    motion = b.event(KG.Suspension, art, patient=syl, body=voters)
    vote = b.event(KG.Vote, art, agent=voters)
    b.graph.add((vote, KG.motion, motion))
    report = score(b, gold_of({"rel": "voted", "s": ["Klow Council"], "o": ["Syldavia"]},
                              {"rel": "suspended_from", "s": ["Syldavia"],
                               "o": ["Klow Council"]}))
    assert report.relations["voted"].found == 1
    assert report.relations["suspended_from"].found == 1


def test_only_asserted_events_count() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=syl, modality=KG.Called)
    b.event(KG.Suspension, art, patient=syl, body=bord, modality=KG.Threatened)
    b.event(KG.Expulsion, art, agent=syl, patient=bord, modality=KG.Asserted)
    report = score(b, gold_of({"rel": "expelled", "s": ["Syldavia"], "o": ["Borduria"]}))
    assert report.relations["expelled"].pred == 1
    assert report.relations["expelled"].right == 1
    assert report.relations["suspended_from"].pred == 0


def test_duplicate_predictions_count_once() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    ana = b.actor("Ana Petrova", KG.Person, mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=syl)
    b.event(KG.Expulsion, art, agent=bord, patient=syl, date="2031-05-02")
    b.event(KG.Statement, art, agent=ana, quote="We stand firm.")
    b.event(KG.Statement, art, agent=ana, quote="we stand FIRM")  # same words
    report = score(b, gold_of({"rel": "expelled", "s": ["Borduria"], "o": ["Syldavia"]}))
    assert report.relations["expelled"].pred == 1
    assert report.relations["said"].pred == 1
    falses = [f for f in report.findings if f.relation != "entity"]
    assert [(f.kind, f.relation, f.obj) for f in falses] == [("false", "said", "We stand firm.")]


def test_misses_and_false_positives_are_listed() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Expulsion, art, agent=syl, patient=bord)
    report = score(b, gold_of({"rel": "expelled", "s": None, "o": ["Syldavia", "Syldavians"]},
                              {"rel": "said", "s": ["Ana Petrova"], "quote": "Not now."}))
    found = {(f.kind, f.relation, f.subject, f.obj) for f in report.findings
             if f.relation != "entity"}
    assert found == {("miss", "expelled", None, "Syldavia"),
                     ("miss", "said", "Ana Petrova", "Not now."),
                     ("false", "expelled", "syldavia", "borduria")}
    assert report.relations["expelled"].precision == 0.0
    assert report.micro_f1 == 0.0


def test_vote_counts_from_tallies_and_member_counts() -> None:
    b = Builder()
    art = b.article()
    group = b.actor("61 countries", KG.Group, members=61, mentioned_in=art)
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Vote, art, agent=group, patient=syl)
    b.event(KG.Vote, art, agent=bord, patient=syl, votesFor=48, votesAgainst=7)
    report = score(b, gold_of(
        {"rel": "voted", "s": ["61 countries"], "o": ["Syldavia"], "count": 61},
        {"rel": "voted", "s": ["Borduria"], "o": ["Syldavia"], "count": 7},
        {"rel": "voted", "s": ["Borduria"], "o": ["Syldavia"], "count": 12,
         "position": "against"}))
    assert (report.vote_counts.right, report.vote_counts.total) == (2, 3)
    assert report.vote_counts.value == pytest.approx(2 / 3)


def test_dates_are_checked_on_found_relations() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    ana = b.actor("Ana Petrova", KG.Person, mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=syl, date="2031-05-02")
    b.event(KG.Suspension, art, patient=syl, body=bord, date="2031-05-03")
    b.event(KG.Statement, art, agent=ana, quote="Enough.", evidence=False)
    report = score(b, gold_of(
        {"rel": "expelled", "s": ["Borduria"], "o": ["Syldavia"], "date": "2031-05-02"},
        {"rel": "suspended_from", "s": ["Syldavia"], "o": ["Borduria"], "date": "2031-05-01"},
        {"rel": "said", "s": ["Ana Petrova"], "quote": "Nothing alike.", "date": "2031-05-02"}))
    assert (report.dates.right, report.dates.total) == (1, 2)  # the missed quote is not judged
    assert (report.evidence.right, report.evidence.total) == (2, 3)


def test_entities_pair_once_and_types_are_checked() -> None:
    b = Builder()
    art = b.article()
    b.actor("Borduria", KG.Country, alts=("Szohod",), mentioned_in=art)
    b.actor("Szohod City", KG.Country, mentioned_in=art)       # right entity, wrong type
    b.actor("Bordurie", KG.Country, mentioned_in=art)          # no gold entity
    b.actor("Ana Petrova", KG.Person, mentioned_in=art)
    report = score(b, gold_of(entities=(
        {"names": ["Borduria", "Szohod"], "type": "Country"},
        {"names": ["Szohod City"], "type": "Place"},
        {"names": ["Ana Petrova", "Petrova"], "type": "Person"},
        {"names": ["Klow Council"], "type": "Organization"})))
    e = report.entities
    assert (e.gold, e.found, e.pred, e.right) == (4, 3, 4, 3)
    assert (report.entity_types.right, report.entity_types.total) == (2, 3)
    misses = [(f.kind, f.subject, f.obj) for f in report.findings]
    assert misses == [("false", "bordurie", "Country"), ("miss", "Klow Council", "Organization")]


def test_both_schema_org_schemes_give_mentions() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria")
    b.graph.add((art, URIRef("http://schema.org/mentions"), bord))
    report = score(b, gold_of(entities=({"names": ["Borduria"], "type": "Country"},)))
    assert report.entities.found == 1


def test_articles_without_gold_and_events_without_provenance() -> None:
    b = Builder()
    art = b.article()
    other = b.article("elsewhere")
    bord = b.actor("Borduria", mentioned_in=other)
    syl = b.actor("Syldavia", mentioned_in=other)
    b.event(KG.Expulsion, other, agent=bord, patient=syl)
    b.event(KG.Expulsion, None, agent=bord, patient=syl)
    assert art is not None
    report = score(b, gold_of())
    assert report.articles == 1
    assert report.relations["expelled"].pred == 0
    assert report.entities.pred == 0
    assert report.events_without_provenance == 1


def test_a_dataset_reads_like_its_union() -> None:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=syl, date="2031-05-02")
    dataset = Dataset()
    named = dataset.graph(art)
    for triple in b.graph:
        (named if triple[0] != bord else dataset).add(triple)
    merged, plain = read_predictions(dataset), read_predictions(b.graph)
    assert merged.relations == plain.relations
    assert set(merged.actors[DOC]) == set(plain.actors[DOC])
    assert merged.events_without_provenance == plain.events_without_provenance == 0


# ---------------------------------------------------------------- gold files


def test_load_gold_reads_a_folder(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "gold", gold_of(
        {"rel": "said", "s": ["Ana"], "quote": "Yes.", "optional": True},
        entities=({"names": ["Ana"], "type": "Person"},)), gold_of(doc="other"))
    gold = load_gold(folder)
    assert sorted(gold) == [DOC, "other"]
    assert gold[DOC].relations[0].optional
    assert gold[DOC].entities[0].names == ("Ana",)


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"relations": []}', "'id'"),
    ('{"id": "x", "relations": [{"rel": "hugged", "s": ["A"], "o": ["B"]}]}', "'rel'"),
    ('{"id": "x", "relations": [{"rel": "said", "s": ["A"]}]}', "'quote'"),
    ('{"id": "x", "relations": [{"rel": "voted", "s": "A", "o": null}]}', "list of names"),
    ('{"id": "x", "relations": [{"rel": "voted", "s": null, "o": null, "count": "93"}]}',
     "'count'"),
    ('{"id": "x", "relations": [{"rel": "expelled", "s": null, "o": ["B"], "date": "May"}]}',
     "'date'"),
    ('{"id": "x", "entities": [{"names": ["A"], "type": "Planet"}]}', "'type'"),
    ('{"id": "x", "entities": [{"names": [], "type": "Person"}]}', "at least one name"),
])
def test_a_malformed_gold_file_is_named(tmp_path: Path, content: str, reason: str) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason) as info:
        load_gold(folder)
    assert info.value.source == str(folder / "bad.json")


def test_a_missing_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        load_gold(tmp_path / "nowhere")


# ---------------------------------------------------------------- reports


def _simple_report() -> Report:
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    syl = b.actor("Syldavia", mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=syl, date="2031-05-02")
    return score(b, gold_of({"rel": "expelled", "s": ["Borduria"], "o": ["Syldavia"],
                             "date": "2031-05-02"},
                            {"rel": "said", "s": ["Ana"], "quote": "No."},
                            entities=({"names": ["Borduria"], "type": "Country"},)))


def test_report_json_shape() -> None:
    data = report_json(_simple_report())
    assert list(data["relations"]) == ["expelled", "suspended_from", "voted", "said",
                                       "entities"]
    assert data["relations"]["expelled"] == {"P": 1.0, "R": 1.0, "F1": 1.0, "gold": 1,
                                             "pred": 1, "found": 1, "right": 1}
    assert data["relations"]["entities"]["P"] == 0.5
    for key in SUMMARY_KEYS:
        assert key in data
    assert data["relations_micro_F1"] == 0.667
    assert data["relations_macro_F1"] == 0.25
    assert data["date_accuracy"] == 1.0
    assert data["vote_count_accuracy"] is None
    assert data["articles"] == 1
    assert "details" not in data
    detailed = report_json(_simple_report(), details=True)
    assert {"article": DOC, "kind": "miss", "relation": "said", "subject": "Ana",
            "object": "No."} in detailed["details"]
    json.dumps(detailed)  # plain JSON


def test_report_table_rows() -> None:
    lines = report_table(_simple_report()).splitlines()
    assert lines[0].split() == ["P", "R", "F1", "gold", "pred"]
    assert lines[1].split() == ["expelled", "1.000", "1.000", "1.000", "1", "1"]
    assert [line.split()[0] for line in lines[1:6]] == ["expelled", "suspended_from", "voted",
                                                        "said", "entities"]
    assert "relations_micro_F1: 0.667" in lines
    assert "vote_count_accuracy: None" in lines
    detailed = report_table(_simple_report(), details=True)
    assert "| borduria-1 | miss | said | Ana | No." in detailed
    assert "| false | entity | syldavia | Country" in detailed


# ---------------------------------------------------------------- the command


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    """An article folder, its gold folder and a hand-built graph of it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for doc in (DOC, "not-annotated"):
        (articles / f"{doc}.json").write_text(json.dumps(
            {"id": doc, "title": "Borduria expels envoy", "date": "2031-05-02",
             "text": "Borduria expelled the Syldavian envoy on Friday."}), encoding="utf-8")
    gold = write_gold(tmp_path / "gold", gold_of(
        {"rel": "expelled", "s": ["Borduria"], "o": ["Syldavian envoy"], "date": "2031-05-02"},
        entities=({"names": ["Borduria"], "type": "Country"},
                  {"names": ["Syldavian envoy"], "type": "Person"})))
    b = Builder()
    art = b.article()
    bord = b.actor("Borduria", mentioned_in=art)
    envoy = b.actor("Syldavian envoy", KG.Person, mentioned_in=art)
    b.event(KG.Expulsion, art, agent=bord, patient=envoy, date="2031-05-02")
    graph = tmp_path / "graph.ttl"
    b.graph.serialize(graph, format="turtle")
    return articles, gold, graph


def test_cli_scores_a_given_graph(corpus: tuple[Path, Path, Path]) -> None:
    articles, gold, graph = corpus
    result = run("evaluate", str(articles), str(gold), "--graph", str(graph))
    assert result.exit_code == 0, result.output
    assert "expelled          1.000  1.000  1.000      1      1" in result.output
    assert "articles: 1" in result.output


def test_cli_json_details_and_output(corpus: tuple[Path, Path, Path], tmp_path: Path) -> None:
    articles, gold, graph = corpus
    out = tmp_path / "scores.json"
    result = run("evaluate", str(articles), str(gold), "--graph", str(graph), "--format",
                 "json", "--details", "--output", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["relations"]["entities"]["F1"] == 1.0
    assert data["date_accuracy"] == 1.0
    assert data["details"] == []


def test_cli_reads_named_graphs(corpus: tuple[Path, Path, Path], tmp_path: Path) -> None:
    articles, gold, graph = corpus
    dataset = Dataset()
    dataset.graph(URIRef(ID + "g")).parse(graph, format="turtle")
    trig = tmp_path / "graph.trig"
    dataset.serialize(trig, format="trig")
    result = run("evaluate", str(articles), str(gold), "--graph", str(trig), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["relations_micro_F1"] == 1.0


def test_cli_needs_an_annotated_article(corpus: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, gold, graph = corpus
    lone = tmp_path / "lone.json"
    lone.write_text(json.dumps({"id": "unknown", "text": "Nothing here."}), encoding="utf-8")
    result = run("evaluate", str(lone), str(gold), "--graph", str(graph))
    assert result.exit_code == 1
    assert "has a gold file" in result.output


def test_cli_rejects_a_malformed_gold_file(corpus: tuple[Path, Path, Path]) -> None:
    articles, gold, graph = corpus
    (gold / "broken.json").write_text('{"id": "broken", "relations": {}}', encoding="utf-8")
    result = run("evaluate", str(articles), str(gold), "--graph", str(graph))
    assert result.exit_code == 1
    assert "broken.json" in result.output
    assert "Traceback" not in result.output


def test_cli_rejects_an_unparsable_graph(corpus: tuple[Path, Path, Path],
                                         tmp_path: Path) -> None:
    articles, gold, _ = corpus
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    result = run("evaluate", str(articles), str(gold), "--graph", str(bad))
    assert result.exit_code == 1
    assert "cannot parse the graph" in result.output
    assert "bad.ttl" in result.output


# ---------------------------------------------------------------- agreement with the scorer


FIGURES = ("P", "R", "F1", "gold", "pred")


@pytest.mark.model
@pytest.mark.slow
def test_agrees_with_the_shared_scorer_on_the_dev_set(tmp_path: Path) -> None:
    articles = shared_path("eval", "dev", "articles")
    gold = shared_path("eval", "dev", "gold")
    scorer = shared_path("eval", "score.py")
    kg = [sys.executable, "-m", "kg"]
    graph = tmp_path / "dev.ttl"
    subprocess.run([*kg, "extract", str(articles), "--output", str(graph), "--quiet"],
                   check=True)

    reference = tmp_path / "reference.json"
    subprocess.run([sys.executable, str(scorer), "--articles", str(articles), "--gold",
                    str(gold), "--graph", str(graph), "--json", str(reference)],
                   check=True, capture_output=True)
    expected = json.loads(reference.read_text(encoding="utf-8"))

    def ours(*extra: str) -> dict[str, object]:
        done = subprocess.run([*kg, "evaluate", str(articles), str(gold), "--format", "json",
                               *extra], check=True, capture_output=True, text=True)
        return json.loads(done.stdout)

    def figures(report: dict[str, object]) -> dict[str, object]:
        rows = report["relations"]
        assert isinstance(rows, dict)
        out: dict[str, object] = {f"{r}.{f}": rows[r][f] for r in rows for f in FIGURES}
        out.update({k: report[k] for k in SUMMARY_KEYS})
        out["articles"] = report["articles"]
        return out

    scored = figures(ours("--graph", str(graph)))
    assert scored == figures(expected)
    assert figures(ours()) == scored
