"""TIMEX3 annotations of resolved values: `timex` value, `timex_type` and `timex_mod`.

A rule that knows its TIMEX3 reading sets it on the `Value` (a week is `2010-W37`, "derzeit" is
`PRESENT_REF`, "seit drei Jahren" a DURATION); every other value is read from its EDTF string:

- days, months and years are the same strings (`2010-09-16`, `2010-09`, `2010`);
- EDTF parts of a year become TIMEX3 ones: seasons `2010-SP/SU/FA/WI`, quarters `2010-Q1`,
  halves `2010-H1`/`H2`;
- a decade `201X` is `201`, a century `19XX` is `19`, a BC year `-0498` is `BC0499` (EDTF counts
  1 BC as year 0, TIMEX3 does not), `~` gives mod APPROX;
- an interval of days Monday..Sunday is the ISO week (`2010-W37`), Saturday..Sunday its weekend
  (`2010-W37-WE`); a part of one month is the month with mod START (days up to the 10th), MID or
  END (from the 21st), a part of one year given in months the year with START, MID or END, a part
  of a decade or century the decade or century with its mod;
- any other interval (a range found as one span) is read as its first point.
"""

from __future__ import annotations

import re
from datetime import date

_SEASONS = {21: "SP", 22: "SU", 23: "FA", 24: "WI"}
_PARTS = _SEASONS | {33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4", 40: "H1", 41: "H2"}
_DAY = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})$")
_POINT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _point(edtf: str) -> tuple[str, str | None]:
    """One EDTF point (not an interval) as (TIMEX3 value, mod)."""
    mod = None
    if edtf[-1:] in ("~", "?", "%"):
        mod = "APPROX" if edtf[-1] in "~%" else None
        edtf = edtf[:-1]
    if _POINT.match(edtf):
        if len(edtf) == 7 and int(edtf[5:7]) in _PARTS:
            return f"{edtf[:4]}-{_PARTS[int(edtf[5:7])]}", mod
        return edtf, mod
    if re.fullmatch(r"\d{3}X", edtf):
        return edtf[:3], mod
    if re.fullmatch(r"\d{2}XX", edtf):
        return edtf[:2], mod
    if re.fullmatch(r"-\d{4}", edtf):
        return f"BC{int(edtf[1:]) + 1:04d}", mod
    if edtf == "0000":
        return "BC0001", mod
    return edtf, mod


def _third(low: int, high: int, size: int) -> str | None:
    """START, MID or END for the part low..high (0-based) of a unit of `size` parts."""
    if low == 0 and high == size - 1:
        return None
    if low == 0:
        return "START"
    if high == size - 1:
        return "END"
    return "MID"


def _days(start: date, end: date) -> tuple[str, str | None]:
    if (end - start).days == 6 and start.weekday() == 0:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}", None
    if (end - start).days == 1 and start.weekday() == 5:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}-WE", None
    if (start.year, start.month) == (end.year, end.month):
        month = f"{start.year:04d}-{start.month:02d}"
        if start.day <= 1 and end.day >= 28 and (end.month != 2 or end.day >= 28):
            return month, None
        if end.day <= 10:
            return month, "START"
        if start.day >= 21:
            return month, "END"
        return month, "MID"
    return start.isoformat(), None


def timex_of_edtf(edtf: str) -> tuple[str, str | None]:
    """The TIMEX3 (value, mod) of an EDTF value of the extractor."""
    if "/" not in edtf:
        return _point(edtf)
    first, last = edtf.split("/", 1)
    day_a, day_b = _DAY.match(first), _DAY.match(last)
    if day_a and day_b and not first.startswith("-"):
        return _days(date.fromisoformat(first), date.fromisoformat(last))
    months = re.fullmatch(r"(\d{4})-(\d{2})", first), re.fullmatch(r"(\d{4})-(\d{2})", last)
    if all(months) and months[0][1] == months[1][1]:
        mod = _third(int(months[0][2]) - 1, int(months[1][2]) - 1, 12)
        return months[0][1], mod
    years = re.fullmatch(r"\d{4}", first), re.fullmatch(r"\d{4}", last)
    if all(years):
        low, high = int(first), int(last)
        if low // 10 == high // 10 and high - low < 9:
            return f"{low // 10:03d}", _third(low % 10, high % 10, 10)
        if low // 100 == high // 100 and high - low < 99 and high - low >= 10:
            return f"{low // 100:02d}", _third(low % 100, high % 100, 100)
        return first, None
    return _point(first) if first not in ("", "..") else (last, None)
