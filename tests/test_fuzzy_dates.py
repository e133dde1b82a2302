"""EDTF bounds, precision and dates in words."""

from datetime import date

import pytest

from events.model.fuzzy_dates import EdtfError, date_bounds, describe_date, is_valid_edtf

BOUNDS = [
    ("2024-12-25", date(2024, 12, 25), date(2024, 12, 25), "day", False),
    ("2024-12", date(2024, 12, 1), date(2024, 12, 31), "month", False),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", False),
    ("2024-23", date(2024, 9, 1), date(2024, 11, 30), "season", False),
    ("2024-21", date(2024, 3, 1), date(2024, 5, 31), "season", False),
    ("2025-33", date(2025, 1, 1), date(2025, 3, 31), "quarter", False),
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year", False),
    ("199X", date(1990, 1, 1), date(1999, 12, 31), "decade", False),
    ("2020-09-27/2020-11-10", date(2020, 9, 27), date(2020, 11, 10), "interval", False),
    ("2014/..", date(2014, 1, 1), None, "open", False),
    ("2025-07-04~", date(2025, 7, 4), date(2025, 7, 4), "day", True),
    ("2023-10?", date(2023, 10, 1), date(2023, 10, 31), "month", True),
]


@pytest.mark.parametrize(("value", "start", "end", "precision", "approximate"), BOUNDS)
def test_date_bounds(value, start, end, precision, approximate):
    bounds = date_bounds(value)
    assert (bounds.start, bounds.end) == (start, end)
    assert (bounds.precision, bounds.approximate) == (precision, approximate)


@pytest.mark.parametrize("value", ["", "2024-13", "2024-02-30", "abc", "25.12.2024", "../2014"])
def test_invalid_values_raise_a_clear_error(value):
    with pytest.raises(EdtfError):
        date_bounds(value)
    assert not is_valid_edtf(value)


WORDS = [
    ("2024-12-25", "de", "25. Dezember 2024"),
    ("2024-12-25", "en", "25 December 2024"),
    ("2024-23", "de", "Herbst 2024"),
    ("2024-23", "en", "autumn 2024"),
    ("2024-12", "de", "Dezember 2024"),
    ("2025-33", "de", "1. Quartal 2025"),
    ("2014/..", "de", "seit 2014"),
    ("2014/..", "en", "since 2014"),
    ("199X", "de", "1990er Jahre"),
    ("2025-05-20/2025-05-21", "de", "20.–21. Mai 2025"),
    ("2025-07~", "de", "etwa Juli 2025"),
    ("2023-10?", "en", "October 2023 (uncertain)"),
]


@pytest.mark.parametrize(("value", "lang", "words"), WORDS)
def test_describe_date(value, lang, words):
    assert describe_date(value, lang) == words


FAST_PATH_VALUES = [
    "2024-12-25",
    "2024-02",
    "1993",
    "2024-21",
    "2024-22",
    "2024-23",
    "2025-33",
    "2025-34",
    "2025-35",
    "2025-36",
    "2025-37",
    "2025-38",
    "2025-39",
    "2024-40",
    "2024-41",
    "2022-22/2023",
    "199X",
    "2024-12-25~",
    "2023-10?",
    "2024%",
    "2020-09-27/2020-11-10",
    "2024-05/2025",
    "2014/..",
    "2024-12-25/..",
]


@pytest.mark.parametrize("value", FAST_PATH_VALUES)
def test_fast_path_agrees_with_the_edtf_library(value):
    import edtf

    from events.model.fuzzy_dates import _fast_bounds, _struct_to_date

    fast = _fast_bounds(value)
    parsed = edtf.parse_edtf(value)
    assert fast is not None
    assert fast.start == _struct_to_date(parsed.lower_strict())
    assert fast.end == _struct_to_date(parsed.upper_strict())


def test_winter_runs_into_the_next_year():
    """The one calendar (events.model.calendar): winter 2024 is December 2024 to February 2025.

    The edtf library keeps winter inside its year (December only); the table and the extractor
    share the calendar's winter instead.
    """
    bounds = date_bounds("2024-24")
    assert (bounds.start, bounds.end, bounds.precision) == (
        date(2024, 12, 1),
        date(2025, 2, 28),
        "season",
    )
    assert date_bounds("2023-24").end == date(2024, 2, 29)
    assert date_bounds("2024-24/2025").end == date(2025, 12, 31)


@pytest.mark.parametrize("value", ["2025/2024", "2024-05/2024-02"])
def test_reversed_interval_is_an_error(value):
    with pytest.raises(EdtfError, match="ends before it starts"):
        date_bounds(value)


def test_slow_path_still_handles_rare_forms():
    assert date_bounds("19XX").start == date(1900, 1, 1)
