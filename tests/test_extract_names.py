"""Canonical names (pure strings) and paragraph starts."""

from __future__ import annotations

import pytest
import spacy

from kg.extract.names import acronym, clean, fold, org_name, person_name
from kg.segment import paragraph_starts


@pytest.mark.parametrize(("text", "out"), [("the Arctic Council's", "Arctic Council"),
                                           ("“Kyiv”", "Kyiv"), ("  Jan   Novak ", "Jan Novak")])
def test_clean(text: str, out: str) -> None:
    assert clean(text) == out


@pytest.mark.parametrize(("text", "out"), [("President Lena Varga", "Lena Varga"),
                                           ("former Prime Minister Jan Novak", "Jan Novak"),
                                           ("Dr. Amira Haddad", "Amira Haddad"),
                                           ("President", "President")])
def test_person_name(text: str, out: str) -> None:
    assert person_name(text) == out


@pytest.mark.parametrize(("text", "out"), [("the U.N.", "United Nations"),
                                           ("HRW", "Human Rights Watch"),
                                           ("the Arctic Council", "Arctic Council")])
def test_org_name(text: str, out: str) -> None:
    assert org_name(text) == out


def test_fold_and_acronym() -> None:
    assert fold("The Ministry’s  Élysée") == "ministry elysee"
    assert acronym("International Crisis Group") == "ICG"
    assert acronym("Organization of American States") == "OAS"


def test_acronym_skips_to() -> None:
    assert acronym("Committee to Protect Journalists") == "CPJ"


def test_paragraph_starts() -> None:
    doc = spacy.blank("en")("Headline here\n\nFirst paragraph.\n• A bullet\n• Another")
    assert [doc[i].text for i in paragraph_starts(doc)] == ["Headline", "First", "•", "•"]
