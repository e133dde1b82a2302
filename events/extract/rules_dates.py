"""Rules for calendar dates: days (`25. Dezember 2024`, `25.12.2024`), day and month ranges,
months."""

from __future__ import annotations

import re
from datetime import date

from events.extract.lexicon import (
    BARE_MONTH_PREPOSITIONS,
    DAY,
    MOD,
    MODIFIERS,
    MONTH,
    MONTHS,
    PREP,
    PREREL,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    YEAR_TAIL,
    W,
    alt,
    compile_pattern,
    relative,
)
from events.extract.rulebook import Candidate, RuleSet
from events.extract.sentences import Context
from events.extract.values import Value, latest
from events.model.calendar import third_of_month

RULES = RuleSet()

DAY_JOINER = alt("joiners", "day_range")
# "im März, November und Dezember 2024": the year at the end of a list of months
LIST_YEAR_AHEAD = compile_pattern(
    rf"(?:\s*(?:,|{alt('joiners', 'list')})\s*(?:{alt('prepositions', 'bare_month')}\s+)?"
    rf"(?P<m>{MONTH}))+\s+(?P<y>{YEAR})"
)
# "im März, November und ab Dezember": a month right after another month of a list
MONTH_LISTED = compile_pattern(
    rf"{W}{alt('prepositions', 'bare_month')}\s+{MONTH}(?:\s+{YEAR})?"
    rf"(?:\s*,\s*{MONTH}(?:\s+{YEAR})?)*\s*(?:,|{alt('joiners', 'list')})\s*$"
)
MONTH_JOINER = alt("joiners", "month_range")
WEEKDAY_ARTICLE = alt("articles", "weekday_day")


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_of_phrase(m: re.Match, ctx: Context) -> tuple[int | None, str]:
    """The year a "y" / "rel" / "this" group names (see lexicon.YEAR_TAIL), and its basis."""
    if m.groupdict().get("y"):
        return int(m["y"]), "text"
    if m.groupdict().get("rel"):
        return ctx.published.year + relative(m["rel"]), "text+dct"
    if m.groupdict().get("this"):
        return ctx.published.year, "text+dct"
    return None, "text+dct"


def latest_year(m: re.Match, ctx: Context, value_of_year) -> int:
    """The year of a value without one: the narrative's year (Context.story_year), else the
    latest such value up to publication (the next one in a sentence about the future)."""
    story = ctx.story_year(m.start("x"))
    if story is not None:
        return story
    return latest(value_of_year, ctx.published, ctx.speaks_of_future(m.start("x"))).start.year


def nearest_day(month: int, day: int, m: re.Match, ctx: Context) -> date | None:
    """The day `day.month.` without a year: in the narrative's year, else the occurrence
    nearest to publication (not before it in a sentence about the future, not after it in one
    about the past)."""
    story = ctx.story_year(m.start("x"))
    if story is not None:
        return safe_date(story, month, day)
    published = ctx.published
    days = [d for y in (-1, 0, 1) if (d := safe_date(published.year + y, month, day))]
    return nearest(days, published, ctx.tense(m.start("x")))


def nearest(days: list[date], published: date, tense: int) -> date | None:
    """The day nearest to publication; in the future tense not before it, in the past not
    after it."""
    if tense > 0:
        days = [d for d in days if d >= published] or days
    elif tense < 0:
        days = [d for d in days if d <= published] or days
    return min(days, key=lambda d: abs((d - published).days), default=None)


@RULES.rule(
    "day-range",
    compile_pattern(
        rf"{W}(?P<x>(?P<more>(?:{DAY}\.,\s*)+)?"
        rf"(?P<d1>{DAY})\.\s*(?:(?P<m1>{MONTH})\s*)?(?:(?P<y1>{YEAR})\s*)?"
        rf"(?:{DAY_JOINER}|–|-|/|,)\s*(?P<d2>{DAY})\.\s*(?P<m2>{MONTH})(?:\s+(?P<y2>{YEAR}))?)"
    ),
)
def _day_range(m: re.Match, ctx: Context) -> Candidate | None:
    """`20. und 21. Mai 2025`, `3. bis 5. März`, `28. Juni bis 2. Juli 2025`, `3., 4. und 5. Mai`:
    one mention per day (TimeML annotates lists and ranges point by point)."""
    month2 = MONTHS[m["m2"].lower()]
    month1 = MONTHS[m["m1"].lower()] if m["m1"] else month2
    if m["more"] and m["m1"]:
        return None
    if m["y2"]:
        year2, basis = int(m["y2"]), "text"
    else:
        year2, basis = latest_year(m, ctx, lambda y: Value.month(y, month2)), "text+dct"
    year1 = int(m["y1"]) if m["y1"] else (year2 if month1 <= month2 else year2 - 1)
    first, last = safe_date(year1, month1, int(m["d1"])), safe_date(year2, month2, int(m["d2"]))
    if not first or not last or last < first:
        return None
    parts = []
    for extra in re.finditer(rf"{DAY}(?=\.)", m["more"] or ""):
        day = safe_date(year1, month1, int(extra[0]))
        if day is None or day >= first:
            return None
        offset = m.start("more") + extra.start()
        parts.append((offset, offset + len(extra[0]) + 1, Value.days(day, day)))
    first_end = m.end("y1") if m["y1"] else m.end("m1") if m["m1"] else m.end("d1") + 1
    parts.append((m.start("d1"), first_end, Value.days(first, first)))
    parts.append((m.start("d2"), m.end("x"), Value.days(last, last)))
    return Candidate.split(m, basis, parts)


@RULES.rule(
    "day",
    compile_pattern(
        rf"(?P<x>(?:(?P<wd>{WEEKDAY}),?\s+(?:{WEEKDAY_ARTICLE}\s+)?)?"
        rf"(?P<d>{DAY})\.\s*(?P<m>{MONTH})(?:\s+(?P<y>{YEAR}))?)"
    ),
)
def _explicit_day(m: re.Match, ctx: Context) -> Candidate | None:
    """`25. Dezember 2024`, `Donnerstag, 25. Februar`, `25.12.2024`."""
    month = MONTHS.get(m["m"].lower()) if not m["m"].isdigit() else int(m["m"])
    day = int(m["d"])
    if month is None or not 1 <= month <= 12:
        return None
    if m["y"]:
        year = int(m["y"])
        if len(m["y"]) == 2:  # "3.3.24": the century nearest to publication
            century = ctx.published.year // 100 * 100
            year = min(
                (century - 100 + year, century + year, century + 100 + year),
                key=lambda y: abs(y - ctx.published.year),
            )
        parsed = safe_date(year, month, day)
        return Candidate.of(m, "text", Value.days(parsed, parsed)) if parsed else None
    parsed = nearest_day(month, day, m, ctx)
    if parsed is None:
        return None  # not a real date (31. Februar)
    if m.groupdict().get("wd"):  # the weekday decides the year
        story = ctx.story_year(m.start("x"))
        base = date(story, 7, 1) if story is not None else ctx.published
        parsed = _year_of_weekday(WEEKDAYS[m["wd"].lower()], month, day, base) or parsed
    return Candidate.of(m, "text+dct", Value.days(parsed, parsed))


def _year_of_weekday(weekday: int, month: int, day: int, published: date) -> date | None:
    """The day `day.month.` nearest to publication (a year back or on) that is on `weekday`."""
    years = sorted(
        range(published.year - 1, published.year + 2), key=lambda y: abs(published.year - y)
    )
    for year in years:
        candidate = safe_date(year, month, day)
        if candidate and candidate.weekday() == weekday:
            return candidate
    return None


RULES.add(
    "numeric-day",
    compile_pattern(
        r"(?<![\w.])(?P<x>(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1\d|20)\d\d|\d\d))(?![\w]|\.\d)"
    ),
    _explicit_day,
)


@RULES.rule(
    "iso-day",
    compile_pattern(
        r"(?<![\w-])(?P<x>(?P<y>(?:1\d|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\w-])"
    ),
)
def _iso_day(m: re.Match, ctx: Context) -> Candidate | None:
    """`2024-12-25`."""
    day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Candidate.of(m, "text", Value.days(day, day)) if day else None


@RULES.rule(
    "month-range",
    compile_pattern(
        rf"{W}(?P<x>(?P<m1>{MONTH})\s+(?:{MONTH_JOINER}|–|-)\s+(?P<m2>{MONTH})"
        rf"(?:\s+(?P<y>{YEAR}))?)"
    ),
)
def _month_range(m: re.Match, ctx: Context) -> Candidate | None:
    """`März bis Mai 2025`, `Juli und August`: one mention per month."""
    first, last = MONTHS[m["m1"].lower()], MONTHS[m["m2"].lower()]
    if m["y"]:
        year, basis = int(m["y"]), "text"
    else:
        year, basis = latest_year(m, ctx, lambda y: Value.month(y, last)), "text+dct"
    start_year = year if first <= last else year - 1
    return Candidate.split(
        m,
        basis,
        [
            (m.start("m1"), m.end("m1"), Value.month(start_year, first)),
            (m.start("m2"), m.end("x"), Value.month(year, last)),
        ],
    )


@RULES.rule(
    "month",
    compile_pattern(rf"{W}{PREP}(?P<x>(?:(?P<mod>{MOD})\s+)?{PREREL}(?P<m>{MONTH}){YEAR_TAIL})"),
)
def _month(m: re.Match, ctx: Context) -> Candidate | None:
    """`Dezember 2024`, `Ende Dezember 2024`, `Dezember letzten Jahres`, `im Mai`, `Mitte Mai`."""
    month = MONTHS[m["m"].lower()]
    year, basis = year_of_phrase(m, ctx)
    part = MODIFIERS[m["mod"].lower()] if m["mod"] else None
    if year is None:
        listed = MONTH_LISTED.search(ctx.text[max(0, m.start("x") - 80) : m.start("x")])
        bare_ok = (m["prep"] or "").lower() in BARE_MONTH_PREPOSITIONS
        if not (part or m["prerel"] or bare_ok or listed):
            return None  # "August" alone (or "an August") may be a name, but not in a list
        year = _year_of_month(m, ctx, month)
    value = Value.span(third_of_month(year, month, part)) if part else Value.month(year, month)
    return Candidate.of(m, basis, value)


def _year_of_month(m: re.Match, ctx: Context, month: int) -> int:
    """The year of "im Mai" (the latest May), "nächsten Mai", "letzten Mai" (not this month);
    in a list the year written at its end ("im März, Mai und Juli 2024")."""
    listed = LIST_YEAR_AHEAD.match(ctx.text, m.end("x"))
    if listed and not m["prerel"]:
        year = int(listed["y"])
        return year if month <= MONTHS[listed["m"].lower()] else year - 1
    if not m["prerel"]:
        return latest_year(m, ctx, lambda y: Value.month(y, month))
    step = relative(m["prerel"])
    value = latest(lambda y: Value.month(y, month), ctx.published, step > 0)
    if step < 0 and value.start.month == ctx.published.month:
        return value.start.year - 1
    return value.start.year
