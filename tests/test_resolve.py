"""Merging mentions into actors, within and across articles (records built by hand)."""

from __future__ import annotations

import pytest

from kg.records import Article, Extraction, Mention
from kg.resolve import group_core, resolve


def _ex(article_id: str, *mentions: tuple[str, str, str] | tuple[str, str, str, int]) -> Extraction:
    """An extraction whose mentions (text, name, type[, count]) sit one after another."""
    out, at = [], 0
    for text, name, kind, *count in mentions:
        out.append(Mention(at, at + len(text), text, name, kind, count[0] if count else None))
        at += len(text) + 1
    return Extraction(article=Article(article_id, " ".join(m[0] for m in mentions)),
                      mentions=tuple(out))


def _key(res, ex: Extraction, i: int) -> str:
    return res.key(ex.article.id, ex.mentions[i])


def test_surname_joins_the_full_name_in_one_article() -> None:
    ex = _ex("a1", ("Jan Novak", "Jan Novak", "Person"), ("Novak", "Novak", "Person"))
    res = resolve([ex])
    assert [a.label for a in res.actors] == ["Jan Novak"]
    assert _key(res, ex, 0) == _key(res, ex, 1) == "Jan Novak"
    assert "Novak" in res.actor("Jan Novak").alt_labels


def test_first_name_alone_does_not_join() -> None:
    ex = _ex("a1", ("Jan Novak", "Jan Novak", "Person"), ("Jan", "Jan", "Person"))
    assert sorted(a.label for a in resolve([ex]).actors) == ["Jan", "Jan Novak"]


def test_acronym_joins_the_organisation() -> None:
    ex = _ex("a1", ("International Crisis Group", "International Crisis Group", "Organization"),
             ("ICG", "ICG", "Organization"))
    res = resolve([ex])
    assert [(a.label, a.alt_labels) for a in res.actors] == [
        ("International Crisis Group", ("ICG",))]


def test_shorter_organisation_name_joins_the_longer_one() -> None:
    ex = _ex("a1", ("Russian Ministry of Justice", "Russian Ministry of Justice", "Organization"),
             ("Ministry of Justice", "Ministry of Justice", "Organization"))
    res = resolve([ex])
    assert _key(res, ex, 1) == "Russian Ministry of Justice"
    assert len(res.actors) == 1


@pytest.mark.parametrize(("full", "joins"), [
    ("United States House of Representatives", True),  # heads the "of" phrase
    ("House of Representatives", True),  # begins the name
    ("White House", False),  # ends another name
])
def test_one_word_organisation_name_joins_the_name_it_heads(full: str, joins: bool) -> None:
    ex = _ex("a1", (full, full, "Organization"), ("House", "House", "Organization"))
    res = resolve([ex])
    assert (_key(res, ex, 1) == full) is joins


def test_an_organisation_is_not_its_government() -> None:
    ex = _ex("a1", ("Hamas government", "Hamas government", "Organization"),
             ("Hamas", "Hamas", "Organization"))
    assert _key(resolve([ex]), ex, 1) == "Hamas"


def test_one_word_name_heading_two_names_stays_apart() -> None:
    ex = _ex("a1", ("House of Lords", "House of Lords", "Organization"),
             ("House of Commons", "House of Commons", "Organization"),
             ("House", "House", "Organization"))
    assert _key(resolve([ex]), ex, 2) == "House"


def test_same_name_across_articles_is_one_actor() -> None:
    a, b = (_ex("a1", ("Jan Novak", "Jan Novak", "Person")),
            _ex("b2", ("Jan Novák", "Jan Novák", "Person")))
    res = resolve([a, b])
    [actor] = res.actors
    assert _key(res, a, 0) == _key(res, b, 0) == actor.key


def test_lone_surname_across_articles_joins_the_unique_full_name() -> None:
    a, b = (_ex("a1", ("Jan Novak", "Jan Novak", "Person")),
            _ex("b2", ("Novak", "Novak", "Person")))
    res = resolve([a, b])
    assert _key(res, b, 0) == "Jan Novak"
    assert [a.label for a in res.actors] == ["Jan Novak"]


def test_lone_surname_with_two_full_names_stays_apart() -> None:
    exs = [_ex("a1", ("Jan Novak", "Jan Novak", "Person")),
           _ex("b2", ("Eva Novak", "Eva Novak", "Person")),
           _ex("c3", ("Novak", "Novak", "Person"))]
    res = resolve(exs)
    assert sorted(a.label for a in res.actors) == ["Eva Novak", "Jan Novak", "Novak"]


def test_alt_labels_include_surface_forms() -> None:
    ex = _ex("a1", ("Russia", "Russia", "Country"), ("the Kremlin", "Russia", "Country"),
             ("Moscow", "Russia", "Country"), ("Russian", "Russia", "Country"))
    res = resolve([ex])
    [actor] = res.actors
    assert (actor.label, actor.type) == ("Russia", "Country")
    assert actor.alt_labels == ("Kremlin", "Moscow")  # a nationality adjective is no label


def test_group_member_count_and_core_name() -> None:
    ex = _ex("a1", ("three Russian diplomats", "three Russian diplomats", "Group", 3))
    [actor] = resolve([ex]).actors
    assert (actor.type, actor.member_count) == ("Group", 3)
    assert "Russian diplomats" in actor.alt_labels


def test_member_count_only_for_groups() -> None:
    ex = _ex("a1", ("Estonia", "Estonia", "Country", 1))
    [actor] = resolve([ex]).actors
    assert actor.member_count is None


@pytest.mark.parametrize(("name", "core"), [("three Russian diplomats", "Russian diplomats"),
                                            ("more than 40 journalists", "journalists"),
                                            ("93 countries", "countries")])
def test_group_core(name: str, core: str) -> None:
    assert group_core(name) == core


def test_uncounted_group_keeps_its_words() -> None:
    ex = _ex("a1", ("Belarusian opposition activists", "Belarusian opposition activists",
                    "Group"))
    [actor] = resolve([ex]).actors
    assert group_core("Belarusian opposition activists") is None
    assert actor.alt_labels == ()


def test_keys_are_deterministic_and_unique() -> None:
    exs = [_ex("a1", ("Jan Novak", "Jan Novak", "Person"), ("Poland", "Poland", "Country"),
               ("Novak", "Novak", "Person")),
           _ex("b2", ("Poland", "Poland", "Country"), ("ICG", "ICG", "Organization"),
               ("International Crisis Group", "International Crisis Group", "Organization"))]
    first, again, reversed_ = resolve(exs), resolve(exs), resolve(list(reversed(exs)))
    assert first == again
    assert first.actors == reversed_.actors and first.mention_keys == reversed_.mention_keys
    keys = [a.key for a in first.actors]
    assert keys == sorted(set(keys)) == ["International Crisis Group", "Jan Novak", "Poland"]
    assert set(first.mention_keys.values()) == set(keys)


def test_descriptions_are_not_merged_across_articles() -> None:
    from kg.records import Article, Extraction, Mention
    from kg.resolve import resolve

    def article(ident: str) -> Extraction:
        text = "three Lundian diplomats left; the foreign ministry spoke."
        return Extraction(Article(ident, text), mentions=(
            Mention(0, 23, "three Lundian diplomats", "three Lundian diplomats", "Group", 3),
            Mention(29, 49, "the foreign ministry", "foreign ministry", "Organization")))

    first, second = article("a1"), article("a2")
    res = resolve([first, second])
    keys = {res.key(ex.article.id, m) for ex in (first, second) for m in ex.mentions}
    assert len(keys) == 4
    assert {a.label for a in res.actors} == {"three Lundian diplomats", "foreign ministry"}


def test_a_name_of_punctuation_only_names_no_actor() -> None:
    from kg.records import Article, Extraction, Mention
    from kg.resolve import resolve

    people = Extraction(Article("p1", "Ana Lopes met ... there."), mentions=(
        Mention(0, 9, "Ana Lopes", "Ana Lopes", "Person"),
        Mention(14, 17, "...", "...", "Person")))
    res = resolve([people])
    assert [a.label for a in res.actors] == ["Ana Lopes"]
    assert len(res.mention_keys) == 1


def test_index_built_article_by_article_gives_the_same_actors() -> None:
    from kg.resolve import ActorIndex

    exs = [_ex("a1", ("Jan Novak", "Jan Novak", "Person"), ("Novak", "Novak", "Person")),
           _ex("b2", ("Novak", "Novak", "Organization")),
           _ex("c3", ("three diplomats", "three diplomats", "Group"))]
    index = ActorIndex()
    for ex in reversed(exs):  # the order articles arrive in does not matter
        index.add(ex)
    table = index.finish()
    whole = resolve(exs)
    described = [a for ex in exs for a in table.resolution(ex).actors]
    assert [a.key for a in described] == ["c3/three diplomats"]
    assert sorted((*table.actors, *described), key=lambda a: a.key) == list(whole.actors)
    for ex in exs:
        assert table.resolution(ex).mention_keys == {
            k: v for k, v in whole.mention_keys.items() if k[0] == ex.article.id}
