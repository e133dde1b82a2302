"""The one calendar: month ends, parts of a year, thirds; the extractor and the table agree."""

from datetime import date

import pytest

from events.extract.finder import RULES
from events.extract.lexicon import QUARTERS, SEASONS
from events.extract.sentences import Context
from events.model import calendar
from events.model.fuzzy_dates import date_bounds

PUBLISHED = date(2025, 7, 4)


@pytest.mark.parametrize(
    ("year", "month", "end"),
    [(2024, 2, 29), (2023, 2, 28), (1900, 2, 28), (2000, 2, 29), (2024, 12, 31), (2025, 4, 30)],
)
def test_month_end(year, month, end):
    assert calendar.month_end(year, month) == date(year, month, end)


@pytest.mark.parametrize(
    ("day", "months", "moved"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2025, 1, 15), -13, date(2023, 12, 15)),
    ],
)
def test_add_months_stays_inside_the_month_it_lands_in(day, months, moved):
    assert calendar.add_months(day, months) == moved


PARTS = [
    (21, date(2024, 3, 1), date(2024, 5, 31)),
    (22, date(2024, 6, 1), date(2024, 8, 31)),
    (23, date(2024, 9, 1), date(2024, 11, 30)),
    (24, date(2024, 12, 1), date(2025, 2, 28)),
    (33, date(2024, 1, 1), date(2024, 3, 31)),
    (36, date(2024, 10, 1), date(2024, 12, 31)),
    (37, date(2024, 1, 1), date(2024, 4, 30)),
    (39, date(2024, 9, 1), date(2024, 12, 31)),
    (40, date(2024, 1, 1), date(2024, 6, 30)),
    (41, date(2024, 7, 1), date(2024, 12, 31)),
]


@pytest.mark.parametrize(("code", "start", "end"), PARTS)
def test_parts_of_a_year(code, start, end):
    assert calendar.part_of_year(2024, code) == (start, end)
    assert date_bounds(f"2024-{code}")[:2] == (start, end)


def test_thirds():
    assert calendar.third_of_month(2024, 2, "end") == (date(2024, 2, 21), date(2024, 2, 29))
    assert calendar.third_of_year(2024, "mid") == (date(2024, 5, 1), date(2024, 8, 31))
    assert calendar.third_of_decade(1990, "start") == (date(1990, 1, 1), date(1993, 12, 31))
    assert calendar.third_of_century(1900, "end") == (date(1967, 1, 1), date(1999, 12, 31))
    assert calendar.third_of_century(0, "start") == (date(1, 1, 1), date(33, 12, 31))


def _rule(name):
    return next(rule for rule in RULES if rule.name == name)


def _resolved(rule_name: str, text: str):
    rule = _rule(rule_name)
    m = rule.pattern.search(text)
    assert m is not None, text
    return rule.resolve(m, Context.of(text, PUBLISHED)).value


EXTRACTED = [("season", f"im {word} {year}") for word in SEASONS for year in (2023, 2024)]
EXTRACTED += [("season", f"im {word}") for word in SEASONS]
EXTRACTED += [
    ("quarter", f"im {word} Quartal {year}") for word in QUARTERS for year in (2023, 2024)
]
EXTRACTED += [("quarter", f"im {word} Quartal") for word in QUARTERS]


@pytest.mark.parametrize(("rule_name", "text"), EXTRACTED)
def test_extractor_and_table_agree_on_every_season_and_quarter(rule_name, text):
    """The days the extractor means by its EDTF value are the days the table reads from it."""
    value = _resolved(rule_name, text)
    code = int(value.edtf.rsplit("-", 1)[1])
    assert code in calendar.SEASONS or code in calendar.QUARTERS
    assert (value.start, value.end) == date_bounds(value.edtf)[:2]


def test_every_edtf_season_and_quarter_is_reachable_from_the_words():
    codes = set(SEASONS.values()) | set(QUARTERS.values())
    assert codes == set(calendar.SEASONS) | set(calendar.QUARTERS)
