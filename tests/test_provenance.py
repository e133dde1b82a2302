"""What every display says about an event's date: the article's words and what others add."""

import pytest

from events.locale import t
from events.model.fuzzy_dates import date_bounds
from events.model.provenance import ORIGINS, date_origin, date_statement, outside_phrase
from events.store.tables import load_dataset

CRASH = {
    "date": "2024-12-25",
    "date_text": "Ende Dezember 2024",
    "date_basis": "text",
    "text_date": "2024-12-21/2024-12-31",
    "date_source": "IFP News, 30.12.2024, https://example.org/azal",
}


def event(**changes) -> dict:
    return {**CRASH, **changes}


ORIGIN_CASES = [
    # date, text_date, date_basis, date_source, origin
    ("2024-12", "2024-12", "text", "", "article"),
    ("2014/..", "2014/..", "text", "", "article"),
    ("2024-12-25", "2024-12", "text", "Reuters", "refined"),
    ("2024-12-29", "2024-12-04/2025-01-03", "text+event", "AP", "refined"),
    ("2025-06-29/2025-06-30", "2025-05-22/2025-05-28", "text+event", "Artikel irrt:", "corrected"),
    ("2024-21?", "2025-21?", "text+dct", "Artikel irrt: Wikipedia", "corrected"),
    ("2025-07-03", "", "knowledge", "AFP", "outside"),
]


@pytest.mark.parametrize(("date", "text_date", "basis", "source", "origin"), ORIGIN_CASES)
def test_date_origin(date, text_date, basis, source, origin):
    assert date_origin(date, text_date, basis, source) == origin


STATEMENTS = [
    # event, lang, article part, outside part (babel puts thin spaces around English dashes)
    (
        event(),
        "de",
        "Im Artikel: „Ende Dezember 2024“, also 21.–31. Dez. 2024.",
        "Genauer Tag aus anderen Quellen: 25. Dezember 2024 "
        "(Quelle: IFP News, 30.12.2024, https://example.org/azal).",
    ),
    (
        event(),
        "en",
        "In the article: “Ende Dezember 2024”, meaning 21\u2009–\u200931 Dec 2024.",
        "Exact day from other sources: 25 December 2024 "
        "(source: IFP News, 30.12.2024, https://example.org/azal).",
    ),
    (
        event(date="2024-12", text_date="2024-12", date_text="Im Dezember 2024", date_source=""),
        "de",
        "Im Artikel: „Im Dezember 2024“.",
        "",
    ),
    (
        event(date="2024-12", text_date="2024-12", date_text="Im Dezember 2024", date_source=""),
        "en",
        "In the article: “Im Dezember 2024”, meaning December 2024.",
        "",
    ),
    (
        event(date="2025-07-04~", text_date="2025-07-04~", date_text="nun", date_source=""),
        "de",
        "Im Artikel: „nun“, also etwa 4. Juli 2025.",
        "",
    ),
    (
        event(
            date="2023-09-19/2023-09-20",
            text_date="2023-09",
            date_text="Im September 2023",
            date_source="Kyiv Independent",
        ),
        "de",
        "Im Artikel: „Im September 2023“.",
        "Genauer aus anderen Quellen: 19.–20. Sept. 2023 (Quelle: Kyiv Independent).",
    ),
    (
        event(
            date="2025-06-29/2025-06-30",
            text_date="2025-05-22/2025-05-28",
            date_text="Wenige Tage danach",
            date_basis="text+event",
            date_source="Artikel irrt: EEAS, 30.06.2025",
        ),
        "de",
        "Im Artikel: „Wenige Tage danach“, also 22.–28. Mai 2025.",
        "Hier irrt der Artikel. Richtig ist laut anderen Quellen: 29.–30. Juni 2025 "
        "(Quelle: EEAS, 30.06.2025).",
    ),
    (
        event(
            date="2025-06-29/2025-06-30",
            text_date="2025-05-22/2025-05-28",
            date_text="Wenige Tage danach",
            date_basis="text+event",
            date_source="Artikel irrt: EEAS, 30.06.2025",
        ),
        "en",
        "In the article: “Wenige Tage danach”, meaning 22\u2009–\u200928 May 2025.",
        "The article is wrong here. Other sources give: 29\u2009–\u200930 Jun 2025 "
        "(source: EEAS, 30.06.2025).",
    ),
    (
        event(
            date="2025-07-03",
            text_date="",
            date_text="",
            date_basis="knowledge",
            date_source="AFP, 03.07.2025",
        ),
        "de",
        "Der Artikel nennt kein Datum.",
        "Datum aus anderen Quellen: 3. Juli 2025 (Quelle: AFP, 03.07.2025).",
    ),
    (
        event(
            date="2025-07-03",
            text_date="",
            date_text="",
            date_basis="knowledge",
            date_source="AFP, 03.07.2025",
        ),
        "en",
        "The article gives no date.",
        "Date from other sources: 3 July 2025 (source: AFP, 03.07.2025).",
    ),
    (
        event(
            date="199X/..", text_date="199X/..", date_text="seit den 1990er Jahren", date_source=""
        ),
        "en",
        "In the article: “seit den 1990er Jahren”, meaning since the 1990s.",
        "",
    ),
]


@pytest.mark.parametrize(("row", "lang", "article", "outside"), STATEMENTS)
def test_date_statement(row, lang, article, outside):
    statement = date_statement(row, lang)
    assert (statement.article, statement.outside) == (article, outside)
    assert statement.refined_from_outside == bool(outside)
    assert statement.text == " ".join(p for p in (article, outside) if p)


def test_date_statement_reads_a_pandas_row_and_unknown_language_is_german():
    data = load_dataset()
    row = data.events.set_index("id").loc["azal-8243-crash"].copy()
    row["id"] = "azal-8243-crash"
    statement = date_statement(row, "fr")
    assert statement.article == "Im Artikel: „Ende Dezember 2024“, also 21.–31. Dez. 2024."
    assert statement.outside.startswith("Genauer Tag aus anderen Quellen: 25. Dezember 2024 (")


DATA = load_dataset()
EVENTS = DATA.events


def _narrower(date: str, text_date: str) -> bool:
    inner, outer = date_bounds(date), date_bounds(text_date)
    span = (inner.end or inner.start) - inner.start
    outer_span = (outer.end or outer.start) - outer.start
    return date != text_date and (outer.end is None or span < outer_span)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_date_narrower_than_the_article_is_presented_as_the_articles(lang):
    """The promise of issue 11: an outside day is never shown as what the article says."""
    stated = t("basis_text", lang)
    narrower = [
        row for row in EVENTS.itertuples() if row.text_date and _narrower(row.date, row.text_date)
    ]
    assert len(narrower) >= 20  # the fact-check found 21 such events
    for row in narrower:
        statement = date_statement(row._asdict(), lang)
        assert statement.refined_from_outside, row.id
        assert row.date_origin in ("refined", "corrected"), row.id
        assert (
            statement.outside
            and row.date_source.split(",")[0].removeprefix("Artikel irrt:").strip()
            in statement.outside
        ), row.id
        assert stated not in statement.text, row.id


def test_every_origin_occurs_in_the_real_table_and_matches_the_statement():
    assert set(EVENTS["date_origin"]) == set(ORIGINS)
    for row in EVENTS.itertuples():
        assert date_statement(row._asdict(), "de").origin == row.date_origin, row.id


def test_outside_phrase_is_defined_once_per_language():
    assert outside_phrase("de") == "Aus anderen Quellen:"
    assert outside_phrase("en") == "From other sources:"


def test_brief_statement_leaves_the_citation_to_the_card():
    events = load_dataset().events.set_index("id", drop=False)
    crash = date_statement(events.loc["azal-8243-crash"], "de")
    assert crash.brief.startswith("Im Artikel: „Ende Dezember 2024“")
    assert "25. Dezember 2024" in crash.brief and "(Quelle:" not in crash.brief
    assert "http" not in crash.brief and "http" in crash.text
    own = date_statement(events.loc["russia-karabakh-strings"], "en")
    assert own.brief == own.text  # the article's own date: nothing to leave out
