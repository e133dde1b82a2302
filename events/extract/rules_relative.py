"""Rules told from the publication day: `heute`, `kürzlich`, `vergangene Woche`, `vor zwei Jahren`,
`in den kommenden Monaten`, `am Donnerstag`."""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.extract.lexicon import (
    CLOCK_WORDS,
    HEDGE,
    NUM,
    PREREL,
    REL,
    SPAN_RELATIVE,
    TIME_OF_DAY_AFTER,
    TIMES_OF_DAY,
    UNITS,
    UNITS_AGO,
    UNITS_CALENDAR,
    UNITS_PREVIOUS,
    WEEKDAY,
    WEEKDAYS,
    WORDS,
    W,
    alt,
    amount,
    compile_pattern,
    fold_spaces,
    number,
    relative,
    table_pattern,
    table_pattern_of,
    word_alternation,
    words,
)
from events.extract.rulebook import Candidate, RuleSet
from events.extract.sentences import Context
from events.extract.values import Value, shift, week
from events.model.calendar import add_months

RULES = RuleSet()
ADJECTIVE_ENDING = r"(?:e|en|er|es|em)$"
DURATION_LETTERS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
NOW_BEFORE, NOW_AFTER_WORD = alt("present_ref", "before"), alt("present_ref", "after_word")

CALENDAR_UNIT = word_alternation(UNITS_CALENDAR)
PREVIOUS_UNIT = word_alternation(UNITS_PREVIOUS)
SPAN_REL = alt("span_relative")
PLURAL_UNIT = alt("units_plural_dative")
AGO = alt("ago", "words")
AGO_UNIT = word_alternation(UNITS_AGO)
WEEKDAY_PREP = alt("prepositions", "weekday")
TIME_OF_DAY = word_alternation(TIMES_OF_DAY)


@RULES.rule("today", table_pattern("today"))
def _today(m: re.Match, ctx: Context) -> Candidate | None:
    """`heute`, `gestern`, `morgen`: the publication day (moved by a few days); `heute` without
    a time of day is the present in general (PRESENT_REF)."""
    word = m["w"].lower()
    capitalised = m["w"][0].isupper()
    if word in TIMES_OF_DAY and capitalised and ctx.word_before(m.start("x")) in TIME_OF_DAY_AFTER:
        return None  # "am Morgen" is a time of day
    day = ctx.published + timedelta(days=WORDS["today"][word])
    value = Value.days(day, day)
    if WORDS["today"][word] == 0 and not _time_of_day_follows(m, ctx):
        value = value.as_timex("PRESENT_REF")
    return Candidate.of(m, "text+dct", value)


def _time_of_day_follows(m: re.Match, ctx: Context) -> bool:
    after = re.match(r"\s*(\w+)", ctx.text[m.end("x") : m.end("x") + 20])
    return bool(after and (after[1].lower() in TIMES_OF_DAY or after[1].lower() in CLOCK_WORDS))


def _present(m: re.Match, ctx: Context) -> Candidate:
    day = ctx.published
    return Candidate.of(m, "text+dct", Value.days(day, day).as_timex("PRESENT_REF"))


RULES.add("present", table_pattern_of(words("present_ref")), lambda m, ctx: _present(m, ctx))


@RULES.rule(
    "present-moment",
    compile_pattern(rf"{W}{NOW_BEFORE}\s+(?P<x>{NOW_AFTER_WORD})(?!\w)"),
)
def _present_moment(m: re.Match, ctx: Context) -> Candidate | None:
    """`im Moment`: the present (span "Moment")."""
    return _present(m, ctx)


@RULES.rule("past", table_pattern_of(words("past_ref")))
def _past(m: re.Match, ctx: Context) -> Candidate | None:
    """`damals`, `früher`, `einst`: the past in general (PAST_REF), with no calendar value."""
    after = re.match(r"\s+([a-zäöüß]+)\s+(\w)", ctx.text[m.end("x") : m.end("x") + 60])
    if after and after[2].isupper() and re.search(ADJECTIVE_ENDING, after[1]):
        return None  # "die damals verwendeten Geräte": part of an adjective phrase
    following = re.match(r"\s+(\w+)", ctx.text[m.end("x") : m.end("x") + 20])
    if following and following[1].lower() in words("past_ref", "not_before"):
        return None  # "früher als erwartet"
    return Candidate.of(m, "text+dct", Value("", ctx.published, ctx.published, "PAST_REF"))


@RULES.rule("future", table_pattern_of(words("future_ref") + words("future_ref", "if_future")))
def _future(m: re.Match, ctx: Context) -> Candidate | None:
    """`künftig`, `in Zukunft`, `bald` (in a sentence about the future): FUTURE_REF, EDTF from
    the publication day on."""
    if m["w"].lower() in words("future_ref", "if_future") and not ctx.speaks_of_future(m.start()):
        return None
    value = Value(f"{ctx.published.isoformat()}/..", ctx.published, date.max, "FUTURE_REF")
    return Candidate.of(m, "text+dct", value)


@RULES.rule("recently", table_pattern("recently"))
def _recently(m: re.Match, ctx: Context) -> Candidate | None:
    """`kürzlich`, `jüngst`, `vor kurzem`: the 30 days up to publication."""
    start = ctx.published - timedelta(days=WORDS["recently"][fold_spaces(m["w"])])
    return Candidate.of(m, "text+dct", Value.days(start, ctx.published))


@RULES.rule(
    "relative-unit",
    compile_pattern(
        rf"{W}(?P<x>(?:(?P<rel>{REL})\s+(?P<u>{CALENDAR_UNIT})|(?P<prev>{PREVIOUS_UNIT})))(?!\w)"
    ),
)
def _relative_unit(m: re.Match, ctx: Context) -> Candidate | None:
    """`vergangenen Woche`, `letzten Monat`, `nächstes Jahr`, `Vorjahr`."""
    if m["prev"]:  # "Vorjahr": one back
        step, unit = -1, UNITS_PREVIOUS[m["prev"].lower()]
    else:
        step, unit = relative(m["rel"]), UNITS_CALENDAR[m["u"].lower()]
    if unit == "week":
        value = week(ctx.published, step)
    elif unit == "month":
        first = add_months(ctx.published.replace(day=1), step)
        value = Value.month(first.year, first.month)
    else:
        value = Value.year(ctx.published.year + step)
    return Candidate.of(m, "text+dct", value)


@RULES.rule(
    "coming-units",
    compile_pattern(
        rf"{W}(?P<x>(?P<rel>{SPAN_REL}en)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{PLURAL_UNIT}))(?!\w)"
    ),
)
def _coming_units(m: re.Match, ctx: Context) -> Candidate | None:
    """`kommenden Monaten`, `vergangenen zwei Wochen`: from or up to the publication day (TIMEX3
    FUTURE_REF, or a DURATION `P2W`)."""
    unit = UNITS[m["u"].lower()]
    _low, high = number(m["n"]) if m["n"] else (3.0, 3.0)
    forward = relative(m["rel"], SPAN_RELATIVE) > 0
    if forward:
        value = Value.days(ctx.published, shift(ctx.published, high, unit))
    else:
        value = Value.days(shift(ctx.published, -high, unit), ctx.published)
    # TIMEX3: a stretch of time (DURATION P2W, PXM), or the future in general (FUTURE_REF)
    if m["n"] and float(high).is_integer():
        value = value.as_timex(f"P{int(high)}{DURATION_LETTERS[unit]}", kind="DURATION")
    elif forward:
        value = value.as_timex("FUTURE_REF")
    else:
        value = value.as_timex(f"PX{DURATION_LETTERS[unit]}", kind="DURATION")
    return Candidate.of(m, "text+dct", value)


@RULES.rule(
    "ago",
    compile_pattern(
        rf"{W}(?P<x>{AGO}\s+(?:(?P<h>{HEDGE})\s+)?(?P<n>{NUM})\s+(?P<u>{AGO_UNIT}))(?!\w)"
    ),
)
def _ago(m: re.Match, ctx: Context) -> Candidate | None:
    """`vor zwei Jahren`, `vor einer Woche`, `vor wenigen Tagen`."""
    unit = UNITS_AGO[m["u"].lower()]
    low, high = amount(m)
    if low != high or not float(low).is_integer():
        value = Value.days(shift(ctx.published, -high, unit), shift(ctx.published, -low, unit))
        return Candidate.of(m, "text+dct", value)
    day = shift(ctx.published, -low, unit)
    if unit == "year":
        value = Value.year(day.year)
    elif unit == "month":
        value = Value.month(day.year, day.month)
    else:
        value = week(day) if unit == "week" else Value.days(day, day)
    return Candidate.of(m, "text+dct", value)


@RULES.rule(
    "weekday",
    compile_pattern(
        rf"{W}(?:(?P<prep>{WEEKDAY_PREP})\s+)?"
        rf"(?P<x>{PREREL}(?P<wd>{WEEKDAY})(?P<tod>{TIME_OF_DAY})?)(?!\w)"
    ),
)
def _weekday(m: re.Match, ctx: Context) -> Candidate | None:
    """`am Donnerstag`, `Donnerstagabend`, `letzten Freitag`: the nearest such day."""
    at_start = ctx.sentence_of(m.start("x"))[0] == m.start("x")  # "Freitag stimmte er zu."
    if not (m["prep"] or m["prerel"] or m["tod"] or at_start):
        return None
    step = relative(m["prerel"]) if m["prerel"] else 0
    day = _nearest_weekday(ctx.published, WEEKDAYS[m["wd"].lower()], step)
    return Candidate.of(m, "text+dct", Value.days(day, day))


def _nearest_weekday(published: date, weekday: int, step: int) -> date:
    """The last such day before (step < 0), the next after (> 0), or the nearest (0)."""
    past = published - timedelta(days=(published.weekday() - weekday) % 7)
    following = past if past == published else past + timedelta(days=7)
    if step < 0:
        return past if past != published else past - timedelta(days=7)
    if step > 0:
        return following
    return past if (published - past) <= (following - published) else following


@RULES.rule("vague-now", table_pattern("vague_now"), vague=True)
def _vague_now(m: re.Match, ctx: Context) -> Candidate | None:
    """`nun`, `gerade`: up to the publication day, reported as vague."""
    start = ctx.published - timedelta(days=WORDS["vague_now"][m["x"].lower()])
    return Candidate.of(m, "text+dct", Value.days(start, ctx.published), vague=True)
