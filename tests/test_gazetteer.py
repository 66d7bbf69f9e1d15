"""The country gazetteer: table integrity, lookups and EntityRuler patterns."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from importlib.resources import files

import pytest

from kg.extract import gazetteer as gz


def _name(entry: gz.CountryEntry | None) -> str | None:
    return entry.name if entry is not None else None


def test_tsv_parses_with_csv_module() -> None:
    text = files("kg.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0].keys() == {
        "name", "aliases", "adjectives", "demonyms", "capital", "metonyms", "kind",
    }
    assert all(None not in row and len(row) == 7 for row in rows)
    assert len(rows) == len(gz.countries())


def test_every_row_has_name_and_kind() -> None:
    entries = gz.countries()
    assert all(e.name and e.kind in {"country", "territory"} for e in entries)
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    # 193 UN members, 2 observers, Kosovo and Taiwan.
    assert sum(e.is_sovereign for e in entries) == 197
    assert all(e.capitals for e in entries if e.is_sovereign)


@pytest.mark.parametrize("field", ["names", "adjectives", "demonyms", "capitals", "metonyms"])
def test_no_form_maps_to_two_countries(field: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gz.countries():
        for form in getattr(entry, field):
            key = gz._name_key(form) if field == "names" else gz._fold(gz._clean(form))
            owners[key].add(entry.name)
    clashes = {form: who for form, who in owners.items() if len(who) > 1}
    assert clashes == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", "Russia"),
        ("Russian Federation", "Russia"),
        ("the United States", "United States"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("us", None),
        ("Us", None),
        ("united states of america", "United States"),
        ("Britain", "United Kingdom"),
        ("Britain's", "United Kingdom"),
        ("the Netherlands", "Netherlands"),
        ("Holland", "Netherlands"),
        ("DRC", "Democratic Republic of the Congo"),
        ("Congo", "Democratic Republic of the Congo"),
        ("Republic of Congo", "Republic of the Congo"),
        ("Congo-Brazzaville", "Republic of the Congo"),
        ("Burma", "Myanmar"),
        ("East Timor", "Timor-Leste"),
        ("Czechia", "Czech Republic"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Cote d’Ivoire", "Ivory Coast"),
        ("Türkiye", "Turkey"),
        ("Holy See", "Vatican City"),
        ("Swaziland", "Eswatini"),
        ("Niger", "Niger"),
        ("Nigeria", "Nigeria"),
        ("Guinea", "Guinea"),
        ("Guinea-Bissau", "Guinea-Bissau"),
        ("Equatorial Guinea", "Equatorial Guinea"),
        ("Dominica", "Dominica"),
        ("Dominican Republic", "Dominican Republic"),
        ("Sudan", "Sudan"),
        ("South Sudan", "South Sudan"),
        ("DPRK", "North Korea"),
        ("Republic of Korea", "South Korea"),
        ("Korea", None),
        ("Georgia", "Georgia"),
        ("Kremlin", None),
        ("Hong Kong", "Hong Kong"),
    ],
)
def test_country_by_name(text: str, expected: str | None) -> None:
    assert _name(gz.country_by_name(text)) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Russian", "Russia"),
        ("russian", None),
        ("American", "United States"),
        ("British", "United Kingdom"),
        ("Congolese", "Democratic Republic of the Congo"),
        ("Dominican", "Dominican Republic"),
        ("Nigerien", "Niger"),
        ("Nigerian", "Nigeria"),
        ("Guinean", "Guinea"),
        ("Bissau-Guinean", "Guinea-Bissau"),
        ("Equatoguinean", "Equatorial Guinea"),
        ("South Sudanese", "South Sudan"),
        ("Sudanese", "Sudan"),
        ("North Korean", "North Korea"),
        ("Korean", None),
        ("Salvadorean", "El Salvador"),
        ("Emirati", "United Arab Emirates"),
        ("Filipino", "Philippines"),
        ("Philippine", "Philippines"),
        ("Kosovar", "Kosovo"),
        ("Santomean", "Sao Tome and Principe"),
        ("Timorese", "Timor-Leste"),
        ("Georgian", "Georgia"),
        ("U.S.-led", "United States"),
        ("Iranian-backed", "Iran"),
        ("Pro-Russian", None),
    ],
)
def test_country_by_adjective(word: str, expected: str | None) -> None:
    assert _name(gz.country_by_adjective(word)) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Chileans", "Chile"),
        ("Iraqis", "Iraq"),
        ("Iraqi", "Iraq"),
        ("Laotians", "Laos"),
        ("Guineans", "Guinea"),
        ("Britons", "United Kingdom"),
        ("Briton", "United Kingdom"),
        ("Swiss", "Switzerland"),
        ("Seychellois", "Seychelles"),
        ("New Zealanders", "New Zealand"),
        ("Nigeriens", "Niger"),
        ("chileans", None),
    ],
)
def test_country_by_demonym(word: str, expected: str | None) -> None:
    assert _name(gz.country_by_demonym(word)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Moscow", "Russia"),
        ("Beijing", "China"),
        ("Washington", "United States"),
        ("Washington, D.C.", "United States"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Bogota", "Colombia"),
        ("Bogotá", "Colombia"),
        ("Kinshasa", "Democratic Republic of the Congo"),
        ("Brazzaville", "Republic of the Congo"),
        ("Tbilisi", "Georgia"),
        ("Male", "Maldives"),
        ("male", None),
    ],
)
def test_country_by_capital(name: str, expected: str | None) -> None:
    assert _name(gz.country_by_capital(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Kremlin", "Russia"),
        ("Kremlin", "Russia"),
        ("the White House", "United States"),
        ("Downing Street", "United Kingdom"),
        ("Whitehall", "United Kingdom"),
        ("the Élysée", "France"),
        ("Elysee", "France"),
        ("Zhongnanhai", "China"),
        ("Pentagon", None),
    ],
)
def test_country_by_metonym(name: str, expected: str | None) -> None:
    assert _name(gz.country_by_metonym(name)) == expected


def test_patterns_are_phrases_each_tokenised_once() -> None:
    patterns = gz.entity_ruler_patterns()
    assert patterns
    for pattern in patterns:
        assert pattern["label"] in {"GPE", "NORP", "ORG"}
        assert isinstance(pattern["pattern"], str) and pattern["pattern"].strip()
    keys = [(p["label"], gz._tokenize(p["pattern"])) for p in patterns]
    assert len({tokens for _, tokens in keys}) == len(keys)
    assert ("GPE", ("United", "States", "of", "America")) in keys
    assert ("GPE", ("Washington", ",", "D.C.")) in keys
    assert ("GPE", ("U.S.",)) in keys
    assert ("NORP", ("U.S.",)) not in keys
    assert ("ORG", ("White", "House")) in keys
    assert not any(t == ("the",) or t[0] == "the" for _, t in keys)


def test_entity_ruler_on_blank_pipeline() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gz.entity_ruler_patterns())
    doc = nlp(
        "The Kremlin said Russian diplomats left the United States of America, "
        "while Chileans in Washington, D.C. watched Côte d'Ivoire and Guinea-Bissau; "
        "Downing Street and the Democratic Republic of the Congo said nothing to us."
    )
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert found == {
        ("Kremlin", "ORG", "Russia"),
        ("Russian", "NORP", "Russia"),
        ("United States of America", "GPE", "United States"),
        ("Chileans", "NORP", "Chile"),
        ("Washington, D.C.", "GPE", "United States"),
        ("Côte d'Ivoire", "GPE", "Ivory Coast"),
        ("Guinea-Bissau", "GPE", "Guinea-Bissau"),
        ("Downing Street", "ORG", "United Kingdom"),
        ("Democratic Republic of the Congo", "GPE", "Democratic Republic of the Congo"),
    }
