"""Find German temporal expressions in news text and resolve them to EDTF values.

`find_dates(text, published)` returns one `DateMention` per expression, in text order. Spans follow
TimeML/TIMEX3: a leading preposition or article stays outside ("im Herbst letzten Jahres" gives
"Herbst letzten Jahres"), modifiers belong to the expression ("Anfang 2025", "Mitte der 1990er
Jahre"). Values are what the text supports, resolved with the publication date (basis
`text+dct`) or against an earlier mention (`text+event`, e.g. "Drei Tage nach dem Absturz").

How it works: a set of German patterns (the words live in `events/data/de_dates.toml`) proposes
candidate spans, each with a resolver; the longest candidate wins where they overlap; explicit
calendar dates with a day are parsed by `dateparser`; then the mentions are resolved in text order,
so an anchored one can use the mentions before it.

Vague words that only sometimes mean "now" or "at the same time" ("nun", "gerade", "prompt",
"gleichzeitig") are reported only with `include_vague=True`, marked `vague`.
"""

from __future__ import annotations

import bisect
import calendar
import re
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from events.model.fuzzy_dates import date_bounds
from events.store.paths import DATA_DIR

WORDS_FILE = DATA_DIR / "de_dates.toml"
WORDS = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))

BASES = ("text", "text+dct", "text+event")


@dataclass(frozen=True)
class DateMention:
    """One temporal expression: character offsets (end exclusive), its text and EDTF value."""

    start: int
    end: int
    text: str
    edtf: str
    basis: str  # "text", "text+dct" or "text+event"
    anchor: int | None = None  # index (in the same result list) of the mention it was resolved on
    anchor_text: str | None = None
    vague: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


# ----------------------------------------------------------------------------------------------
# calendar arithmetic and EDTF formatting


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(day: date, amount: float, unit: str) -> date:
    """Move `day` by `amount` units (fractions of months and years are taken in months)."""
    if unit == "day":
        return day + timedelta(days=round(amount))
    if unit == "week":
        return day + timedelta(days=round(amount * 7))
    months = amount if unit == "month" else amount * 12
    return _add_months(day, round(months))


def _iso_month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def format_interval(start: date, end: date) -> str:
    """The shortest EDTF for the days start..end: a day, month, year, or an interval of them."""
    if start == end:
        return start.isoformat()
    whole_months = start.day == 1 and end == _month_end(end.year, end.month)
    if whole_months and start.month == 1 and end.month == 12:
        return str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
    if whole_months:
        if (start.year, start.month) == (end.year, end.month):
            return _iso_month(start)
        return f"{_iso_month(start)}/{_iso_month(end)}"
    return f"{start.isoformat()}/{end.isoformat()}"


@dataclass(frozen=True)
class Value:
    """A resolved value: its EDTF string and the days it covers."""

    edtf: str
    start: date
    end: date

    @classmethod
    def days(cls, start: date, end: date) -> Value:
        return cls(format_interval(start, end), start, end)

    @classmethod
    def month(cls, year: int, month: int) -> Value:
        return cls(f"{year:04d}-{month:02d}", date(year, month, 1), _month_end(year, month))

    @classmethod
    def year(cls, year: int) -> Value:
        return cls(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))


SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # winter runs into Feb
QUARTER_MONTHS = {33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12)}


def _season(year: int, code: int) -> Value:
    first, last = SEASON_MONTHS[code]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return Value(f"{year:04d}-{code}", date(year, first, 1), _month_end(end_year, end_month))


def _quarter(year: int, code: int) -> Value:
    first, last = QUARTER_MONTHS[code]
    return Value(f"{year:04d}-{code}", date(year, first, 1), _month_end(year, last))


PART_OF_MONTH = {"start": (1, 10), "mid": (11, 20), "end": (21, 31)}
PART_OF_YEAR = {"start": (1, 4), "mid": (5, 8), "end": (9, 12)}
PART_OF_DECADE = {"start": (0, 3), "mid": (4, 6), "end": (7, 9)}


def _part_of_month(year: int, month: int, part: str) -> Value:
    first, last = PART_OF_MONTH[part]
    end = _month_end(year, month)
    return Value.days(date(year, month, first), min(end, date(year, month, min(last, end.day))))


def _part_of_year(year: int, part: str) -> Value:
    first, last = PART_OF_YEAR[part]
    return Value.days(date(year, first, 1), _month_end(year, last))


def _decade(decade: int, part: str | None) -> Value:
    if part is None:
        return Value(f"{decade // 10:03d}X", date(decade, 1, 1), date(decade + 9, 12, 31))
    first, last = PART_OF_DECADE[part]
    return Value.days(date(decade + first, 1, 1), date(decade + last, 12, 31))


def _week(day: date, weeks: int = 0) -> Value:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return Value.days(monday, monday + timedelta(days=6))


# ----------------------------------------------------------------------------------------------
# word lists and regular expressions


def word_alternation(words) -> str:
    """A regex alternation of `words`, escaped, the longest first (so it wins)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTHS: dict[str, int] = WORDS["months"]
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
SEASONS: dict[str, int] = WORDS["seasons"]
NUMBERS: dict[str, float] = WORDS["numbers"]
VAGUE_NUMBERS: dict[str, list[int]] = WORDS["vague_numbers"]
HEDGES: dict[str, list[float]] = WORDS["hedges"]
UNITS: dict[str, str] = WORDS["units"]
MODIFIERS: dict[str, str] = WORDS["modifiers"]
RELATIVE: dict[str, int] = WORDS["relative"]
FUTURE_WORDS = frozenset(WORDS["future_words"]["words"])
QUANTITY_AFTER = frozenset(WORDS["quantity_words"]["after"])
QUANTITY_BEFORE = re.compile(
    r"(?<!\w)(?:" + word_alternation(WORDS["quantity_words"]["before"]) + r")[\s-]*$", re.IGNORECASE
)

MONTH = r"(?:" + word_alternation(MONTHS) + r")(?!\w)"
WEEKDAY = r"(?:" + word_alternation(WEEKDAYS) + r")"
SEASON = r"(?:" + word_alternation(SEASONS) + r")s?(?!\w)"
MOD = r"(?:" + word_alternation(MODIFIERS) + r")"
REL = r"(?:" + word_alternation(RELATIVE) + r")(?:e|en|er|es|em)(?!\w)"
YEAR = r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)"
DAY = r"(?<![\d.,])(?:[12][0-9]|3[01]|0?[1-9])\."
NUM = r"(?:\d{1,3}|" + word_alternation(NUMBERS) + r")"
VAGUE_NUM = r"(?:" + word_alternation(VAGUE_NUMBERS) + r")"
HEDGE = r"(?:" + word_alternation(HEDGES) + r")"
UNIT = r"(?:" + word_alternation(UNITS) + r")(?!\w)"
DECADE_WORDS = WORDS["decade_words"]
DECADE = (
    r"(?:(?:1[0-9]|20)?[0-9]0er|" + word_alternation(DECADE_WORDS) + r")"
    r"(?:n|(?:\s+|-)?jahren?|\s+jahrzehnt)?(?!\w)"
)
# "dem Absturz", "der ersten Wahl": the event noun of an anchored expression, in group "noun"
NOUN_PHRASE = (
    r"(?:dem|der|den|des|einem|einer|seinem|seiner|ihrem|ihrer)\s+"
    r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}(?P<noun>(?-i:[A-ZÄÖÜ][\w-]*))"
)
W = r"(?<!\w)"  # word start


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _words(section: str) -> re.Pattern:
    """Any word or phrase of a section of de_dates.toml, as the mention "x" (and group "w")."""
    return _compile(W + r"(?P<x>(?P<w>" + word_alternation(WORDS[section]) + r"))(?!\w)")


# ----------------------------------------------------------------------------------------------
# the candidates


@dataclass
class Context:
    text: str
    published: date
    sentences: list[tuple[int, int]]
    starts: list[int]

    def sentence_of(self, position: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect.bisect_right(self.starts, position) - 1)]

    def speaks_of_future(self, position: int) -> bool:
        start, end = self.sentence_of(position)
        return any(w in FUTURE_WORDS for w in re.findall(r"\w+", self.text[start:end].lower()))

    def word_before(self, position: int) -> str:
        m = re.search(r"(\w+)\W*$", self.text[max(0, position - 30) : position])
        return m[1].lower() if m else ""


@dataclass
class Anchored:
    """A value still to be resolved against an earlier mention."""

    resolve: Callable[[Value], Value]
    noun: str | None = None  # the event noun of "drei Tage nach dem Absturz"
    vague: bool = False


@dataclass
class Candidate:
    start: int
    end: int
    basis: str
    value: Value | Anchored
    vague: bool = False


def _latest(year_of: Callable[[int], Value], published: date, future: bool) -> Value:
    """The latest value not after publication (or the next one not before it, for the future)."""
    value = year_of(published.year)
    if future:
        return value if value.end >= published else year_of(published.year + 1)
    return value if value.start <= published else year_of(published.year - 1)


def _year_of_phrase(m: re.Match, ctx: Context) -> tuple[int | None, str]:
    """The year a "y" / "rel" group names, and the basis it needs."""
    if m.groupdict().get("y"):
        return int(m["y"]), "text"
    if m.groupdict().get("rel"):
        return ctx.published.year + _relative(m["rel"]), "text+dct"
    if m.groupdict().get("this"):
        return ctx.published.year, "text+dct"
    return None, "text+dct"


def _relative(word: str) -> int:
    word = word.lower()
    for stem, step in RELATIVE.items():
        if word.startswith(stem):
            return step
    raise KeyError(word)


def _number(word: str) -> tuple[float, float]:
    word = word.lower()
    if word.isdigit():
        return float(word), float(word)
    if word in VAGUE_NUMBERS:
        low, high = VAGUE_NUMBERS[word]
        return float(low), float(high)
    return float(NUMBERS[word]), float(NUMBERS[word])


def _unit(word: str) -> str:
    return UNITS[word.lower()]


def _amount(m: re.Match) -> tuple[float, float]:
    low, high = _number(m["n"])
    if m.groupdict().get("half"):  # "ein halbes Jahr"
        low, high = low / 2, high / 2
    if m.groupdict().get("h"):
        share_low, share_high = HEDGES[re.sub(r"\s+", " ", m["h"].lower())]
        low, high = low * share_low, high * share_high
    return low, high


@lru_cache(maxsize=4096)
def _dateparser_day(expression: str, base: date, future: bool) -> date | None:
    """Parse an explicit calendar date with dateparser (German, day-month-year order)."""
    parsed = dateparser.parse(
        expression,
        languages=["de"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "future" if future else "past",
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return parsed.date() if parsed else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit_day(m: re.Match, ctx: Context) -> Candidate | None:
    """`25. Dezember 2024`, `Donnerstag, 25. Februar`, `25.12.2024`, `2024-12-25`."""
    future = ctx.speaks_of_future(m.start("x"))
    month = MONTHS.get(m["m"].lower()) if not m["m"].isdigit() else int(m["m"])
    day = int(m["d"])
    if month is None or not 1 <= month <= 12:
        return None
    expression = f"{day}.{month}.{m['y']}" if m["y"] else f"{day}. {_month_name(month)}"
    parsed = _dateparser_day(expression, ctx.published, future)
    if parsed is None or (parsed.month, parsed.day) != (month, day):
        return None  # not a real date (31. Februar)
    if m["y"]:
        return Candidate(m.start("x"), m.end("x"), "text", Value.days(parsed, parsed))
    if m.groupdict().get("wd"):  # the weekday decides the year
        weekday = WEEKDAYS[m["wd"].lower()]
        years = sorted(
            range(ctx.published.year - 1, ctx.published.year + 2),
            key=lambda y: abs(ctx.published.year - y),
        )
        for year in years:
            day_in_year = _safe_date(year, month, day)
            if day_in_year and day_in_year.weekday() == weekday:
                parsed = day_in_year
                break
    return Candidate(m.start("x"), m.end("x"), "text+dct", Value.days(parsed, parsed))


def _month_name(month: int) -> str:
    return next(name for name, number in MONTHS.items() if number == month and "." not in name)


def _day_range(m: re.Match, ctx: Context) -> Candidate | None:
    """`20. und 21. Mai 2025`, `3. bis 5. März`, `28. Juni bis 2. Juli 2025`."""
    month2 = MONTHS[m["m2"].lower()]
    month1 = MONTHS[m["m1"].lower()] if m["m1"] else month2
    future = ctx.speaks_of_future(m.start("x"))
    if m["y2"]:
        year2 = int(m["y2"])
        basis = "text"
    else:
        year2 = _latest(lambda y: Value.month(y, month2), ctx.published, future).start.year
        basis = "text+dct"
    year1 = int(m["y1"]) if m["y1"] else (year2 if month1 <= month2 else year2 - 1)
    first, last = _safe_date(year1, month1, int(m["d1"])), _safe_date(year2, month2, int(m["d2"]))
    if not first or not last or last < first:
        return None
    return Candidate(m.start("x"), m.end("x"), basis, Value.days(first, last))


BARE_MONTH_PREPOSITIONS = {"im", "seit", "bis", "ab", "vom", "zum", "gegen", "den", "dem", "des"}


def _month(m: re.Match, ctx: Context) -> Candidate | None:
    """`Dezember 2024`, `Ende Dezember 2024`, `Dezember letzten Jahres`, `im Mai`, `Mitte Mai`."""
    month = MONTHS[m["m"].lower()]
    year, basis = _year_of_phrase(m, ctx)
    part = MODIFIERS[m["mod"].lower()] if m["mod"] else None
    if year is None:
        if not (part or m["prerel"] or (m["prep"] or "").lower() in BARE_MONTH_PREPOSITIONS):
            return None  # "August" alone (or "an August") may be a name
        if m["prerel"]:
            step = _relative(m["prerel"])
            future = step > 0
            value = _latest(lambda y: Value.month(y, month), ctx.published, future)
            if step < 0 and value.start.month == ctx.published.month:
                value = Value.month(value.start.year - 1, month)
        else:
            future = ctx.speaks_of_future(m.start("x"))
            value = _latest(lambda y: Value.month(y, month), ctx.published, future)
        year = value.start.year
    value = _part_of_month(year, month, part) if part else Value.month(year, month)
    return Candidate(m.start("x"), m.end("x"), basis, value)


def _month_range(m: re.Match, ctx: Context) -> Candidate | None:
    """`März bis Mai 2025`, `Juni bis August`."""
    first, last = MONTHS[m["m1"].lower()], MONTHS[m["m2"].lower()]
    if m["y"]:
        year, basis = int(m["y"]), "text"
    else:
        future = ctx.speaks_of_future(m.start("x"))
        year = _latest(lambda y: Value.month(y, last), ctx.published, future).start.year
        basis = "text+dct"
    start_year = year if first <= last else year - 1
    value = Value.days(date(start_year, first, 1), _month_end(year, last))
    return Candidate(m.start("x"), m.end("x"), basis, value)


def _season_phrase(m: re.Match, ctx: Context) -> Candidate | None:
    """`Herbst letzten Jahres`, `Frühjahr 2024`, `im Frühjahr`, `im vergangenen Sommer`."""
    name = m["s"].lower()
    code = SEASONS.get(name) or SEASONS[name[:-1]]  # "Sommers"
    year, basis = _year_of_phrase(m, ctx)
    if year is None:
        if not (m["prep"] or m["prerel"]):
            return None
        step = _relative(m["prerel"]) if m["prerel"] else 0
        future = step > 0 or (step == 0 and ctx.speaks_of_future(m.start("x")))
        value = _latest(lambda y: _season(y, code), ctx.published, future)
        if step < 0 and value.start <= ctx.published <= value.end:
            value = _season(value.start.year - 1, code)
        return Candidate(m.start("x"), m.end("x"), basis, value)
    return Candidate(m.start("x"), m.end("x"), basis, _season(year, code))


def _quarter_phrase(m: re.Match, ctx: Context) -> Candidate | None:
    code = WORDS["quarters"][m["q"].lower()]
    year, basis = _year_of_phrase(m, ctx)
    if year is None:
        value = _latest(lambda y: _quarter(y, code), ctx.published, False)
        return Candidate(m.start("x"), m.end("x"), basis, value)
    return Candidate(m.start("x"), m.end("x"), basis, _quarter(year, code))


def _half_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`ersten Halbjahr 2025`, `zweiten Halbjahres`."""
    first = m["q"].lower() in {"ersten", "1."}
    months = (1, 6) if first else (7, 12)
    year, basis = _year_of_phrase(m, ctx)
    if year is None:
        year = ctx.published.year if ctx.published.month >= months[0] else ctx.published.year - 1
    value = Value.days(date(year, months[0], 1), _month_end(year, months[1]))
    return Candidate(m.start("x"), m.end("x"), basis, value)


def _part_of_this_month(m: re.Match, ctx: Context) -> Candidate | None:
    """`Anfang des Monats`, `Ende dieses Monats`: part of the month of publication."""
    part = MODIFIERS[m["mod"].lower()]
    value = _part_of_month(ctx.published.year, ctx.published.month, part)
    return Candidate(m.start("x"), m.end("x"), "text+dct", value)


def _part_of_year_phrase(m: re.Match, ctx: Context) -> Candidate | None:
    """`Anfang 2025`, `Ende letzten Jahres`, `Mitte des Jahres`."""
    part = MODIFIERS[m["mod"].lower()]
    year, basis = _year_of_phrase(m, ctx)
    if year is None:  # "Ende des Jahres": the year of publication
        year = ctx.published.year
    return Candidate(m.start("x"), m.end("x"), basis, _part_of_year(year, part))


def _decade_phrase(m: re.Match, ctx: Context) -> Candidate | None:
    """`1990er Jahren`, `Mitte der 1990er Jahre`, `90er Jahre`."""
    digits = re.match(r"\d+", m["dec"])
    if digits is None:  # "zwanziger Jahre": the 1920s
        word = next(w for w in DECADE_WORDS if m["dec"].lower().startswith(w))
        decade = 1900 + DECADE_WORDS[word]
    else:
        decade = int(digits[0]) if len(digits[0]) == 4 else 1900 + int(digits[0])
    part = MODIFIERS[m["mod"].lower()] if m["mod"] else None
    return Candidate(m.start("x"), m.end("x"), "text", _decade(decade, part))


def _year_phrase(m: re.Match, ctx: Context) -> Candidate | None:
    """`Jahr 2024`, a bare year that is not a quantity."""
    if not m["kw"]:
        before = ctx.text[max(0, m.start("x") - 20) : m.start("x")]
        after = re.match(r"\s*([\w%°€$-]+)", ctx.text[m.end("x") : m.end("x") + 30])
        if QUANTITY_BEFORE.search(before):
            return None
        if after and after[1].lower() in QUANTITY_AFTER:
            return None
        if re.search(r"[-/]\s*$", before) or re.match(r"\s*[:×x]\s*\d", ctx.text[m.end("x") :]):
            return None  # "AZAL-Flug 1993"-like codes, scores "2:1", sizes
    year = Value.year(int(m["y"]))
    if m["approx"]:  # "um 1900"
        if ctx.text[m.end("x") : m.end("x") + 5].strip().lower().startswith("uhr"):
            return None  # "um 1900 Uhr" is a time
        year = Value(year.edtf + "~", year.start, year.end)
    return Candidate(m.start("x"), m.end("x"), "text", year)


def _century(m: re.Match, ctx: Context) -> Candidate | None:
    """`19. Jahrhundert`, `Anfang des 20. Jahrhunderts`, `5. Jahrhundert v. Chr.`."""
    number = int(m["c"])
    if not 1 <= number <= 21:
        return None
    if m["bc"]:  # EDTF counts 1 BC as year 0: the 5th century BC is -0499..-0400
        first, last = -(number * 100) + 1, -(number - 1) * 100
        if m["mod"]:
            return None
        return Candidate(
            m.start("x"), m.end("x"), "text", Value(f"{first:05d}/{last:05d}", date.min, date.min)
        )
    first = (number - 1) * 100
    if m["mod"]:
        low, high = {"start": (0, 33), "mid": (34, 66), "end": (67, 99)}[
            MODIFIERS[m["mod"].lower()]
        ]
        value = Value.days(date(max(first + low, 1), 1, 1), date(first + high, 12, 31))
    elif first == 0:
        value = Value("00XX", date(1, 1, 1), date(99, 12, 31))
    else:
        value = Value(f"{first // 100:02d}XX", date(first, 1, 1), date(first + 99, 12, 31))
    return Candidate(m.start("x"), m.end("x"), "text", value)


def _era_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`44 v. Chr.` (EDTF year -0043: year 0 is 1 BC), `800 n. Chr.`."""
    year = int(m["y"])
    if year == 0:
        return None
    if m["era"].lower().startswith("v"):
        edtf_year = -(year - 1)
        text = f"-{abs(edtf_year):04d}" if edtf_year else "0000"
        return Candidate(m.start("x"), m.end("x"), "text", Value(text, date.min, date.min))
    return Candidate(m.start("x"), m.end("x"), "text", Value.year(year))


def _year_range(m: re.Match, ctx: Context) -> Candidate | None:
    """`2014 bis 2016`, `2014–2016`, `2024/25`."""
    first = int(m["y1"])
    second = m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if not first < last <= first + 200:
        return None
    if m["sep"].strip() == "und" and (m["prep"] or "").lower() != "zwischen":
        return None  # "2014 und 2016" are two years unless "zwischen"
    after = re.match(r"\s*([\w%°€$-]+)", ctx.text[m.end("x") : m.end("x") + 30])
    if after and after[1].lower() in QUANTITY_AFTER:
        return None
    value = Value.days(date(first, 1, 1), date(last, 12, 31))
    return Candidate(m.start("x"), m.end("x"), "text", value)


def _today(m: re.Match, ctx: Context) -> Candidate | None:
    """`heute`, `gestern`, `derzeit`, `jetzt`: the publication day (moved by a few days)."""
    word = m["w"].lower()
    if word == "morgen" and (
        m["w"][0] == "M" and ctx.word_before(m.start("x")) in {"am", "jeden", "heute", "gestern"}
    ):
        return None  # "am Morgen" is a time of day
    day = ctx.published + timedelta(days=WORDS["today"][word])
    return Candidate(m.start("x"), m.end("x"), "text+dct", Value.days(day, day))


def _recently(m: re.Match, ctx: Context) -> Candidate | None:
    """`kürzlich`, `jüngst`, `vor kurzem`: the 30 days up to publication."""
    days = WORDS["recently"][re.sub(r"\s+", " ", m["w"].lower())]
    start = ctx.published - timedelta(days=days)
    return Candidate(m.start("x"), m.end("x"), "text+dct", Value.days(start, ctx.published))


def _vague_now(m: re.Match, ctx: Context) -> Candidate | None:
    start = ctx.published - timedelta(days=WORDS["vague_now"][m["x"].lower()])
    value = Value.days(start, ctx.published)
    return Candidate(m.start("x"), m.end("x"), "text+dct", value, vague=True)


def _relative_unit(m: re.Match, ctx: Context) -> Candidate | None:
    """`vergangenen Woche`, `letzten Monat`, `nächstes Jahr`, `Vorjahr`."""
    step = _relative(m["rel"]) if m["rel"] else -1  # "Vorjahr": one back
    unit = (m["u"] or m["u2"]).lower()
    if unit.startswith("woche"):
        value = _week(ctx.published, step)
    elif unit.startswith("monat"):
        first = _add_months(ctx.published.replace(day=1), step)
        value = Value.month(first.year, first.month)
    else:
        value = Value.year(ctx.published.year + step)
    return Candidate(m.start("x"), m.end("x"), "text+dct", value)


def _coming_units(m: re.Match, ctx: Context) -> Candidate | None:
    """`kommenden Monaten`, `vergangenen zwei Wochen`: from or up to the publication day."""
    unit = _unit(m["u"])
    low, high = _number(m["n"]) if m["n"] else (3.0, 3.0)
    if _relative(m["rel"]) > 0:
        value = Value.days(ctx.published, _shift(ctx.published, high, unit))
    else:
        value = Value.days(_shift(ctx.published, -high, unit), ctx.published)
    return Candidate(m.start("x"), m.end("x"), "text+dct", value)


def _ago(m: re.Match, ctx: Context) -> Candidate | None:
    """`vor zwei Jahren`, `vor einer Woche`, `vor wenigen Tagen`."""
    unit = _unit(m["u"])
    low, high = _amount(m)
    if low == high and float(low).is_integer():
        day = _shift(ctx.published, -low, unit)
        value = {
            "year": Value.year(day.year),
            "month": Value.month(day.year, day.month),
            "week": _week(day),
            "day": Value.days(day, day),
        }[unit]
    else:
        value = Value.days(_shift(ctx.published, -high, unit), _shift(ctx.published, -low, unit))
    return Candidate(m.start("x"), m.end("x"), "text+dct", value)


def _weekday(m: re.Match, ctx: Context) -> Candidate | None:
    """`am Donnerstag`, `Donnerstagabend`, `letzten Freitag`: the nearest such day."""
    if not (m["prep"] or m["prerel"] or m["tod"]):
        return None
    weekday = WEEKDAYS[m["wd"].lower()]
    past = ctx.published - timedelta(days=(ctx.published.weekday() - weekday) % 7)
    following = past if past == ctx.published else past + timedelta(days=7)
    step = _relative(m["prerel"]) if m["prerel"] else 0
    if step < 0:
        day = past if past != ctx.published else past - timedelta(days=7)
    elif step > 0:
        day = following
    else:
        day = past if (ctx.published - past) <= (following - ctx.published) else following
    return Candidate(m.start("x"), m.end("x"), "text+dct", Value.days(day, day))


# anchored on an earlier mention ------------------------------------------------------------


def _anchored(m: re.Match, resolve: Callable[[Value], Value], noun=None, vague=False) -> Candidate:
    value = Anchored(resolve, noun, vague)
    return Candidate(m.start("x"), m.end("x"), "text+event", value, vague=vague)


def _same(m: re.Match, ctx: Context) -> Candidate | None:
    """`Am selben Tag`, `im selben Monat`, `Später im selben Jahr`, `am nächsten Tag`."""
    unit = (m["u"] or m["u2"] or m["u3"] or "tag").lower()
    if m["next"] or re.search(r"darauf|danach", m["x"], re.IGNORECASE):
        return _anchored(m, lambda a: Value.days(a.start + timedelta(1), a.end + timedelta(1)))
    if m["before"]:
        return _anchored(m, lambda a: Value.days(a.start - timedelta(1), a.end - timedelta(1)))
    if unit.startswith("monat"):
        return _anchored(m, lambda a: Value.month(a.start.year, a.start.month))
    if unit.startswith("jahr"):
        return _anchored(m, lambda a: Value.year(a.start.year))
    if unit.startswith("woche"):
        return _anchored(m, lambda a: _week(a.start))
    return _anchored(m, lambda a: a)


def _following_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`im folgenden Jahr`, `im Jahr darauf`, `im Vorjahr` of the anchor."""
    step = -1 if m["back"] else 1
    return _anchored(m, lambda a: Value.year(a.start.year + step))


def _offset(m: re.Match, ctx: Context) -> Candidate | None:
    """`Drei Tage nach dem Absturz`, `ein Jahr später`, `Wenige Tage danach`, `zwei Jahre zuvor`."""
    direction = m["dir"].lower()
    if direction in {"nach", "vor"} and not m["np"]:
        return None
    sign = -1 if direction in {"vor", "zuvor", "davor", "früher"} else 1
    unit = _unit(m["u"])
    low, high = _amount(m)
    if m["n"].lower() in VAGUE_NUMBERS and unit == "day":
        high = 7.0

    def resolve(a: Value) -> Value:
        if sign > 0:
            start, end = _shift(a.start, low, unit), _shift(a.end, high, unit)
        else:
            start, end = _shift(a.start, -high, unit), _shift(a.end, -low, unit)
        if low == high and unit == "year" and a.edtf == str(a.start.year):
            return Value.year(start.year)
        if low == high and unit in {"month", "year"} and a.edtf == _iso_month(a.start):
            return Value.month(start.year, start.month)
        if low != high and unit in {"month", "year"}:  # "fast zwei Jahre später": in months
            return Value.days(start.replace(day=1), _month_end(end.year, end.month))
        return Value.days(start, end)

    return _anchored(m, resolve, noun=m["noun"])


def _shortly(m: re.Match, ctx: Context) -> Candidate | None:
    """`Kurz darauf`, `kurz nach dem Treffen`, `kurz zuvor`: within a week of the anchor."""
    before = m["dir"].lower().startswith(("zuvor", "davor", "vor"))
    week = timedelta(days=7)
    if before:
        return _anchored(m, lambda a: Value.days(a.start - week, a.end), noun=m["noun"])
    return _anchored(m, lambda a: Value.days(a.start, a.end + week), noun=m["noun"])


def _vague_same(m: re.Match, ctx: Context) -> Candidate | None:
    return _anchored(m, lambda a: a, vague=True)


# the patterns, each with the group "x" that is the mention -----------------------------------

PREP = (
    r"(?:(?P<prep>im|in|seit|bis|ab|vom|von|zum|zur|am|an|um|für|zwischen|gegen|den|dem|des)\s+)?"
)
PREREL = r"(?:(?P<prerel>" + REL + r")\s+)?"
YEAR_TAIL = (
    r"(?:\s+(?:des\s+jahres\s+)?(?P<y>" + YEAR + r")|\s+(?P<rel>" + REL + r")\s+jahres"
    r"|\s+(?P<this>dieses|diesen)\s+jahres)?"
)

PATTERNS: list[tuple[str, re.Pattern, Callable[[re.Match, Context], Candidate | None], bool]] = [
    (
        "day-range",
        _compile(
            W + r"(?P<x>(?P<d1>" + DAY[:-2] + r")\.\s*(?:(?P<m1>" + MONTH + r")\s*)?"
            r"(?:(?P<y1>" + YEAR + r")\s*)?(?:und|bis(?:\s+zum)?|–|-|/)\s*"
            r"(?P<d2>" + DAY[:-2] + r")\.\s*(?P<m2>" + MONTH + r")(?:\s+(?P<y2>" + YEAR + r"))?)"
        ),
        _day_range,
        False,
    ),
    (
        "day",
        _compile(
            r"(?P<x>(?:(?P<wd>" + WEEKDAY + r"),?\s+(?:(?:den|dem)\s+)?)?"
            r"(?P<d>" + DAY[:-2] + r")\.\s*(?P<m>" + MONTH + r")(?:\s+(?P<y>" + YEAR + r"))?)"
        ),
        _explicit_day,
        False,
    ),
    (
        "numeric-day",
        _compile(
            r"(?<![\w.])(?P<x>(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1\d|20)\d\d|\d\d))(?![\w]|\.\d)"
        ),
        _explicit_day,
        False,
    ),
    (
        "iso-day",
        _compile(r"(?<![\w-])(?P<x>(?P<y>(?:1\d|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\w-])"),
        lambda m, ctx: _iso_day(m),
        False,
    ),
    (
        "month-range",
        _compile(
            W + r"(?P<x>(?P<m1>" + MONTH + r")\s+(?:bis|und|–|-)\s+(?P<m2>" + MONTH + r")"
            r"(?:\s+(?P<y>" + YEAR + r"))?)"
        ),
        _month_range,
        False,
    ),
    (
        "month",
        _compile(
            W
            + PREP
            + r"(?P<x>(?:(?P<mod>"
            + MOD
            + r")\s+)?"
            + PREREL
            + r"(?P<m>"
            + MONTH
            + r")"
            + YEAR_TAIL
            + r")"
        ),
        _month,
        False,
    ),
    (
        "season",
        _compile(W + PREP + r"(?P<x>" + PREREL + r"(?P<s>" + SEASON + r")" + YEAR_TAIL + r")"),
        _season_phrase,
        False,
    ),
    (
        "quarter",
        _compile(
            W
            + r"(?P<x>(?P<q>ersten|zweiten|dritten|vierten|letzten|[1-4]\.)\s+quartals?"
            + YEAR_TAIL
            + r")"
        ),
        _quarter_phrase,
        False,
    ),
    (
        "half-year",
        _compile(W + r"(?P<x>(?P<q>ersten|zweiten|[12]\.)\s+halbjahr(?:es|s)?" + YEAR_TAIL + r")"),
        _half_year,
        False,
    ),
    (
        "part-of-this-month",
        _compile(W + r"(?P<x>(?P<mod>" + MOD + r")\s+(?:des|dieses)\s+monats)(?!\w)"),
        _part_of_this_month,
        False,
    ),
    (
        "part-of-year",
        _compile(
            W + r"(?P<x>(?P<mod>" + MOD + r")\s+(?:(?P<y>" + YEAR + r")|(?:des\s+|dieses\s+)?"
            r"(?:(?P<rel>" + REL + r")\s+)?jahres)(?!\s+\d))"
        ),
        _part_of_year_phrase,
        False,
    ),
    (
        "decade",
        _compile(W + r"(?P<x>(?:(?P<mod>" + MOD + r")\s+der\s+)?(?P<dec>" + DECADE + r"))"),
        _decade_phrase,
        False,
    ),
    (
        "century",
        _compile(
            W + r"(?P<x>(?:(?P<mod>" + MOD + r")\s+des\s+)?(?P<c>\d{1,2})\.\s*jahrhunderts?"
            r"(?P<bc>\s+v\.\s*chr\.)?)(?!\w)"
        ),
        _century,
        False,
    ),
    (
        "era-year",
        _compile(r"(?<![\d.,])(?P<x>(?P<y>\d{1,4})\s*(?P<era>v|n)\.\s*chr\.)"),
        _era_year,
        False,
    ),
    (
        "year-range",
        _compile(
            W + PREP + r"(?P<x>(?P<y1>" + YEAR + r")\s*(?P<sep>bis|und|–|-|/)\s*"
            r"(?P<y2>" + YEAR + r"|\d\d(?!\d)))(?![.,]\d)"
        ),
        _year_range,
        False,
    ),
    (
        "year",
        _compile(
            r"(?P<x>(?:(?P<kw>jahr|jahre|jahres)\s+|(?P<approx>um|gegen|circa|ca\.)\s+)?"
            r"(?P<y>" + YEAR + r"))(?!\w)(?!\s*(?:v|n)\.\s*chr)"
        ),
        _year_phrase,
        False,
    ),
    (
        "today",
        _words("today"),
        _today,
        False,
    ),
    (
        "recently",
        _words("recently"),
        _recently,
        False,
    ),
    (
        "relative-unit",
        _compile(
            W + r"(?P<x>(?:(?P<rel>" + REL + r")\s+(?P<u>woche|monats?|jahr(?:es)?)"
            r"|vor(?P<u2>jahr(?:es)?|woche|monats?)))(?!\w)"
        ),
        _relative_unit,
        False,
    ),
    (
        "coming-units",
        _compile(
            W + r"(?P<x>(?P<rel>(?:vergangen|letzt|kommend|nächst|zurückliegend)en)\s+"
            r"(?:(?P<n>" + NUM + r"|" + VAGUE_NUM + r")\s+)?(?P<u>tagen|wochen|monaten|jahren))"
            r"(?!\w)"
        ),
        _coming_units,
        False,
    ),
    (
        "ago",
        _compile(
            W + r"(?P<x>vor\s+(?:(?P<h>" + HEDGE + r")\s+)?(?P<n>" + NUM + r"|" + VAGUE_NUM + r")"
            r"\s+(?P<u>tagen|wochen|monaten|jahren|tag|woche|monat|jahr))(?!\w)"
        ),
        _ago,
        False,
    ),
    (
        "weekday",
        _compile(
            W
            + r"(?:(?P<prep>am|an|seit|ab|bis|vom|zum|jeden)\s+)?(?P<x>"
            + PREREL
            + r"(?P<wd>"
            + WEEKDAY
            + r")(?P<tod>abend|morgen|nachmittag|vormittag|mittag|nacht)?"
            r")(?!\w)"
        ),
        _weekday,
        False,
    ),
    (
        "same",
        _compile(
            W + r"(?P<x>(?:später\s+)?(?:(?:am|an)\s+(?:dem\s+)?(?:selben|gleichen|demselben)\s+"
            r"(?P<u>tag)|(?:im|in)\s+(?:dem\s+)?(?:selben|gleichen|demselben)\s+(?P<u2>monat|jahr)"
            r"|(?:in|während)\s+(?:der\s+)?(?:selben|gleichen|derselben)\s+(?P<u3>woche)"
            r"|am\s+(?P<next>nächsten|folgenden|darauffolgenden)\s+tag|tags\s+darauf"
            r"|am\s+tag\s+(?:darauf|danach)"
            r"|am\s+(?P<before>vortag)))(?!\w)"
        ),
        _same,
        False,
    ),
    (
        "following-year",
        _compile(
            W + r"(?P<x>im\s+(?:(?:folgenden|darauffolgenden|nächsten)\s+jahr|jahr\s+darauf"
            r"|folgejahr|(?P<back>jahr\s+zuvor)))(?!\w)"
        ),
        _following_year,
        False,
    ),
    (
        "offset",
        _compile(
            W + r"(?P<x>(?:(?P<h>" + HEDGE + r")\s+)?(?P<n>" + NUM + r"|" + VAGUE_NUM + r")\s+"
            r"(?P<half>halbes\s+)?(?P<u>"
            + UNIT
            + r")\s+(?P<dir>später|danach|darauf|zuvor|davor|früher"
            r"|nach|vor)(?!\w)(?:\s+(?P<np>" + NOUN_PHRASE + r"))?)"
        ),
        _offset,
        False,
    ),
    (
        "shortly",
        _compile(
            W + r"(?P<x>(?:kurz|bald|unmittelbar|wenig)\s+(?P<dir>darauf|danach|zuvor|davor"
            r"|(?:nach|vor)\s+(?P<np>" + NOUN_PHRASE + r")))(?!\w)"
        ),
        _shortly,
        False,
    ),
    (
        "vague-now",
        _words("vague_now"),
        _vague_now,
        True,
    ),
    (
        "vague-same",
        _words("vague_anchored"),
        _vague_same,
        True,
    ),
]


def _iso_day(m: re.Match) -> Candidate | None:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Candidate(m.start("x"), m.end("x"), "text", Value.days(day, day)) if day else None


# ----------------------------------------------------------------------------------------------
# sentences

# a sentence ends at . ! ? before a capital, but not after an ordinal ("am 9. Mai") or a single
# letter ("u.a."); a four-digit year may end one ("... von 1995. Wenige Wochen ...")
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!(?<!\d)\d\.)(?<!(?<!\d)\d\d\.)(?<!\b[A-ZÄÖÜa-zäöü]\.)[\"“”»«']?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])|\n\s*"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences and headings of `text`, without outer spaces."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


# ----------------------------------------------------------------------------------------------
# the extractor

_PREFIXES = ("wieder", "durch", "unter", "nach", "miss", "über", "rück", "auf", "aus", "ein", "ent")
_PREFIXES += ("ver", "zer", "vor", "ab", "an", "be", "ge", "er", "um", "zu")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def _stem(noun: str) -> str:
    word = noun.lower().translate(_FOLD)
    for prefix in _PREFIXES:
        prefix = prefix.translate(_FOLD)
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix) :]
            break
    return word[:5]


def _candidates(text: str, ctx: Context, include_vague: bool) -> list[Candidate]:
    found = []
    for _name, pattern, resolver, vague in PATTERNS:
        if vague and not include_vague:
            continue
        for m in pattern.finditer(text):
            candidate = resolver(m, ctx)
            if candidate is not None and candidate.end > candidate.start:
                found.append(candidate)
    # the longest wins where candidates overlap; among equals, the earlier pattern
    chosen: list[Candidate] = []
    taken = bytearray(len(text) + 1)
    for candidate in sorted(found, key=lambda c: c.start - c.end):
        if not any(taken[candidate.start : candidate.end]):
            chosen.append(candidate)
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return sorted(chosen, key=lambda c: c.start)


def _is_anchor(mention: DateMention, ctx: Context) -> bool:
    """Whether later text can be told relative to this mention: not vague, not "seit 2014"."""
    if mention.vague or mention.edtf.startswith("-"):  # BC years have no Python date
        return False
    return ctx.word_before(mention.start) not in {"seit", "bis", "ab"}


def _choose_anchor(mentions: list[DateMention], noun: str | None, ctx: Context) -> int | None:
    candidates = [i for i, mention in enumerate(mentions) if _is_anchor(mention, ctx)]
    if not candidates:
        return None
    if noun:  # the latest earlier sentence that tells of the event: "Absturz" ~ "stürzte ... ab"
        stem = _stem(noun)
        for i in reversed(candidates):
            start, end = ctx.sentence_of(mentions[i].start)
            words = re.findall(r"\w+", ctx.text[start:end].lower().translate(_FOLD))
            if any(stem in word for word in words):
                return i
    return candidates[-1]


def _told_just_before(anchor: DateMention, candidate: Candidate, ctx: Context) -> bool:
    """Whether the anchor is in the candidate's sentence or the sentence right before it."""
    here = bisect.bisect_right(ctx.starts, candidate.start) - 1
    there = bisect.bisect_right(ctx.starts, anchor.start) - 1
    return here - there <= 1


def find_dates(
    text: str, published: date | datetime, *, include_vague: bool = False
) -> list[DateMention]:
    """The temporal expressions in German `text`, resolved against the publication date.

    Each mention has character offsets (`text[start:end] == mention.text`), an EDTF value and its
    basis: `text`, `text+dct` (needed the publication date) or `text+event` (resolved against the
    earlier mention `anchor`, an index into the returned list). `include_vague` adds words that
    only sometimes are temporal ("nun", "gerade", "prompt", "gleichzeitig"), marked `vague`.
    """
    if isinstance(published, datetime):
        published = published.date()
    sentences = split_sentences(text)
    ctx = Context(text, published, sentences, [s for s, _ in sentences])
    mentions: list[DateMention] = []
    for candidate in _candidates(text, ctx, include_vague):
        span = text[candidate.start : candidate.end]
        if isinstance(candidate.value, Value):
            mentions.append(
                DateMention(
                    candidate.start,
                    candidate.end,
                    span,
                    candidate.value.edtf,
                    candidate.basis,
                    vague=candidate.vague,
                )
            )
            continue
        anchor = _choose_anchor(mentions, candidate.value.noun, ctx)
        if anchor is None:
            continue  # nothing earlier to resolve against
        anchor_value = _value_of(mentions[anchor])
        untold = not _told_just_before(mentions[anchor], candidate, ctx)
        if candidate.value.noun is None and untold and anchor_value.end < published:
            # "Am selben Tag" after a sentence without a date: the same day as an event told
            # after the anchor, so on or after it and (in a report) not after publication
            anchor_value = Value.days(anchor_value.start, published)
        value = candidate.value.resolve(anchor_value)
        if value.end > published >= anchor_value.end and not ctx.speaks_of_future(candidate.start):
            # told in the past tense: what happened after the anchor happened before publication
            value = Value.days(max(value.start, anchor_value.start), published)
        mentions.append(
            DateMention(
                candidate.start,
                candidate.end,
                span,
                value.edtf,
                "text+event",
                anchor=anchor,
                anchor_text=mentions[anchor].text,
                vague=candidate.vague,
            )
        )
    return mentions


def _value_of(mention: DateMention) -> Value:
    bounds = date_bounds(mention.edtf)  # cached there
    return Value(mention.edtf, bounds.start, bounds.end)
