"""Date masking: with dates hidden, no title, summary, quote or source line gives the date away."""

import re
from datetime import date
from functools import cache

import pytest
from babel import Locale

from events.extract import find_dates
from events.model.fuzzy_dates import describe_date
from events.queries.masking import (
    PLACEHOLDER,
    date_spans,
    event_publication_days,
    mask_dates,
    mask_quote,
    publication_day,
)
from events.store.tables import load_dataset

PUBLISHED = date(2025, 7, 4)


def leftover_pattern(lang: str) -> re.Pattern:
    """An independent check: four-digit years and CLDR month names (babel), whole words."""
    months = Locale(lang).months["format"]["wide"].values()
    return re.compile(r"\b(?:1[5-9]|20)\d\d\b|\b(?:" + "|".join(months) + r")\b")


# date_text values of evidence rows that the extractor does not report without include_vague
NOT_DATE_EXPRESSIONS = {
    "Während der russische Außenminister in Eriwan weilte",
    "nun",
    "Gleichzeitig",
    "prompt",
    "gerade",
}


@cache
def dataset():
    return load_dataset()


def _texts(lang: str):
    data = dataset()
    days = event_publication_days(data.evidence, data.sources)
    for row in data.events.itertuples():
        published = days.get(row.id, PUBLISHED)
        for column in (f"title_{lang}", f"summary_{lang}"):
            yield f"{row.id}.{column}", getattr(row, column), published


def test_every_event_has_a_publication_day_unless_dated_from_knowledge():
    data = dataset()
    days = event_publication_days(data.evidence, data.sources)
    for row in data.events.itertuples():
        assert (row.id in days) or row.date_basis == "knowledge", row.id
    assert set(days.values()) <= {date(2025, 7, 4), date(2025, 7, 31)}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_masking_removes_every_date_expression_of_titles_and_summaries(lang):
    leftover = leftover_pattern(lang)
    masked_any = 0
    for where, text, published in _texts(lang):
        masked = mask_dates(text, published, lang=lang)
        assert not find_dates(masked, published), (where, masked)
        assert not leftover.search(masked), (where, masked)
        masked_any += masked != text
    assert masked_any > 40  # most summaries carry a date; the check above is not vacuous


def test_masking_removes_every_date_expression_of_the_quotes():
    """Each quote is masked within its article; the evidence row's own date_text disappears
    whenever the extractor knows it (not: "Während der russische Außenminister in Eriwan weilte",
    a clause, and vague words such as "nun")."""
    data = dataset()
    published = {
        s: publication_day(p)
        for s, p in zip(data.sources["id"], data.sources["published"], strict=True)
    }
    leftover = leftover_pattern("de")
    unknown = set()
    for row in data.evidence.itertuples():
        day = published[row.source]
        article = data.texts[row.source]
        masked = mask_quote(row.quote, article, day)
        assert not find_dates(masked, day), masked
        assert not leftover.search(masked), masked
        if not row.date_text:
            continue
        start = article.index(row.quote) + row.quote.index(row.date_text)
        end = start + len(row.date_text)
        if any(m.start < end and m.end > start for m in find_dates(article, day)):
            assert row.date_text not in masked, masked
        else:
            unknown.add(row.date_text)
    assert unknown <= NOT_DATE_EXPRESSIONS


def test_quote_masked_in_its_article_loses_relative_dates():
    article = "Am 25. Dezember stürzte das Flugzeug ab. Drei Tage nach dem Absturz sprach Alijew."
    quote = "Drei Tage nach dem Absturz sprach Alijew."
    assert mask_quote(quote, article, PUBLISHED) == "▢▢▢ sprach Alijew."
    # without its anchor the phrase is no date expression for the extractor
    assert mask_dates(quote, PUBLISHED) == quote
    assert mask_quote("Nicht im Artikel, 2024.", article, PUBLISHED) == "Nicht im Artikel, ▢▢▢."


@pytest.mark.parametrize("lang", ["de", "en"])
def test_masking_removes_the_date_of_source_lines(lang):
    data = dataset()
    leftover = leftover_pattern(lang)
    for row in data.sources.itertuples():
        line = f"{row.title} – {row.outlet}, {describe_date(row.published, lang)}"
        masked = mask_dates(line, publication_day(row.published), lang=lang)
        assert not leftover.search(masked), masked
        assert PLACEHOLDER in masked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Krieg um Luhansk und Donezk seit 2014", "Krieg um Luhansk und Donezk seit ▢▢▢"),
        ("Absturz am 25. Dezember 2024 bei Aktau", "Absturz am ▢▢▢ bei Aktau"),
        ("Im Herbst letzten Jahres kamen Soldaten", "Im ▢▢▢ kamen Soldaten"),
        (
            "38 der 67 Menschen starben, AZAL-Flug 8243",
            "38 der 67 Menschen starben, AZAL-Flug 8243",
        ),
        ("Nun reagierte Moskau", "Nun reagierte Moskau"),
        ("", ""),
    ],
)
def test_mask_dates_cases(text, expected):
    assert mask_dates(text, PUBLISHED) == expected


def test_vague_words_only_on_request():
    assert (
        mask_dates("Nun reagierte Moskau", PUBLISHED, include_vague=True) == "▢▢▢ reagierte Moskau"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia's war in Donbas since 2014", "Russia's war in Donbas since ▢▢▢"),
        ("On 24 February 2022 Russia invaded", "On ▢▢▢ Russia invaded"),
        ("The law passed in May 2024 anyway.", "The law passed in ▢▢▢ anyway."),
        # dateparser's phrases are cut to their date tokens: the words around stay, except
        # the words that narrow the date (as German "Ende Dezember 2024" is masked whole)
        (
            "At the end of December 2024 an airliner crashed",
            "At ▢▢▢ an airliner crashed",
        ),
        ("In autumn 2023 Azerbaijan took", "In ▢▢▢ Azerbaijan took"),
        ("in the summer of 2024 to show", "in ▢▢▢ to show"),
        ("In early 2024 the Armenian", "In ▢▢▢ the Armenian"),
        ("they met in mid-May 2025 again", "they met in ▢▢▢ again"),
        ("Later in 2024 a court", "Later in ▢▢▢ a court"),
        ("since the 1990s and played a role", "since the ▢▢▢ and played a role"),
        ("on Monday, 3 July 2025, they met", "on ▢▢▢, they met"),
        # a number that is no plausible year is no date
        ("Crash of AZAL flight 8243", "Crash of AZAL flight 8243"),
        ("yesterday he said", "▢▢▢ he said"),
    ],
)
def test_mask_dates_english(text, expected):
    assert mask_dates(text, PUBLISHED, lang="en") == expected


def test_spans_are_merged_and_in_order():
    text = "Am 20. und 21. Mai 2025 und im Juni 2025"
    spans = date_spans(text, PUBLISHED)
    assert spans == sorted(spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-07-04~", date(2025, 7, 4)),
        ("2025-07~", date(2025, 7, 31)),
        ("2025", date(2025, 12, 31)),
    ],
)
def test_publication_day(value, day):
    assert publication_day(value) == day
