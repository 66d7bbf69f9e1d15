"""Plain, immutable records handed from one stage to the next.

Extractors return these instead of live spaCy objects: strings and
character offsets into the article text, so a record can be pickled,
compared, sorted and written without the ``Doc`` it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Actor classes of the ontology (``kg:Person`` ...), as used in records.
ACTOR_TYPES = ("Person", "Organization", "Country", "Place", "Group")

#: Relation names as the evaluation guide spells them.
RELATIONS = ("expelled", "suspended_from", "voted", "said")


@dataclass(frozen=True, order=True)
class Article:
    """One news article as read from the input.

    ``text`` is the body the character offsets of every record refer to.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # the file (and line) it came from


@dataclass(frozen=True, order=True)
class Mention:
    """A span of the article naming an actor.

    ``name`` is the canonical name the mention stands for ("Russia" for
    "Russian", "the Kremlin" or "Moscow" when the state acts); ``text`` is
    the surface form. ``count`` is the size of a counted group.
    """

    start: int
    end: int
    text: str
    name: str
    type: str
    count: int | None = None


@dataclass(frozen=True)
class Event:
    """One event read from one sentence.

    ``kind`` is one of :data:`RELATIONS`. For ``suspended_from`` the member is
    in ``patients`` and the body in ``bodies``; for ``voted`` the voters are
    ``agents`` and the actor the motion acts on ``patients``; for ``said`` the
    speaker is ``agents`` and the quoted words ``quote`` (reported speech:
    ``indirect`` with the clause said in ``content``).
    """

    kind: str
    sentence: str
    sent_start: int
    sent_end: int
    trigger: str
    agents: tuple[Mention, ...] = ()
    patients: tuple[Mention, ...] = ()
    bodies: tuple[Mention, ...] = ()
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    indirect: bool = False
    content: str | None = None  # what was said, for reported speech
    motion: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    position: str | None = None  # for | against | abstain
    date: str | None = None  # ISO YYYY-MM-DD
    modality: str = "asserted"
    confidence: float = 0.8


@dataclass(frozen=True)
class Role:
    """A person's role: "Agnès Callamard, secretary general of Amnesty International"."""

    person: Mention
    title: str
    of: Mention | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Actor:
    """One real-world actor after merging: a canonical label and its variants."""

    key: str
    label: str
    type: str
    alt_labels: tuple[str, ...] = ()
    member_count: int | None = None


@dataclass(frozen=True)
class Resolution:
    """Actors after merging, and which actor each mention stands for.

    ``mention_keys`` maps ``(article id, mention start, mention end, mention
    name)`` to the :attr:`Actor.key` of the actor the mention names (one span
    may name two actors: "each other's ambassadors").
    """

    actors: tuple[Actor, ...]
    mention_keys: dict[tuple[str, int, int, str], str]

    def key(self, article_id: str, mention: Mention) -> str:
        """The actor key of ``mention`` in article ``article_id``."""
        return self.mention_keys[(article_id, mention.start, mention.end, mention.name)]

    def actor(self, key: str) -> Actor:
        """The actor with ``key``."""
        for actor in self.actors:
            if actor.key == key:
                return actor
        raise KeyError(key)
