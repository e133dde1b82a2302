"""The filter line above the chart (events/queries/filterline.py)."""

import pytest

from events.queries.filterline import MAX_QUERY, filter_line, is_filtered, period_words
from events.queries.filters import FilterState

NAMES = {"ARM": "Armenien", "AZE": "Aserbaidschan"}


@pytest.mark.parametrize(
    ("filters", "lang", "expected"),
    [
        (FilterState(), "de", "Alle 43 Ereignisse"),
        (FilterState(), "en", "All 43 events"),
        (
            FilterState(countries=("ARM",), date_from="2023", date_to="2025-07"),
            "de",
            "Gefiltert: Armenien · 2023 – Juli 2025 · 8 von 43 Ereignissen",
        ),
        (
            FilterState(countries=("ARM", "AZE"), themes=("diplomacy",)),
            "de",
            "Gefiltert: Armenien, Aserbaidschan · Diplomatie · 8 von 43 Ereignissen",
        ),
        (
            FilterState(themes=("military",), date_from="2024-12"),
            "en",
            "Filtered: Military & war · from December 2024 · 8 of 43 events",
        ),
        (FilterState(date_to="2022"), "de", "Gefiltert: bis 2022 · 8 von 43 Ereignissen"),
        (
            FilterState(query="Lawrow", min_importance=3),
            "de",
            "Gefiltert: Suche „Lawrow“ · Wichtigkeit: nur Schlüsselereignisse"
            " · 8 von 43 Ereignissen",
        ),
        (
            FilterState(date_from="2025-05-20", date_to="2025-05-21"),
            "en",
            "Filtered: 20 May 2025 – 21 May 2025 · 8 of 43 events",
        ),
    ],
)
def test_filter_line(filters, lang, expected):
    assert filter_line(filters, 8, 43, lang, NAMES) == expected


def test_a_long_search_is_cut():
    line = filter_line(FilterState(query="x" * 500), 0, 43, "de", NAMES)
    assert "x" * MAX_QUERY not in line and "…" in line and len(line) < 120


def test_unknown_country_code_shows_as_code():
    assert "XKX" in filter_line(FilterState(countries=("XKX",)), 1, 2, "en", {})


def test_is_filtered():
    assert not is_filtered(FilterState())
    assert is_filtered(FilterState(min_importance=2))
    assert is_filtered(FilterState(query="a"))


def test_period_words_without_a_period_is_empty():
    assert period_words(None, None, "de") == ""
