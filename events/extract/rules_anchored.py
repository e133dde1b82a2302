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


def _same_words(article: str, unit: str, group: str) -> str:
    """`am (dem) selben Tag`: a preposition, an optional article, "same" and the unit."""
    return (
        r"(?:"
        + alt("same", article)
        + r")\s+(?:"
        + alt("same", "article")
        + r"\s+)?"
        + alt("same", "same")
        + r"\s+(?P<"
        + group
        + r">"
        + alt("same", unit)
        + r")"
    )


@RULES.rule(
    "same",
    compile_pattern(
        W
        + r"(?P<x>(?:"
        + alt("same", "later")
        + r"\s+)?(?:"
        + _same_words("on", "day", "u")
        + r"|"
        + _same_words("in", "month_or_year", "u2")
        + r"|"
        + _same_words("during", "week", "u3")
        + r"|"
        + alt("same", "on")
        + r"\s+(?P<next>"
        + alt("same", "next")
        + r")\s+"
        + alt("same", "day")
        + r"|(?P<after>"
        + alt("same", "day_after")
        + r")"
        + r"|"
        + alt("same", "on")
        + r"\s+(?P<before>"
        + alt("same", "day_before")
        + r")))(?!\w)"
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


@RULES.rule(
    "following-year",
    compile_pattern(
        W
        + r"(?P<x>"
        + alt("following_year", "next")
        + r"|(?P<back>"
        + alt("following_year", "before")
        + r"))(?!\w)"
    ),
)
def _following_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`im folgenden Jahr`, `im Jahr darauf`, `im Jahr zuvor` of the anchor."""
    step = -1 if m["back"] else 1
    return _anchored(m, lambda a: Value.year(a.start.year + step))


@RULES.rule(
    "offset",
    compile_pattern(
        W
        + r"(?P<x>(?:(?P<h>"
        + HEDGE
        + r")\s+)?(?P<n>"
        + NUM
        + r")\s+(?P<half>"
        + alt("half", "words")
        + r"\s+)?(?P<u>"
        + UNIT
        + r")\s+(?P<dir>"
        + alt("directions")
        + r"|"
        + alt("direction_prepositions")
        + r")(?!\w)(?:\s+(?P<np>"
        + NOUN_PHRASE
        + r"))?)"
    ),
)
def _offset(m: re.Match, ctx: Context) -> Candidate | None:
    """`Drei Tage nach dem Absturz`, `ein Jahr später`, `Wenige Tage danach`, `zwei Jahre zuvor`."""
    direction = m["dir"].lower()
    if direction not in DIRECTIONS_ALONE and not m["np"]:
        return None  # "nach" and "vor" need the event noun
    sign = DIRECTIONS[direction]
    unit = UNITS[m["u"].lower()]
    low, high = amount(m)
    if fold_spaces(m["n"]) in VAGUE_NUMBERS and unit == "day":
        high = 7.0
    return _anchored(m, _offset_resolver(sign, low, high, unit), noun=m["noun"])


def _offset_resolver(sign: int, low: float, high: float, unit: str) -> Callable[[Value], Value]:
    def resolve(a: Value) -> Value:
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
        W
        + r"(?P<x>"
        + alt("shortly", "words")
        + r"\s+(?:(?P<dir>"
        + alt("shortly", "directions")
        + r")"
        r"|(?P<prep>" + alt("direction_prepositions") + r")\s+(?P<np>" + NOUN_PHRASE + r")))(?!\w)"
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
