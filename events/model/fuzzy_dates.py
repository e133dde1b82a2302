"""Fuzzy dates: EDTF values turned into bounds, precision and words a student can read."""

import math
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from babel.dates import format_date, format_interval

from events.locale import normalize_lang
from events.model.calendar import PARTS_OF_YEAR, month_end, part_of_year

# every precision a date can have (the quiz and the chart handle each)
PRECISIONS = ("day", "month", "season", "quarter", "year", "decade", "interval", "open")

_PLAIN_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PLAIN_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PLAIN_YEAR = re.compile(r"^(\d{4})$")

SEASON_NAMES = {
    "de": {21: "Frühjahr", 22: "Sommer", 23: "Herbst", 24: "Winter"},
    "en": {21: "spring", 22: "summer", 23: "autumn", 24: "winter"},
}
QUARTER_NAMES = {"de": "{n}. Quartal {y}", "en": "Q{n} {y}"}
APPROX_PREFIX = {"de": "etwa ", "en": "about "}
UNCERTAIN_SUFFIX = {"de": " (unsicher)", "en": " (uncertain)"}
OPEN_TEMPLATE = {"de": "seit {start}", "en": "since {start}"}
OPEN_DECADE_TEMPLATE = {"de": "seit den {d}er Jahren", "en": "since the {d}s"}
DECADE_TEMPLATE = {"de": "{d}er Jahre", "en": "the {d}s"}


class DateBounds(NamedTuple):
    """The span an EDTF value covers: `end` is None for open intervals such as `2014/..`."""

    start: date
    end: date | None
    precision: str
    approximate: bool


class EdtfError(ValueError):
    """Raised for a value that is not valid EDTF (or one this app cannot place in time)."""


def _struct_to_date(value) -> date | None:
    if isinstance(value, float) and math.isinf(value):
        return None
    return date(value.tm_year, value.tm_mon, value.tm_mday)


# the parts of a year the calendar knows (seasons 21-24, quarters, thirds and halves 33-41)
_PART_OF_YEAR = re.compile(r"^(\d{4})-(" + "|".join(map(str, PARTS_OF_YEAR)) + r")$")
_DECADE = re.compile(r"^(\d{3})X$")


def _plain_bounds(value: str) -> DateBounds | None:
    """Fast path for plain ISO days, months and years (no edtf parse needed)."""
    try:
        if m := _PLAIN_DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return DateBounds(day, day, "day", False)
        if (m := _PLAIN_MONTH.match(value)) and int(m[2]) <= 12:
            year, month = int(m[1]), int(m[2])
            return DateBounds(date(year, month, 1), month_end(year, month), "month", False)
    except ValueError as exc:
        raise EdtfError(f"not valid EDTF ({exc})") from None
    if m := _PLAIN_YEAR.match(value):
        year = int(m[1])
        return DateBounds(date(year, 1, 1), date(year, 12, 31), "year", False)
    if m := _PART_OF_YEAR.match(value):
        code = int(m[2])
        start, end = part_of_year(int(m[1]), code)
        precision = "season" if code < 30 else "quarter" if code < 37 else "interval"
        return DateBounds(start, end, precision, False)
    return None


def _decade_bounds(value: str) -> DateBounds | None:
    """Bounds of a decade such as `199X` (the edtf library cannot parse `199X/..`)."""
    if m := _DECADE.match(value):
        decade = int(m[1]) * 10
        return DateBounds(date(decade, 1, 1), date(decade + 9, 12, 31), "decade", False)
    return None


def _fast_bounds(value: str) -> DateBounds | None:
    """Bounds of the common EDTF forms without the (slow) edtf parser; None for the rest.

    Covers plain values, a trailing ~ ? or %, the parts of a year of events.model.calendar,
    decades and intervals of these (open `/..` included). tests/test_fuzzy_dates.py checks that
    they agree with the edtf library, except for winter, which runs into the next year here.
    """
    core, approximate = value, False
    if core[-1] in "~?%":
        core, approximate = core[:-1], True
    if "/" in core:
        left, _, right = core.partition("/")
        start = _plain_bounds(left) or _decade_bounds(left)
        if start is None or right != ".." and (end := _plain_bounds(right)) is None:
            return None
        if right == "..":
            return DateBounds(start.start, None, "open", approximate)
        if end.end < start.start:
            raise EdtfError("interval ends before it starts")
        return DateBounds(start.start, end.end, "interval", approximate)
    if bounds := _plain_bounds(core):
        return bounds._replace(approximate=approximate)
    if bounds := _decade_bounds(core):
        return bounds._replace(approximate=approximate)
    return None


def _precision_of(parsed, value: str) -> str:
    import edtf  # noqa: PLC0415 (lazy, see date_bounds)

    core = value.rstrip("~?%")
    if "/" in core:
        return "open" if core.endswith("..") or core.endswith("/") else "interval"
    if isinstance(parsed, edtf.Unspecified) or "X" in core:
        return "decade" if re.fullmatch(r"\d{3}X", core) else "interval"
    if re.fullmatch(r"-?\d{4}-2[1-9]|-?\d{4}-3[0-2]", core):
        return "season"
    if re.fullmatch(r"-?\d{4}-3[3-6]", core):
        return "quarter"
    if re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", core):
        return "day"
    if re.fullmatch(r"-?\d{4}-\d{2}", core):
        return "month"
    if re.fullmatch(r"-?\d{4}", core):
        return "year"
    return "interval"


@lru_cache(maxsize=4096)
def date_bounds(value: str) -> DateBounds:
    """Return start, end, precision and approximate flag of an EDTF value (cached per value)."""
    value = value.strip()
    if not value:
        raise EdtfError("empty date")
    fast = _fast_bounds(value)
    if fast is not None:
        return fast
    # the edtf library (and its grammar, several MB) is loaded only for the forms the fast path
    # does not know; the curated table never needs it, so a server without editors never loads it
    import edtf  # noqa: PLC0415

    try:
        parsed = edtf.parse_edtf(value)
    except Exception as exc:  # edtf raises its own EDTFParseException and ValueError
        raise EdtfError(f"not valid EDTF ({exc.__class__.__name__})") from None
    try:
        start = _struct_to_date(parsed.lower_strict())
        end = _struct_to_date(parsed.upper_strict())
    except Exception as exc:
        raise EdtfError(f"EDTF value has no usable bounds ({exc})") from None
    if start is None:
        raise EdtfError("open start ('../...') is not supported: give the earliest known date")
    if end is not None and end < start:
        raise EdtfError("interval ends before it starts")
    precision = _precision_of(parsed, value)
    if end is None:
        precision = "open"
    approximate = "~" in value or "?" in value or "%" in value
    return DateBounds(start, end, precision, approximate)


def is_valid_edtf(value: str) -> bool:
    """True when `value` parses as an EDTF value with a known start."""
    try:
        date_bounds(value)
    except EdtfError:
        return False
    return True


BABEL_LOCALES = {"de": "de_DE", "en": "en_GB"}


def _day_words(day: date, lang: str) -> str:
    return format_date(day, format="long", locale=BABEL_LOCALES[lang])


def _month_words(day: date, lang: str) -> str:
    return format_date(day, format="LLLL y", locale=BABEL_LOCALES[lang])


def _core_words(core: str, bounds: DateBounds, lang: str) -> str:
    start, end = bounds.start, bounds.end
    if bounds.precision == "day":
        return _day_words(start, lang)
    if bounds.precision == "month":
        return _month_words(start, lang)
    if bounds.precision == "year":
        return str(start.year)
    if bounds.precision == "season":
        season = int(core.split("-")[-1])
        name = SEASON_NAMES[lang].get(season, SEASON_NAMES[lang][(season - 21) % 4 + 21])
        return f"{name} {start.year}"
    if bounds.precision == "quarter":
        return QUARTER_NAMES[lang].format(n=int(core.split("-")[-1]) - 32, y=start.year)
    if bounds.precision == "decade":
        return DECADE_TEMPLATE[lang].format(d=start.year)
    if bounds.precision == "open":
        left = core.split("/")[0]
        if _DECADE.match(left):
            return OPEN_DECADE_TEMPLATE[lang].format(d=start.year)
        return OPEN_TEMPLATE[lang].format(start=describe_date(left, lang))
    left, _, right = core.partition("/")
    if _PLAIN_DAY.match(left) and _PLAIN_DAY.match(right):
        return format_interval(start, end, skeleton="yMMMMd", locale=BABEL_LOCALES[lang])
    if left and right:
        return f"{describe_date(left, lang)} – {describe_date(right, lang)}"
    return f"{_day_words(start, lang)} – {_day_words(end, lang)}"


@lru_cache(maxsize=4096)
def describe_date(value: str, lang: str = "de") -> str:
    """Return an EDTF value in words: '25. Dezember 2024', 'Herbst 2024', 'seit 2014'."""
    lang = normalize_lang(lang)
    bounds = date_bounds(value)
    core = value.strip()
    approximate = core.endswith("~") or core.endswith("%")
    uncertain = core.endswith("?") or core.endswith("%")
    core = core.rstrip("~?%")
    words = _core_words(core, bounds, lang)
    if approximate:
        words = APPROX_PREFIX[lang] + words
    if uncertain:
        words += UNCERTAIN_SUFFIX[lang]
    return words
