"""Rules resolved against an earlier mention (basis `text+event`): `am selben Tag`, `im Jahr
darauf`, `drei Tage nach dem Absturz`, `kurz darauf`; events.extract.anchors picks the mention."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from events.extract.lexicon import (
    DIRECTIONS,
    DIRECTIONS_ALONE,
    HEDGE,
    NOUN_PHRASE,
    NUM,
    UNIT,
    UNITS,
    VAGUE_NUMBERS,
    W,
    alt,
    amount,
    compile_pattern,
    fold_spaces,
    table_pattern,
)
from events.extract.rulebook import Anchored, Candidate, RuleSet
from events.extract.sentences import Context
from events.extract.values import Value, iso_month, shift, week
from events.model.calendar import month_end

RULES = RuleSet()


def _anchored(m: re.Match, resolve: Callable[[Value], Value], noun=None, vague=False) -> Candidate:
    return Candidate.of(m, "text+event", Anchored(resolve, noun, vague), vague=vague)


def _moved(days: int) -> Callable[[Value], Value]:
    step = timedelta(days=days)
    return lambda a: Value.days(a.start + step, a.end + step)


def _same_words(preposition: str, unit: str, group: str) -> str:
    """`am (dem) selben Tag`: a preposition, an optional article, "same" and the unit."""
    article, same, noun = alt("same", "article"), alt("same", "same"), alt("same", unit)
    return rf"{alt('same', preposition)}\s+(?:{article}\s+)?{same}\s+(?P<{group}>{noun})"


LATER = alt("same", "later")
ON = alt("same", "on")
SAME_DAY = _same_words("on", "day", "u")
SAME_MONTH_OR_YEAR = _same_words("in", "month_or_year", "u2")
SAME_WEEK = _same_words("during", "week", "u3")
NEXT = alt("same", "next")
DAY_NOUN = alt("same", "day")
DAY_AFTER = alt("same", "day_after")
DAY_BEFORE = alt("same", "day_before")
NEXT_YEAR = alt("following_year", "next")
YEAR_BEFORE = alt("following_year", "before")
HALF = alt("half", "words")
DIRECTION = alt("directions")
DIRECTION_PREPOSITION = alt("direction_prepositions")
SHORTLY = alt("shortly", "words")
SHORTLY_DIRECTION = alt("shortly", "directions")


@RULES.rule(
    "same",
    compile_pattern(
        rf"{W}(?P<x>(?:{LATER}\s+)?(?:{SAME_DAY}|{SAME_MONTH_OR_YEAR}|{SAME_WEEK}"
        rf"|{ON}\s+(?P<next>{NEXT})\s+{DAY_NOUN}|(?P<after>{DAY_AFTER})"
        rf"|{ON}\s+(?P<before>{DAY_BEFORE})))(?!\w)"
    ),
)
def _same(m: re.Match, ctx: Context) -> Candidate | None:
    """`Am selben Tag`, `im selben Monat`, `Später im selben Jahr`, `am nächsten Tag`."""
    if m["next"] or m["after"]:
        return _anchored(m, _moved(1))
    if m["before"]:
        return _anchored(m, _moved(-1))
    unit = UNITS.get((m["u"] or m["u2"] or m["u3"]).lower())
    if unit == "month":
        return _anchored(m, lambda a: Value.month(a.start.year, a.start.month))
    if unit == "year":
        return _anchored(m, lambda a: Value.year(a.start.year))
    if unit == "week":
        return _anchored(m, lambda a: week(a.start))
    return _anchored(m, lambda a: a)


DAY_BEFORE_PHRASE = alt("same", "day_before_phrase")
THIS_DAY = alt("same", "this_day")
THIS_YEAR = alt("same", "this_year")


@RULES.rule(
    "this-day",
    compile_pattern(
        rf"{W}(?P<x>(?P<before>{DAY_BEFORE_PHRASE})|(?P<day>{THIS_DAY})|(?P<year>{THIS_YEAR}))"
        r"(?!\w)"
    ),
)
def _this_day(m: re.Match, ctx: Context) -> Candidate | None:
    """`tags zuvor`, `vom Vortag` (the day before the anchor), `an diesem Tag`, `zu diesem
    Zeitpunkt` (the anchor), `später im Jahr`, `desselben Jahres` (the anchor's year)."""
    if m["before"]:
        return _anchored(m, _moved(-1))
    if m["year"]:
        return _anchored(m, lambda a: Value.year(a.start.year))
    return _anchored(m, lambda a: a)


@RULES.rule(
    "following-year", compile_pattern(rf"{W}(?P<x>{NEXT_YEAR}|(?P<back>{YEAR_BEFORE}))(?!\w)")
)
def _following_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`im folgenden Jahr`, `im Jahr darauf`, `im Jahr zuvor` of the anchor."""
    step = -1 if m["back"] else 1
    return _anchored(m, lambda a: Value.year(a.start.year + step))


@RULES.rule(
    "offset",
    compile_pattern(
        rf"{W}(?P<x>(?:(?P<h>{HEDGE})\s+)?(?P<n>{NUM})\s+(?P<half>{HALF}\s+)?(?P<u>{UNIT})\s+"
        rf"(?P<dir>{DIRECTION}|{DIRECTION_PREPOSITION})(?!\w)(?:\s+(?P<np>{NOUN_PHRASE}))?)"
    ),
)
def _offset(m: re.Match, ctx: Context) -> Candidate | None:
    """`Drei Tage nach dem Absturz`, `ein Jahr später`, `Wenige Tage danach`, `zwei Jahre zuvor`."""
    direction = m["dir"].lower()
    if direction not in DIRECTIONS_ALONE and not m["np"]:
        return None  # "nach" and "vor" need the event noun
    noun = m["noun"]
    end = m.end("x")
    if direction in DIRECTIONS_ALONE and m["np"]:  # "zwei Tage später die Stadt": not its noun
        noun, end = None, m.end("dir")
    sign = DIRECTIONS[direction]
    unit = UNITS[m["u"].lower()]
    low, high = amount(m)
    vague = fold_spaces(m["n"]) in VAGUE_NUMBERS
    if vague and unit == "day":
        high = 7.0
    candidate = _anchored(m, _offset_resolver(sign, low, high, unit, vague), noun=noun)
    candidate.end = end
    return candidate


def _offset_resolver(
    sign: int, low: float, high: float, unit: str, vague: bool = False
) -> Callable[[Value], Value]:
    def resolve(a: Value) -> Value:
        value = _shifted(a)
        if not vague:  # "einen Monat später": TIMEX3 at the unit's granularity
            if unit == "month" and value.start.month == value.end.month:
                return value.as_timex(iso_month(value.start))
            if unit == "year" and value.start.year == value.end.year:
                return value.as_timex(f"{value.start.year:04d}")
            return value
        # "wenige Tage später": TIMEX3 gives the coarse unit around the middle, mod APPROX
        middle = value.start + (value.end - value.start) / 2
        if unit == "year":
            return value.as_timex(f"{middle.year // 10:03d}", "APPROX")
        return value.as_timex(f"{middle.year:04d}-{middle.month:02d}", "APPROX")

    def _shifted(a: Value) -> Value:
        if sign > 0:
            start, end = shift(a.start, low, unit), shift(a.end, high, unit)
        else:
            start, end = shift(a.start, -high, unit), shift(a.end, -low, unit)
        if low == high and unit == "year" and a.edtf == str(a.start.year):
            return Value.year(start.year)
        if low == high and unit in {"month", "year"} and a.edtf == iso_month(a.start):
            return Value.month(start.year, start.month)
        if low != high and unit in {"month", "year"}:  # "fast zwei Jahre später": in months
            return Value.days(start.replace(day=1), month_end(end.year, end.month))
        return Value.days(start, end)

    return resolve


@RULES.rule(
    "shortly",
    compile_pattern(
        rf"{W}(?P<x>{SHORTLY}\s+(?:(?P<dir>{SHORTLY_DIRECTION})"
        rf"|(?P<prep>{DIRECTION_PREPOSITION})\s+(?P<np>{NOUN_PHRASE})))(?!\w)"
    ),
)
def _shortly(m: re.Match, ctx: Context) -> Candidate | None:
    """`Kurz darauf`, `kurz nach dem Treffen`, `kurz zuvor`: within a week of the anchor."""
    sign = DIRECTIONS[(m["dir"] or m["prep"]).lower()]
    week_ = timedelta(days=7)
    if sign < 0:
        return _anchored(m, lambda a: Value.days(a.start - week_, a.end), noun=m["noun"])
    return _anchored(m, lambda a: Value.days(a.start, a.end + week_), noun=m["noun"])


@RULES.rule("vague-same", table_pattern("vague_anchored"), vague=True)
def _vague_same(m: re.Match, ctx: Context) -> Candidate | None:
    """`gleichzeitig`, `prompt`: the time of the anchor, reported as vague."""
    return _anchored(m, lambda a: a, vague=True)
