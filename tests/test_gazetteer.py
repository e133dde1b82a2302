"""Country and theme proposals for the sentences of new articles."""

import csv
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from events.extract import split_sentences
from events.extract.gazetteer import (
    GAZETTEER_CSV,
    KINDS,
    NOT_COUNTRIES,
    THEME_KEYWORDS_CSV,
    _keyword_pattern,
    countries_in,
    themes_in,
)
from events.model.themes import THEMES
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, PROJECT_ROOT


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


COUNTRY_CASES = [
    ("Der russische Außenminister Sergej Lawrow besuchte Eriwan", ["RUS", "ARM"]),
    ("die aserbaidschanische Nachrichtenagentur", ["AZE"]),
    ("im Westen Kasachstans, auf dem Flug von Baku nach Grosny", ["KAZ", "AZE", "RUS"]),
    ("Kyjiw solle nicht aufgeben", ["UKR"]),
    ("Kiew, Kyiv and Moscow", ["UKR", "RUS"]),
    # genitive -s, plural and dative -n, feminine demonyms
    (
        "Aserbaidschans Präsident, Russlands Krieg, Irans Drohnen, Moskaus Antwort",
        ["AZE", "RUS", "IRN"],
    ),
    ("mit Aserbaidschanern, Russen und einer Ukrainerin", ["AZE", "RUS", "UKR"]),
    # hyphens separate, letters do not
    ("der Russland-Ukraine-Krieg", ["RUS", "UKR"]),
    ("im Karabach-Konflikt und im Karabachkrieg", ["AZE"]),
    ("die US-amerikanischen Luftangriffe und die US-Luftangriffe", ["USA"]),
    ("Moskau-freundliche Regierung", ["RUS"]),
    ("Kremlsprecher Peskow", ["RUS"]),
    ("zur Verstärkung der Moskauer Truppen", ["RUS"]),
    ("die Volksrepubliken in der Ostukraine", ["UKR"]),
    # longest match first
    ("Nordkorea schickte Soldaten", ["PRK"]),
    ("nordkoreanischen Soldaten und Südkorea", ["PRK", "KOR"]),
    ("die Republik Moldau und Chisinau", ["MDA"]),
    ("Vereinigte Arabische Emirate", ["ARE"]),
    # false friends
    ("weißrussischen Truppen", ["BLR"]),
    ("belarussische und russische Truppen", ["BLR", "RUS"]),
    ("Georg Schmidt traf Georgier in Tiflis", ["GEO"]),
    ("Die EU, die NATO, die Europäische Union und Europa", []),
    ("Europäer im ehemaligen sowjetischen Raum, in der Sowjetunion", []),
    ("eine Kurskorrektur und ein Krimi", []),
    ("trade with Latin America", []),
    ("Pjöngjang und Moskau", ["PRK", "RUS"]),
    ("Der Kreml schwieg.", ["RUS"]),
    ("The Azerbaijani president met Armenian officials in Georgia.", ["AZE", "ARM", "GEO"]),
    ("Russische Truppen", ["RUS"]),
    ("In Baku, Astana, Eriwan, Kiew und Chisinau", ["AZE", "KAZ", "ARM", "UKR", "MDA"]),
    ("Präsident Tokajew und Präsidentin Maia Sandu", ["KAZ", "MDA"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", COUNTRY_CASES)
def test_countries_in(text, expected):
    assert countries_in(text) == expected


TERMS = {
    "RUS": "Russland Russe Russen Moskau Kreml Grosny Jekaterinburg Kursk",
    "AZE": "Aserbaidschan Aserbaidschaner Baku Karabach Bergkarabach",
    "ARM": "Armenien Armenier Eriwan Jerewan Yerevan",
    "GEO": "Georgien Georgier Tiflis Tbilisi",
    "UKR": "Ukraine Ukrainer Kiew Kyjiw Kyiv Luhansk Donezk Krim",
    "KAZ": "Kasachstan Kasachen Astana",
    "UZB": "Usbekistan Usbeken Taschkent",
    "TKM": "Turkmenistan Turkmenen Aschgabat",
    "KGZ": "Kirgistan Kirgisien",
    "TJK": "Tadschikistan",
    "MDA": "Moldau Moldawien Moldauer Chisinau Kischinau",
    "BLR": "Belarus Weißrussland Minsk",
    "IRN": "Iran Iraner Teheran",
    "ISR": "Israel Israelis",
    "USA": "USA Amerikaner Washington",
    "PRK": "Nordkorea Nordkoreaner Pjöngjang",
    "AFG": "Afghanistan Afghanen Kabul",
    "TUR": "Türkei Türken Ankara Istanbul",
    "SYR": "Syrien Syrer Damaskus",
    "CHN": "China Chinesen Peking Beijing",
    "DEU": "Deutschland",
    "FRA": "Frankreich",
    "GBR": "Großbritannien",
}
TERM_CASES = [(term, code) for code, terms in TERMS.items() for term in terms.split()]
TERM_CASES += [
    ("Vereinigte Staaten", "USA"),
    ("Republik Moldau", "MDA"),
    ("Russische Föderation", "RUS"),
]


@pytest.mark.parametrize("term, code", TERM_CASES)
def test_names_demonyms_capitals_and_metonyms(term, code):
    assert countries_in(f"Gestern in {term}: nichts Neues.") == [code]


ADJECTIVES = {
    "russisch": "RUS",
    "aserbaidschanisch": "AZE",
    "armenisch": "ARM",
    "ukrainisch": "UKR",
    "iranisch": "IRN",
    "nordkoreanisch": "PRK",
    "türkisch": "TUR",
    "georgisch": "GEO",
    "kasachisch": "KAZ",
    "usbekisch": "UZB",
    "turkmenisch": "TKM",
    "amerikanisch": "USA",
    "US-amerikanisch": "USA",
    "israelisch": "ISR",
    "syrisch": "SYR",
    "afghanisch": "AFG",
    "moldauisch": "MDA",
    "belarussisch": "BLR",
    "weißrussisch": "BLR",
    "chinesisch": "CHN",
}
ADJECTIVE_CASES = [
    (stem + ending, code)
    for stem, code in ADJECTIVES.items()
    for ending in ("", "e", "en", "er", "es", "em")
]
ADJECTIVE_CASES += [("Russische", "RUS"), ("Ukrainischen", "UKR")]
ENGLISH = "Russian Azerbaijani Armenian Ukrainian Iranian Turkish Georgian Kazakh Uzbek Turkmen"
ENGLISH_CODES = "RUS AZE ARM UKR IRN TUR GEO KAZ UZB TKM"
ADJECTIVE_CASES += list(zip(ENGLISH.split(), ENGLISH_CODES.split(), strict=True))
ADJECTIVE_CASES += [
    ("North Korean", "PRK"),
    ("American", "USA"),
    ("Israeli", "ISR"),
    ("Syrian", "SYR"),
    ("Afghan", "AFG"),
    ("Moldovan", "MDA"),
    ("Belarusian", "BLR"),
    ("Chinese", "CHN"),
]


@pytest.mark.parametrize("adjective, code", ADJECTIVE_CASES)
def test_adjectives_in_every_form(adjective, code):
    assert countries_in(f"die {adjective} Seite") == [code]


THEME_CASES = [
    ("Der russische Außenminister Sergej Lawrow besuchte Eriwan", ["diplomacy"]),
    ("ein Abkommen und der Botschafter", ["diplomacy"]),
    ("Nordkorea schickte Zehntausende von Soldaten", ["military"]),
    ("Shahed-Angriffsdrohnen", ["military"]),
    ("stürzte ein Passagierflugzeug ab", ["incident"]),
    ("ein Haftbefehl des Internationalen Strafgerichtshofs", ["justice"]),
    ("eine Klage und eine Haftstrafe", ["justice"]),
    ("Armenien fror seine Teilnahme an der OVKS ein", ["alliances"]),
    # "Vertrag" is diplomacy too
    ("die Organisation des Vertrags über kollektive Sicherheit", ["diplomacy", "alliances"]),
    ("NATO, BRICS, ein Bündnis, Verbündete und eine Partnerschaft", ["alliances"]),
    ("kleinere Mengen aserbaidschanischen Erdgases", ["energy"]),
    ("Gas, Öl, Energie, eine Pipeline und ein Korridor", ["energy"]),
    ("Ein Gast kam zu spät.", []),
    ("eine Razzia in den Büros der Nachrichtenagentur Sputnik", ["incident", "media"]),
    ("Medien, Propaganda und Telegram", ["media"]),
    ("gingen zehntausende Georgier auf die Straße", ["society"]),
    ("Proteste, Demonstranten, die Gesellschaft und die Sprache", ["society"]),
    ("neue Sanktionen gegen den Handel", ["economy"]),
    ("Wirtschaft und Unternehmen", ["economy"]),
    # false friends: verbs that begin like a keyword
    ("Es handelt sich um Truppen, die eingesetzt und ausgerichtet wurden.", ["military"]),
    ("Die Regierung war gespalten.", ["society"]),
    ("Außenhandel", ["economy"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", THEME_CASES)
def test_themes_in(text, expected):
    assert themes_in(text) == expected


def test_data_files_name_known_countries_and_themes():
    rows = _read(GAZETTEER_CSV)
    assert rows
    for row in rows:
        assert pycountry.countries.get(alpha_3=row["alpha3"]), row
        assert row["kind"] in KINDS, row
        assert row["term"].rstrip("*") not in NOT_COUNTRIES, row
    twice = [term for term, n in Counter(row["term"] for row in rows).items() if n > 1]
    assert not twice
    keywords = _read(THEME_KEYWORDS_CSV)
    per_theme = Counter(row["theme"] for row in keywords)
    assert set(per_theme) == set(THEMES)
    assert all(15 <= n <= 40 for n in per_theme.values()), per_theme
    for row in keywords:
        re.compile(_keyword_pattern(row["keyword"]))


def test_every_seed_sentence_gets_proposals_without_error():
    paths = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
    assert len(paths) >= 2
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for start, end in split_sentences(text):
            assert isinstance(countries_in(text[start:end]), list)
            assert isinstance(themes_in(text[start:end]), list)


def test_quotes_of_curated_events_propose_their_countries_and_themes():
    events = {row["id"]: row for row in _read(EVENTS_CSV)}
    evidence = _read(EVIDENCE_CSV)
    country_misses, theme_misses = [], []
    for row in evidence:
        event = events[row["event_id"]]
        if not set(countries_in(row["quote"])) & set(event["countries"].split(";")):
            country_misses.append(f"{row['event_id']}: {row['quote'][:80]}")
        if not set(themes_in(row["quote"])) & set(event["themes"].split(";")):
            theme_misses.append(f"{row['event_id']}: {row['quote'][:80]}")
    assert len(country_misses) <= 0.1 * len(evidence), "\n".join(country_misses)
    assert len(theme_misses) <= 0.2 * len(evidence), "\n".join(theme_misses)
