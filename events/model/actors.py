"""The one bilingual actor vocabulary (events/data/actors.csv): ids, German and English names,
spelling variants and a person's country. It names actors on cards in the UI language and feeds
the search's spelling variants and the gazetteer's person terms, so spellings live in one place.
"""

import csv
from functools import cache
from typing import NamedTuple

from events.store.paths import DATA_DIR

ACTORS_CSV = DATA_DIR / "actors.csv"
KINDS = ("person", "organisation")


class Actor(NamedTuple):
    id: str
    name_de: str
    name_en: str
    aliases: tuple[str, ...]
    kind: str
    country: str  # ISO alpha-3, empty when no single state fits

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_de

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way the actor is written: both names and the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name_de, self.name_en, *self.aliases)))


@cache
def actors() -> tuple[Actor, ...]:
    """Every row of actors.csv."""
    with open(ACTORS_CSV, encoding="utf-8", newline="") as handle:
        return tuple(
            Actor(
                row["id"],
                row["name_de"],
                row["name_en"],
                tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                row["kind"],
                row["country"],
            )
            for row in csv.DictReader(handle)
        )


@cache
def _by_spelling() -> dict[str, Actor]:
    index: dict[str, Actor] = {}
    for actor in actors():
        for spelling in actor.spellings:
            index.setdefault(spelling.casefold(), actor)
    return index


def find_actor(written: str) -> Actor | None:
    """The actor an events.csv `actors` item (any known spelling) names, or None."""
    return _by_spelling().get(written.strip().casefold())


def actor_name(written: str, lang: str) -> str:
    """The actor's name in `lang`; an item not in the vocabulary comes back as written."""
    actor = find_actor(written)
    return actor.name(lang) if actor else written


def person_terms() -> list[tuple[str, str]]:
    """(alpha-3, term) for every spelling of every person with a country: gazetteer rows."""
    return [
        (actor.country, spelling)
        for actor in actors()
        if actor.kind == "person" and actor.country
        for spelling in actor.spellings
    ]
