"""Resolved values: an EDTF string with the days it covers, built on events.model.calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from events.model import calendar
from events.model.calendar import add_months, month_end


def iso_month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def format_interval(start: date, end: date) -> str:
    """The shortest EDTF for the days start..end: a day, month, year, or an interval of them."""
    if start == end:
        return start.isoformat()
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if whole_months and start.month == 1 and end.month == 12:
        return str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
    if whole_months:
        if (start.year, start.month) == (end.year, end.month):
            return iso_month(start)
        return f"{iso_month(start)}/{iso_month(end)}"
    return f"{start.isoformat()}/{end.isoformat()}"


@dataclass(frozen=True)
class Value:
    """A resolved value: its EDTF string, the days it covers and, where a rule knows it better
    than the EDTF string says, its TIMEX3 value, mod and type (events.extract.timex)."""

    edtf: str
    start: date
    end: date
    timex: str | None = None
    mod: str | None = None
    kind: str = "DATE"

    def as_timex(self, timex: str | None, mod: str | None = None, kind: str = "DATE") -> Value:
        """The same days with the TIMEX3 reading `timex` (value), `mod` and `kind` (type)."""
        return replace(self, timex=timex, mod=mod, kind=kind)

    @property
    def valid(self) -> bool:
        """Whether the value can be shown: its days run forward (BC values carry no days)."""
        return self.start <= self.end

    @classmethod
    def days(cls, start: date, end: date) -> Value:
        return cls(format_interval(start, end), start, end)

    @classmethod
    def span(cls, bounds: tuple[date, date]) -> Value:
        return cls.days(*bounds)

    @classmethod
    def month(cls, year: int, month: int) -> Value:
        return cls(f"{year:04d}-{month:02d}", date(year, month, 1), month_end(year, month))

    @classmethod
    def year(cls, year: int) -> Value:
        return cls(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def part_of_year(cls, year: int, code: int) -> Value:
        """An EDTF season (21-24) or quarter (33-36) as its code: `2024-23`."""
        return cls(f"{year:04d}-{code}", *calendar.part_of_year(year, code))


def shift(day: date, amount: float, unit: str) -> date:
    """Move `day` by `amount` units (fractions of months and years are taken in months)."""
    if unit == "day":
        return day + timedelta(days=round(amount))
    if unit == "week":
        return day + timedelta(days=round(amount * 7))
    months = amount if unit == "month" else amount * 12
    return add_months(day, round(months))


def week(day: date, weeks: int = 0) -> Value:
    """The Monday-to-Sunday week of `day`, moved by `weeks`."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return Value.days(monday, monday + timedelta(days=6))


def decade(first_year: int, part: str | None) -> Value:
    if part is None:
        return Value(
            f"{first_year // 10:03d}X", date(first_year, 1, 1), date(first_year + 9, 12, 31)
        )
    return Value.span(calendar.third_of_decade(first_year, part))


def latest(year_of: Callable[[int], Value], published: date, future: bool) -> Value:
    """The latest value not after publication (or the next one not before it, for the future)."""
    value = year_of(published.year)
    if future:
        return value if value.end >= published else year_of(published.year + 1)
    return value if value.start <= published else year_of(published.year - 1)
