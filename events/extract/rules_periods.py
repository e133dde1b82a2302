"""Rules for periods: seasons, quarters, half-years, parts of a month or year, decades, centuries,
years and year ranges."""

from __future__ import annotations

import re
from datetime import date

from events.extract.lexicon import (
    AND,
    BEFORE_CHRIST,
    BETWEEN,
    CLOCK,
    DECADE,
    DECADE_WORDS,
    ERA,
    ERA_AHEAD,
    HALF_YEARS,
    MOD,
    MODIFIERS,
    PREP,
    PREREL,
    QUANTITY_AFTER,
    QUANTITY_BEFORE,
    QUARTERS,
    REL,
    SEASON,
    SEASONS,
    YEAR,
    YEAR_TAIL,
    W,
    alt,
    compile_pattern,
    relative,
    word_alternation,
    words,
)
from events.extract.rulebook import Candidate, RuleSet
from events.extract.rules_dates import year_of_phrase
from events.extract.sentences import Context
from events.extract.values import Value, decade, latest
from events.model import calendar

RULES = RuleSet()

YEAR_NOUN = alt("period_nouns", "year")
YEAR_SUFFIX = alt("period_nouns", "year_suffix")
THE_OR_THIS = alt("period_nouns", "the_or_this")
MONTH_NOUN = alt("period_nouns", "month")
DECADE_ARTICLE = alt("period_nouns", "decade_article")
CENTURY = alt("period_nouns", "century")
CENTURY_ARTICLE = alt("period_nouns", "century_article")
YEAR_JOINER = alt("joiners", "year_range")
APPROXIMATELY = alt("approximately", "words")
BARE_YEAR = alt("period_nouns", "bare_year")
YEAR_COMPOUND = re.compile(
    rf"\w+(?:{word_alternation(words('period_nouns', 'year_compound'))})\s*$", re.IGNORECASE
)


def _ordinal_part(ordinals: dict[str, int], noun: str):
    """`ersten Quartal 2025`, `zweiten Halbjahres`: an ordinal (group "q"), a noun, a year."""
    ordinal = word_alternation(ordinals)
    return compile_pattern(rf"{W}(?P<x>(?P<q>{ordinal})\s+{alt('period_nouns', noun)}{YEAR_TAIL})")


@RULES.rule("season", compile_pattern(rf"{W}{PREP}(?P<x>{PREREL}(?P<s>{SEASON}){YEAR_TAIL})"))
def _season(m: re.Match, ctx: Context) -> Candidate | None:
    """`Herbst letzten Jahres`, `Frühjahr 2024`, `im Frühjahr`, `im vergangenen Sommer`."""
    name = m["s"].lower()
    code = SEASONS.get(name) or SEASONS.get(name[:-1]) or SEASONS[name[:-2]]  # "Frühjahres"
    year, basis = year_of_phrase(m, ctx)
    if year is not None:
        return Candidate.of(m, basis, Value.part_of_year(year, code))
    if not (m["prep"] or m["prerel"]):
        return None
    story = ctx.story_year(m.start("x"))
    if story is not None and not m["prerel"]:
        return Candidate.of(m, basis, Value.part_of_year(story, code))
    step = relative(m["prerel"]) if m["prerel"] else 0
    future = step > 0 or (step == 0 and ctx.speaks_of_future(m.start("x")))
    value = latest(lambda y: Value.part_of_year(y, code), ctx.published, future)
    if step < 0 and value.start <= ctx.published <= value.end:
        value = Value.part_of_year(value.start.year - 1, code)
    return Candidate.of(m, basis, value)


@RULES.rule("quarter", _ordinal_part(QUARTERS, "quarter"))
def _quarter(m: re.Match, ctx: Context) -> Candidate | None:
    """`ersten Quartal 2025`, `vierten Quartals`: EDTF 33-36."""
    code = QUARTERS[m["q"].lower()]
    year, basis = year_of_phrase(m, ctx)
    if year is None:
        year = ctx.story_year(m.start("x"))
    if year is None:
        value = latest(lambda y: Value.part_of_year(y, code), ctx.published, False)
        return Candidate.of(m, basis, value)
    return Candidate.of(m, basis, Value.part_of_year(year, code))


@RULES.rule("half-year", _ordinal_part(HALF_YEARS, "half_year"))
def _half_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`ersten Halbjahr 2025`, `zweiten Halbjahres`: its months (EDTF 40, 41 in the calendar)."""
    code = HALF_YEARS[m["q"].lower()]
    first_month = calendar.HALF_YEARS[code][0]
    year, basis = year_of_phrase(m, ctx)
    if year is None:
        year = ctx.story_year(m.start("x"))
    if year is None:
        year = ctx.published.year if ctx.published.month >= first_month else ctx.published.year - 1
    value = Value.span(calendar.part_of_year(year, code))
    return Candidate.of(m, basis, value.as_timex(f"{year:04d}-H{code - 39}"))


@RULES.rule(
    "part-of-this-month",
    compile_pattern(rf"{W}(?P<x>(?P<mod>{MOD})\s+{THE_OR_THIS}\s+{MONTH_NOUN})(?!\w)"),
)
def _part_of_this_month(m: re.Match, ctx: Context) -> Candidate | None:
    """`Anfang des Monats`, `Ende dieses Monats`: part of the month of publication."""
    part = MODIFIERS[m["mod"].lower()]
    bounds = calendar.third_of_month(ctx.published.year, ctx.published.month, part)
    return Candidate.of(m, "text+dct", Value.span(bounds))


@RULES.rule(
    "part-of-year",
    compile_pattern(
        rf"{W}(?P<x>(?P<mod>{MOD})\s+(?:(?P<y>{YEAR})"
        rf"|(?:{THE_OR_THIS}\s+)?(?:(?P<rel>{REL})\s+)?{YEAR_SUFFIX}|{BARE_YEAR})(?!\s+\d))"
    ),
)
def _part_of_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`Anfang 2025`, `Ende letzten Jahres`, `Mitte des Jahres`."""
    part = MODIFIERS[m["mod"].lower()]
    year, basis = year_of_phrase(m, ctx)
    if year is None:  # "Ende des Jahres": the narrative's year, or the year of publication
        year = ctx.story_year(m.start("x")) or ctx.published.year
    return Candidate.of(m, basis, Value.span(calendar.third_of_year(year, part)))


@RULES.rule(
    "decade",
    compile_pattern(rf"{W}(?P<x>(?:(?P<mod>{MOD})\s+{DECADE_ARTICLE}\s+)?(?P<dec>{DECADE}))"),
)
def _decade(m: re.Match, ctx: Context) -> Candidate | None:
    """`1990er Jahren`, `Mitte der 1990er Jahre`, `90er Jahre`, `zwanziger Jahre`."""
    digits = re.match(r"\d+", m["dec"])
    if digits is None:  # "zwanziger Jahre": the 1920s
        word = next(w for w in DECADE_WORDS if m["dec"].lower().startswith(w))
        first_year = 1900 + DECADE_WORDS[word]
    else:
        first_year = int(digits[0]) if len(digits[0]) == 4 else 1900 + int(digits[0])
    part = MODIFIERS[m["mod"].lower()] if m["mod"] else None
    return Candidate.of(m, "text", decade(first_year, part))


@RULES.rule(
    "century",
    compile_pattern(
        rf"{W}(?P<x>(?:(?P<mod>{MOD})\s+{CENTURY_ARTICLE}\s+)?(?P<c>\d{{1,2}})\.\s*{CENTURY}"
        rf"(?P<bc>\s+{BEFORE_CHRIST})?)(?!\w)"
    ),
)
def _century(m: re.Match, ctx: Context) -> Candidate | None:
    """`19. Jahrhundert`, `Anfang des 20. Jahrhunderts`, `5. Jahrhundert v. Chr.`."""
    number = int(m["c"])
    if not 1 <= number <= 21:
        return None
    if m["bc"]:  # EDTF counts 1 BC as year 0: the 5th century BC is -0499..-0400
        if m["mod"]:
            return None
        first, last = -(number * 100) + 1, -(number - 1) * 100
        return Candidate.of(m, "text", Value(f"{first:05d}/{last:05d}", date.min, date.min))
    first = (number - 1) * 100
    if m["mod"]:
        value = Value.span(calendar.third_of_century(first, MODIFIERS[m["mod"].lower()]))
    elif first == 0:
        value = Value("00XX", date(1, 1, 1), date(99, 12, 31))
    else:
        value = Value(f"{first // 100:02d}XX", date(first, 1, 1), date(first + 99, 12, 31))
    return Candidate.of(m, "text", value)


@RULES.rule("era-year", compile_pattern(r"(?<![\d.,])(?P<x>(?P<y>\d{1,4})\s*" + ERA + r")"))
def _era_year(m: re.Match, ctx: Context) -> Candidate | None:
    """`44 v. Chr.` (EDTF year -0043: year 0 is 1 BC), `800 n. Chr.`."""
    year = int(m["y"])
    if year == 0:
        return None
    if m["era"].lower() in words("era", "before"):
        edtf_year = -(year - 1)
        text = f"-{abs(edtf_year):04d}" if edtf_year else "0000"
        return Candidate.of(m, "text", Value(text, date.min, date.min))
    return Candidate.of(m, "text", Value.year(year))


def _quantity_follows(m: re.Match, ctx: Context) -> bool:
    """Whether a quantity word follows the mention: "2000 Soldaten"."""
    after = re.match(r"\s*([\w%°€$-]+)", ctx.text[m.end("x") : m.end("x") + 30])
    return bool(after and after[1].lower() in QUANTITY_AFTER)


@RULES.rule(
    "year-range",
    compile_pattern(
        rf"{W}{PREP}(?P<x>(?P<y1>{YEAR})\s*(?P<sep>{YEAR_JOINER}|–|-|/)\s*"
        rf"(?P<y2>{YEAR}|\d\d(?!\d)))(?![.,]\d)"
    ),
)
def _year_range(m: re.Match, ctx: Context) -> Candidate | None:
    """`2014 bis 2016`, `2014–2016`, `2024/25`, `zwischen 2014 und 2016`: one mention per year."""
    first = int(m["y1"])
    second = m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if not first < last <= first + 200:
        return None
    if m["sep"].strip().lower() in AND and (m["prep"] or "").lower() not in BETWEEN:
        return None  # "2014 und 2016" are two years unless "zwischen"
    if _quantity_follows(m, ctx):
        return None
    return Candidate.split(
        m,
        "text",
        [
            (m.start("y1"), m.end("y1"), Value.year(first)),
            (m.start("y2"), m.end("y2"), Value.year(last)),
        ],
    )


@RULES.rule(
    "year",
    compile_pattern(
        rf"(?P<x>(?:(?P<kw>(?<!\w){YEAR_NOUN})\s+|(?P<approx>{APPROXIMATELY})\s+)?(?P<y>{YEAR}))"
        rf"(?!\w)(?!\s*{ERA_AHEAD})"
    ),
)
def _year(m: re.Match, ctx: Context) -> Candidate | None:
    """`Jahr 2024`, `um 1900`, a bare year that is not a quantity."""
    if not m["kw"] and _looks_like_a_number(m, ctx):
        return None
    year = Value.year(int(m["y"]))
    if m["approx"]:  # "um 1900"
        after = ctx.text[m.end("x") : m.end("x") + 5].strip().lower()
        if any(after.startswith(word) for word in CLOCK):
            return None  # "um 1900 Uhr" is a time
        year = Value(year.edtf + "~", year.start, year.end)
    return Candidate.of(m, "text", year)


@RULES.rule(
    "year-three-digits",
    compile_pattern(rf"{W}(?P<x>{YEAR_NOUN}\s+(?P<y>[1-9]\d{{2}}))(?![\d.,]|\s*{ERA_AHEAD})"),
)
def _year_three_digits(m: re.Match, ctx: Context) -> Candidate | None:
    """`im Jahr 578`: a year of the first millennium, named with its noun."""
    return Candidate.of(m, "text", Value.year(int(m["y"])))


def _looks_like_a_number(m: re.Match, ctx: Context) -> bool:
    """A quantity ("rund 2000", "2000 Soldaten"), a code ("AZAL-Flug 1993") or a score; not
    after a compound of "Jahr" ("Kriegsjahr 1914")."""
    before = ctx.text[max(0, m.start("x") - 20) : m.start("x")]
    if YEAR_COMPOUND.search(before):
        return False
    if QUANTITY_BEFORE.search(before) or _quantity_follows(m, ctx):
        return True
    return bool(
        re.search(r"\w[-/]\s*$", before)
        or re.match(r"\s*[:×x]\s*\d+(?![.\d])", ctx.text[m.end("x") : m.end("x") + 20])
    )
