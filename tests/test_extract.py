"""The German date extractor: a table of cases per category, properties, and the CLI."""

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.__main__ import main
from events.extract import find_dates, split_sentences

PUBLISHED = date(2025, 7, 4)  # a Friday


def found(text: str, published: date = PUBLISHED, **kwargs) -> list[tuple[str, str, str]]:
    mentions = find_dates(text, published, **kwargs)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.edtf, m.basis) for m in mentions]


CASES = {
    "explicit": [
        ("Am 25.12.2024 stürzte das Flugzeug ab.", [("25.12.2024", "2024-12-25", "text")]),
        ("am 25. Dezember 2024", [("25. Dezember 2024", "2024-12-25", "text")]),
        ("am 3.3.24 trafen sie sich", [("3.3.24", "2024-03-03", "text")]),
        ("am 2024-12-25", [("2024-12-25", "2024-12-25", "text")]),
        ("im Dezember 2024", [("Dezember 2024", "2024-12", "text")]),
        ("im Jahr 2024 fror Armenien", [("Jahr 2024", "2024", "text")]),
        ("Die Türkei schloss 1993 ihre Grenze.", [("1993", "1993", "text")]),
        ("im Sept. 2023", [("Sept. 2023", "2023-09", "text")]),
        ("Dienstag, 25. Februar", [("Dienstag, 25. Februar", "2025-02-25", "text+dct")]),
        ("Mittwoch, 25. Februar", [("Mittwoch, 25. Februar", "2026-02-25", "text+dct")]),
        ("am 9. Mai", [("9. Mai", "2025-05-09", "text+dct")]),
        ("im Jahre 1871", [("Jahre 1871", "1871", "text")]),
        (
            "Am Montag, dem 3. Februar 2025, trafen sie sich.",
            [("Montag, dem 3. Februar 2025", "2025-02-03", "text")],
        ),
        (
            "am 8./9. Mai 1945",
            [("8.", "1945-05-08", "text"), ("9. Mai 1945", "1945-05-09", "text")],
        ),
        ("1991 erklärte die Ukraine ihre Unabhängigkeit.", [("1991", "1991", "text")]),
        ("im 19. Jahrhundert", [("19. Jahrhundert", "18XX", "text")]),
        ("44 v. Chr. starb Caesar", [("44 v. Chr.", "-0043", "text")]),
        ("im 5. Jahrhundert v. Chr.", [("5. Jahrhundert v. Chr.", "-0499/-0400", "text")]),
    ],
    "fuzzy": [
        ("Anfang 2025 verabschiedete", [("Anfang 2025", "2025-01/2025-04", "text")]),
        ("Mitte 2024", [("Mitte 2024", "2024-05/2024-08", "text")]),
        ("Ende Dezember 2024 wurde", [("Ende Dezember 2024", "2024-12-21/2024-12-31", "text")]),
        ("Mitte Mai", [("Mitte Mai", "2025-05-11/2025-05-20", "text+dct")]),
        ("im Herbst 2024", [("Herbst 2024", "2024-23", "text")]),
        ("im Frühjahr", [("Frühjahr", "2025-21", "text+dct")]),
        ("im Winter 2022", [("Winter 2022", "2022-24", "text")]),
        ("Mitte der 1990er Jahre", [("Mitte der 1990er Jahre", "1994/1996", "text")]),
        ("seit den 1990er Jahren", [("den 1990er Jahren", "199X", "text")]),
        ("in den 90er Jahren", [("den 90er Jahren", "199X", "text")]),
        ("im ersten Quartal 2025", [("ersten Quartal 2025", "2025-33", "text")]),
        ("im ersten Halbjahr 2024", [("ersten Halbjahr 2024", "2024-01/2024-06", "text")]),
        ("Ende des Monats", [("Ende des Monats", "2025-07-21/2025-07-31", "text+dct")]),
        ("seit Anfang des Jahres", [("Anfang des Jahres", "2025-01/2025-04", "text+dct")]),
        ("um 1900 lebte er", [("um 1900", "1900~", "text")]),
        ("Anfang des 20. Jahrhunderts", [("Anfang des 20. Jahrhunderts", "1900/1933", "text")]),
        ("in den zwanziger Jahren", [("den zwanziger Jahren", "192X", "text")]),
        ("Ende der 1920er-Jahre", [("Ende der 1920er-Jahre", "1927/1929", "text")]),
    ],
    "relative to publication": [
        ("Heute sagte er", [("Heute", "2025-07-04", "text+dct")]),
        ("gestern Abend", [("gestern", "2025-07-03", "text+dct")]),
        ("Das Treffen ist morgen.", [("morgen", "2025-07-05", "text+dct")]),
        ("am Morgen des Angriffs", []),
        (
            "in der vergangenen Woche",
            [("der vergangenen Woche", "2025-06-23/2025-06-29", "text+dct")],
        ),
        ("letzte Woche", [("letzte Woche", "2025-06-23/2025-06-29", "text+dct")]),
        ("nächste Woche", [("nächste Woche", "2025-07-07/2025-07-13", "text+dct")]),
        ("im letzten Monat", [("letzten Monat", "2025-06", "text+dct")]),
        ("im vergangenen Jahr", [("vergangenen Jahr", "2024", "text+dct")]),
        ("nächstes Jahr", [("nächstes Jahr", "2026", "text+dct")]),
        ("im Vorjahr", [("Vorjahr", "2024", "text+dct")]),
        ("Ende letzten Jahres", [("Ende letzten Jahres", "2024-09/2024-12", "text+dct")]),
        ("Im Herbst letzten Jahres", [("Herbst letzten Jahres", "2024-23", "text+dct")]),
        ("Im Dezember letzten Jahres", [("Dezember letzten Jahres", "2024-12", "text+dct")]),
        ("Im Mai lehnte er ab.", [("Mai", "2025-05", "text+dct")]),
        ("Im August lehnte er ab.", [("August", "2024-08", "text+dct")]),
        ("Im August wird er reisen.", [("August", "2025-08", "text+dct")]),
        ("am Donnerstag", [("Donnerstag", "2025-07-03", "text+dct")]),
        (
            "Er sagte am Dienstag, man werde im kommenden Jahr reden.",
            [("Dienstag", "2025-07-01", "text+dct"), ("kommenden Jahr", "2026", "text+dct")],
        ),
        ("am Samstag wird gewählt", [("Samstag", "2025-07-05", "text+dct")]),
        ("letzten Montag", [("letzten Montag", "2025-06-30", "text+dct")]),
        ("vor zwei Jahren", [("vor zwei Jahren", "2023", "text+dct")]),
        ("vor drei Tagen", [("vor drei Tagen", "2025-07-01", "text+dct")]),
        ("Alijew sagte kürzlich", [("kürzlich", "2025-06-04/2025-07-04", "text+dct")]),
        ("bis vor kurzem", [("vor kurzem", "2025-06-04/2025-07-04", "text+dct")]),
        (
            "in den kommenden Monaten",
            [("den kommenden Monaten", "2025-07-04/2025-10-04", "text+dct")],
        ),
    ],
    "relative to another event": [
        (
            "Am 25. Dezember 2024 stürzte ein Flugzeug ab. Im Mai 2025 sagte er ab. "
            "Drei Tage nach dem Absturz sprach Alijew.",
            [
                ("25. Dezember 2024", "2024-12-25", "text"),
                ("Mai 2025", "2025-05", "text"),
                ("Drei Tage nach dem Absturz", "2024-12-28", "text+event"),
            ],
        ),
        (
            "Am 3. März 2024 traf er sie. Am selben Tag rief er an.",
            [("3. März 2024", "2024-03-03", "text"), ("Am selben Tag", "2024-03-03", "text+event")],
        ),
        (
            "Im Mai 2024 reiste er. Später im selben Monat kam sie.",
            [("Mai 2024", "2024-05", "text"), ("Später im selben Monat", "2024-05", "text+event")],
        ),
        (
            "Im Jahr 2023 fror es. Und ein Jahr später taute es.",
            [("Jahr 2023", "2023", "text"), ("ein Jahr später", "2024", "text+event")],
        ),
        (
            "Am 3. März 2024 brannte es. Kurz darauf kam die Feuerwehr.",
            [
                ("3. März 2024", "2024-03-03", "text"),
                ("Kurz darauf", "2024-03-03/2024-03-10", "text+event"),
            ],
        ),
        (
            "Am 1. Oktober 2023 wurde gewählt. Die Verfassung stammt von 1995. "
            "Wenige Wochen nach der Wahl trat er zurück.",
            [
                ("1. Oktober 2023", "2023-10-01", "text"),
                ("1995", "1995", "text"),
                ("Wenige Wochen nach der Wahl", "2023-10-15/2023-11-12", "text+event"),
            ],
        ),
        (
            "Im September 2023 griff Aserbaidschan an. Fast zwei Jahre später einigten sie sich.",
            [
                ("September 2023", "2023-09", "text"),
                # "fast zwei Jahre" after September 2023, but not after publication
                ("Fast zwei Jahre später", "2025-03-01/2025-07-04", "text+event"),
            ],
        ),
        ("Am selben Tag rief er an.", []),  # nothing to resolve against
        (
            "Am 3. März 2024 brannte es. Tags darauf kam die Polizei.",
            [("3. März 2024", "2024-03-03", "text"), ("Tags darauf", "2024-03-04", "text+event")],
        ),
        (
            "Am 3. März 2024 brannte es. Am Tag danach kam die Polizei.",
            [("3. März 2024", "2024-03-03", "text"), ("Am Tag danach", "2024-03-04", "text+event")],
        ),
        (
            "Im März 2023 erließ es einen Haftbefehl. Ein halbes Jahr später trat Armenien bei.",
            [("März 2023", "2023-03", "text"), ("Ein halbes Jahr später", "2023-09", "text+event")],
        ),
    ],
    "ranges": [
        (
            "am 20. und 21. Mai 2025",
            [("20.", "2025-05-20", "text"), ("21. Mai 2025", "2025-05-21", "text")],
        ),
        (
            "vom 3. bis 5. März",
            [("3.", "2025-03-03", "text+dct"), ("5. März", "2025-03-05", "text+dct")],
        ),
        ("von 2014 bis 2016", [("2014", "2014", "text"), ("2016", "2016", "text")]),
        ("zwischen 2014 und 2016", [("2014", "2014", "text"), ("2016", "2016", "text")]),
        ("von März bis Mai 2024", [("März", "2024-03", "text"), ("Mai 2024", "2024-05", "text")]),
        (
            "am 16. und 17. Januar",
            [("16.", "2025-01-16", "text+dct"), ("17. Januar", "2025-01-17", "text+dct")],
        ),
        ("von 1943 bis 1945", [("1943", "1943", "text"), ("1945", "1945", "text")]),
        (
            "im Juli und August 2024",
            [("Juli", "2024-07", "text"), ("August 2024", "2024-08", "text")],
        ),
        (
            "am 3., 4. und 5. Mai",
            [
                ("3.", "2025-05-03", "text+dct"),
                ("4.", "2025-05-04", "text+dct"),
                ("5. Mai", "2025-05-05", "text+dct"),
            ],
        ),
        ("im Krieg 1870/71", [("1870", "1870", "text"), ("71", "1871", "text")]),
        (
            "28. Juni bis 2. Juli 2025",
            [("28. Juni", "2025-06-28", "text"), ("2. Juli 2025", "2025-07-02", "text")],
        ),
    ],
    "not dates": [
        ("als es abstürzte und 38 der 67 Menschen an Bord ums Leben kamen", []),
        ("hatte Nordkorea zunächst 11.000 Soldaten entsandt", []),
        ("Rund 4 000 dieser Soldaten wurden getötet", []),
        ("bis zu 30.000 Soldaten", []),
        ("den Raketenangriff auf den AZAL-Flug 8243", []),
        ("Das Ticket kostet 2000 Euro.", []),
        ("Mit Flug 1993 kam er an.", []),
        ("Rund 2000 Menschen demonstrierten.", []),
        ("Die Taliban, die mit Moskau so verhandeln, sind da.", []),
        ("August Bebel sagte, was Mai Thi dachte.", []),
        ("Sie schrieb an August Bebel.", []),
        ("eine viermonatige Haftstrafe", []),
        ("Morde, die Jahrzehnte zurücklagen", []),
        ("Das Spiel endete 2:1.", []),
        ("um 2000 Menschen", []),
        ("Der Zug fährt um 19 Uhr.", []),
        ("Im 1. Weltkrieg", []),
    ],
}


@pytest.mark.parametrize(
    "text, expected",
    [case for cases in CASES.values() for case in cases],
    ids=[f"{category}: {text[:40]}" for category, cases in CASES.items() for text, _ in cases],
)
def test_cases(text, expected):
    assert found(text) == expected


def test_anchor_names_the_earlier_mention():
    text = "Am 25. Dezember 2024 stürzte ein Flugzeug ab. Drei Tage nach dem Absturz sprach er."
    first, second = find_dates(text, PUBLISHED)
    assert second.anchor == 0
    assert second.anchor_text == first.text


def test_what_happened_after_the_anchor_happened_before_publication():
    text = "Am 2. Juli 2025 durchsuchte die Polizei das Büro. Kurz darauf wurde er entlassen."
    assert found(text)[-1] == ("Kurz darauf", "2025-07-02/2025-07-04", "text+event")


def test_vague_words_only_when_asked():
    text = "Nordkorea will diese Zahl nun verdreifachen."
    assert found(text) == []
    mention = find_dates(text, PUBLISHED, include_vague=True)[0]
    assert (mention.text, mention.edtf, mention.vague) == ("nun", "2025-07-04", True)


def test_accepts_a_datetime_and_an_empty_text():
    from datetime import datetime

    assert found("", datetime(2025, 7, 4, 12, 0)) == []
    assert found("gestern", datetime(2025, 7, 4, 12, 0)) == [("gestern", "2025-07-03", "text+dct")]


def test_sentences_do_not_split_after_ordinals_or_abbreviations():
    text = "Am 9. Mai kam er u.a. mit Gästen. Dann ging er. „Ja“, sagte sie."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == ["Am 9. Mai kam er u.a. mit Gästen.", "Dann ging er.", "„Ja“, sagte sie."]


# ---------------------------------------------------------------------------------------------
# properties: German dates made from a date come back as that date

MONTH_NAMES = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=150, deadline=None)
@given(day=DATES, style=st.sampled_from(["long", "numeric", "padded"]), lead=st.booleans())
def test_generated_days_come_back(day, style, lead):
    written = {
        "long": f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}",
        "numeric": f"{day.day}.{day.month}.{day.year}",
        "padded": f"{day.day:02d}.{day.month:02d}.{day.year}",
    }[style]
    text = f"Am {written} unterzeichneten beide Seiten." if lead else f"Es geschah am {written}."
    assert found(text) == [(written, day.isoformat(), "text")]


@settings(max_examples=100, deadline=None)
@given(day=DATES, modifier=st.sampled_from(["", "Anfang ", "Mitte ", "Ende "]))
def test_generated_months_come_back(day, modifier):
    written = f"{modifier}{MONTH_NAMES[day.month - 1]} {day.year}"
    ((text, value, basis),) = found(f"Im {written} trafen sie sich.")
    assert (text, basis) == (written, "text")
    from events.model.fuzzy_dates import date_bounds

    bounds = date_bounds(value)
    assert bounds.start.month == bounds.end.month == day.month
    assert bounds.start.year == bounds.end.year == day.year


@settings(max_examples=100, deadline=None)
@given(published=DATES, month=st.integers(1, 12))
def test_a_month_without_year_is_the_latest_not_after_publication(published, month):
    ((_, value, basis),) = found(f"Im {MONTH_NAMES[month - 1]} sagte er ab.", published)
    year = published.year if month <= published.month else published.year - 1
    assert (value, basis) == (f"{year:04d}-{month:02d}", "text+dct")


@settings(max_examples=100, deadline=None)
@given(published=DATES, days=st.integers(-2, 2))
def test_today_yesterday_tomorrow(published, days):
    word = {-2: "vorgestern", -1: "gestern", 0: "heute", 1: "morgen", 2: "übermorgen"}[days]
    assert found(f"Er sagte {word} zu.", published) == [
        (word, (published + timedelta(days=days)).isoformat(), "text+dct")
    ]


@settings(max_examples=100, deadline=None)
@given(first=st.integers(1900, 2090), length=st.integers(1, 9))
def test_year_ranges(first, length):
    assert found(f"von {first} bis {first + length}") == [
        (f"{first}", f"{first}", "text"),
        (f"{first + length}", f"{first + length}", "text"),
    ]


# ---------------------------------------------------------------------------------------------
# the command line


def test_extract_prints_json(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Am 25. Dezember 2024 stürzte es ab. Drei Tage danach sprach er.")
    assert main(["extract", str(article), "--published", "2025-07-04", "--json"]) == 0
    mentions = json.loads(capsys.readouterr().out)
    assert [(m["text"], m["edtf"], m["basis"]) for m in mentions] == [
        ("25. Dezember 2024", "2024-12-25", "text"),
        ("Drei Tage danach", "2024-12-28", "text+event"),
    ]
    assert mentions[1]["anchor"] == 0


def test_extract_prints_lines(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Im Mai lehnte er ab.")
    assert main(["extract", str(article), "--published", "2025-07-04"]) == 0
    assert "'Mai'" in capsys.readouterr().out


def test_extract_bad_input_is_one_line_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(missing), "--published", "2025-07-04"]) == 2
    assert capsys.readouterr().err.strip() == f"Fehler: {missing}: Datei nicht gefunden"
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00Z")
    assert main(["extract", str(binary), "--published", "2025-07-04"]) == 2
    assert "kein UTF-8-Text" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["extract", str(binary), "--published", "4.7.2025"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_the_command_line_speaks_english_with_lang_en(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["--lang", "en", "extract", str(missing), "--published", "2025-07-04"]) == 2
    assert capsys.readouterr().err.strip() == f"Error: {missing}: file not found"
    article = tmp_path / "a.txt"
    article.write_text("Im Mai lehnte er ab.")
    assert main(["--lang", "en", "extract", str(article), "--published", "2025-07-04"]) == 0
    assert capsys.readouterr().err.strip() == "1 date mention(s)."


def test_candidates_for_a_seed_article(tmp_path, capsys):
    out = tmp_path / "candidates.csv"
    seed = "seeds/000_ae1e676b21058354.txt"
    assert main(["candidates", seed, "--source", "news-2025-07", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    text = Path(seed).read_text(encoding="utf-8")
    assert rows and all(text[int(r["start"]) : int(r["end"])] == r["sentence"] for r in rows)
    crash = next(r for r in rows if r["date_text"] == "Dezember letzten Jahres")
    assert crash["date"] == "2024-12"
    assert set(crash["countries"].split(";")) == {"AZE", "RUS"}  # Baku, Grosny, russischen
    assert "incident" in crash["themes"].split(";")
    assert crash["curated_events"] == "azal-8243-crash"
    lavrov = next(r for r in rows if r["date_text"] == "20." and "21. Mai 2025" in r["other_dates"])
    assert "ARM" in lavrov["countries"] and "diplomacy" in lavrov["themes"]
    assert "lavrov-visits-yerevan" in lavrov["curated_events"]
    # a second source's rows survive a rerun for the first
    rolofs = "seeds/003_17d84892c08cd0d1.txt"
    assert main(["candidates", rolofs, "--source", "rolofs-2025-07", "--out", str(out)]) == 0
    assert main(["candidates", seed, "--source", "news-2025-07", "--out", str(out)]) == 0
    sources = {r["source"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert sources == {"news-2025-07", "rolofs-2025-07"}
    assert "Sätze mit Datum" in capsys.readouterr().out


def test_candidates_unknown_source_names_the_file(tmp_path, capsys):
    out = tmp_path / "candidates.csv"
    article = tmp_path / "a.txt"
    article.write_text("Im Mai lehnte er ab.")
    assert main(["candidates", str(article), "--source", "nope", "--out", str(out)]) == 2
    assert "keine Quelle mit der ID 'nope'" in capsys.readouterr().err
    assert not out.exists()
    args = ["candidates", str(article), "--source", "nope", "--published", "2025-07-04"]
    assert main([*args, "--out", str(out)]) == 0
    assert out.exists()


WORDY_TEXT = st.lists(
    st.sampled_from(
        [
            *MONTH_NAMES,
            "Anfang",
            "Ende",
            "Mitte",
            "am",
            "im",
            "seit",
            "vor",
            "nach",
            "dem",
            "Jahr",
            "Jahren",
            "Tage",
            "später",
            "danach",
            "Kurz",
            "darauf",
            "selben",
            "Tag",
            "heute",
            "1993",
            "2024",
            "25.",
            "12.",
            "3",
            "drei",
            "wenige",
            "Wochen",
            "Herbst",
            "letzten",
            "Jahres",
            ".",
            ",",
            "und",
            "bis",
            "v. Chr.",
            "19.",
            "Jahrhundert",
            "1990er",
            "Absturz",
            "gerade",
            "nun",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), WORDY_TEXT), published=DATES, vague=st.booleans())
def test_any_text_gives_consistent_mentions_and_never_raises(text, published, vague):
    from events.model.fuzzy_dates import date_bounds

    mentions = find_dates(text, published, include_vague=vague)
    previous_end = 0
    for i, m in enumerate(mentions):
        assert text[m.start : m.end] == m.text and m.start >= previous_end
        previous_end = m.end
        if not m.edtf.startswith("-"):
            date_bounds(m.edtf)  # a valid EDTF value
        assert m.basis in {"text", "text+dct", "text+event"}
        assert (m.anchor is not None) == (m.basis == "text+event")
        if m.anchor is not None:
            assert m.anchor < i and mentions[m.anchor].text == m.anchor_text


# ---------------------------------------------------------------------------------------------
# TIMEX3 annotations: value, type and mod of each mention (published 2025-07-04, a Friday)

TIMEX_CASES = [
    ("am 16. September 2010", "16. September 2010", "2010-09-16", None),
    ("im Mai 2024", "Mai 2024", "2024-05", None),
    ("im Jahr 2024", "Jahr 2024", "2024", None),
    ("letzte Woche", "letzte Woche", "2025-W26", None),
    ("nächste Woche", "nächste Woche", "2025-W28", None),
    ("im Sommer 2010", "Sommer 2010", "2010-SU", None),
    ("im Herbst 2010", "Herbst 2010", "2010-FA", None),
    ("im ersten Quartal 2010", "ersten Quartal 2010", "2010-Q1", None),
    ("im zweiten Halbjahr 2010", "zweiten Halbjahr 2010", "2010-H2", None),
    ("in den 2010er Jahren", "den 2010er Jahren", "201", None),
    ("im 20. Jahrhundert", "20. Jahrhundert", "19", None),
    ("500 v. Chr.", "500 v. Chr.", "BC0500", None),
    ("Anfang 2025", "Anfang 2025", "2025", "START"),
    ("Mitte Mai 2024", "Mitte Mai 2024", "2024-05", "MID"),
    ("Ende Dezember 2024", "Ende Dezember 2024", "2024-12", "END"),
    ("Mitte der 1990er Jahre", "Mitte der 1990er Jahre", "199", "MID"),
    ("Anfang des 20. Jahrhunderts", "Anfang des 20. Jahrhunderts", "19", "START"),
    ("um 1900", "um 1900", "1900", "APPROX"),
    ("Derzeit ist es ruhig.", "Derzeit", "PRESENT_REF", None),
    ("Jetzt reicht es.", "Jetzt", "PRESENT_REF", None),
    ("Heute ist vieles anders.", "Heute", "PRESENT_REF", None),
    ("heute Abend kommt er", "heute", "2025-07-04", None),
    ("gestern kam er", "gestern", "2025-07-03", None),
    ("Damals war alles anders.", "Damals", "PAST_REF", None),
    ("Künftig soll es anders sein.", "Künftig", "FUTURE_REF", None),
    ("In Zukunft wird es anders.", "Zukunft", "FUTURE_REF", None),
    ("vor drei Wochen", "vor drei Wochen", "2025-W24", None),
    ("vor einem Jahr", "vor einem Jahr", "2024", None),
]


@pytest.mark.parametrize(("text", "span", "timex", "mod"), TIMEX_CASES)
def test_timex_values(text, span, timex, mod):
    mentions = find_dates(text, PUBLISHED)
    assert [(m.text, m.timex, m.timex_type, m.timex_mod) for m in mentions] == [
        (span, timex, "DATE", mod)
    ]


DURATION_CASES = [
    ("in den vergangenen zwei Wochen", "den vergangenen zwei Wochen", "P2W"),
    ("in den letzten Jahren", "den letzten Jahren", "PXY"),
    ("in den zurückliegenden drei Monaten", "den zurückliegenden drei Monaten", "P3M"),
]


@pytest.mark.parametrize(("text", "span", "timex"), DURATION_CASES)
def test_durations_are_typed(text, span, timex):
    mentions = find_dates(text, PUBLISHED)
    assert [(m.text, m.timex, m.timex_type) for m in mentions] == [(span, timex, "DURATION")]


def test_the_coming_units_are_the_future():
    mentions = find_dates("in den nächsten Jahren", PUBLISHED)
    assert [(m.edtf, m.timex) for m in mentions] == [("2025-07-04/2028-07-04", "FUTURE_REF")]


def test_reference_words_are_never_anchors():
    text = "Am 3. Mai 2024 stürzte es ab, derzeit ist es ruhig. Zwei Tage später sprach er."
    last = find_dates(text, PUBLISHED)[-1]
    expected = ("Zwei Tage später", "3. Mai 2024", "2024-05-05")
    assert (last.text, last.anchor_text, last.edtf) == expected


def test_the_json_output_has_the_timex_attributes(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Derzeit ist es ruhig. Im Sommer 2010 war es heiß.")
    assert main(["extract", str(article), "--published", "2025-07-04", "--json"]) == 0
    mentions = json.loads(capsys.readouterr().out)
    assert [(m["timex"], m["timex_type"], m["timex_mod"]) for m in mentions] == [
        ("PRESENT_REF", "DATE", None),
        ("2010-SU", "DATE", None),
    ]


ANCHOR_CASES = [
    (  # the finer date of the same event inside the latest one (seed 000, "Operation")
        "Im September 2023 begann eine Militärkampagne. Die Blitzaktion im Jahr 2023 zeigte es. "
        "Wenige Wochen nach der Operation kam er.",
        ("Wenige Wochen nach der Operation", "September 2023", "2023-09-15/2023-11-11"),
    ),
    (  # a date that dates a noun is no anchor (seed 003, "Gleichzeitig")
        "Jüngst sprach er. Er klagte wegen des Abschusses vom Dezember 2024. "
        "Gleichzeitig wurden Russen festgenommen.",
        ("Gleichzeitig", "Jüngst", "2025-06-04/2025-07-04"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ANCHOR_CASES)
def test_anchor_choice(text, expected):
    last = find_dates(text, PUBLISHED, include_vague=True)[-1]
    assert (last.text, last.anchor_text, last.edtf) == expected


# ---------------------------------------------------------------------------------------------
# words of issue 14 (published 2025-07-04, a Friday): (text, [(span, edtf, timex, mod)])

WORD_CASES = [
    ("Heuer kam er.", [("Heuer", "2025", "2025", None)]),
    ("am 24. Jänner", [("24. Jänner", "2025-01-24", "2025-01-24", None)]),
    ("am 7. Feber 2021", [("7. Feber 2021", "2021-02-07", "2021-02-07", None)]),
    ("am Wochenende kam er", [("Wochenende", "2025-06-28/2025-06-29", "2025-W26-WE", None)]),
    (
        "Am Wochenende wird er kommen.",
        [("Wochenende", "2025-07-05/2025-07-06", "2025-W27-WE", None)],
    ),
    ("Anfang der Woche", [("Anfang der Woche", "2025-06-30/2025-07-02", "2025-W27", "START")]),
    ("Ende der Woche", [("Ende der Woche", "2025-07-04/2025-07-06", "2025-W27", "END")]),
    ("Freitag stimmte er zu.", [("Freitag", "2025-07-04", "2025-07-04", None)]),
    ("an Weihnachten 2024", [("Weihnachten 2024", "2024-12-25", "2024-12-25", None)]),
    ("zu Ostern 2024", [("Ostern 2024", "2024-03-31", "2024-03-31", None)]),
    ("am Ostermontag 2020", [("Ostermontag 2020", "2020-04-13", "2020-04-13", None)]),
    ("an Pfingsten 2025", [("Pfingsten 2025", "2025-06-08", "2025-06-08", None)]),
    (
        "an Christi Himmelfahrt 2025",
        [("Christi Himmelfahrt 2025", "2025-05-29", "2025-05-29", None)],
    ),
    ("an Silvester 1999", [("Silvester 1999", "1999-12-31", "1999-12-31", None)]),
    ("zu Neujahr 2000", [("Neujahr 2000", "2000-01-01", "2000-01-01", None)]),
    (
        "am Tag der Deutschen Einheit 1990",
        [("Tag der Deutschen Einheit 1990", "1990-10-03", "1990-10-03", None)],
    ),
    ("im Jahr 578", [("Jahr 578", "0578", "0578", None)]),
    ("im Kriegsjahr 1914", [("1914", "1914", "1914", None)]),
    ("des Frühjahres 1918", [("Frühjahres 1918", "1918-21", "1918-SP", None)]),
    (
        "in der zweiten Jahreshälfte",
        [("der zweiten Jahreshälfte", "2025-07/2025-12", "2025-H2", None)],
    ),
    ("in diesem Jahrhundert", [("diesem Jahrhundert", "20XX", "20", None)]),
    ("im Laufe des Jahres", [("im Laufe des Jahres", "2025", "2025", None)]),
    ("Ende Jahr", [("Ende Jahr", "2025-09/2025-12", "2025", "END")]),
    ("Es kamen 1314 Kindern und 1500 Panzern auf 2000 Quadratmeter.", []),
    ("Er ist jeden Montag hier.", []),
    (
        "1989: 4. September",
        [("1989", "1989", "1989", None), ("4. September", "1989-09-04", "1989-09-04", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_words_of_issue_14(text, expected):
    mentions = find_dates(text, PUBLISHED)
    assert [(m.text, m.edtf, m.timex, m.timex_mod) for m in mentions] == expected


NARRATIVE = (
    "Am 19. Juli 1870 erklärte Frankreich den Krieg. Am 2. September kapitulierte die Armee. "
    "Zwei Tage später fiel das Kaiserreich. Am selben Tag floh die Kaiserin. Im Mai wurde "
    "Frieden geschlossen. Ende des Jahres kam er zurück. Wenige Wochen später starb er."
)


def test_a_narrative_is_told_from_its_own_dates():
    mentions = find_dates(NARRATIVE, date(2025, 6, 1))
    assert [(m.text, m.edtf) for m in mentions] == [
        ("19. Juli 1870", "1870-07-19"),
        ("2. September", "1870-09-02"),
        ("Zwei Tage später", "1870-09-04"),
        ("Am selben Tag", "1870-09-04"),
        ("Mai", "1870-05"),
        ("Ende des Jahres", "1870-09/1870-12"),
        ("Wenige Wochen später", "1870-09-15/1871-02-11"),
    ]
    assert mentions[-1].timex_mod == "APPROX"


def test_news_keeps_the_publication_date():
    text = "Am 2. September kam er. Zwei Tage später ging er. Im Mai kam er wieder."
    assert [(m.text, m.edtf) for m in find_dates(text, date(2025, 6, 1))] == [
        ("2. September", "2024-09-02"),
        ("Zwei Tage später", "2024-09-04"),
        ("Mai", "2025-05"),
    ]


NARRATIVE_CASES = [
    (  # an anchor far back in a narrative is not stretched to the publication date
        "Am 3. Juli 1815 zog er ein. Der König blieb. Einige Tage darauf ging er.",
        ("Einige Tage darauf", "1815-07-05/1815-07-10", "1815-07", "APPROX"),
    ),
    (
        "Am 28. Juni 1914 fielen die Schüsse. Einen Monat später begann der Krieg.",
        ("Einen Monat später", "1914-07-28", "1914-07", None),
    ),
    (
        "Der Krieg begann 1914.\n- 1917 traten die USA ein, später im Jahr ging Russland.",
        ("später im Jahr", "1917", "1917", None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NARRATIVE_CASES)
def test_narrative_cases(text, expected):
    last = find_dates(text, date(2025, 6, 1))[-1]
    assert (last.text, last.edtf, last.timex, last.timex_mod) == expected


@pytest.mark.parametrize("published", ["2011-02-16", "2025-08-08", "0001-01-01", "9999-12-31"])
def test_the_command_line_prints_only_valid_values(tmp_path, capsys, published):
    from events.model.fuzzy_dates import is_valid_edtf

    article = tmp_path / "a.txt"
    article.write_text(
        "Am 15. Februar griffen die Truppen an. Zwei Tage später fiel die Stadt. "
        "Am selben Tag floh der König. Drei Tage später kam er. Gestern und morgen. Damals."
    )
    assert main(["extract", str(article), "--published", published, "--json"]) == 0
    for m in json.loads(capsys.readouterr().out):
        assert is_valid_edtf(m["edtf"]) or (m["edtf"] == "" and m["timex"] == "PAST_REF"), m


MONTH_LIST_CASES = [
    ("im März, November und Dezember 2024", ["2024-03", "2024-11", "2024-12"]),
    ("im November, Dezember und Januar 2021", ["2020-11", "2020-12", "2021-01"]),
    ("im März, November und ab Dezember", ["2025-03", "2024-11", "2024-12"]),
    ("Mai, August", []),
]


@pytest.mark.parametrize(("text", "values"), MONTH_LIST_CASES)
def test_months_of_a_list(text, values):
    assert [m.edtf for m in find_dates(text, PUBLISHED)] == values
