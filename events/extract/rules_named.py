"""Rules for named days and periods: holidays (`Weihnachten`, `Ostermontag` by the Easter
computus), `am Wochenende`, `Anfang der Woche`, `heuer`, `in diesem Jahrhundert`.

Their year is the one written after them, else the narrative's (Context.story_year), else the
occurrence nearest to publication (the next one in a sentence about the future).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.extract.lexicon import (
    MOD,
    MODIFIERS,
    PREREL,
    WORDS,
    YEAR,
    W,
    alt,
    compile_pattern,
    fold_spaces,
    phrase_alternation,
    relative,
)
from events.extract.rulebook import Candidate, RuleSet
from events.extract.rules_dates import nearest
from events.extract.sentences import Context
from events.extract.values import Value, week

RULES = RuleSet()

FIXED: dict[str, list[int]] = WORDS["holidays_fixed"]
EASTER: dict[str, int] = WORDS["holidays_easter"]
HOLIDAY = r"(?:" + phrase_alternation(list(FIXED) + list(EASTER)) + r")"
WEEKEND_PREP = alt("weekend", "prepositions")
WEEKEND = alt("weekend", "words")
OF_THE_WEEK = alt("part_of_week", "words")


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday(name: str, year: int) -> date:
    name = fold_spaces(name)
    if name in FIXED:
        month, day = FIXED[name]
        return date(year, month, day)
    return easter_sunday(year) + timedelta(days=EASTER[name])


def _nearest(day_of, m: re.Match, ctx: Context) -> date:
    """The occurrence in the narrative's year, or the one nearest to publication."""
    story = ctx.story_year(m.start("x"))
    if story is not None:
        return day_of(story)
    published = ctx.published
    days = [day_of(year) for year in (published.year - 1, published.year, published.year + 1)]
    return nearest(days, published, ctx.tense(m.start("x")))


@RULES.rule("holiday", compile_pattern(rf"{W}(?P<x>(?P<h>{HOLIDAY})(?:\s+(?P<y>{YEAR}))?)(?!\w)"))
def _holiday(m: re.Match, ctx: Context) -> Candidate | None:
    """`Weihnachten 2024`, `an Ostern`, `Pfingstmontag`: the day of the feast."""
    if m["y"]:
        day = holiday(m["h"], int(m["y"]))
        return Candidate.of(m, "text", Value.days(day, day))
    day = _nearest(lambda year: holiday(m["h"], year), m, ctx)
    return Candidate.of(m, "text+dct", Value.days(day, day))


@RULES.rule(
    "weekend",
    compile_pattern(rf"{W}(?:(?P<prep>{WEEKEND_PREP})\s+)?(?P<x>{PREREL}{WEEKEND})(?!\w)"),
)
def _weekend(m: re.Match, ctx: Context) -> Candidate | None:
    """`am Wochenende`, `vergangenen Wochenende`: Saturday and Sunday (TIMEX3 `2020-W11-WE`)."""
    if not (m["prep"] or m["prerel"]):
        return None
    published = ctx.published
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)  # the last, or today
    step = relative(m["prerel"]) if m["prerel"] else 0
    future = step > 0 or (step == 0 and ctx.speaks_of_future(m.start("x")))
    if future and saturday + timedelta(days=1) < published:
        saturday += timedelta(days=7)
    if step < 0 and saturday + timedelta(days=1) >= published:
        saturday -= timedelta(days=7)
    return Candidate.of(m, "text+dct", Value.days(saturday, saturday + timedelta(days=1)))


@RULES.rule("part-of-week", compile_pattern(rf"{W}(?P<x>(?P<mod>{MOD})\s+{OF_THE_WEEK})(?!\w)"))
def _part_of_week(m: re.Match, ctx: Context) -> Candidate | None:
    """`Anfang der Woche`, `Ende dieser Woche`: the week of publication, TIMEX3 mod START/END."""
    part = MODIFIERS[m["mod"].lower()]
    whole = week(ctx.published)
    first = {"start": 0, "mid": 2, "end": 4}[part]
    value = Value.days(whole.start + timedelta(days=first), whole.start + timedelta(days=first + 2))
    year, number, _ = whole.start.isocalendar()
    return Candidate.of(m, "text+dct", value.as_timex(f"{year}-W{number:02d}", part.upper()))


@RULES.rule("this-year", compile_pattern(rf"{W}(?P<x>{alt('this_year', 'words')})(?!\w)"))
def _this_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`heuer`, `im Laufe des Jahres`: the year of publication (or of the narrative)."""
    year = ctx.story_year(m.start("x")) or ctx.published.year
    return Candidate.of(m, "text+dct", Value.year(year))


@RULES.rule("this-century", compile_pattern(rf"{W}(?P<x>{alt('this_century', 'words')})(?!\w)"))
def _this_century(m: re.Match, ctx: Context) -> Candidate | None:
    """`in diesem Jahrhundert`: the century of publication (or of the narrative)."""
    year = ctx.story_year(m.start("x")) or ctx.published.year
    first = year // 100 * 100
    value = Value(f"{first // 100:02d}XX", date(max(first, 1), 1, 1), date(first + 99, 12, 31))
    return Candidate.of(m, "text+dct", value)
