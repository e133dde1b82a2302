"""The one bilingual actor vocabulary (events/data/actors.csv) and what it feeds."""

import csv

import pytest

from events.extract.gazetteer import countries_in
from events.model.actors import ACTORS_CSV, KINDS, actor_name, actors, find_actor, person_terms
from events.model.schema import SLUG, is_country_code
from events.queries.filters import ALIASES, query_alternatives
from events.store.tables import load_dataset

EVENTS = load_dataset().events


def test_header_is_the_documented_one():
    with open(ACTORS_CSV, encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == [
            "id",
            "name_de",
            "name_en",
            "aliases",
            "kind",
            "country",
        ]


def test_rows_are_valid():
    ids = [actor.id for actor in actors()]
    assert len(ids) == len(set(ids))
    for actor in actors():
        assert SLUG.match(actor.id), actor.id
        assert actor.name_de and actor.name_en, actor.id
        assert actor.kind in KINDS, actor.id
        assert not actor.country or is_country_code(actor.country), actor.id


def test_no_spelling_names_two_actors():
    seen: dict[str, str] = {}
    for actor in actors():
        for spelling in actor.spellings:
            key = spelling.casefold()
            assert seen.setdefault(key, actor.id) == actor.id, (spelling, seen[key], actor.id)


def test_every_actor_of_the_table_is_in_the_vocabulary():
    missing = {a for items in EVENTS["actors"] for a in items if find_actor(a) is None}
    assert missing == set()


@pytest.mark.parametrize(
    ("written", "de", "en"),
    [
        ("Wladimir Putin", "Wladimir Putin", "Vladimir Putin"),
        ("Ilham Alijew", "Ilham Alijew", "Ilham Aliyev"),
        ("OVKS/CSTO", "OVKS", "CSTO"),
        (
            "IStGH/ICC",
            "Internationaler Strafgerichtshof (IStGH)",
            "International Criminal Court (ICC)",
        ),  # noqa: E501
        ("Russisches Außenministerium", "Russisches Außenministerium", "Russian foreign ministry"),
        ("Aliyev", "Ilham Alijew", "Ilham Aliyev"),
        ("Jemand Neues", "Jemand Neues", "Jemand Neues"),
    ],
)
def test_actor_name(written, de, en):
    assert actor_name(written, "de") == de
    assert actor_name(written, "en") == en


def test_search_spellings_come_from_the_vocabulary():
    groups = {frozenset(group) for group in ALIASES}
    assert frozenset({"alijew", "aliyev", "aliev", "aliyew", "alijev"}) in groups
    assert frozenset({"csto", "ovks", "odkb"}) in groups
    assert ("lavrov", "lawrow") in query_alternatives("Lavrov")


def test_a_new_alias_reaches_search_and_gazetteer_through_the_vocabulary():
    assert ("mirsojan", "mirzoyan") in query_alternatives("Mirzoyan")
    assert countries_in("Mirzoyan traf Sybiha.") == ["ARM", "UKR"]


def test_gazetteer_persons_are_the_vocabularys():
    terms = person_terms()
    assert ("RUS", "Lawrow") in terms and ("AZE", "Aliyev") in terms
    assert all(code for code, _ in terms)
    with open(ACTORS_CSV.parent / "gazetteer.csv", encoding="utf-8", newline="") as handle:
        assert not [row for row in csv.DictReader(handle) if row["kind"] == "person"]
