"""The one calendar: month ends, EDTF seasons, quarters, thirds and halves of a year, and the
start / middle / end of a month, year, decade or century. The extractor and the table share it.

EDTF level 2 numbers the parts of a year 21-41; this app uses
- 21-24 seasons: spring March-May, summer June-August, autumn September-November, winter
  December of the year to the end of February of the next (the edtf library keeps winter inside
  its year as December only; a timeline needs the whole winter, so this app does not);
- 33-36 quarters; 37-39 quadrimesters (thirds of a year, four months each); 40-41 semesters
  (halves of a year).
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date

# EDTF code -> (first month, last month); a last month over 12 runs into the next year
SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
QUARTERS = {33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12)}
QUADRIMESTERS = {37: (1, 4), 38: (5, 8), 39: (9, 12)}
HALF_YEARS = {40: (1, 6), 41: (7, 12)}
PARTS_OF_YEAR = SEASONS | QUARTERS | QUADRIMESTERS | HALF_YEARS

# "Anfang", "Mitte", "Ende": the first, middle and last third of a month (days), a year
# (the quadrimesters' months), a decade and a century (years from its first)
THIRDS = ("start", "mid", "end")
THIRDS_OF_MONTH = {"start": (1, 10), "mid": (11, 20), "end": (21, 31)}
THIRDS_OF_YEAR = dict(zip(THIRDS, QUADRIMESTERS.values(), strict=True))
THIRDS_OF_DECADE = {"start": (0, 3), "mid": (4, 6), "end": (7, 9)}
THIRDS_OF_CENTURY = {"start": (0, 33), "mid": (34, 66), "end": (67, 99)}


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, _calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept inside the month it lands in (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _calendar.monthrange(year, month + 1)[1]))


def part_of_year(year: int, code: int) -> tuple[date, date]:
    """First and last day of the EDTF part of a year `code` (21-24, 33-41) in `year`."""
    first, last = PARTS_OF_YEAR[code]
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), month_end(end_year, end_month)


def third_of_month(year: int, month: int, part: str) -> tuple[date, date]:
    """The days 1-10, 11-20 or 21 to the month's end."""
    first, last = THIRDS_OF_MONTH[part]
    end = month_end(year, month)
    return date(year, month, first), date(year, month, min(last, end.day))


def third_of_year(year: int, part: str) -> tuple[date, date]:
    """January-April, May-August or September-December."""
    first, last = THIRDS_OF_YEAR[part]
    return date(year, first, 1), month_end(year, last)


def third_of_decade(decade: int, part: str) -> tuple[date, date]:
    """The years 0-3, 4-6 or 7-9 of a decade (its first year given)."""
    first, last = THIRDS_OF_DECADE[part]
    return date(decade + first, 1, 1), date(decade + last, 12, 31)


def third_of_century(first_year: int, part: str) -> tuple[date, date]:
    """The years 0-33, 34-66 or 67-99 of a century (its first year given; year 0 starts at 1)."""
    low, high = THIRDS_OF_CENTURY[part]
    return date(max(first_year + low, 1), 1, 1), date(first_year + high, 12, 31)
