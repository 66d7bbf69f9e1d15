"""What each named question answers on the example article (labels and literals only)."""

from __future__ import annotations

import datetime
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "russia-expels-rights-groups.ttl"
ARTICLE = "russia-expels-rights-groups"
D8, D9 = datetime.date(2022, 4, 8), datetime.date(2022, 4, 9)
MOTION = "to suspend Russia from the UN Human Rights Council"

#: The parameters each named question is asked with (those it requires).
ASKED: dict[str, dict[str, str]] = {
    "actor-events": {"actor": "Russia"},
    "co-mentioned": {"actor": "Russia"},
    "quotations-by-speaker": {"speaker": "Agnès Callamard"},
    "timeline": {"since": "2022-04-08", "until": "2022-04-09"},
}

#: Every quotation of the example, by speaker (quotations-by-speaker asked for each in turn).
QUOTATIONS: list[tuple[object, ...]] = [
    ("Agnès Callamard", "only the latest in a long list", False, D9),
    ("Agnès Callamard",
     "You must be doing something right if the Kremlin tries to shut you up", False, D9),
    ("Kenneth Roth",
     "strengthens our determination to call out Russia's turn toward authoritarianism",
     False, D9),
    ("Russian Ministry of Justice",
     "in breach of the current legislation of the Russian Federation", False, D8),
]

#: Named question -> (columns checked, expected rows in order, as tuples of those columns),
#: asked with the parameters of ASKED.
EXPECTED: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {
    "who-expelled-whom": (("expeller", "expelled", "date", "article"), [
        ("Russian Ministry of Justice", "15 offices", D8, ARTICLE),
        ("Russian Ministry of Justice", "Amnesty International", D8, ARTICLE),
        ("Russian Ministry of Justice", "Carnegie Endowment for International Peace", D8,
         ARTICLE),
        ("Russian Ministry of Justice", "Human Rights Watch", D8, ARTICLE),
    ]),
    "suspensions-by-body": (("body", "member", "decidedBy", "modality", "date", "article"), [
        ("United Nations Human Rights Council", "Russia", "United Nations General Assembly",
         "Asserted", None, ARTICLE),
    ]),
    "votes": (("voters", "position", "on", "motion", "for", "against", "abstentions"), [
        ("93 countries", "InFavour", "Russia", MOTION, 93, 24, 58),
        ("24 countries", "Against", "Russia", MOTION, 93, 24, 58),
        ("58 countries", "Abstention", "Russia", MOTION, 93, 24, 58),
    ]),
    "quotations-by-speaker": (("speaker", "said", "reported", "date"), QUOTATIONS[:2]),
    "actor-roles": (("person", "title", "organization"), [
        ("Agnès Callamard", "secretary general", "Amnesty International"),
        ("Kenneth Roth", "executive director", "Human Rights Watch"),
    ]),
    "timeline": (("day", "dated", "event", "agents"), [
        (D8, True, "Expulsion", "Russian Ministry of Justice"),
        (D8, True, "Statement", "Russian Ministry of Justice"),
        (D9, False, "Suspension", "United Nations General Assembly"),
        (D9, False, "Vote", "24 countries"),
        (D9, False, "Vote", "58 countries"),
        (D9, False, "Vote", "93 countries"),
        (D9, True, "Statement", "Agnès Callamard"),
        (D9, True, "Statement", "Agnès Callamard"),
        (D9, True, "Statement", "Kenneth Roth"),
    ]),
}

#: actor-events for Russia: (part, event, others, modality).
RUSSIA_EVENTS = [
    ("patient", "Suspension",
     "United Nations General Assembly, United Nations Human Rights Council", "Asserted"),
    ("patient", "Vote", "24 countries", "Asserted"),
    ("patient", "Vote", "58 countries", "Asserted"),
    ("patient", "Vote", "93 countries", "Asserted"),
]

#: The 19 actors the example article mentions: co-mentioned gives each the other 18.
ACTORS = 19
