"""Country and theme proposals for sentences of new articles."""

import csv
from pathlib import Path

import pycountry
import pytest

from events.extract import split_sentences
from events.gazetteer import GAZETTEER_CSV, THEME_KEYWORDS_CSV, countries_in, themes_in
from events.store import EVENTS_CSV, EVIDENCE_CSV, PROJECT_ROOT
from events.themes import THEMES

COUNTRY_CASES = [
    ("Der russische Außenminister Sergej Lawrow besuchte Eriwan", ["RUS", "ARM"]),
    ("die aserbaidschanische Nachrichtenagentur", ["AZE"]),
    ("im Westen Kasachstans, auf dem Flug von Baku nach Grosny", ["KAZ", "AZE", "RUS"]),
    ("Kyjiw solle nicht aufgeben", ["UKR"]),
    ("Kiew, Kyiv and Moscow", ["UKR", "RUS"]),
    (
        "Aserbaidschans Präsident, Russlands Krieg, Irans Drohnen, Moskaus Antwort",
        ["AZE", "RUS", "IRN"],
    ),
    ("der Russland-Ukraine-Krieg", ["RUS", "UKR"]),
    ("die US-amerikanischen Luftangriffe und die US-Luftangriffe", ["USA"]),
    ("Nordkorea schickte Soldaten", ["PRK"]),
    ("nordkoreanischen Soldaten und Südkorea", ["PRK", "KOR"]),
    ("weißrussischen Truppen", ["BLR"]),
    ("die Republik Moldau und Chisinau", ["MDA"]),
    ("Georg Schmidt traf Georgier in Tiflis", ["GEO"]),
    ("Die EU, die NATO und Europa", []),
    ("Pjöngjang und Moskau", ["PRK", "RUS"]),
    ("Der Kreml schwieg.", ["RUS"]),
    ("The Azerbaijani president met Armenian officials in Georgia.", ["AZE", "ARM", "GEO"]),
    ("Russische Truppen", ["RUS"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", COUNTRY_CASES)
def test_countries_in(text, expected):
    assert countries_in(text) == expected


THEME_CASES = [
    ("Der russische Außenminister Sergej Lawrow besuchte Eriwan", ["diplomacy"]),
    ("Nordkorea schickte Zehntausende von Soldaten", ["military"]),
    ("Shahed-Angriffsdrohnen", ["military"]),
    ("stürzte ein Passagierflugzeug ab", ["incident"]),
    ("ein Haftbefehl des Internationalen Strafgerichtshofs", ["justice"]),
    ("Armenien fror seine Teilnahme an der OVKS ein", ["alliances"]),
    ("kleinere Mengen aserbaidschanischen Erdgases", ["energy"]),
    ("Ein Gast kam zu spät.", []),
    ("eine Razzia in den Büros der Nachrichtenagentur Sputnik", ["incident", "media"]),
    ("gingen zehntausende Georgier auf die Straße", ["society"]),
    ("neue Sanktionen gegen den Handel", ["economy"]),
]


@pytest.mark.parametrize("text, expected", THEME_CASES)
def test_themes_in(text, expected):
    assert themes_in(text) == expected


def test_data_files_name_known_countries_and_themes():
    with open(GAZETTEER_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert pycountry.countries.get(alpha_3=row["alpha3"]), row
        assert row["kind"] in {"name", "adjective", "demonym", "capital", "place"}, row
    with open(THEME_KEYWORDS_CSV, encoding="utf-8", newline="") as handle:
        keywords = list(csv.DictReader(handle))
    assert {row["theme"] for row in keywords} == set(THEMES)


def test_every_seed_sentence_gets_proposals_without_error():
    for path in sorted((PROJECT_ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in split_sentences(text):
            countries_in(text[start:end])
            themes_in(text[start:end])


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_quotes_of_curated_events_propose_their_countries_and_themes():
    events = {row["id"]: row for row in _read(EVENTS_CSV)}
    evidence = _read(EVIDENCE_CSV)
    country_misses, theme_misses = [], []
    for row in evidence:
        event = events[row["event_id"]]
        if not set(countries_in(row["quote"])) & set(event["countries"].split(";")):
            country_misses.append(f"{row['event_id']}: {row['quote'][:70]}")
        if not set(themes_in(row["quote"])) & set(event["themes"].split(";")):
            theme_misses.append(f"{row['event_id']}: {row['quote'][:70]}")
    assert len(country_misses) <= 0.15 * len(evidence), "\n".join(country_misses)
    assert len(theme_misses) <= 0.3 * len(evidence), "\n".join(theme_misses)
