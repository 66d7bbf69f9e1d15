"""Trigger words and word lists, kept as named data.

Every list is general English news vocabulary: nothing here names a
particular article's actors.
"""

from __future__ import annotations

# ------------------------------------------------------------------ expelled
#: Verb lemmas whose subject orders its object out.
EXPEL_VERBS = frozenset({"expel", "deport", "oust", "banish", "exile", "eject", "extradite"})
#: Nouns naming an expulsion ("the expulsion of", "deportation of").
EXPEL_NOUNS = frozenset({"expulsion", "deportation", "removal"})
#: "declare X persona non grata": the object becomes expelled.
PERSONA_NON_GRATA = ("persona non grata", "personae non gratae", "personas non gratas",
                     "personae non grata", "persona non gratae")
#: Verbs that expel an organisation by closing it down ("rescinded the registrations of").
CLOSE_VERBS = frozenset({"rescind", "revoke", "cancel", "withdraw"})
CLOSE_OBJECTS = frozenset({"registration", "accreditation", "license", "licence"})
#: Nouns that, as objects of EXPEL_NOUNS/verbs, are not actors ("removal of tariffs").
NON_ACTOR_OBJECTS = frozenset({"tariff", "sanction", "restriction", "ban", "law", "rule",
                               "policy", "order", "flight", "talk", "program", "programme",
                               "service", "operation", "aid", "fund", "funding", "trade",
                               "export", "import", "water", "supply", "visa", "power"})

# ------------------------------------------------------------------ suspended
SUSPEND_VERBS = frozenset({"suspend"})
SUSPEND_NOUNS = frozenset({"suspension"})
#: Heads of bodies that suspend their own members without saying "from".
GOVERNING_BODY_WORDS = frozenset({
    "federation", "association", "league", "committee", "council", "union", "party",
    "parliament", "assembly", "senate", "congress", "body", "organization", "organisation",
    "commission", "board", "court", "tribunal", "bloc", "confederation", "agency",
})

# ------------------------------------------------------------------ voted
#: Verbs that only count as votes when their subject is a deliberative body.
BODY_VOTE_VERBS = frozenset({"elect", "impeach", "approve", "ratify", "adopt", "reject",
                             "pass", "confirm", "acquit", "convict"})
#: Heads of deliberative bodies that vote.
ASSEMBLY_WORDS = frozenset({
    "assembly", "parliament", "senate", "house", "congress", "council", "chamber",
    "legislature", "knesset", "duma", "bundestag", "diet", "sejm", "majlis", "lords",
    "commons", "committee", "board", "members", "lawmakers", "senators", "representatives",
    "delegates", "countries", "states", "nations", "party",
})
#: Bodies whose voters are states: their tallies are counted groups of countries.
STATE_ASSEMBLIES = ("general assembly", "security council", "human rights council",
                    "united nations", "u.n.", "un ")

# ------------------------------------------------------------------ said
#: Verb lemmas that attribute speech.
SPEECH_VERBS = frozenset({
    "say", "add", "tell", "state", "write", "tweet", "post", "declare", "announce",
    "explain", "warn", "insist", "claim", "argue", "note", "remark", "stress", "conclude",
    "continue", "reply", "respond", "ask", "answer", "describe", "call", "urge", "plead",
    "acknowledge", "admit", "allege", "assert", "comment", "confirm", "recall",
    "report", "emphasize", "emphasise", "observe", "suggest", "predict", "promise",
    "vow", "pledge", "appeal", "accuse", "criticize", "criticise", "denounce", "condemn",
    "praise", "deny", "contend", "maintain", "mention", "repeat", "reiterate", "shout",
    "exclaim", "joke", "lament", "quip", "concede", "charge", "thank", "caution",
    "counter", "estimate", "hope", "believe", "think", "threaten",
})
#: Nouns that attribute speech ("in a statement", "according to").
SPEECH_NOUNS = frozenset({"statement", "speech", "interview", "post", "tweet", "letter",
                          "address", "remarks", "message", "communique", "release", "report",
                          "email", "e-mail", "note", "memo", "document", "study", "analysis",
                          "ruling", "verdict", "declaration", "announcement", "filing"})
#: Title words that, before or beside a name, mark it as a person's name.
TITLE_WORDS = frozenset({
    "president", "minister", "secretary", "director", "chairman", "chairwoman", "chair",
    "leader", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "governor",
    "mayor", "chancellor", "premier", "king", "queen", "prince", "princess", "general",
    "commander", "chief", "head", "editor", "senator", "representative", "speaker", "judge",
    "justice", "prosecutor", "adviser", "advisor", "officer", "commissioner", "founder",
    "ceo", "lawyer", "attorney", "deputy", "pastor", "bishop", "archbishop", "pope", "emir",
    "sheikh", "executive", "correspondent", "analyst", "professor", "researcher",
    "official", "lawmaker", "mp", "candidate", "nominee", "coordinator", "manager",
    "president-elect", "secretary-general", "journalist", "activist", "student", "member",
    "counsel", "economist", "expert", "colonel", "captain", "lieutenant", "sergeant",
    "vice", "prime", "dr.", "mr.", "mrs.", "ms.", "sen.", "rep.", "gov.", "gen.",
    "singer", "actor", "actress", "rapper", "artist", "author", "writer", "musician",
    "player", "coach", "footballer", "striker", "cleric", "opposition", "dissident",
    "blogger", "businessman", "businesswoman", "billionaire", "suspect",
})
#: Personal pronouns that refer back to a speaker.
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
#: Words for a state's executive: "the Javier Milei administration", "the Assad regime";
#: "the government" is the administration named before; "Hamas government" is not Hamas.
EXECUTIVE_WORDS = frozenset({"government", "administration", "cabinet", "regime"})
#: Heads of descriptions that refer back to an organisation ("the ministry said").
ORG_DESCRIPTIONS = frozenset({
    "ministry", "department", "government", "agency", "council", "court", "party",
    "committee", "commission", "office", "embassy", "army", "military", "police",
    "organization", "organisation", "group", "company", "firm", "bank", "union",
    "administration", "cabinet", "parliament", "assembly", "league", "federation",
    "authority", "authorities", "spokesperson", "spokesman", "spokeswoman", "board",
})

# ------------------------------------------------------------------ modality
#: Lemmas governing an event that make it not (yet) a fact, with the modality.
MODALITY_GOVERNORS = {
    "call": "call", "urge": "call", "ask": "call", "appeal": "call", "push": "call",
    "demand": "demand", "insist": "demand",
    "propose": "proposal", "suggest": "proposal", "recommend": "proposal",
    "consider": "proposal", "seek": "proposal", "want": "proposal",
    "threaten": "threat", "warn": "threat",
    "plan": "plan", "intend": "plan", "prepare": "plan", "aim": "plan", "expect": "plan",
    "deny": "denial", "reject": "denial", "refuse": "denial",
    "try": "attempt", "attempt": "attempt", "fail": "attempt", "struggle": "attempt",
    "risk": "hypothetical", "require": "hypothetical", "need": "hypothetical",
    "block": "denial", "prevent": "denial", "oppose": "denial",
    "rule": "report",
}
#: Modal auxiliaries that make an event hypothetical ("could be expelled").
HYPOTHETICAL_MODALS = frozenset({"could", "would", "might", "may", "should", "must"})
#: Heads of noun phrases that make an event not a fact ("calls for the expulsion of").
MODALITY_NOUNS = {"call": "call", "calls": "call", "demand": "demand", "proposal": "proposal",
                  "threat": "threat", "plan": "plan", "bid": "attempt", "attempt": "attempt",
                  "effort": "attempt", "efforts": "attempt", "campaign": "attempt",
                  "request": "call", "motion": "proposal", "push": "call"}

# ------------------------------------------------------------------ actors
#: Words that, alone, are never actors (headings, boilerplate).
NOT_ACTORS = frozenset({"background", "photo", "photos", "photographs", "getty images",
                        "go deeper", "driving the news", "state of play", "big picture",
                        "why it matters", "what they re saying", "between the lines",
                        "editor", "update", "breaking", "state", "defense", "defence",
                        "utc", "gmt", "est", "edt", "brexit", "earth", "lot", "super",
                        "chf", "usd", "eur", "gbp", "jpy", "rmb", "el nino", "la nina",
                        "covid", "covid 19", "coronavirus", "internet", "twitter", "x",
                        "facebook post", "chamber", "government", "court", "ministry",
                        "police", "army", "navy", "military", "administration"})
#: Plural nouns naming people or bodies that form a counted group ("93 countries").
GROUP_NOUNS = frozenset({
    "countries", "states", "nations", "members", "diplomats", "lawmakers", "senators",
    "representatives", "legislators", "deputies", "mps", "delegates", "officials",
    "people", "men", "women", "children", "soldiers", "troops", "forces", "citizens",
    "nationals", "migrants", "refugees", "foreigners", "activists", "journalists",
    "reporters", "workers", "staff", "employees", "prisoners", "protesters", "players",
    "athletes", "groups", "organizations", "organisations", "ngos", "democrats",
    "republicans", "voters", "residents", "civilians", "officers", "agents", "students",
    "ministers", "governments", "parties", "offices", "judges", "clerics", "priests",
    "monks", "nuns", "missionaries", "volunteers", "crew", "crews", "seafarers",
    "sailors", "fishermen", "asylum-seekers", "asylum seekers", "immigrants",
})
#: Common-noun heads that name an organisation when qualified by a country
#: ("the Moldovan foreign affairs ministry", "Puntland authorities").
ORG_HEADS = frozenset({
    "ministry", "government", "authorities", "junta", "army", "military", "navy",
    "police", "parliament", "court", "administration", "cabinet", "regime", "embassy",
    "council", "committee", "commission", "agency", "forces", "coalition", "party",
    "legislature", "senate", "assembly", "congress", "federation", "league", "board",
})
#: Singular nouns that describe a speaking person by role ("the head of ...").
ROLE_NOUNS = frozenset({
    "head", "chief", "director", "spokesperson", "spokesman", "spokeswoman", "president",
    "minister", "secretary", "leader", "chairman", "chairwoman", "commander", "governor",
    "mayor", "ambassador", "envoy", "official", "lawyer", "attorney", "prosecutor", "judge",
    "witness", "analyst", "expert", "founder", "ceo", "manager", "coordinator", "officer",
})
#: Head words of the proper names of institutions ("House of Representatives",
#: "Federal Assembly", "Ministry of Justice"): a capitalised noun phrase headed
#: by one of these names an organisation even when the recogniser misses it.
INSTITUTION_HEADS = frozenset({
    "house", "senate", "assembly", "parliament", "congress", "council", "chamber", "court",
    "ministry", "department", "commission", "committee", "party", "federation", "union",
    "league", "association", "agency", "bureau", "office", "army", "navy", "force", "forces",
    "police", "guard", "service", "authority", "bank", "fund", "organization",
    "organisation", "institute", "foundation", "front", "movement", "coalition", "alliance",
    "board", "cabinet", "government", "administration", "tribunal", "legislature", "junta",
    "command", "corps", "directorate", "secretariat", "watch", "endowment", "center",
    "centre", "society", "network", "church", "university", "college", "company",
    "corporation", "group", "duma", "knesset", "bundestag", "diet", "sejm",
})
#: Nouns of places: a name attached to one of these is a place ("the suburb of
#: Bucha", "the town of Mardakert"), whatever the recogniser says.
PLACE_NOUNS = frozenset({
    "suburb", "town", "city", "village", "region", "province", "district", "county",
    "state", "capital", "port", "island", "neighbourhood", "neighborhood", "area",
    "municipality", "governorate", "oblast", "prefecture", "valley", "border", "enclave",
})
#: Words of a reciprocal object ("expel each other's ambassadors").
RECIPROCALS = ("each other", "one another")
#: Objects of "from" that are no body: suspended "from duty", "from office".
NOT_BODIES = frozenset({"duty", "office", "post", "position", "work", "job", "duties",
                        "functions", "service", "operating", "operation", "operations"})
#: Last words of place names ("Strait of Hormuz", "Causeway Bay", "al-Mahrah
#: Governorate", "Scarborough Shoal"): a name ending so is a place.
PLACE_NAME_WORDS = frozenset({
    "strait", "straits", "bay", "shoal", "shoals", "governorate", "province", "region",
    "island", "islands", "gulf", "sea", "ocean", "river", "mountain", "mountains", "valley",
    "peninsula", "canal", "airport", "square", "street", "avenue", "district", "county",
    "oblast", "prefecture", "desert", "lake", "coast", "strip", "heights", "plateau",
    "park", "bridge", "harbour", "harbor", "quai", "rotunda", "border", "basin", "delta",
    "archipelago", "reef", "cape", "mount", "corridor", "crossing", "camp", "station",
})
#: Words that, inside a name, make it an organisation's ("Tuareg Azawad Liberation
#: Front", "Abdul Salam Yassin Company").
ORG_NAME_WORDS = INSTITUTION_HEADS | frozenset({
    "inc", "ltd", "llc", "plc", "corp", "co", "group", "holdings", "airlines", "airways",
    "news", "times", "post", "press", "television", "tv", "radio", "agency", "brigade",
    "brigades", "militia", "taliban", "hamas", "hezbollah", "cartel", "club", "fc",
})
#: Nouns that, beside a name, say it is an organisation's ("the political party
#: Spartans", "the bloc Mercosur", "Lamuka opposition coalition").
ORG_FRAME_NOUNS = frozenset({
    "party", "organization", "organisation", "group", "coalition", "alliance", "bloc",
    "movement", "company", "firm", "network", "outlet", "newspaper", "broadcaster",
    "agency", "militia", "insurgents", "rebels", "militants", "faction", "union",
    "federation", "league", "club", "team", "band", "charity", "ngo", "association",
})
#: Members of a party standing for the party ("Democrats", "the Tories").
PARTY_MEMBERS = {
    "Democrats": "Democratic Party", "Republicans": "Republican Party",
    "GOP": "Republican Party", "Tories": "Conservative Party",
    "Conservatives": "Conservative Party", "Labour": "Labour Party",
    "Liberal Democrats": "Liberal Democrats", "Lib Dems": "Liberal Democrats",
}
#: Party families named by their members, as a party of that name ("the Greens voted
#: against"): which party of the family it is, the article's country tells, not the name.
PARTY_FAMILIES = frozenset({"Greens", "Socialists", "Liberals", "Communists",
                            "Social Democrats", "Christian Democrats", "Nationalists"})
#: Heads of common noun phrases naming a state's institution when a nationality,
#: a country or "of <country>" qualifies them ("the Peruvian government",
#: "government of Peru", "the French military", "Niger's junta").
NATIONAL_INSTITUTIONS = frozenset({
    "government", "military", "army", "navy", "air force", "police", "parliament",
    "legislature", "junta", "embassy", "ministry", "cabinet", "authorities", "forces",
    "coast guard", "judiciary", "senate", "congress", "regime", "administration",
})
#: International bodies whose subsidiary bodies' names start with theirs.
PARENT_BODIES = {"United Nations": "United Nations", "UN": "United Nations",
                 "U.N.": "United Nations", "European Union": "European Union",
                 "EU": "European Union", "African Union": "African Union"}
